/**
 * The archive on AWS as SQL: questions ({@code search --aws}, {@code export --aws}) translated to Athena queries over
 * the Glue tables of {@code template.yaml} ({@code articles_clean} over {@code clean/}, the Parquet {@code articles}),
 * and run in the stack's workgroup. Reads {@code store} (the clean copy's fields) and {@code pipeline.Settings};
 * used by {@code cli}.
 */
package dev.newsharvester.athena;
