package dev.newsharvester.pipeline;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one harvest did for one outlet.
 *
 * @param discovered article URLs found in feeds, sitemaps and listings
 * @param due        new or due a revisit: discovered ones, and those the due index holds though discovery did not find them
 * @param notDue     discovered known URLs skipped by the revisit policy (past {@code revisitUntil}, fetched since
 *                   their last rung, or less than {@code minRevisitInterval} ago)
 * @param fetched    due URLs fetched in this run, inline (known ones with a conditional GET); 0 when queued
 * @param dispatched tasks sent to the queue (0 when processed inline)
 * @param counts     outcomes of the tasks processed inline
 * @param problems   discovery problems (unreachable feed, malformed sitemap, …) and outlet failures
 */
public record OutletReport(String outlet, int discovered, int due, int notDue, int fetched, int dispatched,
        Map<Outcome, Integer> counts, List<String> problems) {

    public OutletReport {
        EnumMap<Outcome, Integer> all = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            all.put(o, counts == null ? 0 : counts.getOrDefault(o, 0));
        }
        counts = java.util.Collections.unmodifiableMap(all);
        problems = List.copyOf(problems);
    }

    public int count(Outcome outcome) {
        return counts.get(outcome);
    }
}
