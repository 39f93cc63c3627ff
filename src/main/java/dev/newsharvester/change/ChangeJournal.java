package dev.newsharvester.change;

import dev.newsharvester.store.ChangeLog;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The change log read and written as {@link ChangeEvent}s: {@link ChangeLog} keeps the objects, {@link ChangeEventJson}
 * their format. Writing is idempotent per event ({@link #record} is true only for the call that created the entry);
 * reading goes by outlet and day prefixes.
 */
public final class ChangeJournal {

    private final ChangeLog log;

    public ChangeJournal(ChangeLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Logs the event unless it is logged already; true only for the call that logged it. */
    public boolean record(ChangeEvent event) {
        return log.append(event.outlet(), event.at(), event.id(), ChangeEventJson.toBytes(event));
    }

    /**
     * The logged events, newest first.
     *
     * @param outlet one outlet, or null for every outlet with changes
     * @param since  only events at or after this time (null: all); the listing starts at its day
     * @param kinds  only these kinds (empty: all)
     */
    public List<ChangeEvent> read(String outlet, Instant since, Set<ChangeKind> kinds) {
        List<String> outlets = outlet == null ? log.outlets() : List.of(outlet);
        LocalDate day = since == null ? null : LocalDate.ofInstant(since, ZoneOffset.UTC);
        List<ChangeEvent> out = new ArrayList<>();
        for (String o : outlets) {
            for (String key : log.keys(o, day)) {
                ChangeEvent e = ChangeEventJson.read(log.read(key));
                if ((since == null || !e.at().isBefore(since)) && (kinds.isEmpty() || kinds.contains(e.kind()))) {
                    out.add(e);
                }
            }
        }
        out.sort(Comparator.comparing(ChangeEvent::at).thenComparing(ChangeEvent::id).reversed());
        return out;
    }

    /** An outlet's latest {@code n} events logged from {@code since}'s day on, newest first (what a feed shows). */
    public List<ChangeEvent> latest(String outlet, int n, Instant since) {
        return latestKeys(outlet, n, since).stream().map(this::read).toList();
    }

    /** The log keys of {@link #latest}, newest first: one listing, no reads. */
    public List<String> latestKeys(String outlet, int n, Instant since) {
        List<String> keys = log.keys(outlet, LocalDate.ofInstant(since, ZoneOffset.UTC));
        List<String> out = new ArrayList<>();
        for (int i = keys.size() - 1; i >= 0 && out.size() < n; i--) {   // keys sort by day, then time
            out.add(keys.get(i));
        }
        return out;
    }

    /** The event logged under {@code key}. */
    public ChangeEvent read(String key) {
        return ChangeEventJson.read(log.read(key));
    }

    /** The event id a log key ends with. */
    public static String idOf(String key) {
        return ChangeLog.idOf(key);
    }

    /**
     * Kinds from a comma-separated list in any case ({@code revised,deleted}); blank or null means every kind.
     *
     * @throws IllegalArgumentException naming the bad kind and the good ones
     */
    public static Set<ChangeKind> kinds(String spec) {
        Set<ChangeKind> out = EnumSet.noneOf(ChangeKind.class);
        if (spec == null || spec.isBlank()) {
            return out;
        }
        for (String part : spec.split(",")) {
            String name = part.trim().toUpperCase(Locale.ROOT);
            try {
                out.add(ChangeKind.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--kind: '" + part.trim() + "' is not a change kind: give one or more of"
                        + " new,revised,deleted,redirected,restored (comma-separated)");
            }
        }
        return out;
    }
}
