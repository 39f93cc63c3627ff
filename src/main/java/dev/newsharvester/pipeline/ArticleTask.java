package dev.newsharvester.pipeline;

/**
 * One article to fetch and process: the unit of work sent through SQS (one message each).
 * JSON form: {@code {"outlet":"unn","url":"https://unn.ua/en/news/..."}}.
 */
public record ArticleTask(String outlet, String url) {

    public ArticleTask {
        if (outlet == null || outlet.isBlank()) {
            throw new IllegalArgumentException("article task needs an \"outlet\"");
        }
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("article task needs a \"url\"");
        }
    }
}
