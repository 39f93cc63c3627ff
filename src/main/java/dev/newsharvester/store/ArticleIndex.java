package dev.newsharvester.store;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The DynamoDB index: one item per (url, hash) version. Every read is a GetItem or a fully
 * paginated Query (the table is never scanned); every write is conditional.
 *
 * <p>Table layout (mirrored by {@code template.yaml}): key {@code url} (S) + {@code hash} (S);
 * GSI {@code hash-index} ({@code hash}, {@code url}); GSI {@code outlet-index} ({@code outlet},
 * {@code ts}), where {@code ts} is the published instant when known, else first sight, in a
 * fixed-width UTC form ({@code 2024-05-01T09:30:00.000Z}) so that string order is time order.
 * Null fields are omitted from items.
 */
public final class ArticleIndex {
    public static final String HASH_INDEX = "hash-index";
    public static final String OUTLET_INDEX = "outlet-index";

    // attribute names
    static final String URL = "url", HASH = "hash", OUTLET = "outlet", TS = "ts", FIRST_SEEN = "firstSeen",
            LAST_SEEN = "lastSeen", LAST_FETCHED = "lastFetched", TITLE = "title", AUTHORS = "authors",
            PUBLISHED = "published", MODIFIED = "modified", LANGUAGE = "language", RAW_KEY = "rawKey",
            CLEAN_KEY = "cleanKey", ETAG = "etag", LAST_MODIFIED = "lastModified", SIMHASH = "simhash",
            MINHASH = "minhash", EXTRACTOR_VERSION = "extractorVersion", DUPLICATE_OF = "duplicateOf",
            WORD_COUNT = "wordCount";

    /** Fixed width (always three fraction digits), unlike Instant.toString, so lexical order = time order. */
    private static final DateTimeFormatter TS_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final DynamoDbClient ddb;
    private final String table;
    private final Integer pageSize;

    public ArticleIndex(DynamoDbClient ddb, String table) {
        this(ddb, table, null);
    }

