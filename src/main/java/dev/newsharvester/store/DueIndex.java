package dev.newsharvester.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * When each stored URL is next due a revisit, readable in O(due URLs): no Scan, only Queries of hour buckets.
 *
 * <pre>
 *   partition                            sort                     attributes
 *   due#&lt;yyyy-MM-ddTHH&gt;#&lt;shard&gt;         &lt;dueAt&gt;#&lt;url digest&gt;    outlet, dueUrl, claimedUntil (ms)
 *   revisit#&lt;url digest&gt;                 next                     outlet, dueUrl, firstSeen, dueAt (ms): the URL's one entry
 *   due#watermark                        hour                     hour: the oldest bucket that may hold entries
 * </pre>
 * A URL's entry lies in the bucket of its due hour, in one of {@code shards} partitions picked by a hash of the URL,
 * so no partition is hot. Scheduling writes the new entry, moves the URL's pointer and deletes the old entry
 * (idempotent: the same schedule twice writes the same items). Reading queries the buckets from the watermark to the
 * current hour, each shard once (plus pages), and moves the watermark past the hours found empty. A due entry is
 * taken by a conditional claim, so two readers at once never hand out the same URL; a claim lapses after its lease
 * (the taker died), and the entry goes only when the URL's next visit is scheduled.
 *
 * <p>It lives in the fleet table (keys {@code pk}/{@code sk}) or, without a fleet, in the Articles table (keys
 * {@code url}/{@code hash}): its keys never look like a URL or a content hash.
 */
public final class DueIndex {

    /** A URL due a visit, as read from its entry. */
    public record Due(String outlet, String url, Instant dueAt, String sortKey) {
    }

    /** What one reading found: the due entries not claimed by anyone, and what the reading cost. */
    public record Read(List<Due> due, int queries, int itemsRead, int buckets) {
    }

    /** A URL's revisit state (its pointer item). */
    public record Pointer(String outlet, Instant firstSeen, Instant dueAt) {
    }

    /** Partitions per hour bucket unless told otherwise. */
    public static final int DEFAULT_SHARDS = 8;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH").withZone(ZoneOffset.UTC);
    private static final String NEXT = "next", WATERMARK = "due#watermark";

    private final DynamoDbClient ddb;
    private final String table;
    private final String pk;
    private final String sk;
    private final int shards;
    /** Whether this instance made sure a watermark exists (one conditional write per instance, not per schedule). */
    private volatile boolean marked;

