package dev.newsharvester.health;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The health of one outlet at one instant.
 *
 * @param lastDiscovery  the last discovery run that found article URLs (null: never)
 * @param lastNew        the last NEW article (null: none in the 35 days the counters keep)
 * @param day            article outcomes over the last 24 hours
 * @param week           article outcomes over the last 7 days
 * @param completeness   what the new articles of the last 7 days carried
 * @param recent         new articles of the recent window DRIFT looks at (the last 24 h, widened hour by hour up to
 *                       7 days until it holds {@link HealthThresholds#driftMinRecent()} of them)
 * @param baseline       new articles before that window (up to 35 days): the outlet's own history
 * @param lastRuns       URLs found by the last discovery runs, newest first
 * @param flags          what is wrong
 * @param reasons        a sentence per flag saying why
 */
public record OutletHealth(String outlet, Instant lastDiscovery, Instant lastNew, Outcomes day, Outcomes week,
        Completeness completeness, Completeness recent, Completeness baseline, List<Long> lastRuns, Set<Flag> flags,
        List<String> reasons) {

    public OutletHealth {
        lastRuns = List.copyOf(lastRuns);
        flags = Set.copyOf(flags);
        reasons = List.copyOf(reasons);
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }
}
