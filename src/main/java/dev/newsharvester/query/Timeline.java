package dev.newsharvester.query;

import dev.newsharvester.store.HistoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The history of one article across its addresses: the URL asked about first, then the other addresses a
 * same-article redirect links to it; every version (with what changed) and every lifecycle entry of each.
 */
public record Timeline(List<String> addresses, List<VersionChange> versions, List<HistoryEvent> events) {

    public Timeline {
        addresses = List.copyOf(addresses);
        versions = List.copyOf(versions);
        events = List.copyOf(events);
    }

    /** One row: a version or a lifecycle entry (the other null). */
    public record Entry(Instant at, VersionChange version, HistoryEvent event) {
    }

    /** Versions (at first sight) and lifecycle entries in one list, newest first. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        versions.forEach(v -> out.add(new Entry(v.version().firstSeen(), v, null)));
        events.forEach(e -> out.add(new Entry(e.at(), null, e)));
        out.sort(Comparator.comparing(Entry::at).reversed());
        return out;
    }

    /** A lifecycle entry in words, e.g. {@code DELETED (HTTP 410)} or {@code REDIRECTED to <url> (the same article)}. */
    public static String describe(HistoryEvent e) {
        String s = switch (e.kind()) {
            case SUSPECTED_GONE -> "gone? (not confirmed yet)";
            case DELETED -> "DELETED";
            case RESTORED -> "RESTORED";
            case REDIRECTED -> "REDIRECTED to " + e.target() + (e.sameArticle() ? " (the same article)" : " (another page)");
            case MOVED_FROM -> "MOVED here from " + e.target();
        };
        return s + (e.note() == null || e.kind() == HistoryEvent.Kind.REDIRECTED ? "" : ": " + e.note())
                + (e.httpStatus() > 0 ? " [HTTP " + e.httpStatus() + "]" : "");
    }
}
