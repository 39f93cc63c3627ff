/**
 * Full-text search and counts over the embedded store: an Apache Lucene index under {@code <data>/search/}, one
 * document per stored version, kept in step with the store as versions are stored and rebuilt from the archive on
 * demand.
 *
 * <p>Where it sits: it reads {@code store} (clean copies through {@link dev.newsharvester.store.CleanCopy}, the
 * change log) and implements {@code change}'s {@link dev.newsharvester.change.ChangeSink}; it is used by {@code cli}
 * (commands {@code search} and {@code reindex}; {@code harvest} and {@code invoke} wire the live updates) and by the
 * web page and exports. It never runs the flow ({@code pipeline}) and is not in the Lambda artifact (on AWS, search
 * goes through Athena).
 *
 * <h2>API</h2>
 * <pre>{@code
 * try (SearchIndex index = SearchIndex.open(dataDir)) {         // IllegalStateException: no index, run reindex
 *     SearchResults r = index.search(new SearchRequest("\"heating season\" AND kyiv", List.of("unn"),
 *             since, until, 20, SearchRequest.Versions.LATEST));  // IllegalArgumentException: bad query or range
 *     List<Count> perDay = index.count(SearchRequest.of("elections"), CountBy.DAY);
 * }
 * Reindexer.Report done = new Reindexer(archive, System.err::println).rebuild(dataDir);
 * Optional<IndexUpdater> live = IndexUpdater.forDataDirectory(dataDir, archive, storeIsNew, System.err::println);
 * }</pre>
 * A {@link dev.newsharvester.search.SearchIndex} sees the index as committed when opened (open another to see later
 * harvests); it is thread-safe and cheap to keep open (a web server should keep one and reopen it now and then).
 *
 * <h2>What is indexed</h2>
 * Per version: URL, outlet, headline, byline, body, publication time (else first fetch) and its UTC day, the body's
 * SHA-256 (shared by a URL's versions and by duplicates at other URLs), fetch time, access, the analysis language,
 * and two flags updated in place: {@code latest} (the version the URL shows now: searches and counts use only these
 * unless asked for every version) and {@code gone} (deleted or redirected; such articles are still found, marked).
 * Headline and body go to fields of the article's language ({@code title_en}, {@code body_uk}, ...), chosen by the
 * text's script and declared language; a query is analysed for English (Porter), Ukrainian (a light stemmer of ours)
 * and Russian (Snowball) and searches all of them.
 *
 * <h2>Kept in step</h2>
 * {@link dev.newsharvester.search.IndexUpdater} applies every change event the harvest logs (NEW, REVISED - which is
 * also how a DUPLICATE and a return to an earlier version arrive - RESTORED, DELETED, REDIRECTED);
 * {@link dev.newsharvester.search.Reindexer} replays the same events from the change log, then adds clean copies no
 * event named, so a rebuild equals the live index. {@code reprocess} (whose versions publish no events) rebuilds it
 * when it stores a version.
 */
package dev.newsharvester.search;
