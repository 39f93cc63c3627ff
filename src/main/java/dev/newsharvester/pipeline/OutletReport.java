package dev.newsharvester.pipeline;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one harvest did for one outlet.
 *
 * @param discovered article URLs found in feeds, sitemaps and listings
 * @param due        of those, new or due a revisit
 * @param notDue     known URLs skipped by the revisit policy (too old, or fetched too recently)
 * @param dispatched tasks sent to the queue (0 when processed inline)
 * @param counts     outcomes of the tasks processed inline
 * @param problems   discovery problems (unreachable feed, malformed sitemap, …) and outlet failures
 */
public record OutletReport(String outlet, int discovered, int due, int notDue, int dispatched,
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
