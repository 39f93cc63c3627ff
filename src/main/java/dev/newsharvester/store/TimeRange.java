package dev.newsharvester.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A span of time the archive is asked about ({@code --since}/{@code --until} on the command line, {@code since}/{@code
 * until} on the web page): both ends included, at millisecond precision (what the index keys), either end open (null).
 * The one place where such bounds are read from text, so that every command means the same by them: a date alone is
 * a whole day in UTC, so {@code --since 2025-08-21 --until 2025-08-21} is that one day.
 */
public record TimeRange(Instant since, Instant until) {

    /** No bound at either end. */
    public static final TimeRange ALL = new TimeRange(null, null);

    private static final String FORMS = "is not an ISO date (2025-08-23) or instant (2025-08-23T08:00:00Z)";

    public TimeRange {
        since = since == null ? null : since.truncatedTo(ChronoUnit.MILLIS);
        until = until == null ? null : until.truncatedTo(ChronoUnit.MILLIS);
        if (since != null && until != null && since.isAfter(until)) {
            throw new IllegalArgumentException("since " + since + " is after until " + until + ": give the earlier time"
                    + " first");
        }
    }

    /**
     * The range two options give; {@code sinceName}/{@code untilName} name them in the one-line error of a bound that
     * does not parse or of a range the wrong way round (e.g. {@code "--since"}, or {@code "parameter 'since'"}).
     */
    public static TimeRange parse(String since, String until, String sinceName, String untilName) {
        Instant from = bound(since, false, sinceName);
        Instant to = bound(until, true, untilName);
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException(sinceName + " " + from + " is after " + untilName + " " + to
                    + ": give the earlier time to " + sinceName);
        }
        return new TimeRange(from, to);
    }

    /**
     * One bound: null when absent or blank; an ISO instant as given; an ISO date as its day's first millisecond, or
     * for an upper bound ({@code end}) its last, so the day is included.
     */
    public static Instant bound(String value, boolean end, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return end ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
                        : day.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' " + FORMS);
        }
    }

    /** Whether {@code t} (at millisecond precision) lies in the range. */
    public boolean contains(Instant t) {
        Instant at = t.truncatedTo(ChronoUnit.MILLIS);
        return (since == null || !at.isBefore(since)) && (until == null || !at.isAfter(until));
    }

    /** Whether both ends are open. */
    public boolean isAll() {
        return since == null && until == null;
    }
}
