package dev.newsharvester.pipeline;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Runs work items grouped by host on a bounded set of threads: at most one item of a host in progress at a time, items
 * of one host in the order given, and an item of a host starting no sooner than the previous item's delay after that
 * one started. A free thread takes the host that may go soonest (the one that has waited longest among those whose
 * delay is over; first given, first served on ties), so that no thread sits out one host's delay while another host
 * could go, and no thread ever waits on a host another thread is using.
 *
 * <p>The delay counts from the start of an item because the fetcher's per-host pacing counts from the end of the
 * previous request, which lies between the start and the end of the item: so a host comes up here no sooner than the
 * fetcher could let it go, and no later than the item's own end (its extraction and store writes do not stretch the
 * host's pace). The fetcher's pacing holds underneath and decides: the thread that took a host may wait there for the
 * rest of the delay (about one request's length, or longer for a robots.txt Crawl-delay or a Retry-After), for that
 * host only.
 *
 * <p>One instance runs once. Not for reuse across harvests.
 *
 * @param <T> the work item
 */
final class HostScheduler<T> {

    /** What to do with one item; {@code index} is its position in the list given to the scheduler. */
    @FunctionalInterface
    interface Work<T> {
        void run(int index, T item);
    }

    private record Item<T>(int index, T value, long delayNanos) {
    }

    private static final class Lane<T> {
        final String host;
        final ArrayDeque<Item<T>> queue = new ArrayDeque<>();
        boolean busy;
        long readyAt;

        Lane(String host, long readyAt) {
            this.host = host;
            this.readyAt = readyAt;
        }
    }

    private record Taken<T>(Lane<T> lane, Item<T> item) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Lane<T>> lanes;
    private int remaining;
    private int busy;
    private boolean stopped;
    private Throwable failure;

    /**
     * @param items   the work, in the order each host's items must keep
     * @param hostOf  the host an item talks to (its lane); never null
     * @param delayOf the least time between the start of this item and the start of the next item of its host
     */
    HostScheduler(List<T> items, Function<T, String> hostOf, Function<T, Duration> delayOf) {
        long now = System.nanoTime();
        Map<String, Lane<T>> byHost = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            T value = items.get(i);
            Duration d = delayOf.apply(value);
            long delay = d == null || d.isNegative() ? 0 : d.toNanos();
            byHost.computeIfAbsent(hostOf.apply(value), h -> new Lane<>(h, now)).queue.add(new Item<>(i, value, delay));
        }
        this.lanes = new ArrayList<>(byHost.values());
        this.remaining = items.size();
    }

    /** How many hosts have work (at the start). */
    int hosts() {
        return lanes.size();
    }

    /** How many hosts have an item in progress now. */
    int busyHosts() {
        lock.lock();
        try {
            return busy;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs every item on at most {@code parallelism} threads (never more than there are hosts; with one, on the
     * calling thread) and returns when all are done. If an item throws, no further item starts, and the first
     * exception is rethrown here once the items in progress have finished.
     *
     * @throws CancellationException when the calling thread is interrupted (the items in progress are interrupted,
     *                               no further item starts; the thread's interrupt flag is set again)
     */
    void run(int parallelism, String threadName, Work<T> work) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        int threads = Math.min(parallelism, lanes.size());
        if (threads == 0) {
            return;
        }
        if (threads == 1) {
            if (!worker(work)) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while harvesting");
            }
        } else {
            List<Thread> started = new ArrayList<>(threads);
            for (int i = 0; i < threads; i++) {
                Thread t = new Thread(() -> worker(work), threadName + "-" + (i + 1));
                t.setDaemon(true);
                started.add(t);
                t.start();
            }
            try {
                for (Thread t : started) {
                    t.join();
                }
            } catch (InterruptedException e) {
                stop(null);
                started.forEach(Thread::interrupt);
                joinUninterruptibly(started);
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while harvesting");
            }
        }
        Throwable f;
        lock.lock();
        try {
            f = failure;
        } finally {
            lock.unlock();
        }
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
        if (f != null) {
            throw new IllegalStateException(f);
        }
    }

    /** Takes and runs items until there are none left or the run stops; false when interrupted while waiting. */
    private boolean worker(Work<T> work) {
        while (true) {
            Taken<T> taken;
            try {
                taken = take();
            } catch (InterruptedException e) {
                stop(null);
                return false;
            }
            if (taken == null) {
                return true;
            }
            try {
                work.run(taken.item().index(), taken.item().value());
            } catch (Throwable t) {
                stop(t);
            } finally {
                release(taken);
            }
        }
    }

    /** The next item of the host that may go soonest; waits while none may go yet; null when there is no more. */
    private Taken<T> take() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (stopped || remaining == 0) {
                    return null;
                }
                Lane<T> best = null;
                for (Lane<T> lane : lanes) {
                    if (!lane.busy && !lane.queue.isEmpty() && (best == null || lane.readyAt - best.readyAt < 0)) {
                        best = lane;
                    }
                }
                if (best == null) {
                    changed.await();   // every host with work left is busy: wait for one to be released
                    continue;
                }
                long wait = best.readyAt - System.nanoTime();
                if (wait > 0) {
                    changed.awaitNanos(wait);   // or a host is released meanwhile and may be sooner
                    continue;
                }
                best.busy = true;
                best.readyAt = System.nanoTime() + best.queue.peek().delayNanos();
                busy++;
                if (--remaining == 0) {
                    changed.signalAll();   // idle threads may leave
                }
                return new Taken<>(best, best.queue.poll());
            }
        } finally {
            lock.unlock();
        }
    }

    private void release(Taken<T> taken) {
        lock.lock();
        try {
            Lane<T> lane = taken.lane();
            lane.busy = false;
            busy--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void stop(Throwable cause) {
        lock.lock();
        try {
            stopped = true;
            if (failure == null && cause != null) {
                failure = cause;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static void joinUninterruptibly(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "HostScheduler" + lanes.stream().map(l -> l.host).toList();
    }
}
