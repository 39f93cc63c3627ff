/**
 * Exports of the archive: every article field, its version and what changed since the version before, its URL's
 * lifecycle state, as JSON Lines, RFC 4180 CSV or Parquet ({@link dev.newsharvester.export.parquet}).
 *
 * <ul>
 *   <li>{@link dev.newsharvester.export.ArchiveExport}: selects by outlet (one outlet-index Query each, read page by
 *       page) and time range, and streams rows to a {@link dev.newsharvester.export.RowSink}; memory does not grow
 *       with the archive.</li>
 *   <li>{@link dev.newsharvester.export.ExportColumns}: the columns and how each is read from a row.</li>
 *   <li>{@link dev.newsharvester.export.Format}: jsonl, csv, parquet; {@link dev.newsharvester.export.ExportFile}:
 *       a temporary file renamed into place at the end, never over an existing file.</li>
 * </ul>
 *
 * <p>Reads through {@code query} ({@link dev.newsharvester.query.ArticleQueries}) and {@code store}'s values
 * ({@link dev.newsharvester.store.CleanCopy}); never runs the flow, never reaches the entry points.
 */
package dev.newsharvester.export;
