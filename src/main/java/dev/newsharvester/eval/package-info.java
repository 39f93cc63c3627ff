/**
 * Extraction scoring against the datasets kept outside the repository: the article-extraction benchmark
 * ({@link AebEvaluation}) and news pages with title, authors and dates ({@link FundusEvaluation}); body scores as
 * the python scorers compute them ({@link ShingleMetric}, {@link Bootstrap} with the same draws as Python's
 * {@link PythonRandom}), speed per pass, and per-page reports for studying kinds of mistakes.
 *
 * <p>Uses {@code extract} only.
 */
package dev.newsharvester.eval;
