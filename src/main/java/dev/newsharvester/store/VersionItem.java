package dev.newsharvester.store;

import static dev.newsharvester.store.IndexSchema.ACCESS;
import static dev.newsharvester.store.IndexSchema.AUTHORS;
import static dev.newsharvester.store.IndexSchema.BODY_HASH;
import static dev.newsharvester.store.IndexSchema.CLEAN_KEY;
import static dev.newsharvester.store.IndexSchema.DUPLICATE_OF;
import static dev.newsharvester.store.IndexSchema.ETAG;
import static dev.newsharvester.store.IndexSchema.EXTRACTOR_VERSION;
import static dev.newsharvester.store.IndexSchema.FIRST_SEEN;
import static dev.newsharvester.store.IndexSchema.HASH;
import static dev.newsharvester.store.IndexSchema.LANGUAGE;
import static dev.newsharvester.store.IndexSchema.LAST_FETCHED;
import static dev.newsharvester.store.IndexSchema.LAST_MODIFIED;
import static dev.newsharvester.store.IndexSchema.LAST_SEEN;
import static dev.newsharvester.store.IndexSchema.MINHASH;
import static dev.newsharvester.store.IndexSchema.MODIFIED;
import static dev.newsharvester.store.IndexSchema.OUTLET;
import static dev.newsharvester.store.IndexSchema.PUBLISHED;
import static dev.newsharvester.store.IndexSchema.RAW_KEY;
import static dev.newsharvester.store.IndexSchema.SIMHASH;
import static dev.newsharvester.store.IndexSchema.TITLE;
import static dev.newsharvester.store.IndexSchema.TS;
import static dev.newsharvester.store.IndexSchema.URL;
import static dev.newsharvester.store.IndexSchema.WORD_COUNT;
import static dev.newsharvester.store.Items.instant;
import static dev.newsharvester.store.Items.s;
import static dev.newsharvester.store.Items.str;

import dev.newsharvester.fingerprint.MinHash;
import dev.newsharvester.fingerprint.SimHash;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The one owner of a version's DynamoDB item, in both directions: {@link StoredVersion} to the item {@link ArticleIndex}
 * writes (null fields omitted, the sparse sketch keys of {@link IndexSchema} added) and back, the table key, and the
 * update that marks a version seen. The format is the table's: items written by earlier versions read as they are.
 */
final class VersionItem {

    private VersionItem() {
    }

    static Map<String, AttributeValue> key(VersionKey key) {
        return Map.of(URL, s(key.url()), HASH, s(key.hash()));
    }

    static VersionKey versionKey(Map<String, AttributeValue> item) {
        return new VersionKey(str(item, URL), str(item, HASH));
    }

    /**
     * Whether an item read from the table or a listing index is a version: health counters share the table and sit in
     * hash-index under their sort key (no content hash or URL equals theirs, but a caller's string could), lifecycle
     * entries share the URL's partition under their own sort-key prefix ({@link HistoryEvents}).
     */
    static boolean isVersion(Map<String, AttributeValue> item) {
        return !HealthCounters.isHealthPartition(str(item, URL)) && !HistoryEvents.isEvent(str(item, HASH));
    }

    static Map<String, AttributeValue> toItem(StoredVersion v) {
        VersionId id = v.id();
        LastVisit visit = v.lastVisit();
        ReaderFacts reader = v.reader();
        TextSketch sketch = v.sketch();
        if (visit.seen() == null) {
            throw new IllegalArgumentException("version " + id.url() + " " + id.hash()
                    + " has no lastSeen: a listing view cannot be written");
        }
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(URL, s(id.url()));
        item.put(HASH, s(id.hash()));
        item.put(OUTLET, s(id.outlet()));
        item.put(TS, s(Items.formatTs(sortInstant(v))));
        item.put(FIRST_SEEN, s(v.firstSeen().toString()));
        item.put(LAST_SEEN, s(visit.seen().toString()));
        putS(item, LAST_FETCHED, visit.fetched() == null ? null : visit.fetched().toString());
        putS(item, TITLE, reader.title());
        if (!reader.authors().isEmpty()) {
            item.put(AUTHORS, AttributeValue.fromL(reader.authors().stream().map(Items::s).toList()));
        }
        putS(item, PUBLISHED, reader.published());
        putS(item, MODIFIED, reader.modified());
        putS(item, LANGUAGE, reader.language());
        putS(item, RAW_KEY, v.copies().rawKey());
        putS(item, CLEAN_KEY, v.copies().cleanKey());
        putS(item, ETAG, visit.etag());
        putS(item, LAST_MODIFIED, visit.lastModified());
        putS(item, SIMHASH, sketch.simhash());
        if (sketch.minhash() != null) {
            item.put(MINHASH, AttributeValue.fromB(SdkBytes.fromByteArray(sketch.minhash().toBytes())));
        }
        putS(item, EXTRACTOR_VERSION, sketch.extractorVersion());
        putS(item, DUPLICATE_OF, v.duplicateOf());
        item.put(WORD_COUNT, AttributeValue.fromN(Integer.toString(sketch.wordCount())));
        putS(item, BODY_HASH, id.bodyHash());
        putS(item, ACCESS, reader.access());
        if (v.duplicateOf() == null && id.firstOfBody()) {
            // sparse sketch keys: a duplicate's original stands for it in the similarity lookups, and a body's first
            // version under this URL for its headline and byline edits
            if (sketch.simhash() != null) {
                long simhash = SimHash.parseHex(sketch.simhash());
                for (int i = 0; i < SimHash.BLOCKS; i++) {
                    item.put(IndexSchema.simhashAttribute(i), s(String.format("%04x", SimHash.block(simhash, i))));
                }
            }
            if (sketch.minhash() != null) {
                List<String> bands = sketch.minhash().bandKeys();
                for (int i = 0; i < bands.size(); i++) {
                    item.put(IndexSchema.bandAttribute(i), s(bands.get(i)));
                }
            }
        }
        return item;
    }

