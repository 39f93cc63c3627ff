package dev.newsharvester.pipeline;

import java.util.List;

/** The result of one harvest: per-outlet counts and, for inline processing, every article outcome. */
public record HarvestReport(List<OutletReport> outlets, List<ArticleOutcome> outcomes) {

    public HarvestReport {
        outlets = List.copyOf(outlets);
        outcomes = List.copyOf(outcomes);
    }

    /** Total of one outcome over all outlets. */
    public int total(Outcome outcome) {
        return outlets.stream().mapToInt(o -> o.count(outcome)).sum();
    }
}
