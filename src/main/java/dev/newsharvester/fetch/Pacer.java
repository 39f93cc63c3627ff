package dev.newsharvester.fetch;

import java.time.Duration;
import java.time.Instant;

/**
 * When a request to a host may start: at most one request in flight per host, and at least the host's delay between
 * the end of one request and the start of the next. Every request of an {@link HttpFetcher} (articles, feeds,
 * sitemaps, robots.txt) asks its pacer first.
 *
 * <p>Two kinds exist. The in-memory {@link HostPacer} of a single process waits until the host is free (local runs,
 * where waiting costs nothing). A shared pacer (package {@code fleet}, a host lease in DynamoDB) never waits: it
 * refuses with the instant to ask again, the fetch ends {@link FetchStatus#DEFERRED}, and the caller hands the work
 * back to the queue, so that a Lambda function never pays to sleep.
 */
public interface Pacer {

    /**
     * A slot for one request to {@code host} now, or a refusal saying when to ask again.
     *
     * @param delay the least time between the end of the host's previous request and the start of this one
     */
    Slot acquire(String host, Duration delay) throws InterruptedException;

    /** No request to {@code host} may start before {@code wait} has passed (a 429 or 503 with Retry-After). */
    void defer(String host, Duration wait);

    /** One request's right to go (held while it is in flight), or a refusal. */
    interface Slot extends AutoCloseable {

        /** False when the request may not start now; {@link #notBefore()} says when to ask again. */
        boolean granted();

        /** For a refused slot: the earliest instant at which the host may be asked again. */
        Instant notBefore();

        /** Marks the end of the request: the host's delay counts from here. Does nothing for a refused slot. */
        @Override
        void close();

        /** A refusal until {@code notBefore}. */
        static Slot refused(Instant notBefore) {
            return new Slot() {
                @Override
                public boolean granted() {
                    return false;
                }

                @Override
                public Instant notBefore() {
                    return notBefore;
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
