package dev.newsharvester.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The per-host scheduler on its own: no network, items that sleep. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostSchedulerTest {

    /** One item run: which, on which thread, when. */
    private record Run(String item, String thread, long start, long end) {
    }

    private static String host(String item) {
        return item.substring(0, 1);
    }

    private static List<Run> run(List<String> items, Duration delay, int parallelism, long workMillis) {
        List<Run> runs = Collections.synchronizedList(new ArrayList<>());
        new HostScheduler<>(items, HostSchedulerTest::host, i -> delay).run(parallelism, "test", (index, item) -> {
            assertEquals(items.get(index), item);
            long start = System.nanoTime();
            sleep(workMillis);
            runs.add(new Run(item, Thread.currentThread().getName(), start, System.nanoTime()));
        });
        return runs;
    }

    @Test
    void oneThreadTakesTheHostThatMayGoSoonestInsteadOfSittingOutADelay() {
        long t0 = System.nanoTime();
        List<Run> runs = run(List.of("a1", "a2", "a3", "b1", "b2", "b3"), Duration.ofMillis(150), 1, 10);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertEquals(List.of("a1", "b1", "a2", "b2", "a3", "b3"), runs.stream().map(Run::item).toList());
        // Each host: two delays and an item (≈ 310 ms), the two hosts overlapping; host after host would be ≈ 620 ms.
        assertTrue(millis < 500, () -> millis + " ms");
        assertGapsAtLeast(runs, Duration.ofMillis(150));
    }

    @Test
    void hostsRunInParallelUpToTheBoundAndEachHostKeepsItsOrderAndDelay() {
        List<String> items = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            for (String h : List.of("a", "b", "c", "d", "e", "f")) {
                items.add(h + i);
            }
        }
        List<Run> runs = run(items, Duration.ofMillis(150), 3, 30);
        assertEquals(items.size(), runs.size());
        assertGapsAtLeast(runs, Duration.ofMillis(150));
        // Per host, the given order.
        Map<String, List<String>> byHost = new HashMap<>();
        runs.stream().sorted((x, y) -> Long.compare(x.start(), y.start()))
                .forEach(r -> byHost.computeIfAbsent(host(r.item()), h -> new ArrayList<>()).add(r.item()));
        byHost.forEach((h, list) -> assertEquals(List.of(h + 1, h + 2, h + 3, h + 4), list));
        // Never more than three at once, and three threads did work.
        int most = 0;
        for (Run r : runs) {
            int at = (int) runs.stream().filter(o -> o.start() <= r.start() && r.start() < o.end()).count();
            most = Math.max(most, at);
        }
        assertTrue(most <= 3, "at most 3 at once, saw " + most);
        assertEquals(3, runs.stream().map(Run::thread).distinct().count(), runs.toString());
    }

    @Test
    void neverMoreThreadsThanHosts() {
        List<Run> runs = run(List.of("a1", "a2", "a3"), Duration.ZERO, 8, 1);
        assertEquals(1, runs.stream().map(Run::thread).distinct().count(), "one host, one thread");
        assertEquals(Thread.currentThread().getName(), runs.get(0).thread(), "a single lane runs on the calling thread");
    }

    @Test
    void aFailureStopsTheRunAndIsRethrown() {
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicInteger ran = new AtomicInteger();
        HostScheduler<String> s = new HostScheduler<>(List.of("a1", "a2", "a3", "b1", "b2", "b3"), HostSchedulerTest::host,
                i -> Duration.ofMillis(200));
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> s.run(2, "test", (index, item) -> {
            ran.incrementAndGet();
            if (item.equals("a1")) {
                throw boom;
            }
        }));
        assertSame(boom, thrown);
        assertTrue(ran.get() <= 2, "nothing starts after the failure: " + ran.get());
    }

    @Test
    void parallelismBelowOneIsRefused() {
        HostScheduler<String> s = new HostScheduler<>(List.of("a1"), HostSchedulerTest::host, i -> Duration.ZERO);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.run(0, "test", (i, x) -> { }));
        assertEquals("parallelism must be at least 1, was 0", e.getMessage());
    }

    /**
     * Per host: one item at a time, and about {@code delay} at least between the starts of two items. The scheduler
     * counts from when it hands an item out, a moment before the item notes its start, hence the tolerance.
     */
    private static void assertGapsAtLeast(List<Run> runs, Duration delay) {
        long least = delay.toNanos() - TimeUnit.MILLISECONDS.toNanos(40);
        Map<String, List<Run>> byHost = new HashMap<>();
        runs.forEach(r -> byHost.computeIfAbsent(host(r.item()), h -> new ArrayList<>()).add(r));
        for (List<Run> list : byHost.values()) {
            list.sort((x, y) -> Long.compare(x.start(), y.start()));
            for (int i = 1; i < list.size(); i++) {
                Run prev = list.get(i - 1);
                Run next = list.get(i);
                assertTrue(next.start() >= prev.end(), prev + " overlaps " + next);
                long gap = next.start() - prev.start();
                assertTrue(gap >= least, prev.item() + " → " + next.item() + ": "
                        + TimeUnit.NANOSECONDS.toMillis(gap) + " ms from start to start");
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
