package dev.newsharvester.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One indexed version of an article: the item keyed (url, hash) in the {@code Articles} table, made of small parts
 * that the code reads and writes together ({@link VersionItem} maps it to and from the item, attribute by attribute).
 *
 * <p>{@code id} and {@code firstSeen} are required, and (in every item written) {@code lastVisit.seen()}; a null part
 * stands for its {@code NONE}. Rows read from the {@code hash-index} and {@code outlet-index} are
 * {@linkplain #listingView() listing views}: they leave out the signature and the {@linkplain LastVisit last visit},
 * which every re-fetch updates, so that marking a version seen writes the table item alone.
 *
 * @param id          url, hash, body hash and outlet
 * @param firstSeen   when this version was first seen
 * @param lastVisit   when it was last seen and fetched, and the validators that fetch returned
 * @param reader      headline, byline, dates, language and access
 * @param copies      its raw and clean copies in the archive
 * @param sketch      fingerprints, word count and extractor version of its text
 * @param duplicateOf the URL this text was first stored under, when this version is a duplicate
 */
public record StoredVersion(VersionId id, Instant firstSeen, LastVisit lastVisit, ReaderFacts reader, Copies copies,
        TextSketch sketch, String duplicateOf) {

    /** The separator between body hash and reader-view hash in the sort key of a headline or byline edit. */
    public static final char VIEW_SEPARATOR = ':';

    public StoredVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(firstSeen, "firstSeen");
        lastVisit = lastVisit == null ? LastVisit.NONE : lastVisit;
        reader = reader == null ? ReaderFacts.NONE : reader;
        copies = copies == null ? Copies.NONE : copies;
        sketch = sketch == null ? TextSketch.NONE : sketch;
    }

    /** A version first seen at {@code at}, when it was also last seen and fetched; no duplicate. */
    public static StoredVersion seenAt(VersionId id, Instant at, ReaderFacts reader, Copies copies, TextSketch sketch) {
        return new StoredVersion(id, at, LastVisit.at(at), reader, copies, sketch, null);
    }

    public String url() {
        return id.url();
    }

    public String hash() {
        return id.hash();
    }

    public String outlet() {
        return id.outlet();
    }

    /** The table key of this version. */
    public VersionKey key() {
        return id.key();
    }

    /** The body hash: see {@link VersionId#body()}. */
    public String body() {
        return id.body();
    }

    /** This version as the listing indexes return it: without signature and last visit. */
    public StoredVersion listingView() {
        return new StoredVersion(id, firstSeen, LastVisit.NONE, reader, copies, sketch.withMinhash(null), duplicateOf);
    }

    /** A copy marked as seen again at {@code at}, with validators replaced when non-null (mirrors {@link ArticleIndex#markSeen}). */
    public StoredVersion seenAgain(Instant at, String newEtag, String newLastModified) {
        return withLastVisit(lastVisit.again(at, newEtag, newLastModified));
    }

    public StoredVersion withId(VersionId newId) {
        return new StoredVersion(newId, firstSeen, lastVisit, reader, copies, sketch, duplicateOf);
    }

    public StoredVersion withLastVisit(LastVisit newLastVisit) {
        return new StoredVersion(id, firstSeen, newLastVisit, reader, copies, sketch, duplicateOf);
    }

    public StoredVersion withReader(ReaderFacts newReader) {
        return new StoredVersion(id, firstSeen, lastVisit, newReader, copies, sketch, duplicateOf);
    }

    public StoredVersion withSketch(TextSketch newSketch) {
        return new StoredVersion(id, firstSeen, lastVisit, reader, copies, newSketch, duplicateOf);
    }

    /** Stored with these copies; {@code duplicateOf} names the URL whose clean copy it shares, or null. */
    public StoredVersion storedAs(Copies newCopies, String newDuplicateOf) {
        return new StoredVersion(id, firstSeen, lastVisit, reader, newCopies, sketch, newDuplicateOf);
    }
}
