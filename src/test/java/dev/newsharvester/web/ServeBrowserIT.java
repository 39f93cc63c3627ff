package dev.newsharvester.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.health.HealthEvaluator;
import dev.newsharvester.health.HealthThresholds;
import dev.newsharvester.pipeline.ArticleOutcome;
import dev.newsharvester.pipeline.Outcome;
import dev.newsharvester.pipeline.PapersArchive;
import dev.newsharvester.query.ArticleQueries;
import dev.newsharvester.search.Reindexer;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.Archive;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code serve} page in a real headless Chromium, on an archive harvested through the real pipeline from three
 * city papers on loopback ({@link PapersArchive}: fifteen articles, one revised, one deleted). Each test loads pages,
 * reads the DOM as it stands after the page's script ran, and follows links as a reader would (an outlet, an article,
 * its diff, the same story elsewhere); screenshots go to {@code target/screenshots/}.
 */
class ServeBrowserIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path tmp;
    static Chromium browser;
    static PapersArchive archive;
    static WebServer server;
    static SearchBackend search;

    @BeforeAll
    static void start() {
        browser = Chromium.start(tmp);
        archive = new PapersArchive();
        new Reindexer(new Archive(archive.stack.s3(), archive.stack.bucket()), line -> { }).rebuild(tmp);
        search = SearchIndexBackend.forDataDirectory(tmp);
        ArticleQueries queries = new ArticleQueries(new ArticleIndex(archive.stack.dynamoDb(), archive.stack.table()),
                new Archive(archive.stack.s3(), archive.stack.bucket()));
        WebSources sources = new WebSources(queries, archive.journal, new HealthEvaluator(archive.health,
                HealthThresholds.DEFAULT), () -> archive.outlets, search,
                archive.clock());
        server = WebServer.bind(WebServer.loopback("127.0.0.1"), 0).start(sources);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
        if (search instanceof SearchIndexBackend s) {
            s.close();
        }
        if (archive != null) {
            archive.close();
        }
    }

    private static URI page(String pathAndQuery) {
        return server.uri().resolve(pathAndQuery);
    }

    /** The page as the browser left it, after its script ran (which marks the root {@code data-js="ready"}). */
    private static Document load(String pathAndQuery) {
        Document doc = Jsoup.parse(browser.dom(page(pathAndQuery)), server.uri().toString());
        assertEquals("ready", doc.selectFirst("html").attr("data-js"), "the page's script did not run: " + pathAndQuery);
        for (Element e : doc.select("script[src], link[href], img[src]")) {
            String ref = e.hasAttr("src") ? e.attr("src") : e.attr("href");
            assertTrue(ref.startsWith("/assets/"), "the page loads something not bundled: " + e);
        }
        return doc;
    }

    private static Map<String, Outcome> outcomes(int round) {
        return archive.rounds.get(round).outcomes().stream()
                .collect(Collectors.toMap(ArticleOutcome::url, ArticleOutcome::outcome, (a, b) -> b));
    }

    @Test
    void theArchiveHoldsWhatThePagesShow() {
        assertEquals(15, outcomes(0).values().stream().filter(o -> o == Outcome.NEW).count(), outcomes(0)::toString);
        assertEquals(Outcome.REVISED, outcomes(1).get(archive.revised), outcomes(1)::toString);
        assertEquals(Outcome.DELETED, outcomes(2).get(archive.deleted), outcomes(2)::toString);
    }

    @Test
    void outletsShowTheirArticlesPerDayAndHealth() {
        Document doc = load("/?days=10");
        List<String> series = doc.select("figure.chart g.series").eachAttr("data-series");
        assertEquals(archive.outlets, series);
        // one story a day from the 10th to the 14th of November, per paper, by publication date
        Element kyiv = doc.selectFirst("g.series[data-series=kyiv]");
        List<String> points = kyiv.select("circle title").eachText();
        assertEquals(10, points.size());
        assertTrue(points.containsAll(List.of("kyiv, 11-10: 1", "kyiv, 11-14: 1", "kyiv, 11-15: 0")), points.toString());
        Element row = doc.selectFirst("tr[data-outlet=lviv]");
        assertEquals("5", row.child(1).text());
        assertEquals("ok", row.child(2).text());
        assertEquals("2025-11-15 12:00", row.child(3).selectFirst("time").text(), "the last discovery: round 3");
        assertEquals("4 h ago", row.child(4).selectFirst("time").attr("data-ago"), "the last new article, by the script");
        browser.screenshot(page("/?days=10"), SCREENSHOTS.resolve("outlets.png"), 1280, 900);
        // the legend hides and shows a series (the page's script)
        browser.eval("document.querySelector('ul.legend li[data-series=odesa]').click()");
        assertEquals("true", browser.eval("document.querySelector('g.series[data-series=odesa]').classList.contains('off')"));
        assertEquals("false", browser.eval("document.querySelector('g.series[data-series=kyiv]').classList.contains('off')"));

        Document outlet = load(row.selectFirst("a").attr("href"));
        assertEquals("lviv", outlet.selectFirst("h1").text());
        assertEquals(5, outlet.select("table.rows tbody tr").size());
        assertEquals(10, outlet.select("rect.bar").size());
    }

    @Test
    void anArticlesHistoryShowsItsVersionsAndOpensItsDiff() {
        Document doc = load("/article?url=" + Html.q(archive.revised));
        assertEquals(archive.headlineAfter, doc.selectFirst("h1").text());
        assertEquals("live", doc.selectFirst(".state").text());
        assertEquals(2, doc.select("table.timeline tr.version").size());
        // the inline diff of the latest change: the headline's new words marked, the hostile paragraph shown as text
        Element headline = doc.select("table.diff tr").stream().filter(tr -> tr.text().startsWith("Headline")).findFirst().orElseThrow();
        assertEquals("'Trams are back':", headline.selectFirst("td.after ins").text());
        assertTrue(doc.select("table.diff td.after ins").eachText().stream().anyMatch(t -> t.contains(
                "<script>alert('x')</script>")), "the added paragraph, as text");
        assertEquals(1, doc.select("script").size(), "only the bundled script: the article's markup stays text");
        assertTrue(doc.selectFirst("#diff-stats").text().matches("\\d+ passage\\(s\\) removed, [1-9]\\d* passage\\(s\\) added"),
                doc.selectFirst("#diff-stats").text());
        browser.screenshot(page("/article?url=" + Html.q(archive.revised)), SCREENSHOTS.resolve("article.png"), 1280, 1400);

        Element link = doc.select("table.timeline a").stream().filter(a -> a.text().equals("side by side")).findFirst().orElseThrow();
        Document diff = load(link.attr("href"));
        assertEquals(List.of("Headline", "Byline", "Text"), diff.select("table.diff tbody th.part").eachText());
        assertTrue(diff.selectFirst("table.diff").text().contains("which now shows trams live."));
        assertTrue(diff.select("td.before del").eachText().stream().anyMatch(t -> t.contains("app.")), diff.select("td.before del").eachText().toString());
    }

    @Test
    void aDeletedArticleShowsItsLifecycle() {
        Document doc = load("/article?url=" + Html.q(archive.deleted));
        assertEquals("deleted", doc.selectFirst(".state").text());
        List<String> kinds = doc.select("table.timeline .kind").eachText();
        assertEquals(List.of("DELETED", "SUSPECTED_GONE", "first version"), kinds);
        assertTrue(doc.selectFirst("table.timeline tr.event").text().contains("[HTTP 410]"), doc.selectFirst("table.timeline").text());
    }

    @Test
    void theSameStoryAcrossOutlets() {
        Document doc = load("/article?url=" + Html.q(archive.revised));
        Element link = doc.select("a").stream().filter(a -> a.text().equals("the same story in other outlets")).findFirst().orElseThrow();
        Document story = load(link.attr("href"));
        Map<String, String> byOutlet = story.select("table.story tbody tr").stream()
                .collect(Collectors.toMap(tr -> tr.child(1).text(), tr -> tr.child(3).selectFirst("a").attr("href")));
        assertEquals(java.util.Set.of("lviv", "odesa"), byOutlet.keySet());
        assertEquals("/article?url=" + Html.q(archive.sameStory), byOutlet.get("lviv"));
    }

    @Test
    void recentChangesListTheLogNewestFirst() {
        Document doc = load("/changes?since=2025-11-01");
        Map<String, Long> kinds = doc.select("table.changes tbody tr").stream()
                .collect(Collectors.groupingBy(tr -> tr.attr("data-kind"), Collectors.counting()));
        assertEquals(Map.of("NEW", 15L, "REVISED", 1L, "DELETED", 1L), kinds);
        assertEquals("DELETED", doc.selectFirst("table.changes tbody tr").attr("data-kind"));
        Element revised = doc.selectFirst("table.changes tr[data-kind=REVISED]");
        assertTrue(revised.text().contains("changed: headline; body"), revised.text());
        Document diff = load(revised.select("a").last().attr("href"));
        assertEquals(archive.headlineAfter, diff.selectFirst("h1").text());
        browser.screenshot(page("/changes?since=2025-11-01"), SCREENSHOTS.resolve("changes.png"), 1280, 900);
        assertEquals(0, load("/changes?since=2025-11-01&kind=restored").select("table.changes tbody tr").size());
    }

    @Test
    void aSearchCountsOverTimeAndOpensAResult() throws Exception {
        Document doc = load("/search?q=" + Html.q("trams") + "&count-by=outlet");
        assertEquals("3 matching article(s)", doc.selectFirst("#total").text());
        assertEquals(List.of("kyiv: 1", "lviv: 1", "odesa: 1"), doc.select("rect.bar title").eachText());
        List<String> marks = doc.select("li.hit .snippet mark").eachText();
        assertTrue(!marks.isEmpty() && marks.stream().allMatch(m -> m.toLowerCase(java.util.Locale.ROOT).startsWith("tram")), marks.toString());
        String kyiv = doc.select("li.hit a").stream().map(a -> a.attr("href"))
                .filter(h -> h.equals("/article?url=" + Html.q(archive.revised))).findFirst().orElseThrow();
        assertEquals(archive.headlineAfter, load(kyiv).selectFirst("h1").text());
        browser.screenshot(page("/search?q=" + Html.q("trams")), SCREENSHOTS.resolve("search.png"), 1280, 900);
        HttpResponse<String> bad = HttpClient.newHttpClient().send(HttpRequest.newBuilder(page("/search?q=" + Html.q("\"tram"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode(), bad.body());
    }

    @Test
    void badParametersAre400sAndUnknownArticles404s() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Function<String, HttpResponse<String>> get = path -> {
            try {
                return http.send(HttpRequest.newBuilder(page(path)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        HttpResponse<String> days = get.apply("/?days=many");
        assertEquals(400, days.statusCode());
        assertTrue(days.body().contains("parameter &#39;days&#39;: &#39;many&#39; is not a whole number from 1 to 366"), days.body());
        assertEquals(400, get.apply("/changes?kind=moved").statusCode());
        assertEquals(400, get.apply("/search?q=tram&since=2025-11-14&until=2025-11-10").statusCode());
        assertEquals(400, get.apply("/article?link=x").statusCode());
        HttpResponse<String> unknown = get.apply("/article?url=" + Html.q("https://nowhere.example/news/1"));
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("no article at https://nowhere.example/news/1 in the archive"), unknown.body());
        assertEquals(404, get.apply("/diff?url=" + Html.q("https://nowhere.example/news/1")).statusCode());
        assertEquals(404, get.apply("/story?url=" + Html.q("https://nowhere.example/news/1")).statusCode());
        assertEquals(404, get.apply("/wp-admin").statusCode());
        HttpResponse<String> home = get.apply("/");
        assertEquals(WebServer.CSP, home.headers().firstValue("Content-Security-Policy").orElse(""));
        assertFalse(home.body().contains("http://") || home.body().contains("https://"), "no absolute link on the outlets page");
        Document error = load("/article?url=" + Html.q("https://nowhere.example/<b>x</b>"));
        assertEquals("404 Not found", error.selectFirst("h1").text());
        assertTrue(error.selectFirst(".error").text().contains("<b>x</b>"), "escaped, shown as text");
    }
}
