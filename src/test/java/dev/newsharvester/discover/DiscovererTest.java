package dev.newsharvester.discover;

import static dev.newsharvester.fetch.LoopbackHttpServer.respond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.io.FeedException;
import crawlercommons.sitemaps.UnknownFormatException;
import dev.newsharvester.fetch.AddressGuard;
import dev.newsharvester.fetch.HttpFetcher;
import dev.newsharvester.fetch.LoopbackHttpServer;
import dev.newsharvester.outlet.Outlet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DiscovererTest {

    private static final String SECRET = "TOP-SECRET-4711-do-not-leak";

    private LoopbackHttpServer server;
    private HttpFetcher fetcher;
    private Discoverer discoverer;
    private String base;

    @TempDir
    Path tmp;
    private String secretUri;

    @BeforeEach
    void start() throws IOException {
        server = LoopbackHttpServer.start();
        base = server.base();
        fetcher = HttpFetcher.builder()
                .addressGuard(AddressGuard.fromSpec("127.0.0.1/32"))
                .minDelay(Duration.ZERO)
                .totalTimeout(Duration.ofSeconds(5))
                .build();
        discoverer = new Discoverer(fetcher);
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, SECRET);
        secretUri = secret.toUri().toString();

        server.content("/robots.txt", "text/plain", "User-agent: *\nDisallow: /search\n\nSitemap: " + base + "/sitemaps/index.xml\n");
        serve("/rss/business.xml", "application/rss+xml; charset=utf-8", "rss-business.xml");
        serve("/atom/latest.xml", "application/atom+xml", "atom-latest.xml");
        serve("/sitemaps/index.xml", "application/xml", "sitemap-index.xml");
        serve("/sitemaps/news.xml", "text/xml; charset=UTF-8", "sitemap-news.xml");
        serve("/sitemaps/archive-index.xml", "application/xml", "sitemap-archive-index.xml");
        serve("/sitemaps/archive-2025-index.xml", "application/xml", "sitemap-archive-2025-index.xml");
        byte[] monthly = gzip(fixture("sitemap-2026-11.xml").getBytes(StandardCharsets.UTF_8));
        server.route("/sitemaps/2026-11.xml.gz", ex -> respond(ex, 200, "application/x-gzip", monthly));
        serve("/business/", "text/html; charset=utf-8", "listing-business.html");
        serve("/rss/xxe.xml", "application/rss+xml", "xxe-feed.xml");
        serve("/sitemaps/xxe.xml", "application/xml", "xxe-sitemap.xml");
        serve("/rss/laughs.xml", "application/rss+xml", "billion-laughs-feed.xml");
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    private void serve(String path, String type, String fixture) {
        server.content(path, type, fixture(fixture));
    }

    private String fixture(String name) {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/discover/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{BASE}}", base)
                    .replace("{{HOSTPORT}}", base.substring("http://".length()))
                    .replace("{{SECRET_URI}}", secretUri);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Outlet outlet(List<String> feeds, List<String> sitemaps, List<String> listings, Pattern pattern) {
        return new Outlet("dniproledger", "Dnipro Ledger", "en", ZoneId.of("Europe/Kyiv"),
                feeds.stream().map(p -> URI.create(base + p)).toList(),
                sitemaps.stream().map(p -> URI.create(base + p)).toList(),
                listings.stream().map(p -> URI.create(base + p)).toList(),
                pattern, Duration.ofHours(48), Duration.ofMinutes(60), Duration.ZERO, null);
    }

    private Pattern articles() {
        return Pattern.compile("^" + Pattern.quote(base) + "/news/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+$");
    }

    @Test
    void findsArticlesInFeedsSitemapsAndListings() {
        Outlet outlet = outlet(List.of("/rss/business.xml", "/atom/latest.xml"), List.of("/sitemaps/index.xml"),
                List.of("/business/"), articles());

        Discovery d = discoverer.discover(outlet);

        String rss = "feed:" + base + "/rss/business.xml";
        String atom = "feed:" + base + "/atom/latest.xml";
        String news = "sitemap:" + base + "/sitemaps/news.xml";
        String monthly = "sitemap:" + base + "/sitemaps/2026-11.xml.gz";
        String listing = "listing:" + base + "/business/";
        List<DiscoveredUrl> want = List.of(
                url("/news/2026/11/20/grain-corridor-traffic-climbs", "2026-11-20T07:42:00Z", rss),
                url("/news/2026/11/20/power-outage-schedules", "2026-11-20T05:15:00Z", rss),
                url("/news/2026/11/19/danube-ports-low-water", "2026-11-19T12:30:00Z", rss),
                // no pubDate in the feed: the date comes from the news sitemap, the source stays the feed
                url("/news/2026/11/18/rail-tariffs-grain", "2026-11-18T14:40:00Z", rss),
                url("/news/2026/11/17/black-sea-insurance-pool", "2026-11-17T08:00:00Z", rss),
                url("/news/2026/11/20/budget-2027-second-reading", "2026-11-20T08:58:00Z", atom),
                url("/news/2026/11/19/hryvnia-rate", "2026-11-19T15:20:00Z", atom), // Atom <updated> only
                url("/news/2026/11/20/frontline-update-kharkiv", "2026-11-20T06:05:00Z", news),
                url("/news/2026/11/16/kyiv-metro-extension", "2026-11-16T10:00:00Z", monthly),
                url("/news/2026/11/03/wheat-harvest-estimate", "2026-11-04T00:00:00Z", monthly),
                url("/news/2026/11/20/steel-output-october", null, listing),
                url("/news/2026/11/19/bank-lending-rates", null, listing));
        assertEquals(want, d.urls());

        // The index lists itself (loop, skipped silently) and, two levels down, an index beyond the depth limit.
        assertEquals(1, d.problems().size(), d.problems().toString());
        assertTrue(d.problems().get(0).startsWith("sitemap:" + base + "/sitemaps/archive-2025-index.xml"), d.problems().get(0));
        assertTrue(d.problems().get(0).contains("depth 3"), d.problems().get(0));
        assertEquals(1, server.hits("/sitemaps/index.xml").size());
        assertEquals(1, server.hits("/sitemaps/2026-11.xml.gz").size(), "listed twice, read once");
        assertEquals(0, server.hits("/sitemaps/2025-12.xml").size());
    }

    private DiscoveredUrl url(String path, String published, String source) {
        return new DiscoveredUrl(base + path, published == null ? null : Instant.parse(published), source);
    }

    @Test
    void reportsBrokenSourcesAndCarriesOn() {
        server.route("/sitemaps/down.xml", ex -> respond(ex, 500, "text/plain", "boom".getBytes(StandardCharsets.UTF_8),
                "Retry-After", "0"));
        server.content("/rss/not-a-feed.xml", "text/html", "<!DOCTYPE html><html><head><title>Moved</title></head>"
                + "<body><p>Our feeds have moved.</p></body></html>");
        server.content("/rss/truncated.xml", "application/rss+xml", fixture("rss-business.xml").substring(0, 900));
        Outlet outlet = outlet(
                List.of("/rss/missing.xml", "/rss/not-a-feed.xml", "/rss/truncated.xml", "/atom/latest.xml"),
                List.of("/sitemaps/down.xml", "/sitemaps/missing.xml"),
                List.of("/rss/business.xml"), // a feed configured as a listing page: not HTML
                articles());

        Discovery d = discoverer.discover(outlet);

        assertEquals(List.of(base + "/news/2026/11/20/grain-corridor-traffic-climbs",
                base + "/news/2026/11/20/budget-2027-second-reading", base + "/news/2026/11/19/hryvnia-rate"),
                d.urls().stream().map(DiscoveredUrl::url).toList());
        List<String> p = d.problems();
        assertEquals(6, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("feed:" + base + "/rss/missing.xml: NOT_FOUND"), p.get(0));
        assertTrue(p.get(1).startsWith("feed:" + base + "/rss/not-a-feed.xml: not a readable feed"), p.get(1));
        assertTrue(p.get(2).startsWith("feed:" + base + "/rss/truncated.xml: not a readable feed"), p.get(2));
        assertTrue(p.get(3).startsWith("sitemap:" + base + "/sitemaps/down.xml: HTTP_ERROR (HTTP 500"), p.get(3));
        assertTrue(p.get(4).startsWith("sitemap:" + base + "/sitemaps/missing.xml: NOT_FOUND"), p.get(4));
        assertTrue(p.get(5).startsWith("listing:" + base + "/rss/business.xml: UNSUPPORTED_TYPE"), p.get(5));
    }

    @Test
    void externalEntitiesNeverLeakFileContents() {
        Outlet outlet = outlet(List.of("/rss/xxe.xml"), List.of("/sitemaps/xxe.xml"), List.of(), null);

        Discovery d = discoverer.discover(outlet);

        assertTrue(d.urls().isEmpty(), d.urls().toString());
        assertFalse(d.toString().contains(SECRET));
        assertEquals(2, d.problems().size(), d.problems().toString());
        assertTrue(d.problems().get(0).startsWith("feed:") && d.problems().get(0).contains("DOCTYPE"), d.problems().get(0));
        assertTrue(d.problems().get(1).startsWith("sitemap:") && d.problems().get(1).contains("DOCTYPE"), d.problems().get(1));
    }

    @Test
    void feedParserRefusesDoctypesOutright() {
        String xxe = fixture("xxe-feed.xml");
        FeedException e = assertThrows(FeedException.class, () -> FeedReader.parse(xxe));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void sitemapParserRefusesDoctypes() throws Exception {
        byte[] xxe = fixture("xxe-sitemap.xml").getBytes(StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class,
                () -> SitemapReader.parse(xxe, URI.create(base + "/sitemaps/xxe.xml").toURL()));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void sitemapParserItselfNeverExpandsEntities() throws Exception {
        // Below our own DOCTYPE check: crawler-commons configured as SitemapReader configures it.
        crawlercommons.sitemaps.SiteMapParser parser = new crawlercommons.sitemaps.SiteMapParser(false, true);
        parser.setAllowDocTypeDefinitions(false);
        byte[] xxe = fixture("xxe-sitemap.xml").getBytes(StandardCharsets.UTF_8);
        java.net.URL url = URI.create(base + "/sitemaps/xxe.xml").toURL();
        UnknownFormatException e = assertThrows(UnknownFormatException.class, () -> parser.parseSiteMap("application/xml", xxe, url));
        assertTrue(String.valueOf(e.getCause()).contains("DOCTYPE is disallowed"), String.valueOf(e.getCause()));
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        Discovery d = discoverer.discover(outlet(List.of("/rss/laughs.xml"), List.of(), List.of(), null));

        assertTrue(d.urls().isEmpty());
        assertEquals(1, d.problems().size());
        assertTrue(d.problems().get(0).contains("DOCTYPE"), d.problems().get(0));
    }

    @Test
    void listingWithoutArticlePatternKeepsSameHostLinksOnly() {
        Discovery d = discoverer.discover(outlet(List.of(), List.of(), List.of("/business/"), null));

        List<String> urls = d.urls().stream().map(DiscoveredUrl::url).toList();
        assertTrue(urls.contains(base + "/business/?page=2"), urls.toString());
        assertTrue(urls.contains(base + "/subscribe"), "utm_source removed: " + urls);
        assertTrue(urls.contains(base + "/business/news/2026/11/20/it-exports-q3"), "relative to the listing: " + urls);
        assertTrue(urls.stream().allMatch(u -> u.startsWith(base + "/")), urls.toString());
        assertEquals(urls.size(), urls.stream().distinct().count());
        assertTrue(d.problems().isEmpty(), d.problems().toString());
    }

    @Test
    void robotsRulesApplyToDiscoveryToo() {
        server.content("/robots.txt", "text/plain", "User-agent: *\nDisallow: /rss/\n");

        Discovery d = discoverer.discover(outlet(List.of("/rss/business.xml"), List.of(), List.of(), articles()));

        assertTrue(d.urls().isEmpty());
        assertTrue(d.problems().get(0).contains("ROBOTS_DISALLOWED"), d.problems().get(0));
        assertEquals(0, server.hits("/rss/business.xml").size());
    }

    @Test
    void secondRunAsksConditionallyAndReusesWhatA304Confirms() {
        // Feed and sitemap honour If-None-Match; the listing page sends no validators, so it is fetched in full.
        String feed = fixture("rss-business.xml");
        String sitemap = fixture("sitemap-news.xml");
        server.route("/rss/business.xml", ex -> etagged(ex, "\"feed-v1\"", "application/rss+xml", feed));
        server.route("/sitemaps/news.xml", ex -> etagged(ex, "\"news-v1\"", "application/xml", sitemap));
        Outlet outlet = outlet(List.of("/rss/business.xml"), List.of("/sitemaps/news.xml"), List.of("/business/"), articles());

        Discovery first = discoverer.discover(outlet);
        Discovery second = discoverer.discover(outlet);

        assertEquals(first.urls(), second.urls(), "a 304 yields what the source held before");
        assertTrue(first.urls().size() >= 8, first.urls().toString());
        for (String path : List.of("/rss/business.xml", "/sitemaps/news.xml")) {
            List<LoopbackHttpServer.Hit> hits = server.hits(path);
            assertEquals(2, hits.size(), path);
            assertEquals(null, hits.get(0).header("If-None-Match"), path);
            assertEquals(path.startsWith("/rss") ? "\"feed-v1\"" : "\"news-v1\"", hits.get(1).header("If-None-Match"), path);
        }
        assertEquals(null, server.hits("/business/").get(1).header("If-None-Match"));
    }

    @Test
    void aChangedSourceIsReadAgainAndAFailedOneIsReported() {
        String[] version = {"\"v1\""};
        String feed = fixture("rss-business.xml");
        server.route("/rss/business.xml", ex -> etagged(ex, version[0], "application/rss+xml",
                version[0].equals("\"v1\"") ? feed : feed.replace("grain-corridor-traffic-climbs", "grain-corridor-reopens")));
        Outlet outlet = outlet(List.of("/rss/business.xml"), List.of(), List.of(), articles());

        Discovery first = discoverer.discover(outlet);
        version[0] = "\"v2\"";
        Discovery second = discoverer.discover(outlet);
        server.route("/rss/business.xml", ex -> respond(ex, 404, "text/html", "<html><body>gone</body></html>".getBytes(StandardCharsets.UTF_8)));
        Discovery third = discoverer.discover(outlet);

        assertTrue(first.urls().stream().anyMatch(u -> u.url().endsWith("/grain-corridor-traffic-climbs")));
        assertTrue(second.urls().stream().anyMatch(u -> u.url().endsWith("/grain-corridor-reopens")), second.urls().toString());
        assertTrue(second.urls().stream().noneMatch(u -> u.url().endsWith("/grain-corridor-traffic-climbs")));
        assertTrue(third.urls().isEmpty(), "a source that fails yields nothing, not stale links");
        assertTrue(third.problems().get(0).contains("NOT_FOUND"), third.problems().toString());
    }

    /** Serves a body with an ETag, answering 304 to a matching If-None-Match. */
    private static void etagged(com.sun.net.httpserver.HttpExchange ex, String etag, String type, String body) throws IOException {
        if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            respond(ex, 304, null, new byte[0], "ETag", etag);
        } else {
            respond(ex, 200, type, body.getBytes(StandardCharsets.UTF_8), "ETag", etag);
        }
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
