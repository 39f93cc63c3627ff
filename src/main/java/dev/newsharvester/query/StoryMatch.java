package dev.newsharvester.query;

import dev.newsharvester.store.StoredVersion;

/**
 * Another outlet's article on the same story.
 *
 * @param score    estimated word-set similarity in [0, 1] (1 for the same text)
 * @param sameText the very text of the article asked about, republished (a duplicate, not a write-up of its own)
 */
public record StoryMatch(StoredVersion version, double score, boolean sameText) {
}
