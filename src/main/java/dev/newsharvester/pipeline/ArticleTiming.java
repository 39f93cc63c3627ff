package dev.newsharvester.pipeline;

import dev.newsharvester.fetch.FetchResult;
import dev.newsharvester.fetch.FetchStatus;

/**
 * What one article task took, for logs and metrics: attached to its {@link ArticleOutcome}.
 *
 * @param fetch      how the fetch ended (OK, NOT_MODIFIED, BLOCKED, …); null when nothing was fetched (out of scope,
 *                   already fetched by an earlier delivery)
 * @param httpStatus the last HTTP status, 0 when no response (or no fetch)
 * @param fetchMs    time in the fetch, pacing waits included; 0 without a fetch
 * @param extractMs  time extracting the article from the page; 0 when not extracted
 * @param bytes      bytes of the page as decoded; 0 without a body
 * @param durationMs the whole task, from start to outcome
 */
public record ArticleTiming(FetchStatus fetch, int httpStatus, long fetchMs, long extractMs, long bytes,
        long durationMs) {

    /** Measures one task; one per task, used by one thread. */
    static final class Stopwatch {
        private final long started = System.nanoTime();
        private FetchResult fetched;
        private long fetchNanos;
        private long extractNanos;

        /** Times a fetch that began at {@code startNanos} ({@link System#nanoTime()}) and returned {@code result}. */
        void fetched(FetchResult result, long startNanos) {
            fetched = result;
            fetchNanos = System.nanoTime() - startNanos;
        }

        void extracted(long startNanos) {
            extractNanos = System.nanoTime() - startNanos;
        }

        ArticleTiming stop() {
            return new ArticleTiming(fetched == null ? null : fetched.status(), fetched == null ? 0 : fetched.httpStatus(),
                    millis(fetchNanos), millis(extractNanos), fetched == null ? 0 : fetched.body().length,
                    millis(System.nanoTime() - started));
        }

        private static long millis(long nanos) {
            return nanos / 1_000_000;
        }
    }
}
