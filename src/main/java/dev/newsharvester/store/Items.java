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

import dev.newsharvester.fingerprint.MinHash;
import dev.newsharvester.fingerprint.SimHash;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link StoredVersion} to and from DynamoDB items. Null fields are omitted from items. */
final class Items {

    /** Fixed width (always three fraction digits), unlike Instant.toString, so lexical order = time order. */
    private static final DateTimeFormatter TS_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Items() {
    }

    static Map<String, AttributeValue> key(VersionKey key) {
        return Map.of(URL, s(key.url()), HASH, s(key.hash()));
    }

    static Map<String, AttributeValue> toItem(StoredVersion v) {
        if (v.lastSeen() == null) {
            throw new IllegalArgumentException("version " + v.url() + " " + v.hash() + " has no lastSeen: a listing view cannot be written");
        }
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(URL, s(v.url()));
        item.put(HASH, s(v.hash()));
        item.put(OUTLET, s(v.outlet()));
        item.put(TS, s(formatTs(sortInstant(v))));
        item.put(FIRST_SEEN, s(v.firstSeen().toString()));
        item.put(LAST_SEEN, s(v.lastSeen().toString()));
        putS(item, LAST_FETCHED, v.lastFetched() == null ? null : v.lastFetched().toString());
        putS(item, TITLE, v.title());
        if (!v.authors().isEmpty()) {
            item.put(AUTHORS, AttributeValue.fromL(v.authors().stream().map(Items::s).toList()));
        }
        putS(item, PUBLISHED, v.published());
        putS(item, MODIFIED, v.modified());
        putS(item, LANGUAGE, v.language());
        putS(item, RAW_KEY, v.rawKey());
        putS(item, CLEAN_KEY, v.cleanKey());
        putS(item, ETAG, v.etag());
        putS(item, LAST_MODIFIED, v.lastModified());
        putS(item, SIMHASH, v.simhash());
        if (v.minhash() != null) {
            item.put(MINHASH, AttributeValue.fromB(SdkBytes.fromByteArray(v.minhash().toBytes())));
        }
        putS(item, EXTRACTOR_VERSION, v.extractorVersion());
        putS(item, DUPLICATE_OF, v.duplicateOf());
        item.put(WORD_COUNT, AttributeValue.fromN(Integer.toString(v.wordCount())));
        putS(item, BODY_HASH, v.bodyHash());
        putS(item, ACCESS, v.access());
        if (v.duplicateOf() == null && v.firstOfBody()) {
            // sparse sketch keys: a duplicate's original stands for it in the similarity lookups, and a body's first
            // version under this URL for its headline and byline edits
            if (v.simhash() != null) {
                long simhash = SimHash.parseHex(v.simhash());
                for (int i = 0; i < SimHash.BLOCKS; i++) {
                    item.put(IndexSchema.simhashAttribute(i), s(String.format("%04x", SimHash.block(simhash, i))));
                }
            }
            if (v.minhash() != null) {
                List<String> bands = v.minhash().bandKeys();
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
        return StoredVersion.builder()
                .url(str(item, URL)).hash(str(item, HASH)).outlet(str(item, OUTLET))
                .firstSeen(instant(item, FIRST_SEEN)).lastSeen(instant(item, LAST_SEEN)).lastFetched(instant(item, LAST_FETCHED))
                .title(str(item, TITLE))
                .authors(authors == null || !authors.hasL() ? List.of() : authors.l().stream().map(AttributeValue::s).toList())
                .published(str(item, PUBLISHED)).modified(str(item, MODIFIED)).language(str(item, LANGUAGE))
                .rawKey(str(item, RAW_KEY)).cleanKey(str(item, CLEAN_KEY)).etag(str(item, ETAG))
                .lastModified(str(item, LAST_MODIFIED)).simhash(str(item, SIMHASH)).minhash(minhash(item))
                .extractorVersion(str(item, EXTRACTOR_VERSION)).duplicateOf(str(item, DUPLICATE_OF))
                .wordCount(words == null || words.n() == null ? 0 : Integer.parseInt(words.n()))
                .bodyHash(str(item, BODY_HASH))
                .access(str(item, ACCESS))
                .build();
    }

    static VersionKey versionKey(Map<String, AttributeValue> item) {
        return new VersionKey(str(item, URL), str(item, HASH));
    }

    static MinHash minhash(Map<String, AttributeValue> item) {
        AttributeValue mh = item.get(MINHASH);
        if (mh == null || mh.b() == null) {
            return null;
        }
        try {
            return MinHash.fromBytes(mh.b().asByteArray());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("minhash of " + str(item, URL) + " " + str(item, HASH) + ": " + e.getMessage(), e);
        }
    }

    /** The outlet-index time of a version: its published instant when parseable, else first sight. */
    static Instant sortInstant(StoredVersion v) {
        String published = v.published();
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

    static String formatTs(Instant instant) {
        return TS_FORMAT.format(instant);
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static void putS(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    static Instant instant(Map<String, AttributeValue> item, String name) {
        String v = str(item, name);
        return v == null ? null : Instant.parse(v);
    }
}
