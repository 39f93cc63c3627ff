package dev.newsharvester.health;

/**
 * When {@link HealthEvaluator} raises a flag. Read from the environment by {@code pipeline.Settings}.
 *
 * @param silentRuns       SILENT after this many consecutive discovery runs without a URL (HEALTH_SILENT_RUNS, 3)
 * @param failingShare     FAILING when FAILED (BLOCKED included) over all outcomes of 24 h exceeds this
 *                         (HEALTH_FAILING_SHARE, 0.5)
 * @param failingMin       ... and at least this many outcomes were counted in those 24 h (HEALTH_FAILING_MIN, 5)
 * @param driftDrop        DRIFT when a recent median word count or field share is below (1 - this) times the
 *                         baseline's (HEALTH_DRIFT_DROP, 0.5)
 * @param driftMinRecent   new articles the recent window needs (HEALTH_DRIFT_MIN_RECENT, 5)
 * @param driftMinBaseline new articles the baseline needs (HEALTH_DRIFT_MIN_BASELINE, 20)
 */
public record HealthThresholds(int silentRuns, double failingShare, int failingMin, double driftDrop,
        int driftMinRecent, int driftMinBaseline) {

    public static final HealthThresholds DEFAULT = new HealthThresholds(3, 0.5, 5, 0.5, 5, 20);

    public HealthThresholds {
        atLeastOne(silentRuns, "HEALTH_SILENT_RUNS (consecutive empty discovery runs before SILENT)");
        share(failingShare, "HEALTH_FAILING_SHARE (share of FAILED outcomes before FAILING)");
        atLeastOne(failingMin, "HEALTH_FAILING_MIN (outcomes in 24 h before FAILING can be raised)");
        share(driftDrop, "HEALTH_DRIFT_DROP (relative fall against the outlet's history before DRIFT)");
        atLeastOne(driftMinRecent, "HEALTH_DRIFT_MIN_RECENT (recent new articles before DRIFT can be raised)");
        atLeastOne(driftMinBaseline, "HEALTH_DRIFT_MIN_BASELINE (earlier new articles before DRIFT can be raised)");
    }

    private static void atLeastOne(int v, String name) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be a whole number of at least 1, was " + v);
        }
    }

    private static void share(double v, String name) {
        if (!(v > 0 && v < 1)) {
            throw new IllegalArgumentException(name + " must be a fraction between 0 and 1 exclusive (e.g. 0.5), was " + v);
        }
    }
}
