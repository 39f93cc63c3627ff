/**
 * The read side: an article's versions and lifecycle ({@link Timeline}), URLs by text hash, an outlet's articles
 * in a time range, near-copies ({@link SimilarMatch}), the same story across outlets ({@link StoryMatch}) and diffs
 * of two versions ({@link TextDiff}, {@link DiffPage}); {@link ArticleQueries} is the entry point.
 *
 * <p>Reads through {@code store} only (every access a GetItem or Query); writes nothing.
 */
package dev.newsharvester.query;
