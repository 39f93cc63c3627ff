package dev.newsharvester.athena;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One question to the archive, as {@code search} and {@code export} take it: a query (null or blank for every
 * article, which only an export allows), outlets (empty for all), an inclusive range of days (the {@code dt}
 * partition; null for open), a grouping for counts, a row limit, and whether every version counts or only the
 * latest per URL.
 */
public record SearchRequest(String query, List<String> outlets, LocalDate since, LocalDate until, CountBy countBy,
        int limit, boolean allVersions) {

    /** What {@code --count-by} groups by. */
    public enum CountBy { DAY, WEEK, OUTLET }

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 10_000;
    private static final Pattern OUTLET_ID = Pattern.compile("[a-z0-9-]+");

    public SearchRequest {
        outlets = outlets == null ? List.of() : List.copyOf(outlets);
        for (String o : outlets) {
            if (o == null || !OUTLET_ID.matcher(o).matches()) {
                throw new IllegalArgumentException("--outlet '" + o + "' is not an outlet id: ids match [a-z0-9-]+,"
                        + " e.g. --outlet unn,up");
            }
        }
        if (since != null && until != null && since.isAfter(until)) {
            throw new IllegalArgumentException("--since " + since + " is after --until " + until
                    + ": swap them or widen the range");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("--limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** A search for the query over all outlets and days, latest versions, the default limit. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, List.of(), null, null, null, DEFAULT_LIMIT, false);
    }

    public SearchRequest withOutlets(List<String> ids) {
        return new SearchRequest(query, ids, since, until, countBy, limit, allVersions);
    }

    public SearchRequest withDays(LocalDate from, LocalDate to) {
        return new SearchRequest(query, outlets, from, to, countBy, limit, allVersions);
    }

    public SearchRequest withCountBy(CountBy by) {
        return new SearchRequest(query, outlets, since, until, by, limit, allVersions);
    }

    public SearchRequest withLimit(int n) {
        return new SearchRequest(query, outlets, since, until, countBy, n, allVersions);
    }

    public SearchRequest withAllVersions(boolean all) {
        return new SearchRequest(query, outlets, since, until, countBy, limit, all);
    }

    /** Whether the request names words to look for. */
    public boolean hasQuery() {
        return query != null && !query.isBlank();
    }
}
