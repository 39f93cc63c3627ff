package dev.newsharvester.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A question to the search index.
 *
 * @param query    Lucene classic syntax: words (all must match), "phrases", AND / OR / NOT, parentheses, {@code
 *                 field:value} for the fields title, body, author, outlet, url, lang; blank or {@code *} matches every
 *                 article
 * @param outlets  only these outlets (empty: all)
 * @param since    only articles published (else first fetched) at or after this (null: no bound)
 * @param until    ... and before this (null: no bound)
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
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("--since " + since + " is not before --until " + until
                    + ": swap them or widen the range");
        }
    }

    /** Every latest article matching {@code query}, the default limit. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, List.of(), null, null, DEFAULT_LIMIT, Versions.LATEST);
    }

    /**
     * A bound from the command line: an ISO instant, or a date (UTC), which for {@code --until} includes that whole
     * day ({@code --since 2025-08-21 --until 2025-08-21} is that one day).
     */
    public static Instant time(String value, boolean until, String option) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (until ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + ": '" + value
                    + "' is not an ISO date (2025-08-23) or instant (2025-08-23T08:00:00Z)");
        }
    }
}
