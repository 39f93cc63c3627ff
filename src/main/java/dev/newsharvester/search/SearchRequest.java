package dev.newsharvester.search;

import java.time.Instant;
import java.util.List;
import dev.newsharvester.store.TimeRange;

/**
 * A question to the search index.
 *
 * @param query    Lucene classic syntax: words (all must match), "phrases", AND / OR / NOT, parentheses, {@code
 *                 field:value} for the fields title, body, author, outlet, url, lang; blank or {@code *} matches every
 *                 article
 * @param outlets  only these outlets (empty: all)
 * @param since    only articles published (else first fetched) at or after this (null: no bound)
 * @param until    ... and at or before this (null: no bound); see {@link TimeRange}
 * @param limit    how many ranked results {@link SearchIndex#search} returns (≥ 1)
 * @param versions the latest version per URL (default) or every stored version
 */
public record SearchRequest(String query, List<String> outlets, Instant since, Instant until, int limit,
        Versions versions) {

    /** Which versions are searched and counted. */
    public enum Versions {
        /** The version each URL shows now. */
        LATEST,
        /** Every stored version. */
        ALL;

        /** {@code latest} or {@code all}, in any case. */
        public static Versions parse(String s) {
            for (Versions v : values()) {
                if (v.name().equalsIgnoreCase(s.strip())) {
                    return v;
                }
            }
            throw new IllegalArgumentException("--versions: '" + s + "' is not one of latest, all");
        }
    }

    public static final int DEFAULT_LIMIT = 20;

    public SearchRequest {
        query = query == null ? "" : query.strip();
        outlets = outlets == null ? List.of() : List.copyOf(outlets);
        versions = versions == null ? Versions.LATEST : versions;
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be 1 or more, got " + limit);
        }
        new TimeRange(since, until);   // both ends included; the wrong way round is refused there
    }

    /** Every latest article matching {@code query}, the default limit. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, List.of(), null, null, DEFAULT_LIMIT, Versions.LATEST);
    }
}
