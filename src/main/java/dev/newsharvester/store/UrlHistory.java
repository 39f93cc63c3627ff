package dev.newsharvester.store;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything stored about one URL: its versions, newest first by first sight, and its lifecycle entries, oldest first.
 */
public record UrlHistory(List<StoredVersion> versions, List<HistoryEvent> events) {

    /** Versions newest first by first sight (then last sight, then key), as every version list is ordered. */
    static final Comparator<StoredVersion> NEWEST_FIRST = Comparator.comparing(StoredVersion::firstSeen).reversed()
            .thenComparing(v -> v.lastVisit().seen(), Comparator.reverseOrder()).thenComparing(StoredVersion::hash);

    /** Versions in the order they were last seen (ties: by first sight): the greatest is a URL's current version. */
    static final Comparator<StoredVersion> SEEN_LAST = Comparator.comparing((StoredVersion v) -> v.lastVisit().seen())
            .thenComparing(StoredVersion::firstSeen);

    public UrlHistory {
        versions = List.copyOf(versions);
        events = List.copyOf(events);
    }

    /** The version seen last (the one the URL showed when it last answered with its article). */
    public Optional<StoredVersion> current() {
        return versions.stream().max(SEEN_LAST);
    }

    /** The other addresses of the same article: targets and sources of same-article redirects, in entry order. */
    public List<String> otherAddresses() {
        return events.stream().filter(HistoryEvent::linksAddresses).map(HistoryEvent::target).distinct().toList();
    }
}
