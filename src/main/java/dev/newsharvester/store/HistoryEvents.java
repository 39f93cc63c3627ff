package dev.newsharvester.store;

import static dev.newsharvester.store.IndexSchema.HASH;
import static dev.newsharvester.store.IndexSchema.OUTLET;
import static dev.newsharvester.store.IndexSchema.URL;
import static dev.newsharvester.store.Items.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * A URL's lifecycle entries ({@link HistoryEvent}) in the {@code Articles} table: same partition as its versions, sort
 * key {@code event#<time>#<kind>}. The items carry neither {@code ts} nor sketch attributes, so no GSI holds them, and
 * {@link ArticleIndex} drops them from every version read. Reads are one Query on the sort-key prefix.
 */
public final class HistoryEvents {

    private static final String AT = "at", KIND = "kind", STATUS = "httpStatus", TARGET = "target",
            SAME_ARTICLE = "sameArticle", VERSION = "version", NOTE = "note";

    private final DynamoDbClient ddb;
    private final String table;

    public HistoryEvents(DynamoDbClient ddb, String table) {
        this.ddb = Objects.requireNonNull(ddb, "ddb");
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("table must not be blank: set ARTICLES_TABLE to the index table's name");
        }
        this.table = table;
    }

    /** Whether a sort key names a lifecycle entry rather than a version. */
    public static boolean isEvent(String sortKey) {
        return sortKey != null && sortKey.startsWith(IndexSchema.EVENT_PREFIX);
    }

    /** Writes the entry unless one with its key exists (a retry in the same millisecond); true if written. */
    public boolean put(HistoryEvent e) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(URL, s(e.url()));
        item.put(HASH, s(e.key()));
        item.put(OUTLET, s(e.outlet()));
        item.put(AT, s(e.at().toString()));
        item.put(KIND, s(e.kind().name()));
        item.put(STATUS, AttributeValue.fromN(Integer.toString(e.httpStatus())));
        item.put(SAME_ARTICLE, AttributeValue.fromBool(e.sameArticle()));
        putS(item, TARGET, e.target());
        putS(item, VERSION, e.version());
        putS(item, NOTE, e.note());
        try {
            ddb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(#url)")
                    .expressionAttributeNames(Map.of("#url", URL)));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    /**
     * A visit that added nothing to the history (the page is still gone, still redirects): the current version's
     * {@code lastFetched} moves to {@code at} (never back), so the revisit schedule counts the visit instead of finding
     * the URL overdue at every run. A missing version is left alone.
     */
    public void visited(String url, String hash, Instant at) {
        try {
            ddb.updateItem(b -> b.tableName(table).key(VersionItem.key(new VersionKey(url, hash)))
                    .updateExpression("SET #lf = :at")
                    .conditionExpression("attribute_exists(#url) AND (attribute_not_exists(#lf) OR #lf < :at)")
                    .expressionAttributeNames(Map.of("#url", URL, "#lf", IndexSchema.LAST_FETCHED))
                    .expressionAttributeValues(Map.of(":at", s(at.toString()))));
        } catch (ConditionalCheckFailedException gone) {
            // no such version, or a later visit already recorded
        }
    }

    /** The URL's versions and lifecycle entries from one Query of its partition (strongly consistent or not). */
    UrlHistory history(String url, boolean consistent) {
        List<StoredVersion> versions = new ArrayList<>();
        List<HistoryEvent> entries = new ArrayList<>();
        ddb.queryPaginator(QueryRequest.builder().tableName(table).consistentRead(consistent).keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", URL)).expressionAttributeValues(Map.of(":pk", s(url))).build())
                .items().forEach(item -> {
                    if (isEvent(Items.str(item, HASH))) {
                        entries.add(fromItem(item));
                    } else if (!HealthCounters.isHealthPartition(url)) {
                        versions.add(VersionItem.fromItem(item));
                    }
                });
        versions.sort(UrlHistory.NEWEST_FIRST);
        entries.sort(Comparator.comparing(HistoryEvent::at));
        return new UrlHistory(versions, entries);
    }

    /** The URL's lifecycle entries, oldest first. Strongly consistent. */
    public List<HistoryEvent> of(String url) {
        List<HistoryEvent> out = new ArrayList<>();
        ddb.queryPaginator(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", URL, "#sk", HASH))
                .expressionAttributeValues(Map.of(":pk", s(url), ":prefix", s(IndexSchema.EVENT_PREFIX))))
                .items().forEach(i -> out.add(fromItem(i)));
        return out;
    }

    private static HistoryEvent fromItem(Map<String, AttributeValue> i) {
        AttributeValue status = i.get(STATUS);
        AttributeValue same = i.get(SAME_ARTICLE);
        return new HistoryEvent(Items.str(i, URL), Items.str(i, OUTLET), Instant.parse(Items.str(i, AT)),
                HistoryEvent.Kind.valueOf(Items.str(i, KIND).toUpperCase(Locale.ROOT)),
                status == null ? 0 : Integer.parseInt(status.n()), Items.str(i, TARGET),
                same != null && Boolean.TRUE.equals(same.bool()), Items.str(i, VERSION), Items.str(i, NOTE));
    }

    private static void putS(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }
}
