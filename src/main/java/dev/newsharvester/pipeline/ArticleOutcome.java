package dev.newsharvester.pipeline;

/**
 * The outcome of one article task.
 *
 * @param hash        SHA-256 of the clean text, when extraction got that far
 * @param reason      why, for SKIPPED and FAILED (and a short note otherwise, may be null)
 * @param duplicateOf for DUPLICATE: the URL that already holds the same text
 */
public record ArticleOutcome(String outlet, String url, Outcome outcome, String hash, String reason, String duplicateOf) {

    public static ArticleOutcome of(ArticleTask task, Outcome outcome, String hash) {
        return new ArticleOutcome(task.outlet(), task.url(), outcome, hash, null, null);
    }

    public static ArticleOutcome skipped(ArticleTask task, String reason) {
        return new ArticleOutcome(task.outlet(), task.url(), Outcome.SKIPPED, null, reason, null);
    }

    public static ArticleOutcome failed(ArticleTask task, String reason) {
        return new ArticleOutcome(task.outlet(), task.url(), Outcome.FAILED, null, reason, null);
    }
}
