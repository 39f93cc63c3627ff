package dev.newsharvester.store;

import static dev.newsharvester.store.IndexSchema.HASH;
import static dev.newsharvester.store.IndexSchema.OUTLET;
import static dev.newsharvester.store.IndexSchema.SIMHASH;
import static dev.newsharvester.store.IndexSchema.TS;
import static dev.newsharvester.store.IndexSchema.URL;
import static dev.newsharvester.store.Items.s;

import dev.newsharvester.fingerprint.MinHash;
import dev.newsharvester.fingerprint.SimHash;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * The DynamoDB index: one item per (url, hash) version. Every read is a GetItem, a BatchGetItem
 * or a fully paginated Query (the table is never scanned); every write is conditional.
 *
 * <p>Layout (mirrored by {@code template.yaml}; see {@link IndexSchema}): key {@code url} +
 * {@code hash}; GSIs {@code hash-index} ({@code hash}, {@code url}) and {@code outlet-index}
 * ({@code outlet}, {@code ts}), where {@code ts} is the published instant when known, else first
 * sight, in a fixed-width UTC form ({@code 2024-05-01T09:30:00.000Z}) so that string order is
 * time order; {@code simhash-0..3} on the four 16-bit SimHash blocks (near-duplicates) and
 * {@code story-0..7} on the MinHash LSH bands plus {@code ts} (same story), both only for versions
 * whose text is not a duplicate.
 *
 * <p>Thread-safe if the client is.
 */
public final class ArticleIndex {
    public static final String HASH_INDEX = IndexSchema.HASH_INDEX;
    public static final String OUTLET_INDEX = IndexSchema.OUTLET_INDEX;

    /** BatchGetItem's limit of keys per request. */
    private static final int BATCH_GET = 100;

    private final DynamoDbClient ddb;
    private final String table;
    private final Integer pageSize;
    private final Consumer<ConsumedCapacity> capacityListener;

    public ArticleIndex(DynamoDbClient ddb, String table) {
        this(ddb, table, null, null);
    }

    /** With a Query page size (Limit); tests use a small one to exercise pagination. */
    ArticleIndex(DynamoDbClient ddb, String table, Integer pageSize) {
        this(ddb, table, pageSize, null);
    }

