package dev.newsharvester.web;

import dev.newsharvester.health.HealthReport;
import dev.newsharvester.health.Outcomes;
import dev.newsharvester.health.OutletHealth;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.StoredVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The outlets: every outlet's articles per day over a window (by publication time, else first sight; one article per
 * URL) as one chart, with its health (flags, last discovery, outcomes over 24 h and 7 days); and one outlet's page
 * with its own chart and its articles, newest first. Reads the {@code outlet-index} (one Query per outlet) and the
 * health counters, as {@code status} does.
 */
final class OutletPages {

    static final Set<String> OVERVIEW_PARAMS = Set.of("days", "until");
    static final Set<String> OUTLET_PARAMS = Set.of("id", "days", "until");
    /** The most days a chart spans (the outlet-index Query grows with it). */
    static final int MAX_DAYS = 366;
    private static final int DEFAULT_DAYS = 30;

    private final WebSources sources;

    OutletPages(WebSources sources) {
        this.sources = sources;
    }

    /** The days of a window of {@code days} ending on {@code until} (a date, default today, UTC), oldest first. */
    private List<LocalDate> days(Params p) {
        int n = p.integer("days", DEFAULT_DAYS, 1, MAX_DAYS);
        Instant until = p.time("until");
        LocalDate today = LocalDate.ofInstant(until != null ? until : sources.clock().instant(), ZoneOffset.UTC);
        List<LocalDate> out = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            out.add(today.minusDays(i));
        }
        return out;
    }

    /** An outlet's articles in the window, one per URL, newest first. */
    private List<StoredVersion> articles(String outlet, List<LocalDate> days) {
        Instant since = days.get(0).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant until = days.get(days.size() - 1).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<StoredVersion> rows = new ArrayList<>(sources.queries().byOutlet(outlet, since, until));
        rows.sort((a, b) -> ArticleIndex.timeOf(b).compareTo(ArticleIndex.timeOf(a)));
        return rows;
    }

    private static long[] perDay(List<StoredVersion> rows, List<LocalDate> days) {
        long[] counts = new long[days.size()];
        for (StoredVersion v : rows) {
            int i = days.indexOf(LocalDate.ofInstant(ArticleIndex.timeOf(v), ZoneOffset.UTC));
            if (i >= 0) {
                counts[i]++;
            }
        }
        return counts;
    }

    private static List<String> labels(List<LocalDate> days) {
        return days.stream().map(d -> d.toString().substring(5)).toList();
    }

    String overview(Params p) {
        List<LocalDate> days = days(p);
        int n = days.size();
        List<String> outlets = sources.outlets().get();
        Map<String, long[]> series = new LinkedHashMap<>();
        for (String outlet : outlets) {
            series.put(outlet, perDay(articles(outlet, days), days));
        }
        Instant now = sources.clock().instant();
        HealthReport report = sources.health().evaluate(outlets, now);
        StringBuilder rows = new StringBuilder();
        for (OutletHealth h : report.outlets()) {
            long total = java.util.Arrays.stream(series.getOrDefault(h.outlet(), new long[0])).sum();
            rows.append("<tr data-outlet=\"").append(Html.esc(h.outlet())).append("\"><td>")
                    .append(Html.a("/outlet?id=" + Html.q(h.outlet()) + "&days=" + n + "&until=" + days.get(n - 1), h.outlet())).append("</td><td class=\"num\">")
                    .append(total).append("</td><td>").append(flags(h)).append("</td><td>").append(Html.time(h.lastDiscovery()))
                    .append("</td><td>").append(Html.time(h.lastNew())).append("</td><td class=\"num\">").append(counts(h.day()))
                    .append("</td><td class=\"num\">").append(counts(h.week())).append("</td></tr>\n");
        }
        boolean empty = series.values().stream().flatMapToLong(java.util.Arrays::stream).sum() == 0;
        String body = "<h1>Outlets</h1>\n" + windowForm("/", null, days)
                + (empty ? "<p class=\"notice\">No articles published in these " + n + " days: widen the window (days, until).</p>" : "")
                + Chart.lines("Articles per day and outlet, last " + n + " days", labels(days), series)
                + "<table class=\"rows\"><thead><tr><th>outlet</th><th>articles (" + n + " d)</th><th>health</th>"
                + "<th>last discovery</th><th>last new</th><th>24 h new/all/failed</th><th>7 d new/all/failed</th></tr></thead>"
                + "<tbody>\n" + rows + "</tbody></table>\n"
                + report.outlets().stream().flatMap(h -> h.reasons().stream().map(r -> "<li>" + Html.esc(h.outlet()) + ": "
                        + Html.esc(r) + "</li>")).collect(Collectors.joining("", "<ul class=\"reasons\">", "</ul>"));
        return Html.page("Outlets", "Outlets", now, body);
    }

    String outlet(Params p) {
        String id = p.required("id", "an outlet id, e.g. /outlet?id=kyiv");
        List<LocalDate> days = days(p);
        int n = days.size();
        List<StoredVersion> rows = articles(id, days);
        if (rows.isEmpty() && !sources.outlets().get().contains(id)) {
            throw WebException.notFound("no outlet '" + id + "' is configured and none has articles under that id in the last "
                    + n + " days: pick one from the outlets page");
        }
        StringBuilder table = new StringBuilder();
        for (StoredVersion v : rows) {
            table.append("<tr><td>").append(Html.time(ArticleIndex.timeOf(v))).append("</td><td>")
                    .append(Html.a(Html.articleHref(v.url()), v.reader().titleOr(v.url())))
                    .append("</td><td class=\"num\">").append(v.sketch().wordCount()).append("</td></tr>\n");
        }
        String body = "<h1>" + Html.esc(id) + "</h1>\n" + windowForm("/outlet", id, days)
                + Chart.bars(id + ": articles per day, last " + n + " days", labels(days), perDay(rows, days))
                + "<p>" + rows.size() + " article(s) in the last " + n + " days, newest first.</p>"
                + "<table class=\"rows\"><thead><tr><th>published (else first seen)</th><th>title</th><th>words</th></tr></thead>"
                + "<tbody>\n" + table + "</tbody></table>";
        return Html.page(id, "Outlets", sources.clock().instant(), body);
    }

    private static String windowForm(String action, String id, List<LocalDate> days) {
        return "<form class=\"bar\" method=\"get\" action=\"" + action + "\">"
                + (id == null ? "" : "<input type=\"hidden\" name=\"id\" value=\"" + Html.esc(id) + "\">")
                + "<label>days <input type=\"number\" name=\"days\" min=\"1\" max=\"" + MAX_DAYS + "\" value=\"" + days.size()
                + "\"></label> <label>until <input type=\"date\" name=\"until\" value=\"" + days.get(days.size() - 1)
                + "\"></label> <button>Show</button></form>\n";
    }

    private static String flags(OutletHealth h) {
        if (h.flags().isEmpty()) {
            return "<span class=\"ok\">ok</span>";
        }
        return h.flags().stream().map(Enum::name).sorted().map(f -> "<span class=\"flag\">" + f + "</span>")
                .collect(Collectors.joining(" "));
    }

    private static String counts(Outcomes o) {
        return o.count("NEW") + "/" + o.total() + "/" + o.count("FAILED");
    }
}
