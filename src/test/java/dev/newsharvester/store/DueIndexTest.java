package dev.newsharvester.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.fleet.FleetTable;
import dev.newsharvester.local.LocalStack;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The due index against DynamoDB Local, in the fleet table and in the Articles table: reading what is due costs
 * Queries of the due hours' buckets only, whatever the archive holds; a schedule moves a URL's one entry; a claim is
 * taken once.
 */
class DueIndexTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:05:00Z");
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.inMemory();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    /** Counts what goes through a client: Query calls, items they returned, and any Scan (there must be none). */
    static final class Counted {
        final AtomicInteger queries = new AtomicInteger();
        final AtomicInteger items = new AtomicInteger();
        final AtomicInteger scans = new AtomicInteger();
        final DynamoDbClient client;

        Counted(DynamoDbClient real) {
            client = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                    new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                        if (method.getName().startsWith("scan")) {
                            scans.incrementAndGet();
                        }
                        Object r;
                        try {
                            r = method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                        if (r instanceof QueryResponse q) {
                            queries.incrementAndGet();
                            items.addAndGet(q.count());
                        }
                        return r;
                    });
        }
    }

    private static DueIndex index(String where, DynamoDbClient ddb, int shards) {
        if (where.equals("fleet")) {
            String table = "Fleet" + System.nanoTime();
            FleetTable.create(stack.dynamoDb(), table);
            return DueIndex.inFleetTable(ddb, table, shards);
        }
        String table = "Articles" + System.nanoTime();
        IndexTables.create(stack.dynamoDb(), table);
        return DueIndex.inArticlesTable(ddb, table, shards);
    }

    private static String url(int i) {
        return "https://kyiv-herald.example/news/2026/11/21/story-" + i;
    }

    @ParameterizedTest
    @ValueSource(strings = {"fleet", "articles"})
    void readingWhatIsDueCostsTheDueBucketsNotTheArchive(String where) {
        Counted counted = new Counted(stack.dynamoDb());
        DueIndex due = index(where, counted.client, 4);
        // an archive of 2,000 URLs not due for days, and 6 due within the hour
        for (int i = 0; i < 2000; i++) {
            due.schedule("kyiv", url(i), T0, T0.plus(Duration.ofDays(1 + i % 29)).plusSeconds(i), T0);
        }
        for (int i = 0; i < 6; i++) {
            due.schedule("kyiv", url(10_000 + i), T0, T0.plus(Duration.ofMinutes(15 + 5 * i)), T0);
        }
        counted.queries.set(0);
        counted.items.set(0);

        Instant now = T0.plus(Duration.ofMinutes(70));   // 11:15: hours 10 and 11 are read, 4 shards each
        DueIndex.Read read = due.due(now);
        assertEquals(Set.of(10_000, 10_001, 10_002, 10_003, 10_004, 10_005),
                read.due().stream().map(d -> Integer.parseInt(d.url().replaceAll(".*-", ""))).collect(Collectors.toSet()));
        assertEquals(8, counted.queries.get(), "2 hours x 4 shards, one page each");
        assertEquals(6, counted.items.get(), "only the due entries are read");
        assertEquals(new DueIndex.Read(read.due(), 8, 6, 8), read);
        assertEquals(0, counted.scans.get());

        // once their visits are rescheduled, the 10:00 bucket is empty: the next reading starts at 11:00
        for (DueIndex.Due d : read.due()) {
            due.schedule("kyiv", d.url(), T0, T0.plus(Duration.ofDays(2)), now);
        }
        counted.queries.set(0);
        DueIndex.Read next = due.due(now.plus(Duration.ofMinutes(20)));
        assertEquals(List.of(), next.due());
        assertEquals(4 * 2, counted.queries.get(), "hours 10 and 11 read once more, both found empty of due entries");
        counted.queries.set(0);
        due.due(now.plus(Duration.ofMinutes(50)));   // 12:05
        assertEquals(4 * 2, counted.queries.get(), "the watermark passed hour 10: hours 11 and 12 only");
        counted.queries.set(0);
        due.due(now.plus(Duration.ofMinutes(55)));
        assertEquals(4, counted.queries.get(), "the watermark passed hour 11: hour 12 only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fleet", "articles"})
    void aScheduleMovesTheUrlsOneEntryAndIsIdempotent(String where) {
        DueIndex due = index(where, stack.dynamoDb(), 8);
        Instant first = T0.plus(Duration.ofMinutes(15));
        due.schedule("kyiv", url(1), T0, first, T0);
        due.schedule("kyiv", url(1), T0, first, T0);   // a retried delivery
        assertEquals(1, due.due(first).due().size());
        Instant later = T0.plus(Duration.ofHours(1));
        due.schedule("kyiv", url(1), T0.plusSeconds(99), later, first);
        assertEquals(new DueIndex.Pointer("kyiv", T0, later), due.pointer(url(1)), "first sight kept");
        assertEquals(List.of(), due.due(first.plusSeconds(60)).due(), "the old entry is gone");
        assertEquals(List.of(url(1)), due.due(later).due().stream().map(DueIndex.Due::url).toList());
        due.finish(url(1));
        assertNull(due.pointer(url(1)));
        assertEquals(List.of(), due.due(later.plusSeconds(60)).due(), "a finished schedule leaves no entry");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fleet", "articles"})
    void aDueEntryIsClaimedOnceUntilItsLeaseLapses(String where) {
        DueIndex due = index(where, stack.dynamoDb(), 8);
        Instant at = T0.plus(Duration.ofMinutes(15));
        due.schedule("kyiv", url(2), T0, at, T0);
        DueIndex.Due d = due.due(at).due().get(0);
        assertTrue(due.claim(d, at, Duration.ofHours(1)));
        assertFalse(due.claim(d, at.plusSeconds(1), Duration.ofHours(1)), "held by the first claim");
        assertEquals(List.of(), due.due(at.plusSeconds(2)).due(), "a claimed entry is not handed out");
        Instant lapsed = at.plus(Duration.ofHours(1));
        assertEquals(1, due.due(lapsed).due().size(), "the taker died: the entry comes back");
        assertTrue(due.claim(d, lapsed, Duration.ofHours(1)));
        due.schedule("kyiv", url(2), T0, T0.plus(Duration.ofHours(3)), lapsed);
        assertFalse(due.claim(d, lapsed.plus(Duration.ofHours(2)), Duration.ofHours(1)), "rescheduled: the entry is gone");
    }
}
