package dev.newsharvester.fingerprint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Computes the {@link Fingerprint} of a clean article text. Stateless and thread-safe. */
public final class Fingerprinter {

    private Fingerprinter() {
    }

    /**
     * SHA-256 (lower-case hex of the UTF-8 bytes) of {@link TextNormalizer#normalize(String)},
     * the {@link SimHash} and the {@link MinHash} signature of the text.
     */
    public static Fingerprint of(String cleanText) {
        String normalized = TextNormalizer.normalize(cleanText);
        return new Fingerprint(sha256Hex(normalized), SimHash.of(normalized), MinHash.of(normalized));
    }

    /** Estimated Jaccard similarity of the content words of two texts, in [0, 1]. */
    public static double storySimilarity(MinHash a, MinHash b) {
        return a.similarity(b);
    }

    static String sha256Hex(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
