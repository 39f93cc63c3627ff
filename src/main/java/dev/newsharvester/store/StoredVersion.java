package dev.newsharvester.store;

import dev.newsharvester.fingerprint.MinHash;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One indexed version of an article: the item keyed (url, hash) in the {@code Articles} table.
 *
 * <p>{@code url}, {@code hash}, {@code outlet}, {@code firstSeen} and (in every item written)
 * {@code lastSeen} are required; everything else may be null. {@code authors} is never null
 * (absent = empty). Rows read from the {@code hash-index} and {@code outlet-index} are
 * {@linkplain #listingView() listing views}: they leave out the signature and the fields every
 * re-fetch updates ({@code lastSeen}, {@code lastFetched}, {@code etag}, {@code lastModified}), so
 * that marking a version seen writes the table item alone.
 *
 * @param published   ISO offset date-time as the page gave it, or null
 * @param modified    ISO offset date-time as the page gave it, or null
 * @param simhash     16 lower-case hex digits
 * @param duplicateOf the URL this text was first stored under, when this version is a duplicate
 * @param bodyHash    SHA-256 of the normalised body text when it differs from {@code hash} (a headline or byline edit
 *                    of a body already stored under this URL: see {@link #body()}); null in items written before
 *                    versions covered headline and byline, and whenever {@code hash} is the body hash
 * @param access      {@link dev.newsharvester.extract.Access#code()}: free or paywalled, cut off; null (items written
 *                    before access was read) means unknown
 */
public record StoredVersion(String url, String hash, String outlet, Instant firstSeen, Instant lastSeen,
        Instant lastFetched, String title, List<String> authors, String published,
        String modified, String language, String rawKey, String cleanKey, String etag, String lastModified,
        String simhash, MinHash minhash, String extractorVersion, String duplicateOf, int wordCount, String bodyHash,
        String access) {

    /** The separator between body hash and reader-view hash in the sort key of a headline or byline edit. */
    public static final char VIEW_SEPARATOR = ':';

    /** A version without a body hash of its own: {@code hash} is the body hash (every item written before issue 11). */
    public StoredVersion(String url, String hash, String outlet, Instant firstSeen, Instant lastSeen,
            Instant lastFetched, String title, List<String> authors, String published,
            String modified, String language, String rawKey, String cleanKey, String etag, String lastModified,
            String simhash, MinHash minhash, String extractorVersion, String duplicateOf, int wordCount) {
        this(url, hash, outlet, firstSeen, lastSeen, lastFetched, title, authors, published, modified, language, rawKey,
                cleanKey, etag, lastModified, simhash, minhash, extractorVersion, duplicateOf, wordCount, null, null);
    }

    /** A version whose access was not read (items written before it was). */
    public StoredVersion(String url, String hash, String outlet, Instant firstSeen, Instant lastSeen,
            Instant lastFetched, String title, List<String> authors, String published,
            String modified, String language, String rawKey, String cleanKey, String etag, String lastModified,
            String simhash, MinHash minhash, String extractorVersion, String duplicateOf, int wordCount, String bodyHash) {
        this(url, hash, outlet, firstSeen, lastSeen, lastFetched, title, authors, published, modified, language, rawKey,
                cleanKey, etag, lastModified, simhash, minhash, extractorVersion, duplicateOf, wordCount, bodyHash, null);
    }

    public StoredVersion {
        requireText(url, "url");
        requireText(hash, "hash");
        requireText(outlet, "outlet");
        Objects.requireNonNull(firstSeen, "firstSeen");
        authors = authors == null ? List.of() : List.copyOf(authors);
        int sep = hash.indexOf(VIEW_SEPARATOR);
        if (sep >= 0 && bodyHash == null) {
            bodyHash = hash.substring(0, sep);   // a listing row (the GSIs do not project bodyHash): the key says it
        }
        if (sep >= 0 && !hash.startsWith(bodyHash + VIEW_SEPARATOR)) {
            throw new IllegalArgumentException("hash '" + hash + "' names a headline/byline edit, so bodyHash must be its"
                    + " prefix before '" + VIEW_SEPARATOR + "', was '" + bodyHash + "'");
        }
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

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().url(url).hash(hash).outlet(outlet).firstSeen(firstSeen).lastSeen(lastSeen)
                .lastFetched(lastFetched).title(title).authors(authors).published(published).modified(modified)
                .language(language).rawKey(rawKey).cleanKey(cleanKey).etag(etag).lastModified(lastModified)
                .simhash(simhash).minhash(minhash).extractorVersion(extractorVersion).duplicateOf(duplicateOf)
                .wordCount(wordCount).bodyHash(bodyHash).access(access);
    }

    /** This version as the listing indexes return it: without signature, sightings and validators. */
    public StoredVersion listingView() {
        return toBuilder().minhash(null).lastSeen(null).lastFetched(null).etag(null).lastModified(null).build();
    }

    /** The table key of this version. */
    public VersionKey key() {
        return new VersionKey(url, hash);
    }

    /** A copy marked as seen again at {@code at}, with validators replaced when non-null (mirrors {@link ArticleIndex#markSeen}). */
    public StoredVersion seenAgain(Instant at, String newEtag, String newLastModified) {
        return toBuilder().lastSeen(at).lastFetched(at).etag(newEtag != null ? newEtag : etag)
                .lastModified(newLastModified != null ? newLastModified : lastModified).build();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank: '" + value + "'");
        }
    }

    /** Builds a {@link StoredVersion}; unset fields are null (authors empty, wordCount 0). */
    public static final class Builder {
        private String url;
        private String hash;
        private String outlet;
        private Instant firstSeen;
        private Instant lastSeen;
        private Instant lastFetched;
        private String title;
        private List<String> authors;
        private String published;
        private String modified;
        private String language;
        private String rawKey;
        private String cleanKey;
        private String etag;
        private String lastModified;
        private String simhash;
        private MinHash minhash;
        private String extractorVersion;
        private String duplicateOf;
        private int wordCount;
        private String bodyHash;
        private String access;

        private Builder() {
        }

        public Builder url(String v) {
            url = v;
            return this;
        }

        public Builder hash(String v) {
            hash = v;
            return this;
        }

        public Builder outlet(String v) {
            outlet = v;
            return this;
        }

        public Builder firstSeen(Instant v) {
            firstSeen = v;
            return this;
        }

        public Builder lastSeen(Instant v) {
            lastSeen = v;
            return this;
        }

        public Builder lastFetched(Instant v) {
            lastFetched = v;
            return this;
        }

        /** First seen, last seen and last fetched at one instant: a version seen for the first time. */
        public Builder seenAt(Instant v) {
            return firstSeen(v).lastSeen(v).lastFetched(v);
        }

        public Builder title(String v) {
            title = v;
            return this;
        }

        public Builder authors(List<String> v) {
            authors = v;
            return this;
        }

        public Builder published(String v) {
            published = v;
            return this;
        }

        public Builder modified(String v) {
            modified = v;
            return this;
        }

        public Builder language(String v) {
            language = v;
            return this;
        }

        public Builder rawKey(String v) {
            rawKey = v;
            return this;
        }

        public Builder cleanKey(String v) {
            cleanKey = v;
            return this;
        }

        public Builder etag(String v) {
            etag = v;
            return this;
        }

        public Builder lastModified(String v) {
            lastModified = v;
            return this;
        }

        public Builder simhash(String v) {
            simhash = v;
            return this;
        }

        public Builder minhash(MinHash v) {
            minhash = v;
            return this;
        }

        public Builder extractorVersion(String v) {
            extractorVersion = v;
            return this;
        }

        public Builder duplicateOf(String v) {
            duplicateOf = v;
            return this;
        }

        public Builder wordCount(int v) {
            wordCount = v;
            return this;
        }

        public Builder bodyHash(String v) {
            bodyHash = v;
            return this;
        }

        /** The {@link dev.newsharvester.extract.Access#code() access code}; null for unknown. */
        public Builder access(String v) {
            access = v;
            return this;
        }

        public StoredVersion build() {
            return new StoredVersion(url, hash, outlet, firstSeen, lastSeen, lastFetched, title, authors, published,
                    modified, language, rawKey, cleanKey, etag, lastModified, simhash, minhash, extractorVersion,
                    duplicateOf, wordCount, bodyHash, access);
        }
    }
}
