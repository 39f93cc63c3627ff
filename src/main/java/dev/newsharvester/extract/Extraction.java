package dev.newsharvester.extract;

/**
 * The result of running the extractor over one page: an article, or the reason the page is not one.
 * Extraction never throws for bad input; it reports {@link #notArticle(String)} instead.
 */
public record Extraction(Article article, String notArticleReason) {

    public static Extraction of(Article article) {
        return new Extraction(article, null);
    }

    public static Extraction notArticle(String reason) {
        return new Extraction(null, reason);
    }

    public boolean isArticle() {
        return article != null;
    }
}
