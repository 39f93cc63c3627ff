package dev.newsharvester.fingerprint;

/**
 * Fingerprints of one clean text.
 *
 * @param sha256  hex SHA-256 of the normalised text: equal texts, equal hash
 * @param simhash 64-bit SimHash of the normalised text: near-copies differ in few bits
 * @param minhash MinHash signature over the text's content words: same-story grouping
 */
public record Fingerprint(String sha256, long simhash, MinHash minhash) {

    /** SimHash as 16 lower-case hex digits. */
    public String simhashHex() {
        return String.format("%016x", simhash);
    }

    /** Number of differing SimHash bits. */
    public int hammingDistance(long otherSimhash) {
        return Long.bitCount(simhash ^ otherSimhash);
    }
}
