package dev.newsharvester.store;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Per-outlet health counters, shared by every function instance: items of the {@code Articles} table under their own
 * partition, updated only with atomic {@code ADD} (and conditional {@code SET} for the "latest" times), so that any
 * number of instances may count at once without losing a count.
 *
 * <pre>
 *   url (partition)     hash (sort)               attributes
 *   health#&lt;outlet&gt;    h#&lt;yyyy-MM-ddTHH&gt;         o_&lt;OUTCOME&gt;, blocked, notArticle, newArticles, newTitle, newAuthors,
 *                                                 newPublished, newWords80, wb0..wb15 (word-count histogram),
 *                                                 lastNew (a new article's time), expires
 *   health#&lt;outlet&gt;    r#&lt;run start, fixed ts&gt;   discovered (URLs found by the run), expires
 *   health#&lt;outlet&gt;    latest                    lastDiscovery (ISO instant, only ever moved forward)
 * </pre>
 * Hour and run items expire after {@link #RETENTION} (TTL attribute {@code expires}, epoch seconds). None of these
 * attributes is a key or projected attribute of a secondary index ({@link IndexSchema}); the items do sit in
 * {@code hash-index} under their sort key, which no content hash can equal, and {@link ArticleIndex#byHash} leaves
 * them out. The partition prefix {@value #PARTITION_PREFIX} is what the template's policy grants the planner.
 */
public final class HealthCounters {

    public static final String PARTITION_PREFIX = "health#";
    /** How long hour buckets and run items are kept. */
    public static final Duration RETENTION = Duration.ofDays(35);
    /**
     * Lower bounds of the word-count histogram's buckets ({@code wb0..wb15}); the last bucket is open. A median
     * read from it is exact to the bucket, which is enough to see a body fall from 400 words to 40.
     */
    public static final int[] WORD_BUCKETS = {0, 25, 50, 80, 100, 150, 200, 300, 400, 600, 800, 1200, 1600, 2400, 3200,
            4800};

    static final String HOUR_PREFIX = "h#", RUN_PREFIX = "r#", LATEST = "latest";
    static final String OUTCOME_PREFIX = "o_", BLOCKED = "blocked", NOT_ARTICLE = "notArticle", NEW_ARTICLES = "newArticles", NEW_TITLE = "newTitle",
            NEW_AUTHORS = "newAuthors", NEW_PUBLISHED = "newPublished", NEW_WORDS80 = "newWords80", WORD_BUCKET = "wb",
            DISCOVERED = "discovered", EXPIRES = "expires", LAST_DISCOVERY = "lastDiscovery", LAST_NEW = "lastNew";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH").withZone(ZoneOffset.UTC);

    /** The fields of a new article that health counts. */
    public record NewArticle(boolean title, boolean authors, boolean published, int words) {
    }

    /**
     * One hour of one outlet: outcome counts (by outcome name), the FAILED ones that were blocked, the pages the
     * extractor found no article in, and what new articles carried; {@code lastNew} is the time of the last new
     * article written in that hour (of writers a few seconds apart, the last to write).
     */
    public record Hour(Instant start, Map<String, Long> outcomes, long blocked, long notArticle, long newArticles,
            long withTitle,
            long withAuthors, long withPublished, long with80Words, long[] wordHistogram, Instant lastNew) {
        public long outcome(String name) {
            return outcomes.getOrDefault(name, 0L);
        }
    }

    /** One discovery run of one outlet (run = its start) and the article URLs it found. */
    public record Run(Instant run, long discovered) {
    }

    /** The last discovery that found URLs; null when never. */
    public record Latest(Instant lastDiscovery) {
    }

    private final DynamoDbClient ddb;
    private final String table;

    public HealthCounters(DynamoDbClient ddb, String table) {
        this.ddb = Objects.requireNonNull(ddb, "ddb");
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("table must not be blank: set ARTICLES_TABLE to the index table's name");
        }
        this.table = table;
    }

    /** Whether a partition key value is a health partition (not a URL). */
    public static boolean isHealthPartition(String pk) {
        return pk != null && pk.startsWith(PARTITION_PREFIX);
    }

    /**
     * Counts one article outcome of {@code outlet} at {@code at}: {@code blocked} for a FAILED fetch that was blocked,
     * {@code notArticle} for a page the extractor found no article in; {@code fresh} is given for a NEW article.
     */
    public void outcome(String outlet, Instant at, String outcome, boolean blocked, boolean notArticle,
            NewArticle fresh) {
        Map<String, AttributeValue> values = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        List<String> adds = new ArrayList<>();
        add(adds, names, values, OUTCOME_PREFIX + outcome);
        if (blocked) {
            add(adds, names, values, BLOCKED);
        }
        if (notArticle) {
            add(adds, names, values, NOT_ARTICLE);
        }
        if (fresh != null) {
            add(adds, names, values, NEW_ARTICLES);
            if (fresh.title()) {
                add(adds, names, values, NEW_TITLE);
            }
            if (fresh.authors()) {
                add(adds, names, values, NEW_AUTHORS);
            }
            if (fresh.published()) {
                add(adds, names, values, NEW_PUBLISHED);
            }
            if (fresh.words() >= 80) {
                add(adds, names, values, NEW_WORDS80);
            }
            add(adds, names, values, WORD_BUCKET + bucketOf(fresh.words()));
        }
        List<String> sets = new ArrayList<>();
        if (fresh != null) {
            // in the same write: one update per article, whatever it carried
            names.put("#n", LAST_NEW);
            values.put(":n", AttributeValue.fromS(Items.formatTs(at)));
            sets.add("#n = :n");
        }
        update(outlet, HOUR_PREFIX + HOUR.format(at), at, adds, sets, names, values);
    }

    /** Counts a discovery of {@code outlet} by the run started at {@code run} (several turns of a run add up). */
    public void discovery(String outlet, Instant run, Instant at, int urls) {
        Map<String, AttributeValue> values = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        names.put("#d", DISCOVERED);
        values.put(":d", n(urls));
        update(outlet, RUN_PREFIX + Items.formatTs(run), at, List.of("#d :d"), List.of(), names, values);
        if (urls > 0) {
            advance(outlet, LAST_DISCOVERY, at);
        }
    }

    /** The hour buckets of an outlet whose hour starts in [from, to), oldest first; hours without counts are absent. */
    public List<Hour> hours(String outlet, Instant from, Instant to) {
        List<Hour> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : query(outlet, HOUR_PREFIX + HOUR.format(from),
                HOUR_PREFIX + HOUR.format(to.minusMillis(1)), true, 0)) {
            out.add(hour(item));
        }
        return out;
    }

    /** The last {@code count} runs of an outlet up to {@code at}, newest first. */
    public List<Run> runs(String outlet, Instant at, int count) {
        List<Run> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : query(outlet, RUN_PREFIX, RUN_PREFIX + Items.formatTs(at), false, count)) {
            out.add(new Run(Instant.parse(Items.str(item, IndexSchema.HASH).substring(RUN_PREFIX.length())),
                    number(item, DISCOVERED)));
        }
        return out;
    }

    /** The outlet's last successful discovery (strongly consistent read of one small item). */
    public Latest latest(String outlet) {
        Map<String, AttributeValue> item = ddb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(outlet, LATEST))).item();
        return new Latest(Items.instant(item == null ? Map.of() : item, LAST_DISCOVERY));
    }

    /** The bucket index of a word count in {@link #WORD_BUCKETS}. */
    public static int bucketOf(int words) {
        int b = 0;
        while (b + 1 < WORD_BUCKETS.length && words >= WORD_BUCKETS[b + 1]) {
            b++;
        }
        return b;
    }

    private static void add(List<String> adds, Map<String, String> names, Map<String, AttributeValue> values,
            String attribute) {
        String ref = "#a" + adds.size();
        names.put(ref, attribute);
        values.putIfAbsent(":one", n(1));
        adds.add(ref + " :one");
    }

    private void update(String outlet, String sk, Instant at, List<String> adds, List<String> sets,
            Map<String, String> names, Map<String, AttributeValue> values) {
        names.put("#x", EXPIRES);
        values.put(":x", n(at.plus(RETENTION).getEpochSecond()));
        List<String> set = new ArrayList<>(sets);
        set.add("#x = :x");
        ddb.updateItem(b -> b.tableName(table).key(key(outlet, sk))
                .updateExpression("ADD " + String.join(", ", adds) + " SET " + String.join(", ", set))
                .expressionAttributeNames(names).expressionAttributeValues(values));
    }

    /** Moves a "latest" time forward; an older or equal time changes nothing (concurrent writers in any order). */
    private void advance(String outlet, String attribute, Instant at) {
        try {
            ddb.updateItem(b -> b.tableName(table).key(key(outlet, LATEST))
                    .updateExpression("SET #t = :t")
                    .conditionExpression("attribute_not_exists(#t) OR #t < :t")
                    .expressionAttributeNames(Map.of("#t", attribute))
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(Items.formatTs(at)))));
        } catch (ConditionalCheckFailedException newer) {
            // a later time is there already
        }
    }

    private List<Map<String, AttributeValue>> query(String outlet, String from, String to, boolean forward, int limit) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder().tableName(table)
                    .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                    .expressionAttributeNames(Map.of("#pk", IndexSchema.URL, "#sk", IndexSchema.HASH))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition(outlet)),
                            ":from", AttributeValue.fromS(from), ":to", AttributeValue.fromS(to + "\uffff")))
                    .scanIndexForward(forward).exclusiveStartKey(start);
            if (limit > 0) {
                q.limit(limit - items.size());
            }
            QueryResponse r = ddb.query(q.build());
            items.addAll(r.items());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null && (limit == 0 || items.size() < limit));
        return items;
    }

    private static Hour hour(Map<String, AttributeValue> item) {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        item.forEach((name, v) -> {
            if (name.startsWith(OUTCOME_PREFIX) && v.n() != null) {
                outcomes.put(name.substring(OUTCOME_PREFIX.length()), Long.parseLong(v.n()));
            }
        });
        long[] words = new long[WORD_BUCKETS.length];
        for (int i = 0; i < words.length; i++) {
            words[i] = number(item, WORD_BUCKET + i);
        }
        Instant start = java.time.LocalDateTime.parse(Items.str(item, IndexSchema.HASH).substring(HOUR_PREFIX.length())
                + ":00").toInstant(ZoneOffset.UTC);
        return new Hour(start.truncatedTo(ChronoUnit.HOURS), Collections.unmodifiableMap(outcomes),
                number(item, BLOCKED), number(item, NOT_ARTICLE), number(item, NEW_ARTICLES), number(item, NEW_TITLE), number(item, NEW_AUTHORS),
                number(item, NEW_PUBLISHED), number(item, NEW_WORDS80), words, Items.instant(item, LAST_NEW));
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }

    private static Map<String, AttributeValue> key(String outlet, String sk) {
        return Map.of(IndexSchema.URL, AttributeValue.fromS(partition(outlet)), IndexSchema.HASH, AttributeValue.fromS(sk));
    }

    private static String partition(String outlet) {
        if (outlet == null || outlet.isBlank()) {
            throw new IllegalArgumentException("outlet must not be blank");
        }
        return PARTITION_PREFIX + outlet;
    }

    private static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }
}