    static StoredVersion fromItem(Map<String, AttributeValue> item) {
        AttributeValue authors = item.get(AUTHORS);
        AttributeValue words = item.get(WORD_COUNT);
        return new StoredVersion(
                new VersionId(str(item, URL), str(item, HASH), str(item, BODY_HASH), str(item, OUTLET)),
                instant(item, FIRST_SEEN),
                new LastVisit(instant(item, LAST_SEEN), instant(item, LAST_FETCHED), str(item, ETAG),
                        str(item, LAST_MODIFIED)),
                new ReaderFacts(str(item, TITLE),
                        authors == null || !authors.hasL() ? List.of()
                                : authors.l().stream().map(AttributeValue::s).toList(),
                        str(item, PUBLISHED), str(item, MODIFIED), str(item, LANGUAGE), str(item, ACCESS)),
                new Copies(str(item, RAW_KEY), str(item, CLEAN_KEY)),
                new TextSketch(str(item, SIMHASH), minhash(item),
                        words == null || words.n() == null ? 0 : Integer.parseInt(words.n()), str(item, EXTRACTOR_VERSION)),
                str(item, DUPLICATE_OF));
    }

    /** A simhash-index row as a hit at {@code distance} from the fingerprint looked up. */
    static SimHashHit simHashHit(Map<String, AttributeValue> item, long simhash, int distance) {
        return new SimHashHit(versionKey(item), str(item, OUTLET), simhash, distance);
    }

    /** A story-index row as a candidate, with its signature to score. */
    static StoryHit storyHit(Map<String, AttributeValue> item) {
        return new StoryHit(versionKey(item), str(item, OUTLET), instant(item, TS), minhash(item));
    }

    static MinHash minhash(Map<String, AttributeValue> item) {
        AttributeValue mh = item.get(MINHASH);
        if (mh == null || mh.b() == null) {
            return null;
        }
        try {
            return MinHash.fromBytes(mh.b().asByteArray());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("minhash of " + str(item, URL) + " " + str(item, HASH) + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * The update that marks a version seen at {@code at}: {@code lastSeen} and {@code lastFetched} set, {@code etag} and
     * {@code lastModified} replaced when non-null; with the condition that the version exists.
     */
    static UpdateItemRequest.Builder seen(UpdateItemRequest.Builder b, Instant at, String etag, String lastModified) {
        Map<String, String> names = new HashMap<>(Map.of("#url", URL, "#ls", LAST_SEEN, "#lf", LAST_FETCHED));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":at", s(at.toString())));
        StringBuilder update = new StringBuilder("SET #ls = :at, #lf = :at");
        if (etag != null) {
            names.put("#etag", ETAG);
            values.put(":etag", s(etag));
            update.append(", #etag = :etag");
        }
        if (lastModified != null) {
            names.put("#lm", LAST_MODIFIED);
            values.put(":lm", s(lastModified));
            update.append(", #lm = :lm");
        }
        return b.updateExpression(update.toString()).conditionExpression("attribute_exists(#url)")
                .expressionAttributeNames(names).expressionAttributeValues(values);
    }

    /** The outlet-index time of a version: its published instant when parseable, else first sight. */
    static Instant sortInstant(StoredVersion v) {
        String published = v.reader().published();
        if (published != null && !published.isBlank()) {
            try {
                return OffsetDateTime.parse(published.strip()).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return Instant.parse(published.strip());
                } catch (DateTimeParseException notInstant) {
                    try {
                        // a bare date carries no zone; UTC midnight keeps it on its own day in listings
                        return LocalDate.parse(published.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
                    } catch (DateTimeParseException unparseable) {
                        // fall through to first sight
                    }
                }
            }
        }
        return v.firstSeen();
    }

    private static void putS(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }
}
