package dev.newsharvester.health;

import dev.newsharvester.store.HealthCounters;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Turns the shared health counters into a {@link HealthReport}: per outlet a few reads (its hour buckets of the
 * last 35 days, its last runs, its latest times), then {@link #assess} — pure, so tested on its own.
 */
public final class HealthEvaluator {

    static final Duration DAY = Duration.ofDays(1);
    static final Duration WEEK = Duration.ofDays(7);
    /** A field DRIFT watches must have been carried by at least this share of the baseline's articles. */
    static final double FIELD_FLOOR = 0.5;

    private final HealthCounters counters;
    private final HealthThresholds thresholds;

    public HealthEvaluator(HealthCounters counters, HealthThresholds thresholds) {
        this.counters = Objects.requireNonNull(counters, "counters");
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    public HealthThresholds thresholds() {
        return thresholds;
    }

    /** The health of these outlets at {@code at}, in the order given. */
    public HealthReport evaluate(List<String> outlets, Instant at) {
        List<OutletHealth> out = new ArrayList<>();
        for (String outlet : outlets) {
            out.add(assess(outlet, counters.latest(outlet),
                    counters.hours(outlet, at.minus(HealthCounters.RETENTION), at.plusMillis(1)),
                    counters.runs(outlet, at, thresholds.silentRuns()), at, thresholds));
        }
        return new HealthReport(at, thresholds, out);
    }

    /**
     * One outlet's health from its counters.
     *
     * @param hours its hour buckets up to {@code at}, oldest first
     * @param runs  its last discovery runs, newest first (at least {@code silentRuns} of them if there are)
     */
    static OutletHealth assess(String outlet, HealthCounters.Latest latest, List<HealthCounters.Hour> hours,
            List<HealthCounters.Run> runs, Instant at, HealthThresholds t) {
        // windows of whole hour buckets: "24 h" are the current hour and the 23 before it
        Instant hour = at.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        Instant dayStart = hour.minus(DAY);
        Instant weekStart = hour.minus(WEEK);
        List<HealthCounters.Hour> day = since(hours, dayStart);
        List<HealthCounters.Hour> week = since(hours, weekStart);
        Outcomes dayOutcomes = Outcomes.of(day);

        // the recent window: the last 24 h, widened an hour at a time (at most to 7 days) until it holds enough pages
        Instant recentStart = dayStart;
        long recentCount = Completeness.of(day).pages();
        for (int i = hours.size() - 1; i >= 0 && recentCount < t.driftMinRecent(); i--) {
            HealthCounters.Hour h = hours.get(i);
            if (h.start().isBefore(recentStart) && !h.start().isBefore(weekStart)) {
                recentStart = h.start();
                recentCount += h.newArticles() + h.notArticle();
            }
        }
        Instant cut = recentStart;
        Completeness recent = Completeness.of(since(hours, cut));
        Completeness baseline = Completeness.of(hours.stream().filter(h -> h.start().isBefore(cut)).toList());

        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        List<String> reasons = new ArrayList<>();
        if (runs.size() >= t.silentRuns() && runs.stream().limit(t.silentRuns()).allMatch(r -> r.discovered() == 0)) {
            flags.add(Flag.SILENT);
            reasons.add("SILENT: no article URL discovered in the last " + t.silentRuns() + " runs (since "
                    + runs.get(t.silentRuns() - 1).run() + ")");
        }
        if (dayOutcomes.total() >= t.failingMin() && dayOutcomes.failedShare() > t.failingShare()) {
            flags.add(Flag.FAILING);
            reasons.add("FAILING: " + dayOutcomes.count("FAILED") + " of " + dayOutcomes.total()
                    + " articles FAILED in 24 h (" + dayOutcomes.blocked() + " BLOCKED), over the "
                    + percent(t.failingShare()) + " threshold");
        }
        List<String> drift = drift(recent, baseline, t);
        if (!drift.isEmpty()) {
            flags.add(Flag.DRIFT);
            reasons.add("DRIFT: " + String.join("; ", drift) + " (" + recent.articles() + " new articles since "
                    + cut + " against " + baseline.articles() + " before)");
        }
        Instant lastNew = hours.stream().map(HealthCounters.Hour::lastNew).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        return new OutletHealth(outlet, latest.lastDiscovery(), lastNew, dayOutcomes, Outcomes.of(week),
                Completeness.of(week), recent, baseline, runs.stream().map(HealthCounters.Run::discovered).toList(),
                flags, reasons);
    }

    /** What fell sharply, one phrase each; empty when nothing did or there are too few articles to say. */
    static List<String> drift(Completeness recent, Completeness baseline, HealthThresholds t) {
        List<String> out = new ArrayList<>();
        if (recent.pages() < t.driftMinRecent() || baseline.articles() < t.driftMinBaseline()) {
            return out;
        }
        double keep = 1 - t.driftDrop();
        // pages that no longer give an article at all ("no article body found"): the plainest redesign
        if (baseline.articleYield() >= FIELD_FLOOR && recent.articleYield() < baseline.articleYield() * keep) {
            out.add("an article in " + percent(recent.articleYield()) + " of new pages against "
                    + percent(baseline.articleYield()));
        }
        if (recent.articles() < t.driftMinRecent()) {
            return out;   // too few articles left to judge what they carry
        }
        if (baseline.medianWords() != null && recent.medianWords() != null
                && recent.medianWords() < baseline.medianWords() * keep) {
            out.add("median words " + recent.medianWords() + " against " + baseline.medianWords());
        }
        field(out, "title", recent, baseline, Completeness::title, keep);
        field(out, "authors", recent, baseline, Completeness::authors, keep);
        field(out, "published", recent, baseline, Completeness::published, keep);
        field(out, ">=80 words", recent, baseline, Completeness::words80, keep);
        return out;
    }

    private static void field(List<String> out, String name, Completeness recent, Completeness baseline,
            ToLongFunction<Completeness> count, double keep) {
        double before = baseline.share(count.applyAsLong(baseline));
        double now = recent.share(count.applyAsLong(recent));
        if (before >= FIELD_FLOOR && now < before * keep) {
            out.add(name + " on " + percent(now) + " against " + percent(before));
        }
    }

    private static List<HealthCounters.Hour> since(List<HealthCounters.Hour> hours, Instant from) {
        return hours.stream().filter(h -> !h.start().isBefore(from)).toList();
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
