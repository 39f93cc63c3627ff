package dev.newsharvester.pipeline;

import dev.newsharvester.fingerprint.TextNormalizer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a reader sees of an article besides its body: the headline and the byline (the set of authors), normalised so
 * that only an edit a reader would notice counts: Unicode NFKC, whitespace collapsed, quotes, apostrophes and dashes
 * unified (as {@link TextNormalizer} does for the body), authors case-folded, order and repeats ignored.
 *
 * @param headline the normalised headline ("" when none)
 * @param authors  the normalised, case-folded author names
 */
record ReaderView(String headline, SortedSet<String> authors) {

    /** Hex digits of the view hash in a version's sort key: 32 bits, enough to tell apart one URL's bylines. */
    static final int HASH_DIGITS = 8;

    ReaderView {
        Objects.requireNonNull(headline, "headline");
        authors = new TreeSet<>(authors);
    }

    static ReaderView of(String title, List<String> authors) {
        SortedSet<String> names = new TreeSet<>();
        for (String a : authors == null ? List.<String>of() : authors) {
            String n = normalize(a).toLowerCase(Locale.ROOT);
            if (!n.isEmpty()) {
                names.add(n);
            }
        }
        return new ReaderView(normalize(title), names);
    }

    /** Line breaks are spaces in a headline or a name; the rest is the body's normalisation. */
    static String normalize(String s) {
        return TextNormalizer.normalize(s).replaceAll("\\s+", " ").strip();
    }

    /** The first {@value #HASH_DIGITS} hex digits of SHA-256 over the headline and the sorted authors. */
    String hash() {
        String s = headline + "\n" + String.join("\n", authors);
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, HASH_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * The sort key of a version with this body and view: the body hash itself for the first version of a body under
     * a URL (as every item written before headlines and bylines counted), else {@code <body>:<view hash>}.
     */
    String versionKey(String bodyHash, boolean firstOfBody) {
        return firstOfBody ? bodyHash : bodyHash + dev.newsharvester.store.StoredVersion.VIEW_SEPARATOR + hash();
    }
}
