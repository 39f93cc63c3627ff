package dev.newsharvester.health;

import dev.newsharvester.store.HealthCounters;
import java.util.List;

/**
 * What the new articles of a window carried: how many had a title, authors, a publication date and at least 80
 * words, and their median word count (from the counters' histogram; null without articles); and how many fetched
 * pages the extractor found no article in ({@code notArticles}).
 */
public record Completeness(long articles, long title, long authors, long published, long words80, Integer medianWords,
        long notArticles) {

    static Completeness of(List<HealthCounters.Hour> hours) {
        long articles = 0, title = 0, authors = 0, published = 0, words80 = 0, notArticles = 0;
        long[] histogram = new long[HealthCounters.WORD_BUCKETS.length];
        for (HealthCounters.Hour h : hours) {
            articles += h.newArticles();
            title += h.withTitle();
            authors += h.withAuthors();
            published += h.withPublished();
            words80 += h.with80Words();
            notArticles += h.notArticle();
            for (int i = 0; i < histogram.length; i++) {
                histogram[i] += h.wordHistogram()[i];
            }
        }
        return new Completeness(articles, title, authors, published, words80, median(histogram), notArticles);
    }

    /** The median of a word-count histogram, interpolated inside its bucket; null when it is empty. */
    static Integer median(long[] histogram) {
        long n = 0;
        for (long c : histogram) {
            n += c;
        }
        if (n == 0) {
            return null;
        }
        int[] lower = HealthCounters.WORD_BUCKETS;
        double half = n / 2.0;
        long before = 0;
        for (int i = 0; i < histogram.length; i++) {
            if (histogram[i] > 0 && before + histogram[i] >= half) {
                double upper = i + 1 < lower.length ? lower[i + 1] : lower[i] * 1.5;
                return (int) Math.round(lower[i] + (upper - lower[i]) * (half - before) / histogram[i]);
            }
            before += histogram[i];
        }
        return lower[lower.length - 1];
    }

    /** New articles and pages with no article: what the extractor was given. */
    public long pages() {
        return articles + notArticles;
    }

    /** The share of those pages that gave an article; 0 without pages. */
    public double articleYield() {
        return pages() == 0 ? 0 : (double) articles / pages();
    }

    /** The share of articles carrying a field (one of the counts here); 0 without articles. */
    public double share(long count) {
        return articles == 0 ? 0 : (double) count / articles;
    }
}
