package dev.newsharvester.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.fingerprint.MinHash;
import dev.newsharvester.extract.Access;
import dev.newsharvester.local.LocalStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
        return new StoredVersion(VersionId.of(url, hash, outlet), firstSeen,
                new LastVisit(firstSeen.plusSeconds(600), firstSeen.plusSeconds(600), "W/\"5e1f-18f3a\"",
                        "Wed, 01 May 2024 11:05:00 GMT"),
                new ReaderFacts("У Києві відкрили оновлений міст через Русанівську протоку", List.of("Олена Коваль", "Андрій Бойко"),
                        "2024-05-01T12:30:00+03:00", "2024-05-01T14:05:00+03:00", "uk", null),
                new Copies("raw/outlet=" + outlet + "/dt=2024-05-01/0123456789abcdef-" + hash.substring(0, 16) + ".html.gz",
                        "clean/outlet=" + outlet + "/dt=2024-05-01/0123456789abcdef-" + hash.substring(0, 16) + ".json"),
                new TextSketch("f0e1d2c3b4a59687", MinHash.of("Міст через Русанівську протоку відкрили після ремонту"), 412,
                        "extract-1.0"),
                null);
    }

    /** A version with only the required fields. */
    private static StoredVersion bare(String url, String hash, String outlet, Instant firstSeen, Instant lastSeen,
            String published) {
        return new StoredVersion(VersionId.of(url, hash, outlet), firstSeen, new LastVisit(lastSeen, null, null, null),
                new ReaderFacts(null, List.of(), published, null, null, null), null, null, null);
    }

    /** {@code v}'s text stored again under {@code url} of {@code outlet}: a duplicate of {@code v}. */
    private static StoredVersion duplicateAt(StoredVersion v, String url, String outlet) {
        return v.withId(v.id().at(url, outlet)).storedAs(v.copies(), v.url());
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
        assertEquals(MinHash.ENCODED_LENGTH, item.get("minhash").b().asByteArray().length);
        assertEquals(v.sketch().minhash(), MinHash.fromBytes(item.get("minhash").b().asByteArray()));
        assertEquals(List.of("f0e1", "d2c3", "b4a5", "9687"),
                List.of(item.get("sh0").s(), item.get("sh1").s(), item.get("sh2").s(), item.get("sh3").s()), "SimHash blocks, high first");
        assertEquals(v.sketch().minhash().bandKeys(), IntStream.range(0, MinHash.BANDS).mapToObj(i -> item.get("lsh" + i).s()).toList());
        assertEquals("412", item.get("wordCount").n());
        assertEquals("2024-05-01T09:31:07Z", item.get("firstSeen").s());
        assertEquals("f0e1d2c3b4a59687", item.get("simhash").s());
    }

    /** The access code is one short attribute, listed by outlet too; items written before it read as unknown. */
    @ParameterizedTest
    @MethodSource("stores")
    void accessIsOneShortAttributeAndOldItemsReadUnknown(String store) {
        ArticleIndex index = index(store);
        String outlet = "paper-" + unique();
        StoredVersion full = full(url(unique()), hash(11), outlet, Instant.parse("2024-05-01T09:31:07Z"));
        ReaderFacts r = full.reader();
        StoredVersion teaser = full.withReader(new ReaderFacts(r.title(), r.authors(), r.published(), r.modified(),
                r.language(), new Access(Access.Free.FALSE, true, true, List.of("box")).code()));
        StoredVersion old = full(url(unique()), hash(12), outlet, Instant.parse("2024-05-01T08:00:00Z"));
        index.putVersion(teaser);
        index.putVersion(old);

        assertEquals("Fpt", rawItem(store, teaser.url(), teaser.hash()).get("access").s());
        assertFalse(rawItem(store, old.url(), old.hash()).containsKey("access"), "no attribute for an unknown access");
        assertEquals(Optional.of(teaser), index.get(teaser.url(), teaser.hash()));
        Access read = Access.fromCode(index.byOutlet(outlet, null, null).stream()
                .filter(v -> v.url().equals(teaser.url())).findFirst().orElseThrow().reader().access());
        assertEquals(List.of(Access.Free.FALSE, true, true), List.of(read.free(), read.paywalled(), read.truncated()),
                "outlet-index rows carry the access");
        assertEquals(Access.UNKNOWN, Access.fromCode(index.get(old.url(), old.hash()).orElseThrow().reader().access()));
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
        Instant later = Instant.parse("2024-06-01T00:00:00Z");
        StoredVersion sameKey = new StoredVersion(VersionId.of(first.url(), first.hash(), "other-outlet"), later,
                new LastVisit(later, null, null, null), new ReaderFacts("Overwritten?", List.of(), null, null, "en", null),
                null, new TextSketch(null, null, 1, null), null);

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
        StoredVersion copy = new StoredVersion(VersionId.of("https://other-outlet.example/news/" + id, sharedHash, "other-outlet"),
                t.plusSeconds(60), new LastVisit(t.plusSeconds(60), null, null, null), null, null, null, original.url());
        StoredVersion unrelated = bare(url(id + "-b"), hash(20), "kyiv-daily", t, t, null);
        index.putVersion(original);
        index.putVersion(copy);
        index.putVersion(unrelated);

        List<StoredVersion> found = index.byHash(sharedHash);
        assertEquals(Set.of(original.listingView(), copy.listingView()), Set.copyOf(found));
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
        assertEquals(listed(noDate, middle, middleEarlier, atStart), index.byOutlet(outlet, since, until));
        assertEquals(listed(after, noDate, middle, middleEarlier, atStart), index.byOutlet(outlet, since, null));
        assertEquals(listed(noDate, middle, middleEarlier, atStart, before), index.byOutlet(outlet, null, until));
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
        assertEquals(v.lastVisit().lastModified(), index.get(v.url(), v.hash()).orElseThrow().lastVisit().lastModified(),
                "null keeps the old value");

        Instant evenLater = later.plusSeconds(3600);
        index.markSeen(v.url(), v.hash(), evenLater, null, "Thu, 02 May 2024 11:00:00 GMT");
        StoredVersion now = index.get(v.url(), v.hash()).orElseThrow();
        assertEquals(evenLater, now.lastVisit().seen());
        assertEquals(evenLater, now.lastVisit().fetched());
        assertEquals("\"abc\"", now.lastVisit().etag());
        assertEquals("Thu, 02 May 2024 11:00:00 GMT", now.lastVisit().lastModified());
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
        assertEquals(written.reversed().stream().map(StoredVersion::listingView).toList(), index.byOutlet(outlet, null, null));
        assertEquals(written.get(22), index.latest(url).orElseThrow());
        try (Stream<StoredVersion> all = index.streamByOutlet(outlet, null, null);
                Stream<StoredVersion> range = index.streamByOutlet(outlet, t.plusSeconds(60), t.plusSeconds(180))) {
            assertEquals(written.stream().map(StoredVersion::listingView).toList(), all.toList(), "exports: oldest first");
            assertEquals(written.subList(1, 4).stream().map(StoredVersion::listingView).toList(), range.toList());
        }
    }

    @Test
    void createTableIsIdempotentAndHasTheSchemaIndexes() {
        ArticleIndex.createTable(memory.dynamoDb(), memory.table()); // exists already: no error, no change
        TableDescription d = memory.dynamoDb().describeTable(b -> b.tableName(memory.table())).table();

        assertEquals("PAY_PER_REQUEST", d.billingModeSummary().billingModeAsString());
        assertEquals(List.of("url:HASH", "hash:RANGE"), keys(d.keySchema()));
        Map<String, List<String>> gsis = new java.util.TreeMap<>();
        d.globalSecondaryIndexes().forEach(g -> gsis.put(g.indexName(), keys(g.keySchema())));
        Map<String, List<String>> expected = new java.util.TreeMap<>(Map.of(
                "hash-index", List.of("hash:HASH", "url:RANGE"), "outlet-index", List.of("outlet:HASH", "ts:RANGE")));
        for (int i = 0; i < 4; i++) {
            expected.put("simhash-" + i, List.of("sh" + i + ":HASH"));
        }
        for (int i = 0; i < 8; i++) {
            expected.put("story-" + i, List.of("lsh" + i + ":HASH", "ts:RANGE"));
        }
        assertEquals(expected, gsis);
        for (var g : d.globalSecondaryIndexes()) {
            assertEquals("INCLUDE", g.projection().projectionTypeAsString(), g.indexName());
            boolean signature = g.projection().nonKeyAttributes().contains("minhash");
            assertEquals(g.indexName().startsWith("story-"), signature, g.indexName() + ": only the story lookup reads signatures");
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void duplicatesHaveNoSketchEntriesAndListingIndexesLeaveOutTheSignature(String store) {
        ArticleIndex index = index(store);
        StoredVersion original = full(url(unique()), hash(50), "kyiv-daily", Instant.parse("2024-05-01T09:00:00Z"));
        StoredVersion copy = duplicateAt(original, "https://mirror.example/" + unique(), "mirror");
        index.putVersion(original);
        index.putVersion(copy);

        Map<String, AttributeValue> item = rawItem(store, copy.url(), copy.hash());
        assertTrue(item.keySet().stream().noneMatch(k -> k.matches("sh\\d|lsh\\d")), item.keySet().toString());
        assertTrue(rawItem(store, original.url(), original.hash()).containsKey("lsh7"));
        StoredVersion listed = index.byHash(original.hash()).stream().filter(v -> v.url().equals(original.url())).findFirst().orElseThrow();
        assertEquals(original.listingView(), listed, "hash-index rows: no signature, no sightings");
        assertEquals(null, listed.lastVisit().seen());
        var e = assertThrows(IllegalArgumentException.class, () -> index.putVersion(listed));
        assertTrue(e.getMessage().contains("listing view"), e.getMessage());
        assertEquals(copy, index.get(copy.url(), copy.hash()).orElseThrow());
    }

    @ParameterizedTest
    @MethodSource("stores")
    void nearDuplicatesAreFoundWithinThreeBitsThroughAnyBlock(String store) {
        ArticleIndex index = index(store);
        long base = new java.util.Random(unique().hashCode()).nextLong();
        String outlet = "near-" + unique();
        Map<String, Long> fingerprints = new java.util.LinkedHashMap<>();
        fingerprints.put("same", base);
        fingerprints.put("one bit, block 0", base ^ (1L << 63));
        fingerprints.put("two bits, blocks 1 and 2", base ^ (1L << 40) ^ (1L << 20));
        fingerprints.put("three bits, blocks 0 1 2", base ^ (1L << 50) ^ (1L << 33) ^ (1L << 17)); // only block 3 agrees
        fingerprints.put("four bits, one per block", base ^ (1L << 60) ^ (1L << 40) ^ (1L << 20) ^ 1L);
        fingerprints.put("four bits, block 3", base ^ 0xFL);
        int n = 0;
        for (var e : fingerprints.entrySet()) {
            StoredVersion v = bare(url(outlet + "/" + n), hash(200 + n), outlet, Instant.parse("2024-05-01T09:00:00Z"),
                    Instant.parse("2024-05-01T09:00:00Z"), null);
            index.putVersion(v.withSketch(v.sketch().withSimhash(String.format("%016x", e.getValue())))
                    .withReader(v.reader().withTitle(e.getKey())));
            n++;
        }

        List<SimHashHit> hits = index.nearDuplicates(base, 3).stream().filter(h -> h.outlet().equals(outlet)).toList();
        assertEquals(List.of(0, 1, 2, 3), hits.stream().map(SimHashHit::distance).toList());
        assertEquals(List.of(url(outlet + "/0"), url(outlet + "/1"), url(outlet + "/2"), url(outlet + "/3")),
                hits.stream().map(h -> h.key().url()).toList());
        assertEquals(2, index.nearDuplicates(base, 1).stream().filter(h -> h.outlet().equals(outlet)).count());
        var e = assertThrows(IllegalArgumentException.class, () -> index.nearDuplicates(base, 4));
        assertTrue(e.getMessage().contains("0..3"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("stores")
    void storyCandidatesShareABandWithinTheTimeWindow(String store) throws IOException {
        ArticleIndex index = index(store);
        String id = unique();
        MinHash story = MinHash.of(fixture("story-train-cna.txt") + " " + id);
        Instant t = Instant.parse("2024-05-01T09:00:00Z");
        TextSketch signed = TextSketch.NONE.withMinhash(story);
        StoredVersion self = bare(url(id + "-self"), hash(300), "kyiv-daily", t, t, null).withSketch(signed);
        StoredVersion inWindow = bare("https://other.example/" + id, hash(301), "other", t.plusSeconds(86_400), t.plusSeconds(86_400), null)
                .withSketch(signed);
        StoredVersion tooLate = bare("https://late.example/" + id, hash(302), "late", t.plusSeconds(5 * 86_400), t.plusSeconds(5 * 86_400), null)
                .withSketch(signed);
        StoredVersion duplicate = duplicateAt(inWindow, "https://dup.example/" + id, inWindow.outlet());
        for (StoredVersion v : List.of(self, inWindow, tooLate, duplicate)) {
            assertTrue(index.putVersion(v));
        }

        List<StoryHit> hits = index.storyCandidates(story, t.minusSeconds(3 * 86_400), t.plusSeconds(3 * 86_400));
        assertEquals(java.util.Set.of(self.key(), inWindow.key()), hits.stream().map(StoryHit::key).collect(java.util.stream.Collectors.toSet()));
        StoryHit other = hits.stream().filter(h -> h.key().equals(inWindow.key())).findFirst().orElseThrow();
        assertEquals("other", other.outlet());
        assertEquals(story, other.minhash(), "the signature is projected for scoring");
        assertEquals(t.plusSeconds(86_400), other.ts());
    }

    @ParameterizedTest
    @MethodSource("stores")
    void getAllReadsInTheOrderAskedAndLeavesOutMissingKeys(String store) {
        ArticleIndex index = index(store);
        String id = unique();
        List<StoredVersion> written = IntStream.range(0, 130).mapToObj(i -> bare(url(id + "/" + i), hash(400 + i), "batch",
                Instant.parse("2024-05-01T09:00:00Z"), Instant.parse("2024-05-01T09:00:00Z"), null)).toList();
        written.forEach(index::putVersion);
        List<VersionKey> keys = new java.util.ArrayList<>(written.reversed().stream().map(StoredVersion::key).toList());
        keys.add(5, new VersionKey(url(id + "/missing"), hash(1)));

        assertEquals(written.reversed(), index.getAll(keys), "two batches (100 keys a request), order kept");
        assertEquals(List.of(), index.getAll(List.of()));
    }

    @Test
    void everyWriteReportsItsCapacityPerIndexAndMarkingSeenWritesTheTableAlone() {
        List<software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity> seen = new java.util.ArrayList<>();
        ArticleIndex index = index("memory").withCapacityListener(seen::add);
        StoredVersion v = full(url(unique()), hash(60), "kyiv-daily", Instant.parse("2024-05-01T09:00:00Z"));
        assertTrue(index.putVersion(v));
        assertFalse(index.putVersion(v), "refused: no capacity reported");
        index.putVersion(duplicateAt(v, "https://mirror.example/" + unique(), v.outlet()));

        assertEquals(2, seen.size());
        var gsis = seen.get(0).globalSecondaryIndexes();
        assertEquals(14, gsis.size(), "a new text: an entry in each of the 14 indexes: " + gsis.keySet());
        assertTrue(seen.get(0).table().capacityUnits() >= 1);
        assertEquals(java.util.Set.of("hash-index", "outlet-index"), seen.get(1).globalSecondaryIndexes().keySet(), "a duplicate");
        index.markSeen(v.url(), v.hash(), Instant.parse("2024-05-02T09:00:00Z"), "\"new-etag\"", "Thu, 02 May 2024 09:00:00 GMT");
        assertEquals(3, seen.size());
        assertEquals(java.util.Map.of(), seen.get(2).globalSecondaryIndexes() == null ? java.util.Map.of() : seen.get(2).globalSecondaryIndexes(),
                "no index projects what a re-fetch updates");
        assertEquals(seen.get(2).table().capacityUnits(), seen.get(2).capacityUnits(), "the table item alone");
        double total = seen.get(0).capacityUnits();
        assertEquals(total, seen.get(0).table().capacityUnits() + gsis.values().stream().mapToDouble(c -> c.capacityUnits()).sum(), 1e-9);
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

    private static List<StoredVersion> listed(StoredVersion... versions) {
        return Stream.of(versions).map(StoredVersion::listingView).toList();
    }

    private static String fixture(String name) throws IOException {
        try (var in = ArticleIndexTest.class.getResourceAsStream("/fingerprint/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static Map<String, AttributeValue> rawItem(String store, String url, String hash) {
        return stack(store).dynamoDb().getItem(b -> b.tableName(stack(store).table()).consistentRead(true)
                .key(Map.of("url", AttributeValue.fromS(url), "hash", AttributeValue.fromS(hash)))).item();
    }
}
