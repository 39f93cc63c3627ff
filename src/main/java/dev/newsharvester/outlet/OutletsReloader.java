package dev.newsharvester.outlet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Behind {@link Outlets#reloading}: the last good outlets of a source, read again once they are older than the TTL
 * and on {@link #reload()}. A source that fails to read or parse on a later read leaves the last good outlets in
 * place (a typo in an edited file must not stop a running fleet); the error is printed once per attempt and the
 * next attempt comes a TTL later.
 */
final class OutletsReloader {

    private final Supplier<Outlets> loader;
    private final Duration ttl;
    private final Clock clock;
    private Outlets current;
    private Instant loadedAt;

    /** Reads the source once now: a source that cannot be read fails here, as a fixed outlets file would. */
    OutletsReloader(Supplier<Outlets> loader, Duration ttl, Clock clock) {
        if (ttl == null || ttl.isNegative()) {
            throw new IllegalArgumentException("outlets TTL must be zero (never reload) or positive, got " + ttl);
        }
        this.loader = loader;
        this.ttl = ttl;
        this.clock = clock;
        this.current = loader.get();
        this.loadedAt = clock.instant();
    }

    /** The outlets, read again first if they are older than the TTL (never with a zero TTL). */
    synchronized Outlets current() {
        if (!ttl.isZero() && !clock.instant().isBefore(loadedAt.plus(ttl))) {
            reload();
        }
        return current;
    }

    /** Reads the source now; false (and the last good outlets kept) when it cannot be read. */
    synchronized boolean reload() {
        loadedAt = clock.instant();
        try {
            current = loader.get();
            return true;
        } catch (RuntimeException e) {
            System.err.println("{\"level\":\"ERROR\",\"message\":\"outlets not reloaded, the last good ones stay in use"
                    + " (fix the outlets file; it is read again in " + ttl.toSeconds() + " s): "
                    + String.valueOf(e.getMessage()).replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
            return false;
        }
    }
}