    /** With a Query page size (Limit); tests use a small one to exercise pagination. */
    ArticleIndex(DynamoDbClient ddb, String table, Integer pageSize) {
        this.ddb = Objects.requireNonNull(ddb, "ddb");
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("table must not be blank: '" + table + "'");
        }
        this.table = table;
        this.pageSize = pageSize;
    }

    public String table() {
        return table;
    }

    /**
     * Creates the table with its two GSIs (on-demand billing) unless it exists, and waits until it
     * and its indexes are ACTIVE. For local stores and tests; in AWS the template creates it.
     */
    public static void createTable(DynamoDbClient ddb, String table) {
        if (describe(ddb, table) == null) {
            try {
                ddb.createTable(b -> b.tableName(table)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(
                                attr(URL), attr(HASH), attr(OUTLET), attr(TS))
                        .keySchema(key(URL, KeyType.HASH), key(HASH, KeyType.RANGE))
                        .globalSecondaryIndexes(
                                gsi(HASH_INDEX, HASH, URL),
                                gsi(OUTLET_INDEX, OUTLET, TS)));
            } catch (ResourceInUseException raced) {
                // created concurrently by someone else: fine, wait for it below
            }
        }
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            TableDescription d = describe(ddb, table);
            if (d != null && d.tableStatus() == TableStatus.ACTIVE && d.globalSecondaryIndexes().stream()
                    .allMatch(i -> i.indexStatus() == IndexStatus.ACTIVE)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("table " + table + " not ACTIVE after 2 minutes: "
                        + (d == null ? "missing" : d.tableStatusAsString()));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for table " + table, e);
            }
        }
    }

    private static TableDescription describe(DynamoDbClient ddb, String table) {
        try {
            return ddb.describeTable(b -> b.tableName(table)).table();
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    private static AttributeDefinition attr(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static GlobalSecondaryIndex gsi(String name, String pk, String sk) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(key(pk, KeyType.HASH), key(sk, KeyType.RANGE))
                .projection(p -> p.projectionType(ProjectionType.ALL))
                .build();
    }

    // ---------------------------------------------------------------- reads

    /** Access pattern 2: is (url, hash) known. Strongly consistent. */
    public Optional<StoredVersion> get(String url, String hash) {
        var item = ddb.getItem(b -> b.tableName(table).consistentRead(true).key(keyOf(url, hash))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** Access pattern 1: every version of a URL, newest first by first sight. Strongly consistent. */
    public List<StoredVersion> versions(String url) {
        List<StoredVersion> all = query(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", URL))
                .expressionAttributeValues(Map.of(":pk", s(requireText(url, "url"))))
                .build());
        all.sort(Comparator.comparing(StoredVersion::firstSeen).reversed()
                .thenComparing(StoredVersion::lastSeen, Comparator.reverseOrder())
                .thenComparing(StoredVersion::hash));
        return all;
    }

    /** The current version of a URL: the one seen most recently (ties: the newer first sight). */
    public Optional<StoredVersion> latest(String url) {
        return versions(url).stream().max(Comparator.comparing(StoredVersion::lastSeen)
                .thenComparing(StoredVersion::firstSeen));
    }

    /** Access pattern 3: every (url, version) with this content hash, ordered by URL. Eventually consistent (GSI). */
    public List<StoredVersion> byHash(String hash) {
        return query(QueryRequest.builder().tableName(table).indexName(HASH_INDEX)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", HASH))
                .expressionAttributeValues(Map.of(":pk", s(requireText(hash, "hash"))))
                .build());
    }

    /**
     * Access pattern 4: an outlet's versions whose {@code ts} (published, else first seen) lies in
     * [since, until], both inclusive at millisecond precision, newest first. A null bound is open.
     * Eventually consistent (GSI).
     */
    public List<StoredVersion> byOutlet(String outlet, Instant since, Instant until) {
        if (since != null && until != null && since.isAfter(until)) {
            throw new IllegalArgumentException("since " + since + " is after until " + until);
        }
        Map<String, String> names = new HashMap<>(Map.of("#pk", OUTLET));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(requireText(outlet, "outlet"))));
        String condition = "#pk = :pk";
        if (since != null || until != null) {
            names.put("#ts", TS); // DynamoDB rejects names an expression does not use
            condition += since == null ? " AND #ts <= :until"
                    : until == null ? " AND #ts >= :since"
                    : " AND #ts BETWEEN :since AND :until";
        }
        if (since != null) {
            values.put(":since", s(formatTs(since)));
        }
        if (until != null) {
            values.put(":until", s(formatTs(until)));
        }
        return query(QueryRequest.builder().tableName(table).indexName(OUTLET_INDEX)
                .keyConditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .scanIndexForward(false)
                .build());
    }

    private List<StoredVersion> query(QueryRequest request) {
        if (pageSize != null) {
            request = request.toBuilder().limit(pageSize).build();
        }
        // the paginator follows LastEvaluatedKey to the last page
        List<StoredVersion> out = new ArrayList<>();
        ddb.queryPaginator(request).items().forEach(item -> out.add(fromItem(item)));
        return out;
    }

    // ---------------------------------------------------------------- writes

    /** Writes a new version unless (url, hash) exists. True if written; false leaves the stored item untouched. */
    public boolean putVersion(StoredVersion v) {
        Objects.requireNonNull(v, "version");
        try {
            ddb.putItem(b -> b.tableName(table).item(toItem(v))
                    .conditionExpression("attribute_not_exists(#url)")
                    .expressionAttributeNames(Map.of("#url", URL)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Records that a known version was seen again: sets {@code lastSeen} and {@code lastFetched} to
     * {@code at}, and {@code etag} / {@code lastModified} when non-null (null keeps the stored value).
     *
     * @throws NoSuchElementException if (url, hash) is not in the table
     */
    public void markSeen(String url, String hash, Instant at, String etag, String lastModified) {
        Objects.requireNonNull(at, "at");
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
        try {
            ddb.updateItem(b -> b.tableName(table).key(keyOf(url, hash))
                    .updateExpression(update.toString())
                    .conditionExpression("attribute_exists(#url)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            throw new NoSuchElementException("no version (" + url + ", " + hash + ") in table " + table, e);
        }
    }

    // ---------------------------------------------------------------- mapping

    private static Map<String, AttributeValue> keyOf(String url, String hash) {
        return Map.of(URL, s(requireText(url, "url")), HASH, s(requireText(hash, "hash")));
    }

    static Map<String, AttributeValue> toItem(StoredVersion v) {
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
            item.put(AUTHORS, AttributeValue.fromL(v.authors().stream().map(ArticleIndex::s).toList()));
        }
        putS(item, PUBLISHED, v.published());
        putS(item, MODIFIED, v.modified());
        putS(item, LANGUAGE, v.language());
        putS(item, RAW_KEY, v.rawKey());
        putS(item, CLEAN_KEY, v.cleanKey());
        putS(item, ETAG, v.etag());
        putS(item, LAST_MODIFIED, v.lastModified());
        putS(item, SIMHASH, v.simhash());
        int[] minhash = v.minhash();
        if (minhash != null) {
            ByteBuffer buf = ByteBuffer.allocate(minhash.length * Integer.BYTES); // big-endian by default
            buf.asIntBuffer().put(minhash);
            item.put(MINHASH, AttributeValue.fromB(SdkBytes.fromByteArray(buf.array())));
        }
        putS(item, EXTRACTOR_VERSION, v.extractorVersion());
        putS(item, DUPLICATE_OF, v.duplicateOf());
        item.put(WORD_COUNT, AttributeValue.fromN(Integer.toString(v.wordCount())));
        return item;
    }

    static StoredVersion fromItem(Map<String, AttributeValue> item) {
        int[] minhash = null;
        AttributeValue mh = item.get(MINHASH);
        if (mh != null && mh.b() != null) {
            ByteBuffer buf = mh.b().asByteBuffer();
            if (buf.remaining() % Integer.BYTES != 0) {
                throw new IllegalStateException("minhash of " + str(item, URL) + " is not a whole number of ints: "
                        + buf.remaining() + " bytes");
            }
            minhash = new int[buf.remaining() / Integer.BYTES];
            buf.asIntBuffer().get(minhash);
        }
        AttributeValue authors = item.get(AUTHORS);
        AttributeValue words = item.get(WORD_COUNT);
        return new StoredVersion(
                str(item, URL), str(item, HASH), str(item, OUTLET),
                instant(item, FIRST_SEEN), instant(item, LAST_SEEN), instant(item, LAST_FETCHED),
                str(item, TITLE),
                authors == null || !authors.hasL() ? List.of() : authors.l().stream().map(AttributeValue::s).toList(),
                str(item, PUBLISHED), str(item, MODIFIED), str(item, LANGUAGE),
                str(item, RAW_KEY), str(item, CLEAN_KEY), str(item, ETAG), str(item, LAST_MODIFIED),
                str(item, SIMHASH), minhash, str(item, EXTRACTOR_VERSION), str(item, DUPLICATE_OF),
                words == null || words.n() == null ? 0 : Integer.parseInt(words.n()));
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

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static void putS(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String v = str(item, name);
        return v == null ? null : Instant.parse(v);
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank: '" + value + "'");
        }
        return value;
    }
}
