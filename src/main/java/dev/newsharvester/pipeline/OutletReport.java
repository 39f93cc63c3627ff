package dev.newsharvester.pipeline;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one harvest did for one outlet.
 *
 * @param discovered article URLs found in feeds, sitemaps and listings
 * @param due        of those, new or due a revisit
 * @param notDue     known URLs skipped by the revisit policy (older than the revisit window, or fetched less than the
 *                   minimum revisit interval ago)
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