    private DueIndex(DynamoDbClient ddb, String table, String pk, String sk, int shards) {
        this.ddb = Objects.requireNonNull(ddb, "ddb");
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("table must not be blank: set FLEET_TABLE or ARTICLES_TABLE");
        }
        if (shards < 1) {
            throw new IllegalArgumentException("shards must be at least 1 (partitions per hour bucket), was " + shards);
        }
        this.table = table;
        this.pk = pk;
        this.sk = sk;
        this.shards = shards;
    }

    /** In the fleet table (keys pk, sk). */
    public static DueIndex inFleetTable(DynamoDbClient ddb, String table, int shards) {
        return new DueIndex(ddb, table, "pk", "sk", shards);
    }

    /** In the Articles table (keys url, hash): stores without a fleet. */
    public static DueIndex inArticlesTable(DynamoDbClient ddb, String table, int shards) {
        return new DueIndex(ddb, table, IndexSchema.URL, IndexSchema.HASH, shards);
    }

    /** The bucket partition of a due instant and URL. */
    String bucket(Instant dueAt, String url) {
        return bucket(HOUR.format(dueAt), Math.floorMod(url.hashCode(), shards));
    }

    private static String bucket(String hour, int shard) {
        return "due#" + hour + "#" + shard;
    }

    private static String sortKey(Instant dueAt, String url) {
        return Items.formatTs(dueAt) + "#" + digest(url);
    }

    static String digest(String url) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    private Map<String, AttributeValue> key(String p, String s) {
        return Map.of(pk, AttributeValue.fromS(p), sk, AttributeValue.fromS(s));
    }

    private Map<String, AttributeValue> pointerKey(String url) {
        return key("revisit#" + digest(url), NEXT);
    }

    /** The URL's revisit state, or null when it has none (never scheduled, or its schedule is over). */
    public Pointer pointer(String url) {
        Map<String, AttributeValue> item = ddb.getItem(b -> b.tableName(table).key(pointerKey(url))).item();
        if (item == null || item.isEmpty()) {
            return null;
        }
        return new Pointer(str(item, "outlet"), ms(item, "firstSeen"), ms(item, "dueAt"));
    }

    /**
     * Makes {@code dueAt} (not before {@code now}) the URL's next visit: writes its entry, moves its pointer, deletes
     * its old entry. The first schedule of a store also sets the watermark to {@code now}'s hour.
     */
    public void schedule(String outlet, String url, Instant firstSeen, Instant dueAt, Instant now) {
        if (!marked) {
            try {
                ddb.putItem(b -> b.tableName(table).item(watermark(now.truncatedTo(ChronoUnit.HOURS)))
                        .conditionExpression("attribute_not_exists(#sk)").expressionAttributeNames(Map.of("#sk", sk)));
            } catch (ConditionalCheckFailedException exists) {
                // readers keep it: it never passes an hour that still holds an entry
            }
            marked = true;
        }
        Map<String, AttributeValue> entry = new HashMap<>(key(bucket(dueAt, url), sortKey(dueAt, url)));
        entry.put("outlet", AttributeValue.fromS(outlet));
        entry.put("dueUrl", AttributeValue.fromS(url));
        ddb.putItem(b -> b.tableName(table).item(entry));
        Map<String, AttributeValue> old = ddb.updateItem(b -> b.tableName(table).key(pointerKey(url))
                .updateExpression("SET outlet = :o, dueUrl = :u, dueAt = :d, firstSeen = if_not_exists(firstSeen, :f)")
                .expressionAttributeValues(Map.of(":o", AttributeValue.fromS(outlet), ":u", AttributeValue.fromS(url),
                        ":d", n(dueAt.toEpochMilli()), ":f", n(firstSeen.toEpochMilli())))
                .returnValues(ReturnValue.UPDATED_OLD)).attributes();
        Instant before = ms(old, "dueAt");
        if (before != null && !before.equals(dueAt)) {
            deleteEntry(url, before);
        }
    }

    /** Ends the URL's schedule (past its horizon): its pointer and entry go. */
    public void finish(String url) {
        Map<String, AttributeValue> old = ddb.deleteItem(b -> b.tableName(table).key(pointerKey(url))
                .returnValues(ReturnValue.ALL_OLD)).attributes();
        Instant before = ms(old, "dueAt");
        if (before != null) {
            deleteEntry(url, before);
        }
    }

    private void deleteEntry(String url, Instant dueAt) {
        ddb.deleteItem(b -> b.tableName(table).key(key(bucket(dueAt, url), sortKey(dueAt, url))));
    }

    /**
     * The entries due at {@code now} that nobody holds a claim on: every shard of every hour bucket from the
     * watermark to {@code now}'s hour, one Query each (plus pages). Hours before the current one found empty are
     * passed by the watermark, so they are not read again.
     */
    public Read due(Instant now) {
        Instant current = now.truncatedTo(ChronoUnit.HOURS);
        Map<String, AttributeValue> mark = ddb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(WATERMARK, "hour"))).item();
        Instant from = mark == null || mark.isEmpty() ? current : ms(mark, "hour");
        from = from.isAfter(current) ? current : from;
        String until = Items.formatTs(now) + "#~";
        List<Due> due = new ArrayList<>();
        int queries = 0;
        int items = 0;
        int buckets = 0;
        Instant firstNonEmpty = null;
        long nowMs = now.toEpochMilli();
        for (Instant h = from; !h.isAfter(current); h = h.plus(Duration.ofHours(1))) {
            boolean empty = true;
            for (int shard = 0; shard < shards; shard++) {
                buckets++;
                Map<String, AttributeValue> start = null;
                do {
                    Map<String, AttributeValue> exclusive = start;
                    String p = bucket(HOUR.format(h), shard);
                    QueryResponse r = ddb.query(b -> b.tableName(table).consistentRead(true).exclusiveStartKey(exclusive)
                            .keyConditionExpression("#pk = :p AND #sk <= :until")
                            .expressionAttributeNames(Map.of("#pk", pk, "#sk", sk))
                            .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(p), ":until",
                                    AttributeValue.fromS(until))));
                    queries++;
                    items += r.count();
                    for (Map<String, AttributeValue> i : r.items()) {
                        empty = false;
                        Instant claimed = ms(i, "claimedUntil");
                        if (claimed == null || claimed.toEpochMilli() <= nowMs) {
                            String s = str(i, sk);
                            due.add(new Due(str(i, "outlet"), str(i, "dueUrl"),
                                    Instant.parse(s.substring(0, s.indexOf('#'))), s));
                        }
                    }
                    start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
                } while (start != null);
            }
            if (!empty && firstNonEmpty == null) {
                firstNonEmpty = h;
            }
        }
        Instant newMark = firstNonEmpty == null ? current : firstNonEmpty;
        if (!newMark.equals(from) || mark == null || mark.isEmpty()) {
            ddb.putItem(b -> b.tableName(table).item(watermark(newMark)));
        }
        return new Read(due, queries, items, buckets);
    }

    private Map<String, AttributeValue> watermark(Instant hour) {
        return Map.of(pk, AttributeValue.fromS(WATERMARK), sk, AttributeValue.fromS("hour"), "hour", n(hour.toEpochMilli()));
    }

    /**
     * Takes a due entry for {@code lease}: true for exactly one of several readers at once (a conditional write);
     * false when another holds it or it was rescheduled meanwhile.
     */
    public boolean claim(Due d, Instant now, Duration lease) {
        try {
            ddb.updateItem(b -> b.tableName(table).key(key(bucket(d.dueAt(), d.url()), d.sortKey()))
                    .updateExpression("SET claimedUntil = :until")
                    .conditionExpression("attribute_exists(#sk) AND (attribute_not_exists(claimedUntil) OR claimedUntil <= :now)")
                    .expressionAttributeNames(Map.of("#sk", sk))
                    .expressionAttributeValues(Map.of(":until", n(now.plus(lease).toEpochMilli()),
                            ":now", n(now.toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    private static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item == null ? null : item.get(name);
        return v == null ? null : v.s();
    }

    private static Instant ms(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item == null ? null : item.get(name);
        return v == null || v.n() == null ? null : Instant.ofEpochMilli(Long.parseLong(v.n()));
    }
}
