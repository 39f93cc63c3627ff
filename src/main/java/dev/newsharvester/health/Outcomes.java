package dev.newsharvester.health;

import dev.newsharvester.store.HealthCounters;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Article outcomes of one outlet over a window, by outcome name (NEW, REVISED, UNCHANGED, DUPLICATE, SKIPPED,
 * FAILED, ...); {@code blocked} counts the FAILED ones whose fetch was blocked (401, 403, 451, an anti-bot page).
 */
public record Outcomes(Map<String, Long> counts, long blocked) {

    public Outcomes {
        counts = Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    static Outcomes of(List<HealthCounters.Hour> hours) {
        Map<String, Long> counts = new TreeMap<>();
        long blocked = 0;
        for (HealthCounters.Hour h : hours) {
            h.outcomes().forEach((k, v) -> counts.merge(k, v, Long::sum));
            blocked += h.blocked();
        }
        return new Outcomes(counts, blocked);
    }

    public long count(String outcome) {
        return counts.getOrDefault(outcome, 0L);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** FAILED (BLOCKED included) over all outcomes; 0 when there were none. */
    public double failedShare() {
        long total = total();
        return total == 0 ? 0 : (double) count("FAILED") / total;
    }
}
