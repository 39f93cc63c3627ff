package dev.newsharvester.pipeline;

import dev.newsharvester.change.ChangeSink;
import dev.newsharvester.discover.DiscoveredUrl;
import dev.newsharvester.discover.Discoverer;
import dev.newsharvester.discover.Discovery;
import dev.newsharvester.extract.ArticleExtractor;
import dev.newsharvester.fetch.HttpFetcher;
import dev.newsharvester.health.HealthReport;
import dev.newsharvester.health.HealthThresholds;
import dev.newsharvester.outlet.Outlet;
import dev.newsharvester.outlet.Outlets;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.DueIndex;
import dev.newsharvester.store.HealthCounters;
import dev.newsharvester.store.HealthObjects;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import dev.newsharvester.fleet.DiscoveryClaims;
import dev.newsharvester.fleet.Frontier;
import dev.newsharvester.fleet.HostLeases;

/**
 * The harvest: for each outlet, discover article URLs, keep the new ones and those due a revisit,
 * then either send them to the task queue or process them inline through the same
 * {@link #process(ArticleTask) per-article flow}. One outlet's failure never stops the others.
 *
 * <p>Different hosts are worked on in parallel, on at most {@link Builder#parallelism(int) parallelism} threads, and
 * one host never by two threads at once ({@link HostScheduler}): first the outlets are discovered (outlets grouped by
 * the host of their first feed, sitemap or listing), then, inline, the due articles of all outlets are processed,
 * grouped by the host of their URL, each host's articles in outlet order and then discovery order, with the outlet's
 * crawl delay between two of them. The fetcher's per-host pacing (one request in flight, the crawl delay between two)
 * holds underneath across all threads. The report is the one a sequential run gives: outlets in configured order,
 * outcomes in outlet order and then discovery order.
 */
public final class Harvester {

    /** Threads working on different hosts at once, unless {@link Builder#parallelism(int)} says otherwise. */
    public static final int DEFAULT_PARALLELISM = 8;

    private final Outlets outlets;
    private final Discoverer discoverer;
    private final ArticleIndex index;
    private final TaskDispatcher dispatcher;
    private final ArticleProcessor processor;
    private final HttpFetcher fetcher;
    private final Clock clock;
    private final int parallelism;
    private final HealthMonitor health;
    /** The long revisits ({@link Revisits#NONE}: only discovered URLs are visited). */
    private final Revisits revisits;

