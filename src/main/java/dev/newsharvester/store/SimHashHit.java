package dev.newsharvester.store;

/**
 * A version found by the near-duplicate lookup, as the {@code simhash-N} indexes project it.
 *
 * @param distance Hamming distance to the fingerprint looked up
 */
public record SimHashHit(VersionKey key, String outlet, long simhash, int distance) {
}
