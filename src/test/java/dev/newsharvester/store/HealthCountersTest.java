package dev.newsharvester.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.local.LocalStack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** HealthCounters against DynamoDB Local, in the Articles table with its indexes. */
class HealthCountersTest {

    static final Instant T = Instant.parse("2026-12-01T10:15:00Z");
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.inMemory();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static String outlet() {
        return "paper-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void concurrentInstancesLoseNoCount() throws Exception {
        String outlet = outlet();
        int instances = 8;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            int instance = i;
            // one counters object per "instance", all on the same items at once
            HealthCounters counters = new HealthCounters(stack.dynamoDb(), stack.table());
            done.add(pool.submit(() -> {
                go.await();
                for (int k = 0; k < each; k++) {
                    Instant at = T.plusSeconds(instance * 60L + k);
                    if (k % 4 == 0) {
                        counters.outcome(outlet, at, "FAILED", k % 8 == 0, false, null);
                    } else {
                        counters.outcome(outlet, at, "NEW", false, false,
                                new HealthCounters.NewArticle(true, k % 2 == 0, true, 40 * k));
                    }
                    counters.discovery(outlet, T, at, 1);
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        HealthCounters counters = new HealthCounters(stack.dynamoDb(), stack.table());
        List<HealthCounters.Hour> hours = counters.hours(outlet, T.minusSeconds(3600), T.plusSeconds(3600));
        assertEquals(1, hours.size());
        HealthCounters.Hour h = hours.get(0);
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), h.start());
        assertEquals(instances * each / 4, h.outcome("FAILED"));
        assertEquals(instances * each / 8, h.blocked());
        long fresh = instances * each * 3 / 4;
        assertEquals(fresh, h.outcome("NEW"));
        assertEquals(fresh, h.newArticles());
        assertEquals(fresh, h.withTitle());
        assertEquals(fresh, h.withPublished());
        assertEquals(instances * (each / 2 - each / 4), h.withAuthors());   // even k that are not multiples of 4
        assertEquals(fresh, java.util.Arrays.stream(h.wordHistogram()).sum());
        assertEquals(instances * (long) (each - each / 4 - 1), h.with80Words());   // 40 * k >= 80: all NEW but k = 1
        assertEquals(List.of(new HealthCounters.Run(T, instances * each)), counters.runs(outlet, T.plusSeconds(3600), 3));
        HealthCounters.Latest latest = counters.latest(outlet);
        Instant last = T.plusSeconds((instances - 1) * 60L + each - 1);
        assertEquals(last, latest.lastDiscovery(), "the latest time only moves forward, whatever the order of writes");
        // the hour's last new article is the last writer's (in the fleet writers stamp "now", seconds apart at most)
        assertTrue(!h.lastNew().isBefore(T) && !h.lastNew().isAfter(last), h.lastNew()::toString);
    }

    @Test
    void runsComeNewestFirstAndItemsExpire() {
        String outlet = outlet();
        HealthCounters counters = new HealthCounters(stack.dynamoDb(), stack.table());
        for (int run = 0; run < 5; run++) {
            Instant start = T.plusSeconds(900L * run);
            counters.discovery(outlet, start, start.plusSeconds(3), run == 4 ? 0 : 7);
        }
        List<HealthCounters.Run> runs = counters.runs(outlet, T.plusSeconds(3000), 2);
        assertEquals(List.of(new HealthCounters.Run(T.plusSeconds(2700), 7), new HealthCounters.Run(T.plusSeconds(1800), 7)),
                runs, "runs after 'at' are not read");
        assertEquals(T.plusSeconds(2700 + 3), counters.latest(outlet).lastDiscovery(), "an empty run is no success");

        Map<String, AttributeValue> item = stack.dynamoDb().getItem(b -> b.tableName(stack.table()).key(Map.of(
                "url", AttributeValue.fromS("health#" + outlet), "hash", AttributeValue.fromS("r#2026-12-01T10:15:00.000Z"))))
                .item();
        assertEquals(T.plusSeconds(3).plus(HealthCounters.RETENTION).getEpochSecond(), Long.parseLong(item.get("expires").n()));
    }

    @Test
    void healthItemsAreNeverReadAsVersions() {
        String outlet = outlet();
        HealthCounters counters = new HealthCounters(stack.dynamoDb(), stack.table());
        counters.outcome(outlet, T, "NEW", false, false, new HealthCounters.NewArticle(true, true, true, 300));
        counters.outcome(outlet, T, "SKIPPED", false, true, null);
        assertEquals(1, counters.hours(outlet, T, T.plusSeconds(1)).get(0).notArticle());
        counters.discovery(outlet, T, T, 4);
        ArticleIndex index = new ArticleIndex(stack.dynamoDb(), stack.table());
        // the items sit in hash-index under their sort key, but no reader returns them
        assertEquals(List.of(), index.byHash("h#2026-12-01T10"));
        assertEquals(List.of(), index.byHash("latest"));
        assertEquals(List.of(), index.versions("health#" + outlet));
        assertEquals(List.of(), index.byOutlet(outlet, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")));
        // and they carry no attribute another index is keyed on or projects
        stack.dynamoDb().query(b -> b.tableName(stack.table()).keyConditionExpression("#u = :u")
                .expressionAttributeNames(Map.of("#u", "url"))
                .expressionAttributeValues(Map.of(":u", AttributeValue.fromS("health#" + outlet))))
                .items().forEach(i -> i.keySet().forEach(a -> assertTrue(a.equals("url") || a.equals("hash")
                        || !IndexSchema.LISTING.contains(a) && !a.matches("sh\\d|lsh\\d|outlet|ts"), a)));
    }
}
