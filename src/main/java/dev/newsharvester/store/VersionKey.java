package dev.newsharvester.store;

/** The table key of one version: canonical URL and SHA-256 of the clean text. */
public record VersionKey(String url, String hash) {

    public VersionKey {
        if (url == null || url.isBlank() || hash == null || hash.isBlank()) {
            throw new IllegalArgumentException("a version key needs a url and a hash, got (" + url + ", " + hash + ")");
        }
    }
}
