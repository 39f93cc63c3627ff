package dev.newsharvester.pipeline;

import dev.newsharvester.health.HealthReport;
import java.util.List;

/**
 * The result of one harvest: per-outlet counts, for inline processing every article outcome, and the harvested
 * outlets' health after it (null when the harvest keeps no health counters).
 */
public record HarvestReport(List<OutletReport> outlets, List<ArticleOutcome> outcomes, HealthReport health) {

    public HarvestReport {
        outlets = List.copyOf(outlets);
        outcomes = List.copyOf(outcomes);
    }

    public HarvestReport(List<OutletReport> outlets, List<ArticleOutcome> outcomes) {
        this(outlets, outcomes, null);
    }

    /** Total of one outcome over all outlets. */
    public int total(Outcome outcome) {
        return outlets.stream().mapToInt(o -> o.count(outcome)).sum();
    }
}
