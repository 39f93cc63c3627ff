package dev.newsharvester.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.athena.AthenaSql;
import dev.newsharvester.athena.MotoAthena;
import dev.newsharvester.athena.SearchRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --aws}'s search page on Athena, as a user runs it: the command line in a JVM of its own whose AWS
 * endpoints are {@code moto_server} ({@link MotoAthena}: Athena's protocol, no SQL; each query answers the next rows
 * queued), the page fetched over HTTP. The page must show the queued rows (results with their words marked, counts
 * as a chart) from one query whose SQL is {@code search --aws}'s; a query cancelled in the workgroup and an endpoint
 * nobody answers are each a 502 page with a one-line error.
 */
class ServeAthenaIT {

    private static final List<String> COLUMNS = List.of("outlet", "dt", "published", "title", "url", "snippet", "bucket",
            "articles", "total", "hit");
    private static final Pattern URL_LINE = Pattern.compile("\\{\"url\":\"([^\"]+)\"}");

    @TempDir
    static Path tmp;
    static MotoAthena moto;
    static Process serve;
    static URI page;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        moto = MotoAthena.start("serve-athena-it");
        serve = serve(moto.endpoint(), "serve");
        page = url(serve, "serve");
    }

    @AfterAll
    static void stop() throws Exception {
        if (serve != null) {
            stop(serve);
        }
        if (moto != null) {
            moto.close();
        }
    }

    /** {@code serve --aws --port 0 --json} with every AWS endpoint (Athena's too, through the SDK's own variable) at {@code endpoint}. */
    private static Process serve(URI endpoint, String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow"); // an unknown option before JDK 24
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.newsharvester.cli.Main", "serve", "--aws",
                "--port", "0", "--json"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(tmp.resolve(name + ".out").toFile())
                .redirectError(tmp.resolve(name + ".err").toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.equals("OUTLETS_URI"));
        env.putAll(Map.of("AWS_REGION", MotoAthena.REGION, "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "AWS_ENDPOINT_URL", endpoint.toString(), "AWS_ENDPOINT_URL_ATHENA", endpoint.toString(),
                "ARTICLES_TABLE", "news-articles", "ARCHIVE_BUCKET", "my-archive",
                "ATHENA_WORKGROUP", MotoAthena.WORKGROUP, "GLUE_DATABASE", MotoAthena.DATABASE));
        return pb.start();
    }

    /** The URL serve printed ({"url": ...}), waited for. */
    private static URI url(Process p, String name) throws Exception {
        Path out = tmp.resolve(name + ".out");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = URL_LINE.matcher(Files.exists(out) ? Files.readString(out) : "");
            if (m.find()) {
                return URI.create(m.group(1));
            }
            if (!p.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve --aws printed no URL: " + Files.readString(tmp.resolve(name + ".err")));
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
    }

    private static HttpResponse<String> get(URI base, String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(90)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A 502 page whose error is one line with {@code expected} in it, and nothing of a stack trace. */
    private static void assertOneLineError(HttpResponse<String> r, String expected) {
        assertEquals(502, r.statusCode(), r.body());
        Document doc = Jsoup.parse(r.body());
        assertEquals("502 Bad gateway", doc.selectFirst("h1").text());
        String error = doc.selectFirst("p.error").wholeText();
        assertEquals(1, error.lines().count(), error);
        assertTrue(error.contains(expected), error);
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
    }

    @Test
    void thePageShowsWhatOneAthenaQueryFound() throws Exception {
        String nightBuses = "https://kyiv-daily.example/news/night-buses";
        moto.nextResult(COLUMNS, List.of(
                List.of("kyiv-daily", "2026-11-30", "2026-11-30T18:40+02:00", "Night buses reach the left bank", nightBuses,
                        "The city council voted to extend the night buses to Troieshchyna", "2026-11-30", "2", "3", "1"),
                List.of("kyiv-daily", "2026-11-30", "2026-11-30T07:15Z", "Buses and trams: the new timetable",
                        "https://kyiv-daily.example/news/timetable", "From Monday, night routes N1 to N9 run every 20 minutes",
                        "2026-11-30", "2", "3", "2"),
                java.util.Arrays.asList("kyiv-daily", "2026-11-28", null, "Night buses: a trial on two routes",
                        "https://kyiv-daily.example/news/trial", "A trial of night buses starts on two routes",
                        "2026-11-28", "1", "3", "3")));
        List<String> before = moto.queries();
        String query = "/search?q=" + Html.q("night buses") + "&outlet=kyiv-daily&since=2026-11-01&until=2026-11-30";
        HttpResponse<String> r = get(page, query);
        assertEquals(200, r.statusCode(), r.body());
        Document doc = Jsoup.parse(r.body());
        assertTrue(doc.selectFirst("#engine").text().startsWith("Searching on Athena (workgroup news-archive)"),
                doc.selectFirst("#engine").text());
        assertEquals("3 matching article(s)", doc.selectFirst("#total").text());
        assertEquals(List.of("Night buses reach the left bank", "Buses and trams: the new timetable",
                "Night buses: a trial on two routes"), doc.select("li.hit > div:first-child a").eachText());
        assertEquals("/article?url=" + Html.q(nightBuses), doc.selectFirst("li.hit a").attr("href"));
        assertEquals(List.of("kyiv-daily · 2026-11-30 16:40", "kyiv-daily · 2026-11-30 07:15", "kyiv-daily · 2026-11-28 00:00"),
                doc.select("li.hit div.muted").eachText(), "published, else the partition's day");
        List<String> marks = doc.select("li.hit .snippet mark").eachText();
        assertEquals(List.of("night", "buses", "night", "night", "buses"), marks.stream()
                .map(m -> m.toLowerCase(Locale.ROOT)).toList(), "the query's words marked in each snippet");
        assertEquals("The city council voted to extend the night buses to Troieshchyna",
                doc.selectFirst("li.hit .snippet").text());
        assertEquals(List.of("2026-11-28: 1", "2026-11-30: 2"), doc.select("rect.bar title").eachText());

        SearchRequest asked = SearchRequest.of("night buses").withOutlets(List.of("kyiv-daily"))
                .withDays(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")).withLimit(50)
                .withCountBy(SearchRequest.CountBy.DAY);
        String id = added(before);
        String sent = moto.client().getQueryExecution(b -> b.queryExecutionId(id)).queryExecution().query();
        assertEquals(new AthenaSql(MotoAthena.DATABASE).searchAndCount(asked), sent);

        HttpResponse<String> again = get(page, query);
        assertEquals(r.body().replaceAll("data-now=\"[^\"]+\"", ""), again.body().replaceAll("data-now=\"[^\"]+\"", ""));
        assertEquals(id, added(before), "the same question again is not asked (and billed) again");

        HttpResponse<String> bad = get(page, "/search?q=" + Html.q("author:smith"));
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(Jsoup.parse(bad.body()).selectFirst("p.error").text().startsWith("parameter 'q': QUERY names an unknown field"));
    }

    /** The one query the workgroup ran that is not among {@code before}. */
    private static String added(List<String> before) {
        List<String> added = moto.queries().stream().filter(id -> !before.contains(id)).toList();
        assertEquals(1, added.size(), "one query for the results and the chart: " + added);
        return added.get(0);
    }

    @Test
    void aQueryCancelledInTheWorkgroupIsAOneLineError() throws Exception {
        List<String> before = moto.queries();
        moto.holdQueries(true);
        try {
            CompletableFuture<HttpResponse<String>> answer = HTTP.sendAsync(HttpRequest.newBuilder(page.resolve(
                    "/search?q=" + Html.q("water main") + "&count-by=week")).timeout(Duration.ofSeconds(90)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String id = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (id == null && System.nanoTime() < deadline && !answer.isDone()) {
                id = moto.queries().stream().filter(q -> !before.contains(q)).findFirst().orElse(null);
                Thread.sleep(100);
            }
            assertTrue(id != null, "the page started no query");
            String running = id;
            moto.client().stopQueryExecution(b -> b.queryExecutionId(running));
            assertOneLineError(answer.get(90, TimeUnit.SECONDS), "Athena query " + running + " failed: CANCELLED");
        } finally {
            moto.holdQueries(false);
        }
    }

    @Test
    void anEndpointNobodyAnswersIsAOneLineError() throws Exception {
        Process unreachable = serve(URI.create("http://127.0.0.1:" + MotoAthena.freePort()), "unreachable");
        try {
            URI base = url(unreachable, "unreachable");
            assertOneLineError(get(base, "/search?q=" + Html.q("tram")), "Athena could not be asked: ");
        } finally {
            stop(unreachable);
        }
    }
}
