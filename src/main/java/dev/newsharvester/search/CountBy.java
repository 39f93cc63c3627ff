package dev.newsharvester.search;

import java.util.Locale;

/** How {@link SearchIndex#count} groups the matching articles. */
public enum CountBy {
    /** Per UTC day of publication (else first fetch): {@code 2025-08-21}. */
    DAY,
    /** Per ISO week, named by its Monday: {@code 2025-08-18}. */
    WEEK,
    /** Per outlet id. */
    OUTLET;

    /** {@code day}, {@code week} or {@code outlet}, in any case. */
    public static CountBy parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--count-by: '" + s + "' is not one of day, week, outlet");
        }
    }
}
