package dev.newsharvester.pipeline;

import java.time.Instant;
import java.util.List;

/**
 * What to reprocess.
 *
 * @param outlets    outlet ids; empty means every configured outlet
 * @param since      only articles whose time (published, else first seen) is at or after this; null: all
 * @param all        also re-extract versions the current extractor produced (normally passed over)
 * @param resumeFrom where an interrupted run stopped in the first outlet (a time, inclusive); null to start at {@code since}
 */
public record ReprocessRequest(List<String> outlets, Instant since, boolean all, Instant resumeFrom) {

    public ReprocessRequest {
        outlets = outlets == null ? List.of() : List.copyOf(outlets);
    }

    public static ReprocessRequest of(List<String> outlets, Instant since) {
        return new ReprocessRequest(outlets, since, false, null);
    }
}
