package dev.newsharvester.store;

import dev.newsharvester.fingerprint.MinHash;
import java.time.Instant;

/**
 * A version found by the same-story lookup (an LSH band in common), as the {@code story-N}
 * indexes project it: enough to score it without reading the item.
 *
 * @param ts the version's time on the outlet-index (published, else first seen)
 */
public record StoryHit(VersionKey key, String outlet, Instant ts, MinHash minhash) {
}
