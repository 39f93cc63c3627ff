package dev.newsharvester.pipeline;

/**
 * The outcome of one article task.
 *
 * @param hash        SHA-256 of the clean text, when extraction got that far
 * @param reason      why, for SKIPPED and FAILED (and a short note otherwise, may be null)
 * @param duplicateOf for DUPLICATE: the URL that already holds the same text
 * @param retryable   for FAILED: whether trying again later may succeed (timeouts, 5xx, store errors)
 * @param timing      how the fetch ended and what the stages took; null when the task never reached the processor
 */
public record ArticleOutcome(String outlet, String url, Outcome outcome, String hash, String reason, String duplicateOf,
        boolean retryable, ArticleTiming timing) {

    /** An outcome without timing (set by the processor with {@link #withTiming}). */
    public ArticleOutcome(String outlet, String url, Outcome outcome, String hash, String reason, String duplicateOf,
            boolean retryable) {
        this(outlet, url, outcome, hash, reason, duplicateOf, retryable, null);
    }

    /** This outcome with its timing. */
    public ArticleOutcome withTiming(ArticleTiming t) {
        return new ArticleOutcome(outlet, url, outcome, hash, reason, duplicateOf, retryable, t);
    }

    public static ArticleOutcome of(ArticleTask task, Outcome outcome, String hash, String reason) {
        return new ArticleOutcome(task.outlet(), task.url(), outcome, hash, reason, null, false);
    }

    public static ArticleOutcome duplicate(ArticleTask task, String hash, String duplicateOf) {
        return new ArticleOutcome(task.outlet(), task.url(), Outcome.DUPLICATE, hash, "same text as " + duplicateOf,
                duplicateOf, false);
    }

    public static ArticleOutcome skipped(ArticleTask task, String reason) {
        return new ArticleOutcome(task.outlet(), task.url(), Outcome.SKIPPED, null, reason, null, false);
    }

    /** A failure that will fail the same way again (404, bad input). */
    public static ArticleOutcome failed(ArticleTask task, String reason) {
        return new ArticleOutcome(task.outlet(), task.url(), Outcome.FAILED, null, reason, null, false);
    }

    /** A failure that may pass on a later try (timeouts, 5xx, store errors). */
    public static ArticleOutcome failedRetryable(ArticleTask task, String reason) {
        return new ArticleOutcome(task.outlet(), task.url(), Outcome.FAILED, null, reason, null, true);
    }
}
