package dev.newsharvester.store;

import dev.newsharvester.fingerprint.MinHash;

/**
 * What the extractor measured of a version's text: its fingerprints (for near-duplicates and stories), its length and
 * the extractor that read it. Any may be null ({@code wordCount} 0); a listing view has no {@code minhash}.
 *
 * @param simhash          16 lower-case hex digits
 * @param minhash          the MinHash signature (the largest attribute; only the story lookup reads it)
 * @param wordCount        content words of the text
 * @param extractorVersion {@link dev.newsharvester.extract.ArticleExtractor#VERSION} of the extractor that read it
 */
public record TextSketch(String simhash, MinHash minhash, int wordCount, String extractorVersion) {

    /** Nothing measured. */
    public static final TextSketch NONE = new TextSketch(null, null, 0, null);

    public TextSketch withSimhash(String newSimhash) {
        return new TextSketch(newSimhash, minhash, wordCount, extractorVersion);
    }

    public TextSketch withMinhash(MinHash newMinhash) {
        return new TextSketch(simhash, newMinhash, wordCount, extractorVersion);
    }
}
