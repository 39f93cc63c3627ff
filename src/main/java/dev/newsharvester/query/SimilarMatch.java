package dev.newsharvester.query;

import dev.newsharvester.store.StoredVersion;

/**
 * A near-copy of a text.
 *
 * @param distance   SimHash Hamming distance (0..3; 0 with the same hash is the same text)
 * @param similarity estimated word-set similarity of the two texts, in [0, 1]
 */
public record SimilarMatch(StoredVersion version, int distance, double similarity) {

    public boolean sameText(String hash) {
        return version.hash().equals(hash);
    }
}
