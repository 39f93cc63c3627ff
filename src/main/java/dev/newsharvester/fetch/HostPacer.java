package dev.newsharvester.fetch;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-memory {@link Pacer} of one process: at most one request in flight per host, and at least {@code delay}
 * between the end of one request and the start of the next. It waits rather than refuses: threads wanting the same
 * host queue fairly; other hosts are unaffected. For local runs; across Lambda instances the shared pacer of package
 * {@code fleet} applies. Uses {@link System#nanoTime()} (monotonic), not the fetcher's clock, so wall-clock jumps
 * cannot stall it.
 */
public final class HostPacer implements Pacer {

    private static final class Host {
        final ReentrantLock lock = new ReentrantLock(true);
        boolean used;
        long lastEnd;          // nanoTime when the previous request finished
        long notBefore;        // nanoTime before which no request may start (Retry-After)
        boolean deferred;
    }

    /** Held while one request to a host is in flight; closing it starts the host's delay. */
    final class Permit implements Slot {
        private final Host host;

        private Permit(Host host) {
            this.host = host;
        }

        @Override
        public boolean granted() {
            return true;
        }

        @Override
        public java.time.Instant notBefore() {
            return null;
        }

        @Override
        public void close() {
            host.used = true;
            host.lastEnd = System.nanoTime();
            host.lock.unlock();
        }
    }

    private final ConcurrentHashMap<String, Host> hosts = new ConcurrentHashMap<>();

    /**
     * Waits until a request to {@code host} may start, then returns the permit to hold during the request.
     * With a zero delay and no deferral it does not sleep (but still serialises requests to the host).
     */
    @Override
    public Slot acquire(String host, Duration delay) throws InterruptedException {
        Host h = hosts.computeIfAbsent(host, k -> new Host());
        h.lock.lockInterruptibly();
        try {
            long start = System.nanoTime();
            long due = start;
            if (h.used && delay.compareTo(Duration.ZERO) > 0) {
                due = h.lastEnd + delay.toNanos();
            }
            if (h.deferred && h.notBefore - due > 0) {
                due = h.notBefore;
            }
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            h.deferred = false;
            return new Permit(h);
        } catch (InterruptedException | RuntimeException e) {
            h.lock.unlock();
            throw e;
        }
    }

    /** No request to {@code host} may start before {@code wait} has passed (e.g. after a 429 with Retry-After). */
    @Override
    public void defer(String host, Duration wait) {
        Host h = hosts.computeIfAbsent(host, k -> new Host());
        h.lock.lock();
        try {
            long until = System.nanoTime() + wait.toNanos();
            if (!h.deferred || until - h.notBefore > 0) {
                h.notBefore = until;
                h.deferred = true;
            }
        } finally {
            h.lock.unlock();
        }
    }
}
