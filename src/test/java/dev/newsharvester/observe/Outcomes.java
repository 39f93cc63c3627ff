package dev.newsharvester.observe;

import dev.newsharvester.fetch.FetchStatus;
import dev.newsharvester.pipeline.ArticleOutcome;
import dev.newsharvester.pipeline.ArticleTiming;
import dev.newsharvester.pipeline.ArticleTask;
import dev.newsharvester.pipeline.Outcome;

/** Article outcomes as the processor makes them (its factory methods), with the timing it attaches. */
final class Outcomes {

    private Outcomes() {
    }

    static ArticleTask task(String outlet, int n) {
        return new ArticleTask(outlet, "https://" + outlet + ".example/news/2025/08/22/story-" + n);
    }

    static ArticleOutcome fresh(String outlet, int n, long fetchMs, long extractMs, long bytes) {
        return ArticleOutcome.of(task(outlet, n), Outcome.NEW, "ab".repeat(32), null)
                .withTiming(new ArticleTiming(FetchStatus.OK, 200, fetchMs, extractMs, bytes, fetchMs + extractMs + 40));
    }

    static ArticleOutcome notModified(String outlet, int n, long fetchMs) {
        return ArticleOutcome.of(task(outlet, n), Outcome.UNCHANGED, "cd".repeat(32), "304 not modified")
                .withTiming(new ArticleTiming(FetchStatus.NOT_MODIFIED, 304, fetchMs, 0, 0, fetchMs + 5));
    }

    static ArticleOutcome blocked(String outlet, int n, long fetchMs) {
        return ArticleOutcome.failed(task(outlet, n), "BLOCKED: HTTP 403 (a challenge page)")
                .withTiming(new ArticleTiming(FetchStatus.BLOCKED, 403, fetchMs, 0, 5120, fetchMs + 2));
    }

    static ArticleOutcome deferred(String outlet, int n) {
        return ArticleOutcome.of(task(outlet, n), Outcome.DEFERRED, null, "host busy")
                .withTiming(new ArticleTiming(FetchStatus.DEFERRED, 0, 0, 0, 0, 3));
    }

    static ArticleOutcome of(String outlet, int n, Outcome outcome) {
        return ArticleOutcome.of(task(outlet, n), outcome, outcome == Outcome.SKIPPED ? null : "ef".repeat(32),
                outcome.name().toLowerCase()).withTiming(new ArticleTiming(FetchStatus.OK, 200, 80, 12, 40_000, 140));
    }
}
