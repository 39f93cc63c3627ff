package dev.newsharvester.web;

import java.net.URI;
import java.time.Instant;

/** The routes: a path and its parameters to a page, or to the 400, 404, 500 or 502 page that says what went wrong. */
final class Pages {

    private final WebSources sources;
    private final OutletPages outlets;
    private final ArticlePages articles;
    private final ChangesPage changes;
    private final SearchPage search;

    Pages(WebSources sources) {
        this.sources = sources;
        this.outlets = new OutletPages(sources);
        this.articles = new ArticlePages(sources);
        this.changes = new ChangesPage(sources);
        this.search = new SearchPage(sources);
    }

    Instant now() {
        return sources.clock().instant();
    }

    WebServer.Response answer(String path, URI uri) {
        try {
            String html = switch (path) {
                case "/" -> outlets.overview(new Params(uri, OutletPages.OVERVIEW_PARAMS));
                case "/outlet" -> outlets.outlet(new Params(uri, OutletPages.OUTLET_PARAMS));
                case "/article" -> articles.history(new Params(uri, ArticlePages.HISTORY_PARAMS));
                case "/diff" -> articles.diff(new Params(uri, ArticlePages.DIFF_PARAMS));
                case "/story" -> articles.story(new Params(uri, ArticlePages.STORY_PARAMS));
                case "/changes" -> changes.page(new Params(uri, ChangesPage.PARAMS));
                case "/search" -> search.page(new Params(uri, SearchPage.PARAMS));
                default -> throw WebException.notFound("there is no page at " + path + ": start from the outlets page, /");
            };
            return WebServer.Response.html(200, html);
        } catch (WebException e) {
            return WebServer.Response.error(e.status(), e.title(), e.getMessage(), now());
        } catch (IllegalArgumentException e) {
            // the read side's own checks (a version prefix that names no version, a malformed URL...)
            return WebServer.Response.error(400, "Bad request", e.getMessage(), now());
        } catch (RuntimeException e) {
            System.err.println("{\"level\":\"ERROR\",\"message\":\"serve: " + path + " failed\",\"problem\":\""
                    + String.valueOf(e).replace('"', '\'') + "\"}");
            return WebServer.Response.error(500, "Server error", "the page could not be made: " + e.getClass().getSimpleName()
                    + " (details on the server's standard error)", now());
        }
    }
}
