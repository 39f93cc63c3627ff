package dev.newsharvester.pipeline;

import dev.newsharvester.discover.DiscoveredUrl;
import dev.newsharvester.discover.Discoverer;
import dev.newsharvester.discover.Discovery;
import dev.newsharvester.extract.ArticleExtractor;
import dev.newsharvester.fetch.HttpFetcher;
import dev.newsharvester.outlet.Outlet;
import dev.newsharvester.outlet.Outlets;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.Archive;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The harvest: for each outlet, discover article URLs, keep the new ones and those due a revisit,
 * then either send them to the task queue or process them inline through the same
 * {@link #process(ArticleTask) per-article flow}. One outlet's failure never stops the others.
 */
public final class Harvester {

    private final Outlets outlets;
    private final Discoverer discoverer;
    private final ArticleIndex index;
    private final TaskDispatcher dispatcher;
    private final ArticleProcessor processor;
    private final HttpFetcher fetcher;
    private final Clock clock;

    private Harvester(Builder b) {
        this.outlets = Objects.requireNonNull(b.outlets, "outlets");
        this.fetcher = Objects.requireNonNull(b.fetcher, "fetcher");
        this.index = Objects.requireNonNull(b.index, "index");
        this.clock = b.clock;
        this.discoverer = new Discoverer(fetcher);
        this.dispatcher = b.dispatcher;
        this.processor = new ArticleProcessor(outlets, fetcher, b.extractor, Objects.requireNonNull(b.archive, "archive"),
                index, clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Outlets outlets() {
        return outlets;
    }

    /** Harvests the outlets with these ids (all when empty). An unknown id fails before anything is fetched. */
    public HarvestReport harvest(List<String> outletIds, ProgressListener progress) {
        List<Outlet> selected = outlets.select(outletIds);
        List<OutletReport> reports = new ArrayList<>();
        List<ArticleOutcome> outcomes = new ArrayList<>();
        for (Outlet outlet : selected) {
            reports.add(harvest(outlet, progress, outcomes));
        }
        return new HarvestReport(reports, outcomes);
    }

    private OutletReport harvest(Outlet outlet, ProgressListener progress, List<ArticleOutcome> outcomes) {
        List<String> problems = new ArrayList<>();
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        List<ArticleTask> due = new ArrayList<>();
        int discovered = 0;
        try {
            Discovery discovery = discoverer.discover(outlet);
            problems.addAll(discovery.problems());
            discovered = discovery.urls().size();
            for (DiscoveredUrl found : discovery.urls()) {
                if (RevisitPolicy.decide(outlet, index.versions(found.url()), clock.instant()).due()) {
                    due.add(new ArticleTask(outlet.id(), found.url()));
                }
            }
        } catch (RuntimeException e) {
            problems.add("outlet failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return new OutletReport(outlet.id(), discovered, due.size(), 0, 0, 0, counts, problems);
        }
        int notDue = discovered - due.size();
        progress.discovered(outlet.id(), discovered, due.size());
        if (dispatcher != null) {
            dispatcher.dispatch(due);
            return new OutletReport(outlet.id(), discovered, due.size(), notDue, 0, due.size(), counts, problems);
        }
        int done = 0;
        for (ArticleTask task : due) {
            ArticleOutcome outcome = processor.process(task);
            outcomes.add(outcome);
            counts.merge(outcome.outcome(), 1, Integer::sum);
            progress.processed(outcome, ++done, due.size());
        }
        return new OutletReport(outlet.id(), discovered, due.size(), notDue, done, 0, counts, problems);
    }

    /**
     * A fleet worker on this harvester's parts (outlets, fetcher, extractor, archive, index, discovery memory) and
     * the fleet's shared state.
     */
    public FleetWorker fleetWorker(dev.newsharvester.fleet.HostLeases leases, dev.newsharvester.fleet.Frontier frontier,
            dev.newsharvester.fleet.DiscoveryClaims claims, TaskQueue queue) {
        return new FleetWorker(outlets, fetcher, processor, discoverer, index, leases, frontier, claims, queue);
    }

    /** Processes one article task: the per-article flow, shared by every entry point. Never throws. */
    public ArticleOutcome process(ArticleTask task) {
        return processor.process(task);
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

        private Builder() {
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

        public Harvester build() {
            return new Harvester(this);
        }
    }
}
