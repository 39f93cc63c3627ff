package dev.newsharvester.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.fetch.Pacer;
import dev.newsharvester.local.LocalStack;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Host leases and the fleet pacer against DynamoDB Local, with many "instances" (threads, each its own pacer). */
class HostLeasesTest {

    private static LocalStack stack;
    private static final String TABLE = "Fleet";

    @BeforeAll
    static void start() {
        stack = LocalStack.inMemory();
        FleetTable.create(stack.dynamoDb(), TABLE);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static HostLeases leases(Duration leaseFor) {
        return new HostLeases(stack.dynamoDb(), TABLE, Clock.systemUTC(), leaseFor);
    }

    @Test
    void manyInstancesNeverOverlapOnAHostAndKeepTheDelay() throws Exception {
        String host = "pace.example";
        Duration delay = Duration.ofMillis(300);
        List<long[]> requests = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch done = new CountDownLatch(8);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        for (int w = 0; w < 8; w++) {
            int worker = w;
            pool.submit(() -> {
                try {
                    while (System.nanoTime() < until) {
                        FleetPacer pacer = new FleetPacer(leases(Duration.ofSeconds(30)), "w" + worker + "/" + System.nanoTime(),
                                Instant.now().plusSeconds(60), Duration.ofSeconds(1));
                        Pacer.Slot slot = pacer.acquire(host, delay);
                        if (!slot.granted()) {
                            assertNotNull(slot.notBefore());
                            Thread.sleep(5);  // a test instance polling; real workers re-queue instead
                            continue;
                        }
                        try (slot) {
                            long start = System.nanoTime();
                            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                            Thread.sleep(20);   // the request
                            inFlight.decrementAndGet();
                            requests.add(new long[] {start, System.nanoTime()});
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        assertTrue(done.await(20, TimeUnit.SECONDS));
        pool.shutdown();
        assertEquals(1, maxInFlight.get(), "one request in flight per host");
        List<long[]> sorted = new ArrayList<>(requests);
        sorted.sort((a, b) -> Long.compare(a[0], b[0]));
        assertTrue(sorted.size() >= 5, "requests made: " + sorted.size());
        for (int i = 1; i < sorted.size(); i++) {
            long gapMs = TimeUnit.NANOSECONDS.toMillis(sorted.get(i)[0] - sorted.get(i - 1)[1]);
            assertTrue(gapMs >= delay.toMillis() - 5, "gap " + i + " was " + gapMs + " ms");
        }
    }

    @Test
    void eachRequestBringsItsOwnDelayCountedFromTheLastEnd() throws Exception {
        // robots.txt is asked with no delay of its own; the article after it must still wait the crawl delay
        FleetPacer one = new FleetPacer(leases(Duration.ofSeconds(30)), "one", Instant.now().plusSeconds(60), Duration.ofSeconds(1));
        try (Pacer.Slot robots = one.acquire("own.example", Duration.ZERO)) {
            assertTrue(robots.granted());
        }
        Pacer.Slot article = one.acquire("own.example", Duration.ofMillis(400));
        assertFalse(article.granted());
        FleetPacer other = new FleetPacer(leases(Duration.ofSeconds(30)), "other", Instant.now().plusSeconds(60), Duration.ofSeconds(1));
        Pacer.Slot elsewhere = other.acquire("own.example", Duration.ofMillis(400));
        assertFalse(elsewhere.granted(), "another instance sees the same last end");
        assertTrue(Duration.between(Instant.now(), elsewhere.notBefore()).toMillis() > 250);
        Thread.sleep(Duration.between(Instant.now(), elsewhere.notBefore()).toMillis() + 5);
        try (Pacer.Slot later = other.acquire("own.example", Duration.ofMillis(400))) {
            assertTrue(later.granted());
        }
    }

    @Test
    void aUnitAsksTheSameHostAgainWhileItsOwnReleaseIsStillBeingWritten() {
        // A slow network for the release only (a fault DynamoDB Local cannot make on demand): robots.txt's lease is
        // still being given back when the feed, with no delay of its own, is asked. It must not be deferred to a
        // later turn because the table still names this very unit as the holder.
        DynamoDbClient slowRelease = (DynamoDbClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("updateItem") && args != null && args.length == 1
                            && args[0] instanceof Consumer<?>) {
                        UpdateItemRequest.Builder b = UpdateItemRequest.builder();
                        @SuppressWarnings("unchecked")
                        Consumer<UpdateItemRequest.Builder> fill = (Consumer<UpdateItemRequest.Builder>) args[0];
                        fill.accept(b);
                        UpdateItemRequest request = b.build();
                        if (request.updateExpression().contains("REMOVE holder")) {
                            Thread.sleep(150);
                        }
                        return stack.dynamoDb().updateItem(request);
                    }
                    try {
                        return method.invoke(stack.dynamoDb(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        HostLeases l = new HostLeases(slowRelease, TABLE, Clock.systemUTC(), Duration.ofSeconds(30));
        FleetPacer unit = new FleetPacer(l, "discover/1", Instant.now().plusSeconds(60), Duration.ofSeconds(1));
        for (int i = 0; i < 3; i++) {
            try (Pacer.Slot slot = unit.acquire("again.example", Duration.ZERO)) {
                assertTrue(slot.granted(), "request " + i + " refused until " + slot.notBefore());
            }
        }
        unit.finish();
        assertTrue(l.acquire("again.example", "someone-else", Duration.ZERO).granted(), "every lease was given back");
    }

    @Test
    void aHolderThatDiesBlocksTheHostOnlyUntilItsLeaseLapses() throws Exception {
        HostLeases l = leases(Duration.ofMillis(400));
        assertTrue(l.acquire("dead.example", "dies", Duration.ZERO).granted());   // never released
        HostLeases.Grant refused = l.acquire("dead.example", "other", Duration.ZERO);
        assertFalse(refused.granted());
        Thread.sleep(450);
        assertTrue(l.acquire("dead.example", "other", Duration.ZERO).granted(), "the lease lapsed");
    }

    @Test
    void aRetryAfterHoldsTheHostForTheWholeFleet() {
        HostLeases l = leases(Duration.ofSeconds(30));
        FleetPacer one = new FleetPacer(l, "one", Instant.now().plusSeconds(60), Duration.ofSeconds(1));
        one.defer("busy.example", Duration.ofSeconds(5));
        HostLeases.Grant other = l.acquire("busy.example", "another-instance", Duration.ZERO);
        assertFalse(other.granted());
        assertTrue(other.notBefore().isAfter(Instant.now().plusSeconds(4)), "refused until the Retry-After passes");
    }

    @Test
    void onlyOneLiveTokenPerHost() {
        HostLeases l = leases(Duration.ofSeconds(30));
        assertTrue(l.claimToken("tok.example", "a", Duration.ofMinutes(20)));
        assertFalse(l.claimToken("tok.example", "b", Duration.ofMinutes(20)), "a live token exists");
        HostLeases.Grant stale = l.acquire("tok.example", "turn-b", Duration.ZERO, "b");
        assertTrue(stale.stale() && !stale.granted(), "not the host's token: its turn is dropped");
        assertTrue(l.acquire("tok.example", "turn-a", Duration.ZERO, "a").granted());
        l.release("tok.example", "turn-a", Instant.now());
        assertTrue(l.claimToken("tok.example", "c", Duration.ZERO.minusMillis(1)), "a stale token is replaced");
        assertFalse(l.clearToken("tok.example", "a"), "the old token no longer retires the host");
        assertTrue(l.clearToken("tok.example", "c"));
    }

    @Test
    void aRequestThatCannotFinishBeforeTheBudgetIsRefused() {
        FleetPacer p = new FleetPacer(leases(Duration.ofSeconds(30)), "late", Instant.now().plusSeconds(5),
                Duration.ofSeconds(25));
        assertFalse(p.acquire("late.example", Duration.ZERO).granted());
    }
}
