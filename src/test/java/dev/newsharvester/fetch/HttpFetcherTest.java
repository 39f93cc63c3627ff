package dev.newsharvester.fetch;

import static dev.newsharvester.fetch.LoopbackHttpServer.redirect;
import static dev.newsharvester.fetch.LoopbackHttpServer.respond;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpFetcherTest {

    private static final String HTML = "text/html; charset=utf-8";
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private LoopbackHttpServer server;
    private HttpFetcher fetcher;
    private final CountDownLatch release = new CountDownLatch(1); // frees handlers that stall on purpose

    @BeforeEach
    void start() {
        server = LoopbackHttpServer.start();
        fetcher = fetcher(b -> { });
    }

    @AfterEach
    void stop() {
        release.countDown();
        fetcher.close();
        server.close();
    }

    private HttpFetcher fetcher(java.util.function.Consumer<HttpFetcher.Builder> options) {
        HttpFetcher.Builder b = HttpFetcher.builder()
                .addressGuard(AddressGuard.fromSpec("127.0.0.1/32"))
                .minDelay(Duration.ZERO)
                .connectTimeout(Duration.ofSeconds(2))
                .totalTimeout(Duration.ofSeconds(5))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC));
        options.accept(b);
        return b.build();
    }

    static String fixture(String name) {
        try (InputStream in = HttpFetcherTest.class.getResourceAsStream("/fixtures/fetch/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- plain fetches ------------------------------------------------------------------------------------------

    @Test
    void fetchesHtmlPageWithValidatorsAndPoliteHeaders() {
        String page = fixture("article-en.html");
        server.route("/news/2026/11/20/grain", ex -> respond(ex, 200, HTML, page.getBytes(StandardCharsets.UTF_8),
                "ETag", "\"a1b2\"", "Last-Modified", "Fri, 20 Nov 2026 09:45:00 GMT"));

        FetchResult r = fetcher.fetch(server.uri("/news/2026/11/20/grain"), Validators.NONE);

        assertEquals(FetchStatus.OK, r.status(), r.reason());
        assertTrue(r.ok());
        assertEquals(200, r.httpStatus());
        assertEquals(HTML, r.contentType());
        assertEquals(StandardCharsets.UTF_8, r.charset());
        assertEquals(page, r.text());
        assertEquals("\"a1b2\"", r.etag());
        assertEquals("Fri, 20 Nov 2026 09:45:00 GMT", r.lastModified());
        assertEquals(NOW, r.fetchedAt());
        assertEquals(r.requestedUrl(), r.finalUrl());
        assertNull(r.reason());
        LoopbackHttpServer.Hit hit = server.hits("/news/2026/11/20/grain").get(0);
        assertTrue(hit.header("User-Agent").startsWith("news-harvester/0.1"));
        assertEquals("gzip, deflate", hit.header("Accept-Encoding"));
        assertNull(hit.header("If-None-Match"));
    }

    @Test
    void rejectsNonHttpUrlsAsCallerErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fetcher.fetch(URI.create("file:///etc/passwd"), Validators.NONE));
        assertTrue(e.getMessage().contains("file:///etc/passwd"));
        assertThrows(NullPointerException.class, () -> fetcher.fetch(null, Validators.NONE));
    }

    // --- redirects and the address guard -----------------------------------------------------------------------

    @Test
    void followsRedirectsByHand() {
        server.route("/old", ex -> redirect(ex, 301, "/mid?x=1"));
        server.route("/mid", ex -> redirect(ex, 302, server.base() + "/news/final"));
        server.content("/news/final", HTML, fixture("article-en.html"));

        FetchResult r = fetcher.fetch(server.uri("/old"), Validators.NONE);

        assertEquals(FetchStatus.OK, r.status(), r.reason());
        assertEquals(server.uri("/old"), r.requestedUrl());
        assertEquals(server.uri("/news/final"), r.finalUrl());
        assertTrue(r.text().contains("Grain corridor traffic climbs"));
        assertEquals("x=1", server.hits("/mid").get(0).query());
    }

    @Test
    void refusesRedirectToCloudMetadataAddress() {
        server.route("/go", ex -> redirect(ex, 302, "http://169.254.169.254/latest/meta-data/iam/"));

        FetchResult r = fetcher.fetch(server.uri("/go"), Validators.NONE);

        assertEquals(FetchStatus.ADDRESS_REFUSED, r.status());
        assertTrue(r.reason().contains("169.254.169.254"), r.reason());
        assertEquals(URI.create("http://169.254.169.254/latest/meta-data/iam/"), r.finalUrl());
    }

    @Test
    void refusesRedirectToAnotherLoopbackAddressWithoutConnecting() {
        // A second real server on 127.0.0.2, outside the allowed 127.0.0.1/32: it must never see a request.
        try (LoopbackHttpServer other = LoopbackHttpServer.start("127.0.0.2")) {
            other.content("/secret", HTML, "<html><body>internal</body></html>");
            server.route("/go", ex -> redirect(ex, 302, other.base() + "/secret"));

            FetchResult viaRedirect = fetcher.fetch(server.uri("/go"), Validators.NONE);
            FetchResult direct = fetcher.fetch(other.uri("/secret"), Validators.NONE);

            assertEquals(FetchStatus.ADDRESS_REFUSED, viaRedirect.status());
            assertEquals(FetchStatus.ADDRESS_REFUSED, direct.status());
            assertTrue(direct.reason().contains("127.0.0.2"), direct.reason());
            assertEquals(0, other.hits().size(), "no connection to a refused address, not even for robots.txt");
        }
    }

    @Test
    void encodesRawCharactersInLocation() {
        // Real servers put raw UTF-8 bytes in the header; the JDK server writes each char as one byte.
        String rawUtf8 = new String("/news/київ 2026".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        server.route("/go", ex -> redirect(ex, 302, rawUtf8));
        server.content("/news/%D0%BA%D0%B8%D1%97%D0%B2%202026", HTML, fixture("article-en.html"));

        FetchResult r = fetcher.fetch(server.uri("/go"), Validators.NONE);

        assertEquals(FetchStatus.OK, r.status(), r.reason());
        assertEquals("/news/%D0%BA%D0%B8%D1%97%D0%B2%202026", r.finalUrl().getRawPath());
    }

    @Test
    void redirectWithoutLocationIsAnHttpError() {
        server.route("/nowhere", ex -> respond(ex, 301, HTML, new byte[0]));

        FetchResult r = fetcher.fetch(server.uri("/nowhere"), Validators.NONE);

        assertEquals(FetchStatus.HTTP_ERROR, r.status());
        assertEquals(301, r.httpStatus());
        assertTrue(r.reason().contains("Location"), r.reason());
    }

    // --- conditional GET ------------------------------------------------------------------------------------------

    @Test
    void conditionalGetWithEtagGivesNotModified() {
        server.route("/a", ex -> {
            if ("\"v7\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                respond(ex, 304, null, new byte[0], "ETag", "\"v7\"");
            } else {
                respond(ex, 200, HTML, fixture("article-en.html").getBytes(StandardCharsets.UTF_8), "ETag", "\"v7\"");
            }
        });

        FetchResult first = fetcher.fetch(server.uri("/a"), Validators.NONE);
        FetchResult second = fetcher.fetch(server.uri("/a"), Validators.of(first));

        assertEquals(FetchStatus.OK, first.status());
        assertEquals(FetchStatus.NOT_MODIFIED, second.status());
        assertEquals(304, second.httpStatus());
        assertEquals(0, second.body().length);
        assertEquals("\"v7\"", second.etag());
        assertEquals("\"v7\"", server.hits("/a").get(1).header("If-None-Match"));
    }

    @Test
    void conditionalGetWithLastModifiedKeepsSentValidators() {
        String lm = "Thu, 19 Nov 2026 08:00:00 GMT";
        server.route("/a", ex -> {
            if (lm.equals(ex.getRequestHeaders().getFirst("If-Modified-Since"))) {
                respond(ex, 304, null, new byte[0]); // a 304 without validators of its own
            } else {
                respond(ex, 200, HTML, "<html><body>x</body></html>".getBytes(StandardCharsets.UTF_8));
            }
        });

        FetchResult r = fetcher.fetch(server.uri("/a"), new Validators(null, lm));

        assertEquals(FetchStatus.NOT_MODIFIED, r.status());
        assertEquals(lm, r.lastModified());
        assertEquals(lm, server.hits("/a").get(0).header("If-Modified-Since"));
    }

    // --- content encoding and size limits -------------------------------------------------------------------------

    @Test
    void decodesGzipBody() {
        String page = fixture("article-en.html");
        server.route("/gz", ex -> respond(ex, 200, HTML, gzip(page.getBytes(StandardCharsets.UTF_8)),
                "Content-Encoding", "gzip"));

        FetchResult r = fetcher.fetch(server.uri("/gz"), Validators.NONE);

        assertEquals(FetchStatus.OK, r.status(), r.reason());
        assertEquals(page, r.text());
    }

    @Test
    void decodesZlibAndRawDeflateBodies() {
        byte[] page = fixture("article-en.html").getBytes(StandardCharsets.UTF_8);
        server.route("/zlib", ex -> respond(ex, 200, HTML, deflate(page, false), "Content-Encoding", "deflate"));
        server.route("/raw", ex -> respond(ex, 200, HTML, deflate(page, true), "Content-Encoding", "deflate"));

        assertArrayEquals(page, fetcher.fetch(server.uri("/zlib"), Validators.NONE).body());
        assertArrayEquals(page, fetcher.fetch(server.uri("/raw"), Validators.NONE).body());
    }

    @Test
    void declaredOversizedBodyIsRefusedUnread() {
        HttpFetcher small = fetcher(b -> b.maxBodyBytes(64 * 1024));
        server.route("/big", ex -> respond(ex, 200, HTML, new byte[200 * 1024]));

        FetchResult r = small.fetch(server.uri("/big"), Validators.NONE);
        small.close();

        assertEquals(FetchStatus.TOO_LARGE, r.status());
        assertTrue(r.reason().contains("Content-Length"), r.reason());
    }

    // --- robots.txt ---------------------------------------------------------------------------------------------------

    @Test
    void robotsDisallowIsObeyedWithoutRequestingThePage() {
        server.content("/robots.txt", "text/plain", """
                User-agent: *
                Disallow: /private/

                User-agent: news-harvester
                Disallow: /drafts/
                """);
        server.content("/drafts/x", HTML, "<html><body>draft</body></html>");
        server.content("/news/y", HTML, fixture("article-en.html"));

        FetchResult disallowed = fetcher.fetch(server.uri("/drafts/x"), Validators.NONE);
        FetchResult allowedForUs = fetcher.fetch(server.uri("/private/z"), Validators.NONE); // our group has no such rule
        FetchResult allowed = fetcher.fetch(server.uri("/news/y"), Validators.NONE);

        assertEquals(FetchStatus.ROBOTS_DISALLOWED, disallowed.status());
        assertTrue(disallowed.reason().contains("/drafts/x"), disallowed.reason());
        assertEquals(0, server.hits("/drafts/x").size());
        assertEquals(FetchStatus.NOT_FOUND, allowedForUs.status());
        assertEquals(FetchStatus.OK, allowed.status());
        assertEquals(1, server.hits("/robots.txt").size(), "robots.txt is fetched once per origin");
    }

    @Test
    void robotsUnreachableDisallowsAllAndIgnoringRobotsGivesTheNetworkError() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + port + "/news/y");

        FetchResult polite = fetcher.fetch(url, Validators.NONE);
        FetchResult raw;
        try (HttpFetcher noRobots = fetcher(b -> b.respectRobots(false))) {
            raw = noRobots.fetch(url, Validators.NONE);
        }

        assertEquals(FetchStatus.ROBOTS_DISALLOWED, polite.status());
        assertEquals(FetchStatus.IO_ERROR, raw.status());
        assertEquals(0, raw.httpStatus());
        assertTrue(raw.reason().startsWith("connection failed"), raw.reason());
    }

    @Test
    void excessiveCrawlDelayIsReportedAsDisallowed() {
        server.content("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 3600\n");

        FetchResult r = fetcher.fetch(server.uri("/news/y"), Validators.NONE);

        assertEquals(FetchStatus.ROBOTS_DISALLOWED, r.status());
        assertTrue(r.reason().contains("3600"), r.reason());
    }

    @Test
    void crawlDelayFromRobotsSpacesRequests() {
        // Lower bounds only: sleeping guarantees them however slow the machine is.
        server.content("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 1\n");
        server.content("/a", HTML, "<html><body>a</body></html>");
        server.content("/b", HTML, "<html><body>b</body></html>");

        fetcher.fetch(server.uri("/a"), Validators.NONE);
        fetcher.fetch(server.uri("/b"), Validators.NONE);

        long gap = server.hits("/b").get(0).nanoTime() - server.hits("/a").get(0).nanoTime();
        assertTrue(gap >= TimeUnit.MILLISECONDS.toNanos(1000), "gap was " + gap / 1_000_000 + " ms");
    }

    @Test
    void hostDelaySpacesRequests() {
        server.content("/a", HTML, "<html><body>a</body></html>");
        server.content("/b", HTML, "<html><body>b</body></html>");

        fetcher.fetch(server.uri("/a"), Validators.NONE, Duration.ofMillis(400));
        fetcher.fetch(server.uri("/b"), Validators.NONE, Duration.ofMillis(400));

        long gap = server.hits("/b").get(0).nanoTime() - server.hits("/a").get(0).nanoTime();
        assertTrue(gap >= TimeUnit.MILLISECONDS.toNanos(400), "gap was " + gap / 1_000_000 + " ms");
    }

    @Test
    void concurrentFetchesToOneHostAreSerialisedAndSpaced() throws Exception {
        for (String p : new String[] {"/c1", "/c2", "/c3", "/c4"}) {
            server.content(p, HTML, "<html><body>" + p + "</body></html>");
        }
        fetcher.fetch(server.uri("/c1"), Validators.NONE); // robots.txt out of the way
        java.util.List<CompletableFuture<FetchResult>> all = new java.util.ArrayList<>();
        for (String p : new String[] {"/c2", "/c3", "/c4"}) {
            // The default async pool on purpose: callers blocking there must not starve the HTTP client.
            all.add(CompletableFuture.supplyAsync(() -> fetcher.fetch(server.uri(p), Validators.NONE, Duration.ofMillis(300))));
        }
        for (CompletableFuture<FetchResult> f : all) {
            FetchResult fr = f.get(20, TimeUnit.SECONDS);
            assertEquals(FetchStatus.OK, fr.status(), fr.toString() + " hits " + server.hits());
        }

        long[] times = server.hits().stream().filter(h -> h.path().matches("/c[234]"))
                .mapToLong(LoopbackHttpServer.Hit::nanoTime).sorted().toArray();
        assertEquals(3, times.length);
        for (int i = 1; i < times.length; i++) {
            long gap = times[i] - times[i - 1];
            assertTrue(gap >= TimeUnit.MILLISECONDS.toNanos(300), "gap " + gap / 1_000_000 + " ms");
        }
    }

    // --- retries and status mapping ------------------------------------------------------------------------------

    @Test
    void doesNotWaitForALongRetryAfter() {
        server.route("/later", ex -> respond(ex, 503, "text/plain", new byte[0], "Retry-After", "600"));

        FetchResult r = fetcher.fetch(server.uri("/later"), Validators.NONE);

        assertEquals(FetchStatus.HTTP_ERROR, r.status());
        assertEquals(1, server.hits("/later").size());
        assertTrue(r.reason().contains("Retry-After"), r.reason());
    }

    @Test
    void mapsClientErrors() {
        server.route("/gone", ex -> respond(ex, 410, HTML, "<html><body>gone</body></html>".getBytes(StandardCharsets.UTF_8)));
        server.route("/forbidden", ex -> respond(ex, 403, HTML, "<html><body>no</body></html>".getBytes(StandardCharsets.UTF_8)));
        server.route("/legal", ex -> respond(ex, 451, HTML, new byte[0]));
        server.route("/bad", ex -> respond(ex, 400, HTML, new byte[0]));

        assertEquals(FetchStatus.NOT_FOUND, fetcher.fetch(server.uri("/missing"), Validators.NONE).status());
        assertEquals(FetchStatus.NOT_FOUND, fetcher.fetch(server.uri("/gone"), Validators.NONE).status());
        FetchResult forbidden = fetcher.fetch(server.uri("/forbidden"), Validators.NONE);
        assertEquals(FetchStatus.BLOCKED, forbidden.status());
        assertEquals("HTTP 403", forbidden.reason());
        assertEquals(FetchStatus.BLOCKED, fetcher.fetch(server.uri("/legal"), Validators.NONE).status());
        FetchResult bad = fetcher.fetch(server.uri("/bad"), Validators.NONE);
        assertEquals(FetchStatus.HTTP_ERROR, bad.status());
        assertEquals(400, bad.httpStatus());
    }

    @Test
    void articleWithRecaptchaInItsCommentFormIsNotBlocked() {
        String page = fixture("article-en.html").replace("</article>", """
                <section class="comments"><form action="/comments" method="post"><textarea name="c"></textarea>
                <div class="g-recaptcha" data-sitekey="6Lc_aX0UAAAAABx"></div>
                <script src="https://www.google.com/recaptcha/api.js"></script><button>Post</button></form></section>
                </article>""").replace("<body class=\"article-page\">",
                "<body class=\"article-page\"><script src=\"/cdn-cgi/challenge-platform/scripts/jsd/main.js\"></script>");
        server.content("/news/ok", HTML, page);

        assertEquals(FetchStatus.OK, fetcher.fetch(server.uri("/news/ok"), Validators.NONE).status());
    }

    // --- content types and charsets ------------------------------------------------------------------------------

    @Test
    void decodesWindows1251PageWithCharsetInHeader() throws Exception {
        String page = fixture("article-uk.html");
        byte[] cp1251 = CharsetDetector.WINDOWS_1251.newEncoder()
                .onUnmappableCharacter(CodingErrorAction.REPORT).encode(java.nio.CharBuffer.wrap(page)).array();
        byte[] body = java.util.Arrays.copyOf(cp1251, CharsetDetector.WINDOWS_1251.newEncoder()
                .encode(java.nio.CharBuffer.wrap(page)).limit());
        server.route("/uk", ex -> respond(ex, 200, "text/html; charset=windows-1251", body));

        FetchResult r = fetcher.fetch(server.uri("/uk"), Validators.NONE);

        assertEquals(FetchStatus.OK, r.status(), r.reason());
        assertEquals(CharsetDetector.WINDOWS_1251, r.charset());
        assertEquals(page, r.text());
        assertTrue(r.text().contains("Київрада ухвалила бюджет міста на 2027 рік"));
    }

    @Test
    void refusesNonHtmlForArticlesButFetchAnyTakesIt() {
        String rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title></channel></rss>";
        server.content("/feed.xml", "application/rss+xml; charset=utf-8", rss);
        server.route("/photo.png", ex -> respond(ex, 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}));

        FetchResult article = fetcher.fetch(server.uri("/feed.xml"), Validators.NONE);
        FetchResult image = fetcher.fetch(server.uri("/photo.png"), Validators.NONE);
        FetchResult any = fetcher.fetchAny(server.uri("/feed.xml"), Validators.NONE);

        assertEquals(FetchStatus.UNSUPPORTED_TYPE, article.status());
        assertTrue(article.reason().contains("application/rss+xml"), article.reason());
        assertEquals(FetchStatus.UNSUPPORTED_TYPE, image.status());
        assertEquals(FetchStatus.OK, any.status());
        assertEquals(rss, any.text());
    }

    @Test
    void sniffsPagesWithoutContentType() {
        server.route("/html", ex -> respond(ex, 200, null, fixture("article-en.html").getBytes(StandardCharsets.UTF_8)));
        server.route("/blob", ex -> respond(ex, 200, null, new byte[] {0x50, 0x4b, 3, 4, 20, 0, 0, 0, 8, 0}));

        FetchResult html = fetcher.fetch(server.uri("/html"), Validators.NONE);
        FetchResult blob = fetcher.fetch(server.uri("/blob"), Validators.NONE);

        assertEquals(FetchStatus.OK, html.status(), html.reason());
        assertNull(html.contentType());
        assertEquals(StandardCharsets.UTF_8, html.charset()); // from <meta charset="utf-8">
        assertEquals(FetchStatus.UNSUPPORTED_TYPE, blob.status());
    }

    // --- time limits ---------------------------------------------------------------------------------------------------

    // --- TLS: the checked address, the URL's name --------------------------------------------------------------------

    @Test
    void httpsVerifiesTheCertificateAgainstTheHostNameWhileConnectingToTheCheckedAddress() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = getClass().getResourceAsStream("/fixtures/fetch/tls/news-test.p12")) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        List<String> sniSeen = new CopyOnWriteArrayList<>();
        SNIMatcher recordSni = new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
            @Override
            public boolean matches(SNIServerName name) {
                sniSeen.add(((SNIHostName) name).getAsciiName());
                return true;
            }
        };
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(serverTls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = serverTls.getDefaultSSLParameters();
                p.setSNIMatchers(List.of(recordSni));
                params.setSSLParameters(p);
            }
        });
        byte[] page = fixture("article-en.html").getBytes(StandardCharsets.UTF_8);
        https.createContext("/", ex -> respond(ex, 200, HTML, page));
        https.start();

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("news", keys.getCertificate("news"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), null);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        HttpFetcher tls = fetcher(b -> b.sslContext(clientTls).respectRobots(false)
                .resolver(host -> List.of(loopback)));  // every name "resolves" to the test server
        int port = https.getAddress().getPort();
        try {
            FetchResult ok = tls.fetch(URI.create("https://news.test:" + port + "/news/x"), Validators.NONE);
            FetchResult otherName = tls.fetch(URI.create("https://other.test:" + port + "/news/x"), Validators.NONE);
            FetchResult byAddress = tls.fetch(URI.create("https://127.0.0.1:" + port + "/news/x"), Validators.NONE);

            assertEquals(FetchStatus.OK, ok.status(), ok.toString());
            assertArrayEquals(page, ok.body());
            assertTrue(sniSeen.contains("news.test"), "SNI carries the URL's host: " + sniSeen);
            assertEquals(FetchStatus.IO_ERROR, otherName.status(), "a certificate for news.test does not serve other.test");
            assertTrue(otherName.reason().startsWith("TLS failure"), otherName.reason());
            assertEquals(FetchStatus.IO_ERROR, byAddress.status(), "nor an IP address it does not name");
        } finally {
            tls.close();
            https.stop(0);
        }
    }

    // --- robots.txt revalidation -------------------------------------------------------------------------------------

    @Test
    void expiredRobotsTxtIsRevalidatedConditionally() {
        Instant[] now = {NOW};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        server.route("/robots.txt", ex -> {
            if ("\"r1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                respond(ex, 304, null, new byte[0], "ETag", "\"r1\"");
            } else {
                respond(ex, 200, "text/plain", "User-agent: *\nDisallow: /drafts/\n".getBytes(StandardCharsets.UTF_8),
                        "ETag", "\"r1\"");
            }
        });
        HttpFetcher f = fetcher(b -> b.clock(clock));

        FetchResult first = f.fetch(server.uri("/drafts/a"), Validators.NONE);
        now[0] = NOW.plus(Duration.ofHours(25));   // past the 24 h a robots.txt is kept
        FetchResult second = f.fetch(server.uri("/drafts/b"), Validators.NONE);
        f.close();

        assertEquals(FetchStatus.ROBOTS_DISALLOWED, first.status());
        assertEquals(FetchStatus.ROBOTS_DISALLOWED, second.status(), "a 304 keeps the rules");
        List<LoopbackHttpServer.Hit> robots = server.hits("/robots.txt");
        assertEquals(2, robots.size());
        assertNull(robots.get(0).header("If-None-Match"));
        assertEquals("\"r1\"", robots.get(1).header("If-None-Match"));
    }

    // --- helpers -------------------------------------------------------------------------------------------------------

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] deflate(byte[] data, boolean raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
