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
 */
public record StoredVersion(String url, String hash, String outlet, Instant firstSeen, Instant lastSeen,
        Instant lastFetched, String title, List<String> authors, String published,
        String modified, String language, String rawKey, String cleanKey, String etag, String lastModified,
        String simhash, MinHash minhash, String extractorVersion, String duplicateOf, int wordCount) {

    public StoredVersion {
        requireText(url, "url");
        requireText(hash, "hash");
        requireText(outlet, "outlet");
        Objects.requireNonNull(firstSeen, "firstSeen");
        authors = authors == null ? List.of() : List.copyOf(authors);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().url(url).hash(hash).outlet(outlet).firstSeen(firstSeen).lastSeen(lastSeen)
                .lastFetched(lastFetched).title(title).authors(authors).published(published).modified(modified)
                .language(language).rawKey(rawKey).cleanKey(cleanKey).etag(etag).lastModified(lastModified)
                .simhash(simhash).minhash(minhash).extractorVersion(extractorVersion).duplicateOf(duplicateOf)
                .wordCount(wordCount);
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

        public StoredVersion build() {
            return new StoredVersion(url, hash, outlet, firstSeen, lastSeen, lastFetched, title, authors, published,
                    modified, language, rawKey, cleanKey, etag, lastModified, simhash, minhash, extractorVersion,
                    duplicateOf, wordCount);
        }
    }
}
