package dev.newsharvester.store;

/**
 * What makes a stored version that version: its table key ({@code url}, {@code hash}), the body it carries and the
 * outlet that published it. Never changes once written.
 *
 * @param url      the canonical URL (partition key)
 * @param hash     the sort key: the body hash, or for a headline or byline edit of a body already stored under this URL,
 *                 the body hash, {@link StoredVersion#VIEW_SEPARATOR} and the reader-view hash
 * @param bodyHash SHA-256 of the normalised body text when it differs from {@code hash} (see {@link #body()}); null in
 *                 items written before versions covered headline and byline, and whenever {@code hash} is the body hash
 * @param outlet   the outlet id (partition key of {@code outlet-index})
 */
public record VersionId(String url, String hash, String bodyHash, String outlet) {

    public VersionId {
        requireText(url, "url");
        requireText(hash, "hash");
        requireText(outlet, "outlet");
        int sep = hash.indexOf(StoredVersion.VIEW_SEPARATOR);
        if (sep >= 0 && bodyHash == null) {
            bodyHash = hash.substring(0, sep);   // a listing row (the GSIs do not project bodyHash): the key says it
        }
        if (sep >= 0 && !hash.startsWith(bodyHash + StoredVersion.VIEW_SEPARATOR)) {
            throw new IllegalArgumentException("hash '" + hash + "' names a headline/byline edit, so bodyHash must be its"
                    + " prefix before '" + StoredVersion.VIEW_SEPARATOR + "', was '" + bodyHash + "'");
        }
    }

    /** A body's first version under a URL: {@code hash} is the body hash. */
    public static VersionId of(String url, String hash, String outlet) {
        return new VersionId(url, hash, null, outlet);
    }

    /**
     * SHA-256 of the normalised body text: {@code bodyHash} when set, else {@code hash} (the first version of a body
     * keeps the body hash as its key, so items written before headline and byline counted stay valid as they are).
     */
    public String body() {
        return bodyHash != null ? bodyHash : hash;
    }

    /** Whether this is the first version of its body under this URL (the one {@code hash-index} finds by body hash). */
    public boolean firstOfBody() {
        return hash.equals(body());
    }

    /** The table key. */
    public VersionKey key() {
        return new VersionKey(url, hash);
    }

    /** This identity under another URL and outlet (a copy of the same text elsewhere). */
    public VersionId at(String otherUrl, String otherOutlet) {
        return new VersionId(otherUrl, hash, bodyHash, otherOutlet);
    }

    /** This identity with another sort key (a headline or byline edit of the same body). */
    public VersionId withHash(String otherHash) {
        return new VersionId(url, otherHash, bodyHash, outlet);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank: '" + value + "'");
        }
    }
}