    private Harvester(Builder b) {
        this.outlets = Objects.requireNonNull(b.outlets, "outlets");
        this.fetcher = Objects.requireNonNull(b.fetcher, "fetcher");
        this.index = Objects.requireNonNull(b.index, "index");
        this.clock = b.clock;
        this.discoverer = new Discoverer(fetcher);
        this.dispatcher = b.dispatcher;
        this.parallelism = b.parallelism;
        this.health = b.health == null ? null : b.health.apply(index, clock);
        this.processor = new ArticleProcessor(outlets, fetcher, b.extractor, Objects.requireNonNull(b.archive, "archive"),
                index, clock, b.changeSink, b.deletionConfirmAfter);
        this.revisits = b.due == null ? Revisits.NONE : new Revisits(b.due, index, outlets, clock, b.deletionConfirmAfter);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Outlets outlets() {
        return outlets;
    }

    /** What counts this harvester's outcomes and discoveries into outlet health; null when nothing does. */
    public HealthMonitor health() {
        return health;
    }

    /** Threads working on different hosts at once. */
    public int parallelism() {
        return parallelism;
    }

    /** What discovery left for one outlet: the due tasks (with {@code revisits} from the due index), or a failure. */
    private record Found(int discovered, List<ArticleTask> due, int revisits, List<String> problems, OutletReport failed) {
        int notDue() {
            return discovered - (due.size() - revisits);
        }
    }

    /**
     * Harvests the outlets with these ids (all when empty). An unknown id fails before anything is fetched.
     * The listener is called from the harvest's worker threads (see {@link ProgressListener}).
     */
    public HarvestReport harvest(List<String> outletIds, ProgressListener progress) {
        List<Outlet> selected = outlets.select(outletIds);
        long started = System.nanoTime();
        Instant run = clock.instant();
        Object calls = new Object();   // one listener call at a time; also serialises dispatch
        Found[] found = new Found[selected.size()];
        Revisits.Claimed claimed = revisits.claimDueOrNone(selected.stream().map(Outlet::id).toList());
        new HostScheduler<>(selected, Harvester::discoveryHost, Outlet::crawlDelay).run(parallelism, "harvest-discovery",
                (i, outlet) -> found[i] = discover(outlet, run, progress, calls,
                        claimed.of(outlet.id())));

        List<OutletReport> reports = new ArrayList<>();
        if (dispatcher != null) {
            for (int i = 0; i < selected.size(); i++) {
                Found f = found[i];
                reports.add(f.failed() != null ? f.failed() : new OutletReport(selected.get(i).id(), f.discovered(),
                        f.due().size(), f.notDue(), 0, f.due().size(), null, f.problems()));
            }
            return new HarvestReport(reports, List.of(), evaluateHealth(selected));
        }

        List<ArticleTask> tasks = new ArrayList<>();
        List<Integer> outletOf = new ArrayList<>();
        Map<String, Duration> delays = new HashMap<>();
        for (int i = 0; i < selected.size(); i++) {
            delays.put(selected.get(i).id(), selected.get(i).crawlDelay());
            if (found[i].failed() == null) {
                tasks.addAll(found[i].due());
                outletOf.addAll(Collections.nCopies(found[i].due().size(), i));
            }
        }
        ArticleOutcome[] results = new ArticleOutcome[tasks.size()];
        int[] doneByOutlet = new int[selected.size()];
        int[] doneAll = {0};
        HostScheduler<ArticleTask> articles = new HostScheduler<>(tasks, t -> host(t.url()), t -> delays.get(t.outlet()));
        articles.run(parallelism, "harvest", (i, task) -> {
            ArticleOutcome outcome = processInline(task);
            results[i] = outcome;
            int o = outletOf.get(i);
            synchronized (calls) {
                progress.processed(outcome, ++doneByOutlet[o], found[o].due().size());
                progress.progress(new HarvestProgress(++doneAll[0], tasks.size(), articles.busyHosts(), articles.hosts(),
                        Duration.ofNanos(System.nanoTime() - started)));
            }
        });

        for (int i = 0, next = 0; i < selected.size(); i++) {
            Found f = found[i];
            if (f.failed() != null) {
                reports.add(f.failed());
                continue;
            }
            Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
            for (int k = 0; k < f.due().size(); k++) {
                counts.merge(results[next + k].outcome(), 1, Integer::sum);
            }
            next += f.due().size();
            reports.add(new OutletReport(selected.get(i).id(), f.discovered(), f.due().size(),
                    f.notDue(), f.due().size(), 0, counts, f.problems()));
        }
        return new HarvestReport(reports, Arrays.asList(results), evaluateHealth(selected));
    }

    /** The outlets' health after this harvest (null without a monitor, or when the counters cannot be read). */
    private HealthReport evaluateHealth(List<Outlet> selected) {
        if (health == null) {
            return null;
        }
        try {
            return health.evaluate(selected.stream().map(Outlet::id).toList());
        } catch (RuntimeException e) {
            return null;   // health is an observation: the harvest's own report stands
        }
    }

    /** Discovers one outlet, adds its URLs the due index holds due; with a queue, dispatches. A failure is its report. */
    private Found discover(Outlet outlet, Instant run, ProgressListener progress, Object calls, List<ArticleTask> dueNow) {
        List<String> problems = new ArrayList<>();
        List<ArticleTask> due = new ArrayList<>();
        int discovered = 0;
        int revisited = 0;
        try {
            Discovery discovery = discoverer.discover(outlet);
            problems.addAll(discovery.problems());
            discovered = discovery.urls().size();
            for (DiscoveredUrl found : discovery.urls()) {
                if (RevisitPolicy.decide(outlet, index.history(found.url(), false), clock.instant()).due()) {
                    due.add(new ArticleTask(outlet.id(), found.url()));
                }
            }
            revisited = Revisits.addMissing(due, dueNow);
        } catch (RuntimeException e) {
            if (health != null) {
                health.discovered(outlet.id(), run, 0);
            }
            problems.add("outlet failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return new Found(discovered, due, 0, problems,
                    new OutletReport(outlet.id(), discovered, due.size(), 0, 0, 0, null, problems));
        }
        if (health != null) {
            health.discovered(outlet.id(), run, discovered);
        }
        synchronized (calls) {
            progress.discovered(outlet.id(), discovered, due.size());
            if (dispatcher != null) {
                dispatcher.dispatch(due);   // as soon as the outlet is discovered; a failure ends the harvest
            }
        }
        return new Found(discovered, due, revisited, problems, null);
    }

    /** The per-article flow; it does not throw, but if it did, the other hosts' articles would go on. */
    private ArticleOutcome processInline(ArticleTask task) {
        ArticleOutcome outcome;
        try {
            outcome = processor.process(task);
        } catch (RuntimeException e) {
            outcome = ArticleOutcome.failedRetryable(task, "error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (health != null) {
            health.processed(outcome);
        }
        revisits.visited(outcome);
        return outcome;
    }

    /** The host an outlet's discovery starts on: that of its first feed, sitemap or listing. */
    private static String discoveryHost(Outlet outlet) {
        for (List<URI> sources : List.of(outlet.feeds(), outlet.sitemaps(), outlet.listings())) {
            if (!sources.isEmpty()) {
                return host(sources.get(0).toString());
            }
        }
        return "outlet:" + outlet.id();
    }

    /**
     * The host part of a URL, lower-case, without user info or port (ports do not matter: the fetcher paces by host
     * name). A URL without a readable host is its own group; the fetcher's pacing still applies to it.
     */
    static String host(String url) {
        try {
            URI u = new URI(url);
            String h = u.getHost();
            String authority = u.getRawAuthority();
            if (h == null && authority != null) {
                h = authority.substring(authority.lastIndexOf('@') + 1);
                if (h.startsWith("[")) {
                    h = h.substring(0, h.indexOf(']') + 1);
                } else if (h.lastIndexOf(':') >= 0) {
                    h = h.substring(0, h.lastIndexOf(':'));
                }
            }
            if (h != null && !h.isEmpty()) {
                return h.toLowerCase(Locale.ROOT);
            }
        } catch (URISyntaxException e) {
            // its own group
        }
        return "url:" + url;
    }

    /**
     * A fleet worker on this harvester's parts (outlets, fetcher, extractor, archive, index, discovery memory) and
     * the fleet's shared state.
     */
    public FleetWorker fleetWorker(HostLeases leases, Frontier frontier,
            DiscoveryClaims claims, TaskQueue queue) {
        return new FleetWorker(outlets, fetcher, processor, discoverer, index, leases, frontier, claims, queue, health,
                revisits);
    }

    /** Processes one article task: the per-article flow, shared by every entry point. Never throws. */
    public ArticleOutcome process(ArticleTask task) {
        ArticleOutcome outcome = processor.process(task);
        if (health != null) {
            health.processed(outcome);
        }
        revisits.visited(outcome);
        return outcome;
    }

    /** Options for a {@link Harvester}. Outlets, fetcher, archive and index are required. */
    public static final class Builder {
        private Outlets outlets;
        private HttpFetcher fetcher;
        private ArticleExtractor extractor = new ArticleExtractor();
        private Archive archive;
        private ArticleIndex index;
        private TaskDispatcher dispatcher;
        private Clock clock = Clock.systemUTC();
        private int parallelism = DEFAULT_PARALLELISM;
        private BiFunction<ArticleIndex, Clock, HealthMonitor> health;
        private ChangeSink changeSink = ChangeSink.NONE;
        private Duration deletionConfirmAfter = Lifecycle.DEFAULT_CONFIRM_AFTER;
        private DueIndex due;

        private Builder() {
        }

        /** Told every NEW, REVISED, DELETED, REDIRECTED and RESTORED change once indexed (default: {@link ChangeSink#NONE}). */
        public Builder changeSink(ChangeSink sink) {
            this.changeSink = Objects.requireNonNull(sink, "changeSink (use ChangeSink.NONE for none)");
            return this;
        }

        /**
         * How long after the first sign that a stored article is gone (404, 410, a "not found" page) a later fetch may
         * confirm it DELETED (default 1 hour), so that one flapping answer is not a deletion.
         */
        public Builder deletionConfirmAfter(Duration delay) {
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException("deletionConfirmAfter must be zero or positive (e.g. PT1H), was " + delay);
            }
            this.deletionConfirmAfter = delay;
            return this;
        }

        /** Schedules revisits in this due index and visits the URLs it holds due (default: none, discovered URLs only). */
        public Builder dueIndex(DueIndex due) {
            this.due = due;
            return this;
        }

        /**
         * Counts outcomes and discoveries into these health counters and evaluates them after each harvest, storing
         * the health object in {@code objects} (null: not stored). Default: no health.
         */
        public Builder health(HealthCounters counters, HealthThresholds thresholds, HealthObjects objects) {
            this.health = (index, clock) -> new HealthMonitor(counters, thresholds, objects, index, clock);
            return this;
        }

        public Builder outlets(Outlets outlets) {
            this.outlets = outlets;
            return this;
        }

        public Builder fetcher(HttpFetcher fetcher) {
            this.fetcher = fetcher;
            return this;
        }

        public Builder extractor(ArticleExtractor extractor) {
            this.extractor = extractor;
            return this;
        }

        public Builder archive(Archive archive) {
            this.archive = archive;
            return this;
        }

        public Builder index(ArticleIndex index) {
            this.index = index;
            return this;
        }

        /** Where tasks go; null (the default) processes them inline. */
        public Builder dispatcher(TaskDispatcher dispatcher) {
            this.dispatcher = dispatcher;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * At most this many threads working on different hosts at once, in discovery and in inline processing (default
         * {@value Harvester#DEFAULT_PARALLELISM}; never more than there are hosts). One host is never worked on by two threads.
         */
        public Builder parallelism(int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1 (threads working on different hosts"
                        + " at once), was " + parallelism);
            }
            this.parallelism = parallelism;
            return this;
        }

        public Harvester build() {
            return new Harvester(this);
        }
    }
}
