package dev.newsharvester.pipeline;

import dev.newsharvester.extract.Article;
import dev.newsharvester.extract.ArticleExtractor;
import dev.newsharvester.fingerprint.Fingerprint;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.CleanCopy;
import dev.newsharvester.store.Copies;
import dev.newsharvester.store.ReaderFacts;
import dev.newsharvester.store.StoredVersion;
import dev.newsharvester.store.TextSketch;
import dev.newsharvester.store.VersionId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Optional;

/**
 * Stores a new version whose raw copy is already archived: the clean copy (unless the same text
 * is stored under another URL: then the version points at that copy and is a duplicate), then the
 * index item, last and conditionally. Shared by fetching and by reprocessing.
 */
final class VersionWriter {

    /**
     * What a write did.
     *
     * @param indexed     false when (url, hash) was indexed already (a concurrent or repeated delivery)
     * @param duplicateOf the URL that first carried this text, or null
     */
    record Written(StoredVersion version, boolean indexed, String duplicateOf) {
    }

    private final Archive archive;
    private final ArticleIndex index;

    VersionWriter(Archive archive, ArticleIndex index) {
        this.archive = archive;
        this.index = index;
    }

    /** The date partition of an article's objects: its publication day (UTC), else the day it was first seen. */
    static LocalDate day(Article article, Instant now) {
        return article.published() != null
                ? article.published().atZoneSameInstant(ZoneOffset.UTC).toLocalDate()
                : LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    /**
     * @param version the item to write, without clean key and duplicate mark (both are filled in here)
     */
    Written write(StoredVersion version, Article article, Fingerprint fp, Instant fetchedAt) {
        String url = version.url();
        // a headline or byline edit of a body this URL has stored keeps its own clean copy (its own headline); the body's
        // first version stands for it in the cross-URL duplicate lookup
        Optional<StoredVersion> original = !version.id().firstOfBody() ? Optional.empty()
                : index.byHash(version.body()).stream().filter(v -> !v.url().equals(url))
                .min(Comparator.comparing(StoredVersion::firstSeen));
        String cleanKey;
        if (original.isPresent()) {
            cleanKey = original.get().copies().cleanKey();   // same text: point at the copy already stored
        } else {
            cleanKey = Archive.cleanKey(version.outlet(), url, archiveHash(version.hash()), day(article, version.firstSeen()));
            archive.putClean(cleanKey, CleanCopy.toJson(article, fp,
                    new CleanCopy.Capture(version.outlet(), version.copies().rawKey(), fetchedAt,
                            version.sketch().extractorVersion())));
        }
        StoredVersion full = version.storedAs(version.copies().withCleanKey(cleanKey),
                original.map(StoredVersion::url).orElse(null));
        return new Written(full, index.putVersion(full), full.duplicateOf());
    }

    /**
     * The hex string the archive keys of a version are named by (their first 16 digits): the body hash for a body's
     * first version, else the view hash then the body hash, so that a headline edit never lands on its body's objects.
     */
    static String archiveHash(String versionKey) {
        int sep = versionKey.indexOf(StoredVersion.VIEW_SEPARATOR);
        return sep < 0 ? versionKey : versionKey.substring(sep + 1) + versionKey.substring(0, sep);
    }

    /** A version of {@code article} seen first at {@code now}, raw copy at {@code rawKey}, with the current extractor. */
    static StoredVersion version(String outlet, String url, Article article, Fingerprint fp, String rawKey, Instant now) {
        return StoredVersion.seenAt(new VersionId(url, fp.sha256(), fp.sha256(), outlet), now,
                new ReaderFacts(article.title(), article.authors(), iso(article.published()), iso(article.modified()),
                        article.language(), article.access().code()),
                new Copies(rawKey, null),
                new TextSketch(fp.simhashHex(), fp.minhash(), article.wordCount(), ArticleExtractor.VERSION));
    }

    private static String iso(OffsetDateTime t) {
        return t == null ? null : t.toString();
    }
}
