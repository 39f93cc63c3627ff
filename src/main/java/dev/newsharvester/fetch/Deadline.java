package dev.newsharvester.fetch;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The time limit of one exchange. When it passes, the socket it guards is closed, which ends any blocked connect,
 * handshake, read or write at once: a server that drips one byte a second, or stalls mid-handshake, is cut off at
 * the limit however it spaces its bytes.
 */
final class Deadline implements AutoCloseable {

    private final long end;
    private final ScheduledFuture<?> timer;
    private Closeable guarded;
    private boolean expired;

    Deadline(ScheduledExecutorService scheduler, Duration limit) {
        this.end = System.nanoTime() + limit.toNanos();
        this.timer = scheduler.schedule(this::expire, limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Closes {@code c} when the deadline passes (at once if it has). Replaces the previously guarded resource. */
    synchronized void guard(Closeable c) {
        guarded = c;
        if (expired) {
            closeQuietly(c);
        }
    }

    synchronized boolean expired() {
        return expired || System.nanoTime() - end >= 0;
    }

    /** Milliseconds left, at least 1 (a socket timeout of 0 would mean "forever"). */
    int remainingMillis() {
        long ms = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ms));
    }

    private synchronized void expire() {
        expired = true;
        if (guarded != null) {
            closeQuietly(guarded);
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException ignored) {
            // closing is all that matters
        }
    }

    @Override
    public void close() {
        timer.cancel(false);
    }
}
