package dev.newsharvester.pipeline;

import static dev.newsharvester.pipeline.CityPapers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.local.LocalStack;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.Archive;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The inline harvest works on different hosts at once and keeps each host's pace: five city papers, each on its own
 * loopback address (127.0.0.21–25) with a feed of five full article pages and a crawl delay of one second, harvested
 * by the real pipeline (embedded DynamoDB and S3). The servers' own request logs show one request at a time per host,
 * at least the crawl delay apart, and the whole harvest in little more than one host's time.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HarvesterParallelTest {


    @TempDir
    Path tmp;

    private final List<Site> sites = new ArrayList<>();
    private LocalStack stack;

    /** The embedded store, started by the tests that harvest. */
    private LocalStack stack() {
        if (stack == null) {
            stack = LocalStack.inMemory();
        }
        return stack;
    }

    @AfterEach
    void stop() {
        sites.forEach(Site::close);
        if (stack != null) {
            stack.close();
        }
    }

    /** What a listener saw, and from which threads. */
    private static final class Recorder implements ProgressListener {
        final Map<String, List<Integer>> doneByOutlet = new ConcurrentHashMap<>();
        final List<HarvestProgress> overall = Collections.synchronizedList(new ArrayList<>());
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final Map<String, Integer> discovered = new ConcurrentHashMap<>();

        @Override
        public void discovered(String outlet, int urls, int due) {
            discovered.put(outlet, due);
        }

        @Override
        public void processed(ArticleOutcome outcome, int done, int total) {
            threads.add(Thread.currentThread().getName());
            doneByOutlet.computeIfAbsent(outcome.outlet(), o -> Collections.synchronizedList(new ArrayList<>())).add(done);
        }

        @Override
        public void progress(HarvestProgress p) {
            overall.add(p);
        }
    }

    @Test
    void differentHostsAreHarvestedInParallelAndEachHostKeepsItsCrawlDelay() throws IOException {
        Duration delay = Duration.ofSeconds(1);
        for (City c : CITIES) {
            sites.add(site(c, TOPICS, delay));
        }
        Harvester harvester = Wiring.harvester(env(outletsYaml(sites, delay)), stack().s3(), stack().dynamoDb(), null);
        Recorder recorder = new Recorder();

        long t0 = System.nanoTime();
        HarvestReport report = harvester.harvest(List.of(), recorder);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        // The report is the sequential one: outlets in configured order, outcomes in outlet and then feed order.
        assertEquals(CITIES.stream().map(City::id).toList(), report.outlets().stream().map(OutletReport::outlet).toList());
        for (OutletReport r : report.outlets()) {
            assertEquals(List.of(5, 5, 0, 5, 0, 5, 0), List.of(r.discovered(), r.due(), r.notDue(), r.fetched(), r.dispatched(),
                    r.count(Outcome.NEW), r.count(Outcome.FAILED)), () -> r + "\n" + report.outcomes());
            assertEquals(List.of(), r.problems());
        }
        assertEquals(25, report.total(Outcome.NEW), report.outcomes()::toString);
        assertEquals(sites.stream().flatMap(s -> s.articlePaths.stream().map(s::url)).toList(),
                report.outcomes().stream().map(ArticleOutcome::url).toList());

        // Per host: one request at a time, and the crawl delay between the end of one and the start of the next.
        long sequentialNanos = 0;
        for (Site s : sites) {
            List<Request> requests = s.requests();
            assertEquals(s.server.hits().size(), requests.size(), "every request of " + s.city.id() + " was logged");
            assertEquals(7, requests.size(), () -> s.city.id() + ": robots.txt, the feed and five articles: " + requests);
            assertEquals(Set.of("/robots.txt", "/rss.xml"), Set.of(requests.get(0).path(), requests.get(1).path()));
            assertGapsAtLeast(s, requests, delay.minusMillis(50));
            sequentialNanos += (requests.size() - 1) * delay.toNanos();
        }
        // One host after another would take at least 5 hosts × 6 delays = 30 s; in parallel it is about one host's 6 s.
        Duration sequential = Duration.ofNanos(sequentialNanos);
        System.out.printf("HarvesterParallelTest: %d hosts, %d requests, sequential bound %d ms, harvest took %d ms (%.0f %%)%n",
                sites.size(), sites.stream().mapToInt(s -> s.log.size()).sum(), sequential.toMillis(), took.toMillis(),
                100.0 * took.toNanos() / sequential.toNanos());
        assertTrue(took.toNanos() < sequential.toNanos() * 6 / 10, () -> "took " + took.toMillis() + " ms; host after host: "
                + sequential.toMillis() + " ms");

        // Progress: per outlet 1..5 in order, overall 1..25, from more than one thread, several hosts busy at once.
        for (City c : CITIES) {
            assertEquals(List.of(1, 2, 3, 4, 5), recorder.doneByOutlet.get(c.id()), c.id());
            assertEquals(5, recorder.discovered.get(c.id()));
        }
        List<HarvestProgress> overall = List.copyOf(recorder.overall);
        assertEquals(25, overall.size());
        for (int i = 0; i < overall.size(); i++) {
            assertEquals(i + 1, overall.get(i).done());
            assertEquals(25, overall.get(i).total());
            assertEquals(5, overall.get(i).hosts());
        }
        assertTrue(overall.stream().mapToInt(HarvestProgress::hostsBusy).max().orElse(0) >= 2, overall::toString);
        assertTrue(recorder.threads.size() >= 2, recorder.threads::toString);
    }

    @Test
    void aBoundedPoolAndAnOutletThatFailsAlone() throws IOException {
        Duration delay = Duration.ofMillis(300);
        for (City c : CITIES) {
            sites.add(site(c, TOPICS.subList(0, 3), delay));
        }
        // The fifth outlet's discovery throws: the index fails every look-up of its URLs.
        Site broken = sites.get(4);
        Settings env = env(outletsYaml(sites, delay));
        Harvester harvester = Harvester.builder()
                .outlets(Wiring.outlets(env, stack().s3()))
                .fetcher(Wiring.fetcher(env))
                .archive(new Archive(stack.s3(), stack.bucket()))
                .index(new ArticleIndex(failingFor(stack.dynamoDb(), broken.server.base()), stack.table()))
                .parallelism(2)
                .build();
        Recorder recorder = new Recorder();

        HarvestReport report = harvester.harvest(List.of(), recorder);

        Map<String, OutletReport> byOutlet = report.outlets().stream().collect(Collectors.toMap(OutletReport::outlet, r -> r,
                (a, b) -> a, LinkedHashMap::new));
        assertEquals(List.of("kyiv", "lviv", "odesa", "kharkiv", "dnipro"), List.copyOf(byOutlet.keySet()));
        for (String id : List.of("kyiv", "lviv", "odesa", "kharkiv")) {
            OutletReport r = byOutlet.get(id);
            assertEquals(List.of(3, 3, 3), List.of(r.discovered(), r.fetched(), r.count(Outcome.NEW)), () -> r + "\n" + report.outcomes());
        }
        OutletReport failed = byOutlet.get("dnipro");
        assertEquals(List.of(0, 0), List.of(failed.fetched(), failed.count(Outcome.NEW)));
        assertEquals(List.of("outlet failed: DynamoDbException: the index is unavailable"), failed.problems());
        assertEquals(List.of("/robots.txt", "/rss.xml"), broken.requests().stream().map(Request::path).sorted().toList());
        assertEquals(12, report.outcomes().size());

        assertTrue(recorder.threads.size() <= 2, recorder.threads::toString);
        assertTrue(recorder.overall.stream().allMatch(p -> p.hostsBusy() <= 2 && p.hosts() == 4), recorder.overall::toString);
        for (Site s : sites) {
            assertGapsAtLeast(s, s.requests(), delay.minusMillis(50));
        }
    }

    @Test
    void parallelismBelowOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Harvester.builder().parallelism(0));
        assertEquals("parallelism must be at least 1 (threads working on different hosts at once), was 0", e.getMessage());
    }

    @Test
    void hostsAreGroupedByNameWithoutPortOrUserInfo() {
        assertEquals("127.0.0.21", Harvester.host("http://127.0.0.21:8080/news/a"));
        assertEquals("www.example.com", Harvester.host("https://user@WWW.Example.com/a"));
        assertEquals("[::1]", Harvester.host("http://[::1]:8080/a"));
        assertEquals("kyiv_news.example", Harvester.host("https://kyiv_news.example:8443/a"));
        assertEquals("url:not a url", Harvester.host("not a url"));
    }

    /** A DynamoDB client that fails every query whose request mentions {@code text}. */
    private static DynamoDbClient failingFor(DynamoDbClient real, String text) {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("query") && args != null && args.length == 1
                            && args[0] instanceof QueryRequest q && q.toString().contains(text)) {
                        throw DynamoDbException.builder().message("the index is unavailable").build();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Per host: no request starts before the previous one ended, and every gap is at least {@code least}. */
    private static void assertGapsAtLeast(Site s, List<Request> requests, Duration least) {
        for (int i = 1; i < requests.size(); i++) {
            Request prev = requests.get(i - 1);
            Request next = requests.get(i);
            long gap = next.start() - prev.end();
            assertTrue(gap >= least.toNanos(), () -> s.city.id() + ": " + prev.path() + " → " + next.path() + " only "
                    + TimeUnit.NANOSECONDS.toMillis(gap) + " ms apart");
        }
    }

    /** A city paper serving robots.txt (404), a feed and one full article page per topic. */

    private Settings env(String outletsYaml) throws IOException {
        Path file = tmp.resolve("outlets.yaml");
        Files.writeString(file, outletsYaml, StandardCharsets.UTF_8);
        return Settings.store(stack().table(), stack.bucket()).withOutletsUri(file.toString())
                .withAllowPrivateNetworks("127.0.0.0/8");
    }
}
