package dev.newsharvester.pipeline;

import dev.newsharvester.fetch.FetchStatus;
import dev.newsharvester.health.HealthEvaluator;
import dev.newsharvester.health.HealthReport;
import dev.newsharvester.health.HealthThresholds;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.HealthCounters;
import dev.newsharvester.store.HealthObjects;
import dev.newsharvester.store.StoredVersion;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Outlet health in the flow: counts every final article outcome and every outlet discovery into the shared
 * {@link HealthCounters} (from inline harvests and fleet workers alike), and evaluates the counters into a
 * {@link HealthReport} that is also stored as the run's health object ({@link HealthObjects}).
 *
 * <p>Counting never fails the work it counts: a counter write that fails is dropped (and counted in
 * {@link #dropped()}); health is an observation, the archive is the record.
 */
public final class HealthMonitor {

    private final HealthCounters counters;
    private final HealthEvaluator evaluator;
    private final HealthObjects objects;
    private final ArticleIndex index;
    private final Clock clock;
    private final java.util.concurrent.atomic.AtomicLong dropped = new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param objects where each evaluation's JSON goes (null: nowhere)
     * @param index   where a NEW article's fields are read (null: only its outcome is counted)
     */
    public HealthMonitor(HealthCounters counters, HealthThresholds thresholds, HealthObjects objects,
            ArticleIndex index, Clock clock) {
        this.counters = Objects.requireNonNull(counters, "counters");
        this.evaluator = new HealthEvaluator(counters, thresholds);
        this.objects = objects;
        this.index = index;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Counts one outlet's discovery by the run started at {@code run}: the article URLs it found (0 on failure). */
    void discovered(String outlet, Instant run, int urls) {
        try {
            counters.discovery(outlet, run, clock.instant(), urls);
        } catch (RuntimeException e) {
            dropped.incrementAndGet();
        }
    }

    /** The same for a fleet run id (the planner's start instant); a run id of another shape is not counted. */
    void discovered(String outlet, String run, int urls) {
        try {
            discovered(outlet, Instant.parse(run), urls);
        } catch (DateTimeParseException | NullPointerException e) {
            dropped.incrementAndGet();
        }
    }

    /** Counts one final article outcome (not DEFERRED: it is not final); a NEW one with what its version carries. */
    void processed(ArticleOutcome o) {
        if (o == null || o.outcome() == Outcome.DEFERRED || o.outlet() == null) {
            return;
        }
        try {
            HealthCounters.NewArticle fresh = null;
            if (o.outcome() == Outcome.NEW && index != null && o.hash() != null) {
                Optional<StoredVersion> v = index.get(o.url(), o.hash());
                fresh = v.map(s -> new HealthCounters.NewArticle(s.reader().title() != null && !s.reader().title().isBlank(),
                        !s.reader().authors().isEmpty(), s.reader().published() != null && !s.reader().published().isBlank(),
                        s.sketch().wordCount())).orElse(null);
            }
            // ArticleProcessor's reason for a fetch that ended BLOCKED (401, 403, 451, an anti-bot page)
            boolean blocked = o.outcome() == Outcome.FAILED && o.reason() != null
                    && o.reason().startsWith(FetchStatus.BLOCKED.name() + ":");
            // and its reason for a page with no article in it (a redesign the extractor does not know, often)
            boolean notArticle = o.outcome() == Outcome.SKIPPED && o.reason() != null
                    && o.reason().startsWith("not an article");
            counters.outcome(o.outlet(), clock.instant(), o.outcome().name(), blocked, notArticle, fresh);
        } catch (RuntimeException e) {
            dropped.incrementAndGet();
        }
    }

    /** Evaluates these outlets now and stores the report as the run's health object (and the latest). */
    public HealthReport evaluate(List<String> outlets) {
        HealthReport report = evaluator.evaluate(outlets, clock.instant());
        if (objects != null) {
            objects.put(report.at(), report.toJson());
        }
        return report;
    }

    /** Counter writes that failed and were dropped since this monitor was made. */
    public long dropped() {
        return dropped.get();
    }
}
