package dev.newsharvester.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One lifecycle entry in a URL's history, next to its versions in the {@code Articles} table under the sort key
 * {@code event#<time>#<kind>} ({@link #key()}), which never equals a content hash.
 *
 * @param outlet      the outlet of the URL
 * @param at          when it was observed (fixed-width UTC in the key, so keys sort by time)
 * @param kind        what happened
 * @param httpStatus  the status that showed it (404, 410, 200 for a soft 404, 301...), 0 when none
 * @param target      REDIRECTED: where the URL now leads; MOVED_FROM: the old address; else null
 * @param sameArticle REDIRECTED and MOVED_FROM: whether the target carries the same article (one article, two addresses)
 * @param version     the version key this entry ends (DELETED, REDIRECTED) or resumes (RESTORED), or null
 * @param note        a short human-readable reason, or null
 */
public record HistoryEvent(String url, String outlet, Instant at, Kind kind, int httpStatus, String target,
        boolean sameArticle, String version, String note) {

    /** The kinds of lifecycle entry. */
    public enum Kind {
        /** A first sign the article is gone (404/410, a "not found" page, no article text), not yet confirmed. */
        SUSPECTED_GONE,
        /** Gone, confirmed by a second check at least the confirmation delay after the suspicion. */
        DELETED,
        /** The URL now redirects to {@code target}. */
        REDIRECTED,
        /** This URL is where {@code target}, an older address of the same article, now redirects. */
        MOVED_FROM,
        /** The article is back after {@link #DELETED}. */
        RESTORED
    }

    public HistoryEvent {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(outlet, "outlet");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
    }

    /** The entry's sort key: {@code event#<yyyy-MM-ddTHH:mm:ss.SSSZ>#<kind>}. */
    public String key() {
        return IndexSchema.EVENT_PREFIX + Items.formatTs(at) + "#" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether this entry links two addresses of one article. */
    public boolean linksAddresses() {
        return sameArticle && target != null && (kind == Kind.REDIRECTED || kind == Kind.MOVED_FROM);
    }
}
