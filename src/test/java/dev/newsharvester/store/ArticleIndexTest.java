package dev.newsharvester.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.fingerprint.MinHash;
import dev.newsharvester.local.LocalStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** ArticleIndex against DynamoDB Local, in memory and on disk. */
class ArticleIndexTest {
    private static LocalStack memory;
    private static LocalStack disk;

    @BeforeAll
    static void start() throws IOException {
        memory = LocalStack.inMemory();
        disk = LocalStack.open(Files.createTempDirectory("index-test"));
    }

    @AfterAll
    static void stop() {
        memory.close();
        disk.close();
    }

    static Stream<String> stores() {
        return Stream.of("memory", "disk");
    }

    private static LocalStack stack(String store) {
        return store.equals("memory") ? memory : disk;
    }

    private static ArticleIndex index(String store) {
        return new ArticleIndex(stack(store).dynamoDb(), stack(store).table());
    }

    /** Unique per test: the stores are shared by the tests of this class. */
    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String url(String id) {
        return "https://kyiv-daily.example/uk/news/2024/05/01/" + id;
    }

    private static String hash(int n) {
        return String.format("%064x", n * 0x9E3779B97F4A7C15L & Long.MAX_VALUE);
    }

    /** A version with every field set. */
    private static StoredVersion full(String url, String hash, String outlet, Instant firstSeen) {
        return new StoredVersion(url, hash, outlet, firstSeen, firstSeen.plusSeconds(600), firstSeen.plusSeconds(600),
                "У Києві відкрили оновлений міст через Русанівську протоку", List.of("Олена Коваль", "Андрій Бойко"),
                "2024-05-01T12:30:00+03:00", "2024-05-01T14:05:00+03:00", "uk",
                "raw/outlet=" + outlet + "/dt=2024-05-01/0123456789abcdef-" + hash.substring(0, 16) + ".html.gz",
                "clean/outlet=" + outlet + "/dt=2024-05-01/0123456789abcdef-" + hash.substring(0, 16) + ".json",
                "W/\"5e1f-18f3a\"", "Wed, 01 May 2024 11:05:00 GMT", "f0e1d2c3b4a59687",
                MinHash.of("Міст через Русанівську протоку відкрили після ремонту"), "extract-1.0", null, 412);
    }

