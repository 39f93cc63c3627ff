/**
 * The archive on AWS as SQL: questions ({@code search --aws}, {@code export --aws}) translated to Athena queries over
 * the Glue tables of {@code template.yaml} ({@code articles_clean} over {@code clean/}, the Parquet {@code articles}),
 * and run in the stack's workgroup; the web page's results and counts in one query, with the query's words marked
 * in the snippets ({@code SnippetMarks}: Athena has no highlighter). Reads {@code store} (the clean copy's fields)
 * and {@code pipeline.Settings}; used by {@code cli} and by {@code web} (which {@code cli} hands an
 * {@code AthenaSearch}).
 */
package dev.newsharvester.athena;
