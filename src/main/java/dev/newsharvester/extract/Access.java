package dev.newsharvester.extract;

import java.util.List;

/**
 * Whether a version of an article is free to read, behind a paywall, and cut off by it.
 *
 * @param free      what the page declares ({@code isAccessibleForFree}, {@code article:content_tier}) or, without a
 *                  declaration, FALSE when a paywall shows and UNKNOWN otherwise
 * @param paywalled the page is not free, or shows a paywall in its content (a "subscribe to continue" call, a
 *                  paywall box with text)
 * @param truncated the extracted body looks cut off by that paywall (ends at the paywall box, is much shorter than
 *                  the declared word count, the declared paywalled part is missing, the last paragraph fades out)
 * @param signals   short names of what was seen, e.g. {@code jsonld:free=false}, {@code call}, {@code words:120/900}
 */
public record Access(Free free, boolean paywalled, boolean truncated, List<String> signals) {

    /** Three-valued: the page may say nothing. */
    public enum Free { TRUE, FALSE, UNKNOWN }

    /** Nothing known: what versions stored before access was read say. */
    public static final Access UNKNOWN = new Access(Free.UNKNOWN, false, false, List.of());

    public Access {
        free = free == null ? Free.UNKNOWN : free;
        signals = signals == null ? List.of() : List.copyOf(signals);
        truncated = truncated && paywalled;
    }

    /**
     * The short code kept in the index: {@code free} ({@code T}, {@code F}, {@code U}), then {@code p} when
     * paywalled and {@code t} when truncated: {@code T}, {@code U}, {@code Fp}, {@code Fpt}, {@code Upt}.
     */
    public String code() {
        return free.name().charAt(0) + (paywalled ? "p" : "") + (truncated ? "t" : "");
    }

    /** The access a {@linkplain #code() code} stands for (signals are not kept in it); null or unreadable is UNKNOWN. */
    public static Access fromCode(String code) {
        if (code == null || code.isEmpty()) {
            return UNKNOWN;
        }
        Free free = switch (code.charAt(0)) {
            case 'T' -> Free.TRUE;
            case 'F' -> Free.FALSE;
            default -> Free.UNKNOWN;
        };
        return new Access(free, code.indexOf('p') > 0, code.indexOf('t') > 0, List.of());
    }

    /** For people: {@code free}, {@code paywalled}, {@code paywalled, cut off}, {@code unknown}. */
    public String label() {
        if (paywalled) {
            return truncated ? "paywalled, cut off" : "paywalled";
        }
        return switch (free) {
            case TRUE -> "free";
            case FALSE -> "not free";
            case UNKNOWN -> "unknown";
        };
    }
}
