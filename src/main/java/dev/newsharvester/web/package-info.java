/**
 * The {@code serve} web page: a small server on the JDK's {@code com.sun.net.httpserver}, bound to a loopback address
 * only, rendering HTML on the server from the read side ({@code query}, the change log of {@code change}, outlet
 * health of {@code health}) with one bundled stylesheet and script and charts as inline SVG: no framework, nothing
 * fetched from elsewhere (a Content-Security-Policy of {@code 'self'} says so to the browser).
 *
 * <p>Pages: {@link dev.newsharvester.web.OutletPages} (outlets and their articles per day), {@link
 * dev.newsharvester.web.ArticlePages} (an article's history, side-by-side diffs, the same story elsewhere), {@link
 * dev.newsharvester.web.ChangesPage} (recent changes) and {@link dev.newsharvester.web.SearchPage} (search with
 * counts over time), the last behind {@link dev.newsharvester.web.SearchBackend} so the search engine plugs in
 * without the page knowing it ({@link dev.newsharvester.web.SearchIndexBackend}: the embedded store's
 * index of the {@code search} package; {@link dev.newsharvester.web.AthenaBackend}: Athena with {@code --aws}, through
 * the {@code athena} package). Everything from the archive is escaped ({@link dev.newsharvester.web.Html}).
 *
 * <p>Reads only: it never fetches, harvests or runs the flow ({@code pipeline}); {@code cli} wires it.
 */
package dev.newsharvester.web;
