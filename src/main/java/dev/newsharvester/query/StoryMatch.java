package dev.newsharvester.query;

import dev.newsharvester.store.StoredVersion;

/** Another article covering the same story, with its estimated word-set similarity in [0, 1]. */
public record StoryMatch(StoredVersion version, double score) {
}