    private ArticleIndex(DynamoDbClient ddb, String table, Integer pageSize, Consumer<ConsumedCapacity> capacityListener) {
        this.ddb = Objects.requireNonNull(ddb, "ddb");
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("table must not be blank: '" + table + "'");
        }
        this.table = table;
        this.pageSize = pageSize;
        this.capacityListener = capacityListener;
    }

    /**
     * This index, telling {@code listener} the capacity every write consumed (table and each
     * index): how the write-cost benchmark measures a version. Reported by DynamoDB and DynamoDB Local alike.
     */
    public ArticleIndex withCapacityListener(Consumer<ConsumedCapacity> listener) {
        return new ArticleIndex(ddb, table, pageSize, Objects.requireNonNull(listener, "listener"));
    }

    public String table() {
        return table;
    }

    /** A version's time on the outlet and story indexes: its published instant when parseable, else first sight. */
    public static Instant timeOf(StoredVersion v) {
        return VersionItem.sortInstant(v);
    }

    /**
     * Creates the table with its GSIs (on-demand billing) unless it exists, and waits until it and
     * its indexes are ACTIVE. For local stores and tests; in AWS the template creates it.
     */
    public static void createTable(DynamoDbClient ddb, String table) {
        IndexTables.create(ddb, table);
    }

    /**
     * {@link #createTable} for a table that usually exists (a local store opened again): it is found by ListTables and
     * each index by a one-item Query, not by DescribeTable, which DynamoDB Local answers by counting every item and
     * index entry (seconds on a store of 10,000 articles). A table without an index this version needs is refused.
     */
    public static void openTable(DynamoDbClient ddb, String table) {
        IndexTables.open(ddb, table);
    }

    // ---------------------------------------------------------------- reads

    /** Access pattern 2: is (url, hash) known. Strongly consistent. */
    public Optional<StoredVersion> get(String url, String hash) {
        var item = ddb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(VersionItem.key(new VersionKey(url, hash)))).item();
        return item == null || item.isEmpty() || HistoryEvents.isEvent(hash) ? Optional.empty()
                : Optional.of(VersionItem.fromItem(item));
    }

    /** Several versions by key (BatchGetItem, 100 keys a request), in the order given; missing keys are left out. */
    public List<StoredVersion> getAll(Collection<VersionKey> keys) {
        List<VersionKey> distinct = List.copyOf(new LinkedHashSet<>(keys));
        Map<VersionKey, StoredVersion> found = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += BATCH_GET) {
            List<Map<String, AttributeValue>> batch = distinct.subList(from, Math.min(distinct.size(), from + BATCH_GET))
                    .stream().map(VersionItem::key).toList();
            Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(batch).build());
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt > 0) {
                    backOff(attempt);
                }
                Map<String, KeysAndAttributes> request = pending;
                BatchGetItemResponse r = ddb.batchGetItem(b -> b.requestItems(request));
                r.responses().getOrDefault(table, List.of()).forEach(item -> {
                    StoredVersion v = VersionItem.fromItem(item);
                    found.put(v.key(), v);
                });
                pending = r.unprocessedKeys() == null ? Map.of() : r.unprocessedKeys();
            }
        }
        return distinct.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** Access pattern 1: every version of a URL, newest first by first sight. Strongly consistent. */
    public List<StoredVersion> versions(String url) {
        return versions(url, true);
    }

    /**
     * Every version of a URL, newest first by first sight; {@code consistent = false} reads at half the cost and may
     * miss a write of the last second (enough to decide whether a discovered URL is due a visit).
     */
    public List<StoredVersion> versions(String url, boolean consistent) {
        List<StoredVersion> all = query(QueryRequest.builder().tableName(table).consistentRead(consistent)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", URL))
                .expressionAttributeValues(Map.of(":pk", s(requireText(url, "url"))))
                .build());
        all.sort(UrlHistory.NEWEST_FIRST);
        return all;
    }

    /**
     * A URL's whole history in one strongly consistent Query of its partition: its versions (newest first, as
     * {@link #versions(String)}) and its lifecycle entries (oldest first).
     */
    public UrlHistory history(String url) {
        return history(url, true);
    }

    /**
     * {@link #history(String)}; {@code consistent = false} reads at half the cost and may miss a write of the last
     * second (enough to decide whether a discovered URL is due a visit).
     */
    public UrlHistory history(String url, boolean consistent) {
        return events().history(requireText(url, "url"), consistent);
    }

    /** The lifecycle entries of this table's URLs. */
    public HistoryEvents events() {
        return new HistoryEvents(ddb, table);
    }

    /** The current version of a URL: the one seen most recently (ties: the newer first sight). */
    public Optional<StoredVersion> latest(String url) {
        return versions(url).stream().max(UrlHistory.SEEN_LAST);
    }

    /**
     * Access pattern 3: every (url, version) with this content hash, ordered by URL. Eventually
     * consistent (GSI); rows are {@linkplain StoredVersion#listingView() listing views}.
     */
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
     * Eventually consistent (GSI); rows are {@linkplain StoredVersion#listingView() listing views}.
     */
    public List<StoredVersion> byOutlet(String outlet, Instant since, Instant until) {
        return query(timeRange(QueryRequest.builder().tableName(table).indexName(OUTLET_INDEX), OUTLET,
                s(requireText(outlet, "outlet")), since, until).scanIndexForward(false).build());
    }

    /**
     * As {@link #byOutlet} but oldest first and lazy: pages are read as the stream is consumed, so memory holds one page
     * however many versions the range has (exports). Close the stream when done.
     */
    public java.util.stream.Stream<StoredVersion> streamByOutlet(String outlet, Instant since, Instant until) {
        return streamByOutlet(outlet, since, until, true, pageSize);
    }

    /** As {@link #streamByOutlet(String, Instant, Instant)}, oldest or newest first, {@code page} rows a page (null: 1 MB). */
    public java.util.stream.Stream<StoredVersion> streamByOutlet(String outlet, Instant since, Instant until,
            boolean oldestFirst, Integer page) {
        QueryRequest request = timeRange(QueryRequest.builder().tableName(table).indexName(OUTLET_INDEX), OUTLET,
                s(requireText(outlet, "outlet")), since, until).scanIndexForward(oldestFirst).build();
        QueryRequest paged = page == null ? request : request.toBuilder().limit(page).build();
        return ddb.queryPaginator(paged).items().stream().filter(VersionItem::isVersion).map(VersionItem::fromItem);
    }

    /**
     * Access pattern 5: versions whose SimHash is within {@code maxDistance} bits of
     * {@code simhash}: four exact lookups on the 16-bit blocks (two fingerprints within 3 bits
     * agree on at least one block), then the Hamming filter. Closest first. Duplicates of a
     * stored text are not in these indexes: their original stands for them.
     *
     * @throws IllegalArgumentException if {@code maxDistance} is outside 0..3 (the lookup would miss matches)
     */
    public List<SimHashHit> nearDuplicates(long simhash, int maxDistance) {
        if (maxDistance < 0 || maxDistance > SimHash.MAX_LOOKUP_DISTANCE) {
            throw new IllegalArgumentException("max distance must be 0.." + SimHash.MAX_LOOKUP_DISTANCE
                    + " (four 16-bit block lookups find every match only up to 3 bits), was " + maxDistance);
        }
        Map<VersionKey, SimHashHit> hits = new LinkedHashMap<>();
        for (int i = 0; i < SimHash.BLOCKS; i++) {
            String attribute = IndexSchema.simhashAttribute(i);
            QueryRequest q = QueryRequest.builder().tableName(table).indexName(IndexSchema.simhashIndex(i))
                    .keyConditionExpression("#b = :b")
                    .expressionAttributeNames(Map.of("#b", attribute))
                    .expressionAttributeValues(Map.of(":b", s(String.format("%04x", SimHash.block(simhash, i)))))
                    .build();
            for (Map<String, AttributeValue> item : items(q)) {
                long other = SimHash.parseHex(Items.str(item, SIMHASH));
                int d = SimHash.hammingDistance(simhash, other);
                if (d <= maxDistance) {
                    hits.putIfAbsent(VersionItem.versionKey(item), VersionItem.simHashHit(item, other, d));
                }
            }
        }
        return hits.values().stream().sorted(Comparator.comparingInt(SimHashHit::distance)
                .thenComparing(h -> h.key().url()).thenComparing(h -> h.key().hash())).toList();
    }

    /**
     * Access pattern 6: candidates for the same story: versions with [from, to] on their
     * {@code ts} that share at least one MinHash LSH band with {@code signature}, with their
     * signatures to score. The caller decides by the full similarity.
     */
    public List<StoryHit> storyCandidates(MinHash signature, Instant from, Instant to) {
        Objects.requireNonNull(signature, "signature");
        Map<VersionKey, StoryHit> hits = new LinkedHashMap<>();
        List<String> bands = signature.bandKeys();
        for (int i = 0; i < bands.size(); i++) {
            QueryRequest q = timeRange(QueryRequest.builder().tableName(table).indexName(IndexSchema.storyIndex(i)),
                    IndexSchema.bandAttribute(i), s(bands.get(i)), from, to).build();
            for (Map<String, AttributeValue> item : items(q)) {
                hits.computeIfAbsent(VersionItem.versionKey(item), k -> VersionItem.storyHit(item));
            }
        }
        return List.copyOf(hits.values());
    }

    /** A key condition on a partition and an optional inclusive time range on {@code ts}. */
    private static QueryRequest.Builder timeRange(QueryRequest.Builder q, String pk, AttributeValue pkValue, Instant since,
            Instant until) {
        if (since != null && until != null && since.isAfter(until)) {
            throw new IllegalArgumentException("since " + since + " is after until " + until);
        }
        Map<String, String> names = new HashMap<>(Map.of("#pk", pk));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", pkValue));
        String condition = "#pk = :pk";
        if (since != null || until != null) {
            names.put("#ts", TS); // DynamoDB rejects names an expression does not use
            condition += since == null ? " AND #ts <= :until"
                    : until == null ? " AND #ts >= :since"
                    : " AND #ts BETWEEN :since AND :until";
        }
        if (since != null) {
            values.put(":since", s(Items.formatTs(since)));
        }
        if (until != null) {
            values.put(":until", s(Items.formatTs(until)));
        }
        return q.keyConditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values);
    }

    private List<StoredVersion> query(QueryRequest request) {
        // health counters and lifecycle entries share the table: never versions
        return items(request).stream().filter(VersionItem::isVersion)
                .map(VersionItem::fromItem).collect(Collectors.toCollection(ArrayList::new));
    }

    private List<Map<String, AttributeValue>> items(QueryRequest request) {
        if (pageSize != null) {
            request = request.toBuilder().limit(pageSize).build();
        }
        // the paginator follows LastEvaluatedKey to the last page
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        ddb.queryPaginator(request).items().forEach(out::add);
        return out;
    }

    // ---------------------------------------------------------------- writes

    /**
     * Writes a new version unless (url, hash) exists: one conditional PutItem, which also writes
     * its entries in every index (atomically). True if written; false leaves the stored item untouched.
     */
    public boolean putVersion(StoredVersion v) {
        Objects.requireNonNull(v, "version");
        try {
            var r = ddb.putItem(b -> b.tableName(table).item(VersionItem.toItem(v))
                    .conditionExpression("attribute_not_exists(#url)")
                    .expressionAttributeNames(Map.of("#url", URL))
                    .returnConsumedCapacity(capacityListener == null ? ReturnConsumedCapacity.NONE : ReturnConsumedCapacity.INDEXES));
            report(r.consumedCapacity());
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
        try {
            var r = ddb.updateItem(b -> VersionItem.seen(b, at, etag, lastModified)
                    .tableName(table).key(VersionItem.key(new VersionKey(url, hash)))
                    .returnConsumedCapacity(capacityListener == null ? ReturnConsumedCapacity.NONE : ReturnConsumedCapacity.INDEXES));
            report(r.consumedCapacity());
        } catch (ConditionalCheckFailedException e) {
            throw new NoSuchElementException("no version (" + url + ", " + hash + ") in table " + table, e);
        }
    }

    private void report(ConsumedCapacity c) {
        if (capacityListener != null && c != null) {
            capacityListener.accept(c);
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(Math.min(1000, 25L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying unprocessed keys", e);
        }
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank: '" + value + "'");
        }
        return value;
    }
}
