package dev.newsharvester.store;

import java.time.Instant;

/**
 * The last visit to a version's page: when it was seen and fetched, and the HTTP validators the fetch returned. Every
 * re-fetch replaces these four together ({@link ArticleIndex#markSeen}), which is why the listing indexes leave them
 * out. Any may be null: {@link #NONE} in a listing view; {@code fetched} is null in items written before it was.
 *
 * @param seen         when this version was last seen ({@code lastSeen}; set in every item written)
 * @param fetched      when its page was last fetched ({@code lastFetched})
 * @param etag         the {@code ETag} the last fetch returned
 * @param lastModified the {@code Last-Modified} the last fetch returned, as sent
 */
public record LastVisit(Instant seen, Instant fetched, String etag, String lastModified) {

    /** Unknown: a listing view, which the indexes return without the last visit. */
    public static final LastVisit NONE = new LastVisit(null, null, null, null);

    /** A visit at {@code at} that returned no validators. */
    public static LastVisit at(Instant at) {
        return new LastVisit(at, at, null, null);
    }

    /** When the page was last fetched: {@code fetched}, else (items written before it was) {@code seen}. */
    public Instant fetchedOrSeen() {
        return fetched != null ? fetched : seen;
    }

    /** A visit at {@code at}, validators replaced when non-null (mirrors {@link ArticleIndex#markSeen}). */
    public LastVisit again(Instant at, String newEtag, String newLastModified) {
        return new LastVisit(at, at, newEtag != null ? newEtag : etag,
                newLastModified != null ? newLastModified : lastModified);
    }

    /** This visit with the validators a fetch returned (null ones included). */
    public LastVisit withValidators(String newEtag, String newLastModified) {
        return new LastVisit(seen, fetched, newEtag, newLastModified);
    }
}
