package dev.newsharvester.it;

import static dev.newsharvester.fetch.LoopbackHttpServer.redirect;
import static dev.newsharvester.fetch.LoopbackHttpServer.respond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.fetch.AddressGuard;
import dev.newsharvester.fetch.HttpFetcher;
import dev.newsharvester.fetch.LoopbackHttpServer;
import dev.newsharvester.local.LocalStack;
import dev.newsharvester.outlet.Outlets;
import dev.newsharvester.pipeline.ArticleOutcome;
import dev.newsharvester.pipeline.HarvestReport;
import dev.newsharvester.pipeline.Harvester;
import dev.newsharvester.pipeline.Outcome;
import dev.newsharvester.pipeline.OutletReport;
import dev.newsharvester.pipeline.ProgressListener;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.Archive;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One bad outlet or page never stops the others: three outlets harvested by the real pipeline (embedded DynamoDB and
 * S3), the middle one hostile in every way the harvest can meet (a stalled feed, a sitemap that is a gzip bomb,
 * article links that drip, redirect into the private network, answer 503 forever or 403 with a challenge, or carry
 * binary). The two others are harvested in full, and nothing on 127.0.0.2 is ever reached.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileHarvestIT {

    private static final String HTML = "text/html; charset=utf-8";

    private LoopbackHttpServer kyiv;
    private LoopbackHttpServer hostile;
    private LoopbackHttpServer odesa;
    private LoopbackHttpServer decoy;
    private LocalStack stack;
    private HttpFetcher fetcher;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() {
        kyiv = LoopbackHttpServer.start("127.0.0.1");
        hostile = LoopbackHttpServer.start("127.0.0.1");
        odesa = LoopbackHttpServer.start("127.0.0.1");
        decoy = LoopbackHttpServer.start("127.0.0.2");
        decoy.content("/", HTML, "<html><body>internal</body></html>");
        stack = LocalStack.inMemory();
        fetcher = HttpFetcher.builder()
                .addressGuard(AddressGuard.fromSpec("127.0.0.1/32"))
                .minDelay(Duration.ZERO)
                .connectTimeout(Duration.ofSeconds(1))
                .totalTimeout(Duration.ofMillis(1500))
                .maxBodyBytes(2 * 1024 * 1024)
                .retries(1, Duration.ofMillis(50), Duration.ofSeconds(1))
                .build();
    }

    @AfterEach
    void stop() {
        release.countDown();
        fetcher.close();
        stack.close();
        for (LoopbackHttpServer s : List.of(kyiv, hostile, odesa, decoy)) {
            s.close();
        }
    }

    @Test
    void aHostileOutletFailsAloneAndTheOthersAreHarvestedInFull() {
        // A well-behaved English outlet and a Russian-language one serving windows-1251 labelled as UTF-8.
        serveOutlet(kyiv, List.of("/news/grain-corridor", "/news/budget-vote"), path -> page("article-en.html", StandardCharsets.UTF_8));
        serveOutlet(odesa, List.of("/news/tram-lines-restored"), path -> page("article-ru.html", Charset.forName("windows-1251")));

        // The hostile outlet: its feed links to pages that misbehave; its second feed stalls; its sitemap is a bomb.
        List<String> traps = List.of("/news/drip", "/news/to-private", "/news/to-decoy", "/news/always-503",
                "/news/challenge", "/news/binary", "/news/loop", "/news/fine");
        hostile.content("/rss.xml", "application/rss+xml", feed(hostile, traps));
        hostile.route("/stalled.xml", ex -> await());
        hostile.route("/sitemap.xml", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/xml");
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream gz = new java.util.zip.GZIPOutputStream(ex.getResponseBody())) {
                byte[] zeros = new byte[64 * 1024];
                for (int i = 0; i < 16 * 1024; i++) {
                    gz.write(zeros);
                }
            }
        });
        hostile.route("/news/drip", ex -> {
            ex.getResponseHeaders().set("Content-Type", HTML);
            ex.sendResponseHeaders(200, 0);
            for (int i = 0; i < 1000; i++) {
                ex.getResponseBody().write(' ');
                ex.getResponseBody().flush();
                sleep(100);
            }
        });
        hostile.route("/news/to-private", ex -> redirect(ex, 302, "http://169.254.169.254/latest/meta-data/"));
        hostile.route("/news/to-decoy", ex -> redirect(ex, 302, decoy.base() + "/"));
        hostile.route("/news/always-503", ex -> respond(ex, 503, "text/plain", "down".getBytes(StandardCharsets.UTF_8)));
        hostile.route("/news/challenge", ex -> respond(ex, 403, "text/html", ("<html><head><title>Just a moment...</title>"
                + "</head><body><script>window._cf_chl_opt={}</script></body></html>").getBytes(StandardCharsets.UTF_8)));
        hostile.route("/news/binary", ex -> respond(ex, 200, "application/octet-stream", new byte[] {0, 1, 2, (byte) 0xff, 0x7f}));
        hostile.route("/news/loop", ex -> redirect(ex, 302, "/news/loop"));
        hostile.route("/news/fine", ex -> respond(ex, 200, HTML, page("article-uk-energy.html", StandardCharsets.UTF_8)));

        String yaml = "outlets:\n" + outletYaml("kyiv", kyiv, "[" + kyiv.base() + "/rss.xml]", "[]")
                + outletYaml("hostile", hostile, "[" + hostile.base() + "/rss.xml, " + hostile.base() + "/stalled.xml]",
                        "[" + hostile.base() + "/sitemap.xml]")
                + outletYaml("odesa", odesa, "[" + odesa.base() + "/rss.xml]", "[]");
        Harvester harvester = Harvester.builder()
                .outlets(Outlets.parse(yaml, "hostile-harvest.yaml"))
                .fetcher(fetcher)
                .archive(new Archive(stack.s3(), stack.bucket()))
                .index(new ArticleIndex(stack.dynamoDb(), stack.table()))
                .build();

        HarvestReport report = harvester.harvest(List.of(), ProgressListener.NONE);

        Map<String, OutletReport> byOutlet = report.outlets().stream()
                .collect(Collectors.toMap(OutletReport::outlet, Function.identity()));
        assertEquals(2, byOutlet.get("kyiv").count(Outcome.NEW) + byOutlet.get("kyiv").count(Outcome.DUPLICATE),
                report.outcomes().toString());
        assertEquals(1, byOutlet.get("odesa").count(Outcome.NEW), report.outcomes().toString());
        assertEquals(List.of(), byOutlet.get("kyiv").problems());
        assertEquals(List.of(), byOutlet.get("odesa").problems());

        OutletReport bad = byOutlet.get("hostile");
        assertEquals(traps.size(), bad.discovered());
        assertEquals(traps.size(), bad.fetched());
        assertEquals(1, bad.count(Outcome.NEW), "the one good page of the hostile outlet is stored");
        assertEquals(traps.size() - 1, bad.count(Outcome.FAILED), report.outcomes().toString());
        assertTrue(bad.problems().stream().anyMatch(p -> p.contains("/stalled.xml") && p.contains("TIMEOUT")), bad.problems().toString());
        assertTrue(bad.problems().stream().anyMatch(p -> p.contains("/sitemap.xml") && p.contains("TOO_LARGE")), bad.problems().toString());
        Map<String, String> reasons = report.outcomes().stream().filter(o -> o.outcome() == Outcome.FAILED)
                .collect(Collectors.toMap(o -> o.url().substring(hostile.base().length()), ArticleOutcome::reason));
        assertTrue(reasons.get("/news/drip").startsWith("TIMEOUT"), reasons.toString());
        assertTrue(reasons.get("/news/to-private").startsWith("ADDRESS_REFUSED"), reasons.toString());
        assertTrue(reasons.get("/news/to-decoy").startsWith("ADDRESS_REFUSED"), reasons.toString());
        assertTrue(reasons.get("/news/always-503").startsWith("HTTP 503"), reasons.toString());
        assertTrue(reasons.get("/news/challenge").startsWith("BLOCKED: HTTP 403"), reasons.toString());
        assertTrue(reasons.get("/news/binary").startsWith("UNSUPPORTED_TYPE"), reasons.toString());
        assertTrue(reasons.get("/news/loop").startsWith("TOO_MANY_REDIRECTS"), reasons.toString());

        // The Russian page was served as windows-1251 labelled UTF-8: the stored title is readable Cyrillic.
        String odesaUrl = odesa.base() + "/news/tram-lines-restored";
        String title = new ArticleIndex(stack.dynamoDb(), stack.table()).versions(odesaUrl).get(0).reader().title();
        assertTrue(title.startsWith("В Одессе восстановили движение трамваев"), title);
        assertEquals(List.of(), decoy.hits(), "127.0.0.2 is never reached");
    }

    private void serveOutlet(LoopbackHttpServer server, List<String> paths, Function<String, byte[]> pages) {
        server.content("/rss.xml", "application/rss+xml", feed(server, paths));
        for (String p : paths) {
            server.route(p, ex -> respond(ex, 200, HTML, pages.apply(p)));
        }
    }

    private static String feed(LoopbackHttpServer server, List<String> paths) {
        StringBuilder items = new StringBuilder();
        for (String p : paths) {
            items.append("<item><title>").append(p).append("</title><link>").append(server.base()).append(p)
                    .append("</link><pubDate>Thu, 19 Nov 2026 18:40:00 +0200</pubDate></item>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>News</title><link>"
                + server.base() + "/</link><description>Latest news</description>\n" + items + "</channel></rss>\n";
    }

    private static String outletYaml(String id, LoopbackHttpServer server, String feeds, String sitemaps) {
        return "  - id: " + id + "\n"
                + "    name: " + id + "\n"
                + "    language: en\n"
                + "    timezone: Europe/Kyiv\n"
                + "    feeds: " + feeds + "\n"
                + "    sitemaps: " + sitemaps + "\n"
                + "    listings: []\n"
                + "    articlePattern: '^" + Pattern.quote(server.base()) + "/news/'\n"
                + "    revisit: PT48H\n"
                + "    minRevisitInterval: PT60M\n"
                + "    crawlDelay: PT0S\n";
    }

    private static byte[] page(String fixture, Charset charset) {
        try (InputStream in = HostileHarvestIT.class.getResourceAsStream("/fixtures/fetch/" + fixture)) {
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return html.replace("<meta charset=\"utf-8\">", "").getBytes(charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void await() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