    /** A version with only the required fields. */
    private static StoredVersion bare(String url, String hash, String outlet, Instant firstSeen, Instant lastSeen,
            String published) {
        return new StoredVersion(url, hash, outlet, firstSeen, lastSeen, null, null, null, published, null, null,
                null, null, null, null, null, null, null, null, 0);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void everyFieldRoundTrips(String store) {
        ArticleIndex index = index(store);
        StoredVersion v = full(url(unique()), hash(1), "kyiv-daily", Instant.parse("2024-05-01T09:31:07.123456Z"));

        assertTrue(index.putVersion(v));

        assertEquals(Optional.of(v), index.get(v.url(), v.hash()));
        assertEquals(Optional.empty(), index.get(v.url(), hash(2)));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void itemUsesTheDocumentedAttributeTypes(String store) {
        StoredVersion v = full(url(unique()), hash(3), "kyiv-daily", Instant.parse("2024-05-01T09:31:07Z"));
        index(store).putVersion(v);
        Map<String, AttributeValue> item = rawItem(store, v.url(), v.hash());

        assertEquals("2024-05-01T09:30:00.000Z", item.get("ts").s(), "published instant in UTC, fixed width");
        assertEquals(List.of("Олена Коваль", "Андрій Бойко"), item.get("authors").l().stream().map(AttributeValue::s).toList());
        assertArrayEquals(HexFormat.of().parseHex("00000001" + "ffffffff" + "80000000" + "075bcd15"),
                item.get("minhash").b().asByteArray(), "ints, big-endian");
        assertEquals("412", item.get("wordCount").n());
        assertEquals("2024-05-01T09:31:07Z", item.get("firstSeen").s());
        assertEquals("f0e1d2c3b4a59687", item.get("simhash").s());
    }

    @ParameterizedTest
    @MethodSource("stores")
    void nullAttributesAreOmitted(String store) {
        Instant seen = Instant.parse("2024-05-01T09:31:07Z");
        StoredVersion v = bare(url(unique()), hash(4), "kyiv-daily", seen, seen, null);
        index(store).putVersion(v);

        Map<String, AttributeValue> item = rawItem(store, v.url(), v.hash());
        assertEquals(Set.of("url", "hash", "outlet", "ts", "firstSeen", "lastSeen", "wordCount"), item.keySet());
        assertEquals("2024-05-01T09:31:07.000Z", item.get("ts").s(), "no published date: first sight");
        assertEquals(Optional.of(v), index(store).get(v.url(), v.hash()));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void putVersionIsConditional(String store) {
        ArticleIndex index = index(store);
        StoredVersion first = full(url(unique()), hash(5), "kyiv-daily", Instant.parse("2024-05-01T09:00:00Z"));
        StoredVersion sameKey = new StoredVersion(first.url(), first.hash(), "other-outlet", Instant.parse("2024-06-01T00:00:00Z"),
                Instant.parse("2024-06-01T00:00:00Z"), null, "Overwritten?", List.of(), null, null, "en",
                null, null, null, null, null, null, null, null, 1);

        assertTrue(index.putVersion(first));
        assertFalse(index.putVersion(sameKey));
        assertFalse(index.putVersion(first), "a retry of the same write is refused too");

        assertEquals(Optional.of(first), index.get(first.url(), first.hash()), "nothing overwritten");
    }

    @ParameterizedTest
    @MethodSource("stores")
    void versionsAreNewestFirstAndLatestIsTheMostRecentlySeen(String store) {
        ArticleIndex index = index(store);
        String url = url(unique());
        Instant t = Instant.parse("2024-05-01T09:00:00Z");
        // first version, revised twice, then the second revision reverted to the first text
        StoredVersion v1 = bare(url, hash(10), "kyiv-daily", t, t.plusSeconds(30_000), null);
        StoredVersion v2 = bare(url, hash(11), "kyiv-daily", t.plusSeconds(3_600), t.plusSeconds(7_000), null);
        StoredVersion v3 = bare(url, hash(12), "kyiv-daily", t.plusSeconds(10_000), t.plusSeconds(20_000), null);
        for (StoredVersion v : List.of(v2, v3, v1)) {
            assertTrue(index.putVersion(v));
        }

        assertEquals(List.of(v3, v2, v1), index.versions(url));
        assertEquals(Optional.of(v1), index.latest(url));
        assertEquals(List.of(), index.versions(url("never-stored-" + unique())));
        assertEquals(Optional.empty(), index.latest(url("never-stored-" + unique())));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void byHashFindsEveryUrlWithTheText(String store) {
        ArticleIndex index = index(store);
        String id = unique();
        String sharedHash = String.format("%064x", Math.abs((long) id.hashCode()) + 1_000_000L);
        Instant t = Instant.parse("2024-05-01T09:00:00Z");
        StoredVersion original = bare(url(id + "-a"), sharedHash, "kyiv-daily", t, t, null);
        StoredVersion copy = new StoredVersion("https://other-outlet.example/news/" + id, sharedHash, "other-outlet",
                t.plusSeconds(60), t.plusSeconds(60), null, null, null, null, null, null, null, null, null, null, null,
                null, null, original.url(), 0);
        StoredVersion unrelated = bare(url(id + "-b"), hash(20), "kyiv-daily", t, t, null);
        index.putVersion(original);
        index.putVersion(copy);
        index.putVersion(unrelated);

        List<StoredVersion> found = index.byHash(sharedHash);
        assertEquals(Set.of(original, copy), Set.copyOf(found));
        assertEquals(2, found.size());
        assertEquals(original.url(), found.stream().filter(v -> v.outlet().equals("other-outlet")).findFirst()
                .orElseThrow().duplicateOf());
    }

    @ParameterizedTest
    @MethodSource("stores")
    void byOutletKeepsToTheRangeNewestFirst(String store) {
        ArticleIndex index = index(store);
        String outlet = "o-" + unique();
        Instant seen = Instant.parse("2024-05-03T08:00:00Z");
        StoredVersion before = bare(url(unique()), hash(30), outlet, seen, seen, "2024-04-30T23:59:59+00:00");
        StoredVersion atStart = bare(url(unique()), hash(31), outlet, seen, seen, "2024-05-01T03:00:00+03:00"); // = 00:00Z
        StoredVersion middle = bare(url(unique()), hash(32), outlet, seen, seen, "2024-05-01T12:00:00.5Z");
        StoredVersion middleEarlier = bare(url(unique()), hash(33), outlet, seen, seen, "2024-05-01T12:00:00Z");
        StoredVersion noDate = bare(url(unique()), hash(34), outlet, Instant.parse("2024-05-01T20:00:00Z"), seen, null);
        StoredVersion after = bare(url(unique()), hash(35), outlet, seen, seen, "2024-05-02T00:00:00.001Z");
        StoredVersion otherOutlet = bare(url(unique()), hash(36), "x-" + unique(), seen, seen, "2024-05-01T12:00:00Z");
        for (StoredVersion v : List.of(middle, after, before, noDate, atStart, otherOutlet, middleEarlier)) {
            index.putVersion(v);
        }

        Instant since = Instant.parse("2024-05-01T00:00:00Z");
        Instant until = Instant.parse("2024-05-02T00:00:00Z");
        // ".5Z" sorts after "Z" only because ts is fixed-width: the order here checks that
        assertEquals(List.of(noDate, middle, middleEarlier, atStart), index.byOutlet(outlet, since, until));
        assertEquals(List.of(after, noDate, middle, middleEarlier, atStart), index.byOutlet(outlet, since, null));
        assertEquals(List.of(noDate, middle, middleEarlier, atStart, before), index.byOutlet(outlet, null, until));
        assertEquals(7 - 1, index.byOutlet(outlet, null, null).size());
        assertEquals(List.of(), index.byOutlet(outlet, Instant.parse("2024-05-05T00:00:00Z"), null));
        assertThrows(IllegalArgumentException.class, () -> index.byOutlet(outlet, until, since));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void markSeenUpdatesSightingAndValidators(String store) {
        ArticleIndex index = index(store);
        StoredVersion v = full(url(unique()), hash(40), "kyiv-daily", Instant.parse("2024-05-01T09:00:00Z"));
        index.putVersion(v);
        Instant later = Instant.parse("2024-05-02T10:15:30.250Z");

        index.markSeen(v.url(), v.hash(), later, "\"abc\"", null);
        assertEquals(Optional.of(v.seenAgain(later, "\"abc\"", null)), index.get(v.url(), v.hash()));
        assertEquals(v.lastModified(), index.get(v.url(), v.hash()).orElseThrow().lastModified(), "null keeps the old value");

        Instant evenLater = later.plusSeconds(3600);
        index.markSeen(v.url(), v.hash(), evenLater, null, "Thu, 02 May 2024 11:00:00 GMT");
        StoredVersion now = index.get(v.url(), v.hash()).orElseThrow();
        assertEquals(evenLater, now.lastSeen());
        assertEquals(evenLater, now.lastFetched());
        assertEquals("\"abc\"", now.etag());
        assertEquals("Thu, 02 May 2024 11:00:00 GMT", now.lastModified());
        assertEquals(v.firstSeen(), now.firstSeen());
        assertEquals("2024-05-01T09:30:00.000Z", rawItem(store, v.url(), v.hash()).get("ts").s(), "ts unchanged");

        var e = assertThrows(NoSuchElementException.class,
                () -> index.markSeen(v.url(), hash(41), later, null, null));
        assertTrue(e.getMessage().contains(hash(41)), e.getMessage());
        assertEquals(Optional.empty(), index.get(v.url(), hash(41)), "markSeen never creates an item");
    }

    @ParameterizedTest
    @MethodSource("stores")
    void queriesFollowEveryPage(String store) {
        ArticleIndex index = new ArticleIndex(stack(store).dynamoDb(), stack(store).table(), 4);
        String url = url(unique());
        String outlet = "p-" + unique();
        Instant t = Instant.parse("2024-05-01T00:00:00Z");
        List<StoredVersion> written = IntStream.range(0, 23)
                .mapToObj(i -> bare(url, hash(100 + i), outlet, t.plusSeconds(60L * i), t.plusSeconds(60L * i), null))
                .toList();
        written.forEach(index::putVersion);

        assertEquals(23, index.versions(url).size());
        assertEquals(written.reversed(), index.byOutlet(outlet, null, null));
        assertEquals(written.get(22), index.latest(url).orElseThrow());
    }

    @Test
    void createTableIsIdempotentAndMatchesTheTemplateSchema() {
        ArticleIndex.createTable(memory.dynamoDb(), memory.table()); // exists already: no error, no change
        TableDescription d = memory.dynamoDb().describeTable(b -> b.tableName(memory.table())).table();

        assertEquals("PAY_PER_REQUEST", d.billingModeSummary().billingModeAsString());
        assertEquals(List.of("url:HASH", "hash:RANGE"), keys(d.keySchema()));
        var gsis = d.globalSecondaryIndexes();
        assertEquals(2, gsis.size());
        for (var gsi : gsis) {
            assertEquals("ALL", gsi.projection().projectionTypeAsString());
            switch (gsi.indexName()) {
                case "hash-index" -> assertEquals(List.of("hash:HASH", "url:RANGE"), keys(gsi.keySchema()));
                case "outlet-index" -> assertEquals(List.of("outlet:HASH", "ts:RANGE"), keys(gsi.keySchema()));
                default -> throw new AssertionError("unexpected index " + gsi.indexName());
            }
        }
    }

    @Test
    void articleIndexNeverScans() throws IOException {
        String source = Files.readString(Path.of("src/main/java/dev/newsharvester/store/ArticleIndex.java"));
        assertFalse(source.toLowerCase(java.util.Locale.ROOT).contains("scan("), "ArticleIndex must use GetItem/Query only");
        assertFalse(source.contains("ScanRequest"));
    }

    @Test
    void versionsRejectMissingRequiredFields() {
        Instant t = Instant.parse("2024-05-01T00:00:00Z");
        var e = assertThrows(IllegalArgumentException.class, () -> bare(" ", hash(1), "o", t, t, null));
        assertTrue(e.getMessage().contains("url"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> bare(url("x"), null, "o", t, t, null));
        assertThrows(NullPointerException.class, () -> bare(url("x"), hash(1), "o", null, t, null));
    }

    private static List<String> keys(List<software.amazon.awssdk.services.dynamodb.model.KeySchemaElement> schema) {
        return schema.stream().map(k -> k.attributeName() + ":" + (k.keyType() == KeyType.HASH ? "HASH" : "RANGE")).toList();
    }

    private static Map<String, AttributeValue> rawItem(String store, String url, String hash) {
        return stack(store).dynamoDb().getItem(b -> b.tableName(stack(store).table()).consistentRead(true)
                .key(Map.of("url", AttributeValue.fromS(url), "hash", AttributeValue.fromS(hash)))).item();
    }
}
