package dev.newsharvester.change;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One change of one URL, published once its version or lifecycle entry is indexed.
 *
 * @param id             stable for the change (the same on a retry), so a consumer can drop repeats: see {@link #idOf}
 * @param kind           what happened
 * @param at             when it was observed
 * @param versionBefore  the version key before (null for NEW)
 * @param versionAfter   the version key after (null for DELETED and REDIRECTED)
 * @param titleBefore    headline before (null for NEW)
 * @param titleAfter     headline after (null when there is no article any more)
 * @param cleanKeyBefore clean copy before, in the archive bucket
 * @param cleanKeyAfter  clean copy after
 * @param changes        for REVISED: what changed; {@link Changes#NONE} otherwise
 * @param redirectTo     for REDIRECTED: the target URL
 * @param sameArticle    for REDIRECTED: whether the target carries the same article (a moved address)
 */
public record ChangeEvent(String id, ChangeKind kind, String outlet, String url, Instant at, String versionBefore,
        String versionAfter, String titleBefore, String titleAfter, String cleanKeyBefore, String cleanKeyAfter,
        Changes changes, String redirectTo, boolean sameArticle) {

    public ChangeEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outlet, "outlet");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(at, "at");
        changes = changes == null ? Changes.NONE : changes;
    }

    /**
     * The id of a change: a function of the URL, the kind and the version (or, for lifecycle events, the version
     * they end and the target), never of the time, so that a retried task that records the same change again yields
     * the same id.
     */
    public static String idOf(ChangeKind kind, String url, String versionBefore, String versionAfter, String redirectTo) {
        String s = kind + "\n" + url + "\n" + versionBefore + "\n" + versionAfter + "\n" + redirectTo;
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
