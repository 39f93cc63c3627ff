package dev.newsharvester.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One indexed version of an article: the item keyed (url, hash) in the {@code Articles} table.
 *
 * <p>{@code url}, {@code hash}, {@code outlet}, {@code firstSeen} and {@code lastSeen} are
 * required; everything else may be null. {@code authors} is never null (absent = empty), and
 * {@code minhash} is copied in and out, so the record is a value: {@code equals} compares the
 * signature's contents.
 *
 * @param published   ISO offset date-time as the page gave it, or null
 * @param modified    ISO offset date-time as the page gave it, or null
 * @param simhash     16 lower-case hex digits
 * @param duplicateOf the URL this text was first stored under, when this version is a duplicate
 */
public record StoredVersion(String url, String hash, String outlet, Instant firstSeen, Instant lastSeen,
        Instant lastFetched, String title, List<String> authors, String published,
        String modified, String language, String rawKey, String cleanKey, String etag, String lastModified,
        String simhash, int[] minhash, String extractorVersion, String duplicateOf, int wordCount) {

    public StoredVersion {
        requireText(url, "url");
        requireText(hash, "hash");
        requireText(outlet, "outlet");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        authors = authors == null ? List.of() : List.copyOf(authors);
        minhash = minhash == null ? null : minhash.clone();
    }

    @Override
    public int[] minhash() {
        return minhash == null ? null : minhash.clone();
    }

    /** A copy marked as seen again at {@code at}, with validators replaced when non-null (mirrors {@link ArticleIndex#markSeen}). */
    public StoredVersion seenAgain(Instant at, String newEtag, String newLastModified) {
        return new StoredVersion(url, hash, outlet, firstSeen, at, at, title, authors, published, modified,
                language, rawKey, cleanKey, newEtag != null ? newEtag : etag,
                newLastModified != null ? newLastModified : lastModified, simhash, minhash, extractorVersion,
                duplicateOf, wordCount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredVersion v
                && url.equals(v.url) && hash.equals(v.hash) && outlet.equals(v.outlet)
                && firstSeen.equals(v.firstSeen) && lastSeen.equals(v.lastSeen)
                && Objects.equals(lastFetched, v.lastFetched) && Objects.equals(title, v.title)
                && authors.equals(v.authors) && Objects.equals(published, v.published)
                && Objects.equals(modified, v.modified) && Objects.equals(language, v.language)
                && Objects.equals(rawKey, v.rawKey) && Objects.equals(cleanKey, v.cleanKey)
                && Objects.equals(etag, v.etag) && Objects.equals(lastModified, v.lastModified)
                && Objects.equals(simhash, v.simhash) && Arrays.equals(minhash, v.minhash)
                && Objects.equals(extractorVersion, v.extractorVersion)
                && Objects.equals(duplicateOf, v.duplicateOf) && wordCount == v.wordCount;
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, hash, lastSeen) * 31 + Arrays.hashCode(minhash);
    }

    @Override
    public String toString() {
        return "StoredVersion[url=" + url + ", hash=" + hash + ", outlet=" + outlet + ", firstSeen=" + firstSeen
                + ", lastSeen=" + lastSeen + ", lastFetched=" + lastFetched + ", title=" + title
                + ", authors=" + authors + ", published=" + published + ", modified=" + modified
                + ", language=" + language + ", rawKey=" + rawKey + ", cleanKey=" + cleanKey + ", etag=" + etag
                + ", lastModified=" + lastModified + ", simhash=" + simhash
                + ", minhash=" + (minhash == null ? "null" : "int[" + minhash.length + "]")
                + ", extractorVersion=" + extractorVersion + ", duplicateOf=" + duplicateOf
                + ", wordCount=" + wordCount + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank: '" + value + "'");
        }
    }
}
