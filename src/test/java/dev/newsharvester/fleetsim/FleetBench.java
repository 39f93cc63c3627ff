package dev.newsharvester.fleetsim;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a fleet simulation from the command line (test classpath) and prints its {@link FleetReport}.
 *
 * <pre>
 * FleetBench [HOSTS ARTICLES_PER_HOST WORKERS DELAY_MS LATENCY_MS]          default 12 15 10 1000 100
 * FleetBench discovery [OUTLETS OUTLETS_PER_HOST WORKERS DELAY_MS LATENCY_MS ARTICLES_PER_OUTLET]
 *                                                                         default 1000 1 10 1000 100 0
 * </pre>
 * The first form is {@code FleetSimIT}'s run with other sizes: seeded by one planner invocation, it ends when every
 * article was fetched and the queue is empty. The discovery form serves OUTLETS feeds on loopback (one outlet per
 * address by default: 1,000 HTTP servers on 127.0.0.10 … 127.0.3.241; OUTLETS_PER_HOST > 1 puts several outlets on one
 * address with feeds /feed.xml, /feed-1.xml, …, which then share that host's politeness), seeds the planner, and
 * times until every outlet's feed was fetched (counting answered /feed requests). With the default of 0 articles per
 * outlet the feeds list nothing, so the run measures discovery alone.
 *
 * <p>Run (from the project directory):
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
 * "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx2g \
 *     -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) dev.newsharvester.fleetsim.FleetBench 12 15 10 1000 100
 * </pre>
 */
public final class FleetBench {

    private FleetBench() {
    }

    public static void main(String[] args) {
        boolean discovery = args.length > 0 && args[0].equals("discovery");
        List<String> a = List.of(args).subList(discovery ? 1 : 0, args.length);
        int status = 0;
        try {
            if (discovery) {
                discovery(arg(a, 0, 1000), arg(a, 1, 1), arg(a, 2, 10), arg(a, 3, 1000), arg(a, 4, 100), arg(a, 5, 0));
            } else {
                articles(arg(a, 0, 12), arg(a, 1, 15), arg(a, 2, 10), arg(a, 3, 1000), arg(a, 4, 100));
            }
        } catch (RuntimeException | Error e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status); // DynamoDB Local and Pekko leave threads behind
    }

    private static int arg(List<String> a, int i, int fallback) {
        return a.size() > i ? Integer.parseInt(a.get(i)) : fallback;
    }

    static void articles(int hosts, int articles, int workers, int delayMs, int latencyMs) {
        System.out.printf(Locale.ROOT, "fleet: %d hosts x %d articles, W=%d, delay %d ms, latency %d ms%n", hosts, articles,
                workers, delayMs, latencyMs);
        try (FleetSim sim = FleetSim.builder()
                .hosts(h -> h.hosts(hosts).articlesPerOutlet(articles).crawlDelay(Duration.ofMillis(delayMs))
                        .latency(Duration.ofMillis(latencyMs)))
                .workers(workers).worker(FleetWiring::worker).start()) {
            sim.seedWithPlanner(FleetWiring.planner(sim));
            long expected = (long) hosts * articles;
            Duration limit = Duration.ofSeconds(120).plus(Duration.ofMillis((long) (delayMs + 2L * latencyMs) * expected));
            FleetReport r = sim.run(limit, () -> sim.hosts().log().fetchedArticles() >= expected);
            System.out.println(r.toText(60));
            // Round 2: every article asked again (as a revisit would), conditionally: the servers answer 304.
            System.out.println("REVISIT ROUND: every article sent again; conditional GETs answered 304 (UNCHANGED)");
            sim.seedArticles();
            FleetReport again = sim.run(limit, () -> sim.hosts().log().fetchedArticles() >= expected);
            System.out.println(again.toText(60));
        }
    }

    static void discovery(int outlets, int perHost, int workers, int delayMs, int latencyMs, int articles) {
        int hosts = (outlets + perHost - 1) / perHost;
        System.out.printf(Locale.ROOT, "discovery: %d outlets on %d loopback hosts (%d per host), W=%d, delay %d ms, "
                + "latency %d ms, %d articles per feed%n", hosts * perHost, hosts, perHost, workers, delayMs, latencyMs, articles);
        long t0 = System.nanoTime();
        try (FleetSim sim = FleetSim.builder()
                .hosts(h -> h.hosts(hosts).outletsPerHost(perHost).articlesPerOutlet(articles)
                        .crawlDelay(Duration.ofMillis(delayMs)).latency(Duration.ofMillis(latencyMs)))
                .workers(workers).worker(FleetWiring::worker).checkEvery(Duration.ofMillis(250)).start()) {
            System.out.printf(Locale.ROOT, "started in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            int total = hosts * perHost;
            sim.seedWithPlanner(FleetWiring.planner(sim));
            long expectedArticles = (long) total * articles;
            Duration limit = Duration.ofSeconds(600).plus(Duration.ofMillis((long) (delayMs + 3L * latencyMs) * total));
            FleetReport r = sim.run(limit, () -> sim.hosts().feedRequests() >= total
                    && sim.hosts().log().fetchedArticles() >= expectedArticles);
            List<RequestLog.Request> feeds = sim.hosts().log().requests(q -> q.path().startsWith("/feed") && q.answered());
            List<RequestLog.Request> all = sim.hosts().log().requests();
            Map<String, Integer> perFeed = new HashMap<>();
            feeds.forEach(f -> perFeed.merge(f.host() + f.path(), 1, Integer::sum));
            long first = all.isEmpty() ? 0 : all.get(0).startNanos();
            long[] ends = feeds.stream().mapToLong(RequestLog.Request::endNanos).sorted().toArray();
            System.out.println(r.toText(15));
            System.out.printf(Locale.ROOT, "DISCOVERY: %d of %d feeds fetched (%d feed requests); ", perFeed.size(), total,
                    feeds.size());
            if (ends.length >= total) {
                System.out.printf(Locale.ROOT, "all fetched %.1f s after the first request (half at %.1f s, 90%% at %.1f s); ",
                        (ends[total - 1] - first) / 1e9, (ends[total / 2] - first) / 1e9, (ends[(int) (total * 0.9)] - first) / 1e9);
            }
            System.out.printf(Locale.ROOT, "planner billed %.1f s, workers %.1f s%n", r.plannerBilledSeconds(),
                    r.workerBilledSeconds());
        }
    }
}
