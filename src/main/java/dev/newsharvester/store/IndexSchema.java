package dev.newsharvester.store;

import dev.newsharvester.fingerprint.MinHash;
import dev.newsharvester.fingerprint.SimHash;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The {@code Articles} table's layout: attribute names and the global secondary indexes, as
 * {@code template.yaml} declares them (a test holds the two together).
 *
 * <pre>
 *   table             url (HASH), hash (RANGE)           every version: all attributes
 *   hash-index        hash, url       listing fields      every version
 *   outlet-index      outlet, ts      listing fields      every version
 *   simhash-0..3      sh0..sh3        simhash, outlet     versions whose text is new (not DUPLICATE)
 *   story-0..7        lsh0..lsh7, ts  outlet, minhash     versions whose text is new and has content words
 * </pre>
 * "Listing fields" are all attributes but the MinHash signature (the largest; only the story lookup
 * reads it) and those a re-fetch updates. The sketch attributes ({@code sh*}, {@code lsh*}) are sparse: a duplicate
 * of a stored text adds no entries, its original answers for it.
 */
final class IndexSchema {

    static final String HASH_INDEX = "hash-index";
    static final String OUTLET_INDEX = "outlet-index";

    static final String URL = "url", HASH = "hash", OUTLET = "outlet", TS = "ts", FIRST_SEEN = "firstSeen",
            LAST_SEEN = "lastSeen", LAST_FETCHED = "lastFetched", TITLE = "title", AUTHORS = "authors",
            PUBLISHED = "published", MODIFIED = "modified", LANGUAGE = "language", RAW_KEY = "rawKey",
            CLEAN_KEY = "cleanKey", ETAG = "etag", LAST_MODIFIED = "lastModified", SIMHASH = "simhash",
            MINHASH = "minhash", EXTRACTOR_VERSION = "extractorVersion", DUPLICATE_OF = "duplicateOf",
            WORD_COUNT = "wordCount", BODY_HASH = "bodyHash", ACCESS = "access";

    /**
     * Sort-key prefix of a URL's lifecycle entries ({@code event#<time>#<kind>}): never a hex hash, so an entry never
     * collides with a version, and never in the hash, outlet, simhash or story indexes (it has none of their keys).
     */
    static final String EVENT_PREFIX = "event#";

    /**
     * Projected into hash-index and outlet-index (their key attributes come with every projection):
     * not the signature (only the story lookup reads it), and none of the attributes a re-fetch
     * updates (lastSeen, lastFetched, etag, lastModified), so that marking a version seen, the most
     * frequent write by far, touches the table item alone (1 write unit instead of 3).
     */
    static final List<String> LISTING = List.of(OUTLET, TS, FIRST_SEEN, TITLE, AUTHORS, PUBLISHED, MODIFIED, LANGUAGE,
            RAW_KEY, CLEAN_KEY, SIMHASH, EXTRACTOR_VERSION, DUPLICATE_OF, WORD_COUNT, ACCESS);

    private IndexSchema() {
    }

    /** {@code sh0}..{@code sh3}: SimHash block i as 4 hex digits. */
    static String simhashAttribute(int block) {
        return "sh" + block;
    }

    static String simhashIndex(int block) {
        return "simhash-" + block;
    }

    /** {@code lsh0}..{@code lsh7}: MinHash band i as 8 hex digits. */
    static String bandAttribute(int band) {
        return "lsh" + band;
    }

    static String storyIndex(int band) {
        return "story-" + band;
    }

    static List<AttributeDefinition> attributeDefinitions() {
        List<AttributeDefinition> out = new ArrayList<>(List.of(string(URL), string(HASH), string(OUTLET), string(TS)));
        for (int i = 0; i < SimHash.BLOCKS; i++) {
            out.add(string(simhashAttribute(i)));
        }
        for (int i = 0; i < MinHash.BANDS; i++) {
            out.add(string(bandAttribute(i)));
        }
        return out;
    }

    static List<KeySchemaElement> tableKey() {
        return List.of(key(URL, KeyType.HASH), key(HASH, KeyType.RANGE));
    }

    static List<GlobalSecondaryIndex> globalSecondaryIndexes() {
        List<String> listing = LISTING;
        List<GlobalSecondaryIndex> out = new ArrayList<>();
        out.add(gsi(HASH_INDEX, HASH, URL, listing.stream().filter(a -> !a.equals(URL)).toList()));
        out.add(gsi(OUTLET_INDEX, OUTLET, TS, listing.stream().filter(a -> !a.equals(OUTLET) && !a.equals(TS)).toList()));
        for (int i = 0; i < SimHash.BLOCKS; i++) {
            out.add(gsi(simhashIndex(i), simhashAttribute(i), null, List.of(SIMHASH, OUTLET)));
        }
        for (int i = 0; i < MinHash.BANDS; i++) {
            out.add(gsi(storyIndex(i), bandAttribute(i), TS, List.of(OUTLET, MINHASH)));
        }
        return out;
    }

    private static GlobalSecondaryIndex gsi(String name, String pk, String sk, List<String> include) {
        List<KeySchemaElement> keys = sk == null ? List.of(key(pk, KeyType.HASH))
                : List.of(key(pk, KeyType.HASH), key(sk, KeyType.RANGE));
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(keys)
                .projection(Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes(include).build())
                .build();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
