package dev.newsharvester.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Search: a form, then how many articles match, their counts per day, week or outlet as a chart, and the best
 * results with their snippets (matches marked). The engine is whatever {@link SearchBackend} the page was given.
 */
final class SearchPage {

    static final Set<String> PARAMS = Set.of("q", "outlet", "since", "until", "count-by", "limit");

    private final WebSources sources;

    SearchPage(WebSources sources) {
        this.sources = sources;
    }

    String page(Params p) {
        String q = p.get("q");
        String outlet = p.get("outlet");
        String countByText = p.get("count-by");
        SearchBackend.CountBy countBy = countBy(countByText);
        Instant since = p.time("since");
        Instant until = p.time("until");
        if (since != null && until != null && since.isAfter(until)) {
            throw WebException.badRequest("parameters 'since' and 'until' are the wrong way round: 'since' ("
                    + since + ") must not be after 'until' (" + until + ")");
        }
        int limit = p.integer("limit", 50, 1, 500);
        Instant now = sources.clock().instant();
        String form = "<form class=\"bar search\" method=\"get\" action=\"/search\">"
                + "<input name=\"q\" size=\"40\" value=\"" + Html.esc(q) + "\" placeholder='tram OR \"water main\"' autofocus> "
                + "<label>outlets <input name=\"outlet\" value=\"" + Html.esc(outlet) + "\" placeholder=\"all\"></label> "
                + "<label>since <input name=\"since\" value=\"" + Html.esc(p.get("since")) + "\" placeholder=\"2025-08-01\"></label> "
                + "<label>until <input name=\"until\" value=\"" + Html.esc(p.get("until")) + "\"></label> "
                + "<label>count by <select name=\"count-by\">" + option("day", countBy) + option("week", countBy)
                + option("outlet", countBy) + "</select></label> <button>Search</button></form>\n";
        String unavailable = sources.search().unavailable();
        String results;
        if (unavailable != null) {
            results = "<p class=\"notice\">" + Html.esc(unavailable) + "</p>";
        } else if (q == null) {
            results = "<p class=\"muted\">Words, \"phrases\", AND, OR, NOT.</p>";
        } else {
            List<String> outlets = outlet == null ? List.of() : Arrays.stream(outlet.split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            SearchBackend.Results r;
            try {
                r = sources.search().search(new SearchBackend.Request(q, outlets, since, until, countBy, limit));
            } catch (IllegalArgumentException e) {
                throw WebException.badRequest("parameter 'q': " + e.getMessage());
            } catch (SearchBackend.Failed e) {
                throw WebException.badGateway(e.getMessage());
            }
            results = results(r, countBy);
        }
        String about = sources.search().about();
        if (about != null) {
            results = "<p class=\"muted\" id=\"engine\">" + Html.esc(about) + "</p>\n" + results;
        }
        return Html.page(q == null ? "Search" : "Search: " + q, "Search", now, "<h1>Search</h1>\n" + form + results);
    }

    private static SearchBackend.CountBy countBy(String text) {
        if (text == null) {
            return SearchBackend.CountBy.DAY;
        }
        try {
            return SearchBackend.CountBy.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw WebException.badRequest("parameter 'count-by': '" + text + "' is not one of day, week, outlet");
        }
    }

    private static String option(String value, SearchBackend.CountBy selected) {
        return "<option value=\"" + value + "\"" + (selected.name().equalsIgnoreCase(value) ? " selected" : "") + ">" + value
                + "</option>";
    }

    private static String results(SearchBackend.Results r, SearchBackend.CountBy countBy) {
        List<String> labels = r.counts().stream().map(SearchBackend.Count::key).toList();
        long[] counts = r.counts().stream().mapToLong(SearchBackend.Count::count).toArray();
        StringBuilder hits = new StringBuilder();
        for (SearchBackend.Hit h : r.hits()) {
            StringBuilder snippet = new StringBuilder();
            h.snippet().forEach(f -> snippet.append(f.match() ? "<mark>" + Html.esc(f.text()) + "</mark>" : Html.esc(f.text())));
            hits.append("<li class=\"hit\"><div>").append(Html.a(Html.articleHref(h.url()), h.title() == null ? h.url() : h.title()))
                    .append("</div><div class=\"muted\">").append(Html.esc(h.outlet())).append(" · ").append(Html.time(h.date()))
                    .append("</div><div class=\"snippet\">").append(snippet).append("</div></li>\n");
        }
        return "<p id=\"total\">" + r.total() + " matching article(s)</p>\n"
                + (counts.length == 0 ? "" : Chart.bars("Matching articles per " + countBy.name().toLowerCase(Locale.ROOT), labels, counts))
                + "<ol class=\"hits\">\n" + hits + "</ol>";
    }
}
