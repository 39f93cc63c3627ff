package dev.newsharvester.fetch;

import static dev.newsharvester.fetch.LoopbackHttpServer.redirect;
import static dev.newsharvester.fetch.LoopbackHttpServer.respond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import dev.newsharvester.discover.DiscoveredUrl;
import dev.newsharvester.discover.Discoverer;
import dev.newsharvester.discover.Discovery;
import dev.newsharvester.outlet.Outlet;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import javax.net.SocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile servers against the real fetcher and discoverer, over real sockets. The outlet is served on 127.0.0.1,
 * the only address the guard lets through ({@code ALLOW_PRIVATE_NETWORKS=127.0.0.1/32}); decoys listen on 127.0.0.2
 * and [::1]. After every case the decoys must have seen no request, and the fetcher must have opened no connection to
 * anything but 127.0.0.1 (every socket it makes is recorded): a refused address is never reached. Each case asserts
 * its outcome and is bounded in time (small timeouts in the fetcher, a JUnit timeout per case).
 */
@Timeout(value = 15, unit = TimeUnit.SECONDS)
class HostileServerTest {

    private static final String HTML = "text/html; charset=utf-8";
    private static final Duration TOTAL = Duration.ofMillis(1500);
    private static final int MAX_BODY = 8 * 1024 * 1024;

    /** One hostile behaviour: serves it, fetches or discovers, asserts the outcome. */
    @FunctionalInterface
    interface Scenario {
        void run(HostileServerTest t) throws Exception;
    }

    LoopbackHttpServer site;
    LoopbackHttpServer decoy;      // 127.0.0.2: outside the allowed range
    LoopbackHttpServer decoy6;     // [::1]: outside the allowed range
    final List<InetSocketAddress> connections = new CopyOnWriteArrayList<>();
    final CountDownLatch release = new CountDownLatch(1);   // frees handlers that stall on purpose
    final List<AutoCloseable> closeLater = new ArrayList<>();
    HostResolver resolver = HostResolver.SYSTEM;
    HttpFetcher fetcher;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() {
        site = LoopbackHttpServer.start("127.0.0.1");
        decoy = LoopbackHttpServer.start("127.0.0.2");
        decoy6 = LoopbackHttpServer.start("::1");
        for (LoopbackHttpServer d : List.of(decoy, decoy6)) {
            d.content("/", HTML, "<html><body>internal admin</body></html>");
            d.content("/latest/meta-data/", "text/plain", "iam/");
        }
        fetcher = HttpFetcher.builder()
                .addressGuard(AddressGuard.fromSpec("127.0.0.1/32"))
                .resolver(host -> resolver.resolve(host))
                .socketFactory(new RecordingSockets(connections))
                .minDelay(Duration.ZERO)
                .connectTimeout(Duration.ofSeconds(1))
                .totalTimeout(TOTAL)
                .maxBodyBytes(MAX_BODY)
                .retries(2, Duration.ofMillis(50), Duration.ofSeconds(2))
                .build();
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        fetcher.close();
        for (AutoCloseable c : closeLater) {
            c.close();
        }
        site.close();
        decoy.close();
        decoy6.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostile(String name, Scenario scenario) throws Exception {
        scenario.run(this);

        assertEquals(List.of(), decoy.hits(), "127.0.0.2 must never be reached");
        assertEquals(List.of(), decoy6.hits(), "[::1] must never be reached");
        for (InetSocketAddress a : connections) {
            assertEquals("127.0.0.1", a.getAddress().getHostAddress(), "connected to a refused address: " + a);
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(transport(), redirectsAndGuard(), charsets(), statuses(), robots(), discovery())
                .flatMap(List::stream);
    }

    // --- slow, stalled, huge, broken ----------------------------------------------------------------------------

    static List<Arguments> transport() {
        return List.of(
                named("stalled connection: accepts and never answers", t -> {
                    URI u = t.raw((head, out) -> t.await());
                    t.expect(t.fetcher.fetch(u, Validators.NONE), FetchStatus.TIMEOUT, "no response within 1500 ms");
                }),
                named("slow headers: answers after the time limit", t -> {
                    t.site.route("/news/slow", ex -> {
                        t.await();
                        respond(ex, 200, HTML, page("article-en.html"));
                    });
                    t.expect(t.get("/news/slow"), FetchStatus.TIMEOUT, "no response within");
                }),
                named("slow drip: one byte every 100 ms, forever", t -> {
                    t.site.route("/news/drip", ex -> {
                        ex.getResponseHeaders().set("Content-Type", HTML);
                        ex.sendResponseHeaders(200, 0);
                        OutputStream out = ex.getResponseBody();
                        for (int i = 0; i < 10_000; i++) {
                            out.write('<');
                            out.flush();
                            sleep(100);
                        }
                    });
                    t.expect(t.get("/news/drip"), FetchStatus.TIMEOUT, "no complete response within 1500 ms");
                }),
                named("stalled body: half a page, then silence", t -> {
                    byte[] body = page("article-en.html");
                    t.site.route("/news/half", ex -> {
                        ex.getResponseHeaders().set("Content-Type", HTML);
                        ex.sendResponseHeaders(200, body.length);
                        ex.getResponseBody().write(body, 0, body.length / 2);
                        ex.getResponseBody().flush();
                        t.await();
                    });
                    t.expect(t.get("/news/half"), FetchStatus.TIMEOUT, "no complete response");
                }),
                named("huge body announced: Content-Length 2 GiB, refused unread", t -> {
                    URI u = t.raw((head, out) -> {
                        out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 2147483648\r\n\r\n"));
                        stream(out, 1L << 31);
                    });
                    t.expect(t.fetcher.fetch(u, Validators.NONE), FetchStatus.TOO_LARGE, "Content-Length 2147483648");
                }),
                named("huge body streamed: endless chunked page", t -> {
                    t.site.route("/news/endless", ex -> {
                        ex.getResponseHeaders().set("Content-Type", HTML);
                        ex.sendResponseHeaders(200, 0);
                        stream(ex.getResponseBody(), 1L << 31);
                    });
                    t.expect(t.get("/news/endless"), FetchStatus.TOO_LARGE, "exceeds " + MAX_BODY);
                }),
                named("gzip bomb: 1 GiB of zeros in about 1 MB", t -> {
                    AtomicLong written = new AtomicLong();
                    t.site.route("/news/bomb", ex -> bomb(ex, "gzip", written));
                    t.expect(t.get("/news/bomb"), FetchStatus.TOO_LARGE, "exceeds " + MAX_BODY);
                    assertTrue(written.get() < 1L << 30, "the bomb must be cut off, not inflated to the end");
                }),
                named("deflate bomb: 1 GiB of zeros, zlib-wrapped", t -> {
                    AtomicLong written = new AtomicLong();
                    t.site.route("/news/bomb", ex -> bomb(ex, "deflate", written));
                    t.expect(t.get("/news/bomb"), FetchStatus.TOO_LARGE, "exceeds " + MAX_BODY);
                    assertTrue(written.get() < 1L << 30, "the bomb must be cut off, not inflated to the end");
                }),
                named("corrupt gzip body", t -> {
                    t.site.route("/news/x", ex -> respond(ex, 200, HTML, page("article-en.html"), "Content-Encoding", "gzip"));
                    t.expect(t.get("/news/x"), FetchStatus.IO_ERROR, "undecodable body");
                }),
                named("unrequested Content-Encoding (br)", t -> {
                    t.site.route("/news/x", ex -> respond(ex, 200, HTML, new byte[] {0x1b, 0x2f, 0, 0}, "Content-Encoding", "br"));
                    t.expect(t.get("/news/x"), FetchStatus.IO_ERROR, "unsupported Content-Encoding: br");
                }),
                raw("body shorter than its Content-Length", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                        + "Content-Length: 5000\r\n\r\n<!DOCTYPE html><html><body><p>cut", "of 5000 body bytes"),
                raw("conflicting Content-Length headers (request smuggling shape)", "HTTP/1.1 200 OK\r\n"
                        + "Content-Type: text/html\r\nContent-Length: 10\r\nContent-Length: 20\r\n\r\n<html>0123456789</html>",
                        "conflicting Content-Length"),
                named("endless response head", t -> {
                    URI u = t.raw((head, out) -> {
                        out.write(ascii("HTTP/1.1 200 OK\r\n"));
                        for (int i = 0; i < 100_000; i++) {
                            out.write(ascii("X-Filler-" + i + ": " + "a".repeat(40) + "\r\n"));
                        }
                    });
                    t.expect(t.fetcher.fetch(u, Validators.NONE), FetchStatus.IO_ERROR, "response head exceeds 65536 bytes");
                }),
                raw("not HTTP at all (an SSH banner)", "SSH-2.0-OpenSSH_9.6\r\n", "not an HTTP/1.x status line"),
                raw("connection closed without a response", "", "connection closed before a response"),
                raw("broken chunked framing", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "5\r\n<html\r\nzz\r\nnot a size\r\n0\r\n\r\n", "invalid chunk size"),
                raw("status line without a status code", "HTTP/1.1 OK\r\nContent-Length: 0\r\n\r\n", "not an HTTP/1.x status line"),
                raw("101 Switching Protocols to a GET", "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n",
                        "unexpected 101"),
                named("connection refused (nothing listens)", t -> {
                    int port;
                    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                        port = s.getLocalPort();
                    }
                    HttpFetcher noRobots = t.fetcher(b -> b.respectRobots(false));
                    t.expect(noRobots.fetch(URI.create("http://127.0.0.1:" + port + "/news/x"), Validators.NONE),
                            FetchStatus.IO_ERROR, "connection failed");
                }));
    }

    // --- redirects and the address guard -------------------------------------------------------------------------

    static List<Arguments> redirectsAndGuard() {
        return List.of(
                named("redirect loop A -> B -> A", t -> {
                    t.site.route("/a", ex -> redirect(ex, 302, "/b"));
                    t.site.route("/b", ex -> redirect(ex, 301, "/a"));
                    t.expect(t.get("/a"), FetchStatus.TOO_MANY_REDIRECTS, "more than 5 redirects");
                    assertEquals(6, t.site.hits("/a").size() + t.site.hits("/b").size());
                }),
                named("redirect to 127.0.0.2 (loopback outside the allowed /32)", t -> {
                    t.site.route("/go", ex -> redirect(ex, 302, t.decoy.base() + "/"));
                    t.expect(t.get("/go"), FetchStatus.ADDRESS_REFUSED, "address 127.0.0.2");
                }),
                named("redirect to [::1]", t -> {
                    t.site.route("/go", ex -> redirect(ex, 307, t.decoy6.base() + "/"));
                    t.expect(t.get("/go"), FetchStatus.ADDRESS_REFUSED, "not a public address");
                }),
                named("redirect to 169.254.169.254 (cloud metadata)", t -> {
                    t.site.route("/go", ex -> redirect(ex, 302, "http://169.254.169.254/latest/meta-data/iam/"));
                    t.expect(t.get("/go"), FetchStatus.ADDRESS_REFUSED, "address 169.254.169.254");
                }),
                named("redirect to 10.0.0.1 (private network)", t -> {
                    t.site.route("/go", ex -> redirect(ex, 308, "http://10.0.0.1:8080/admin"));
                    t.expect(t.get("/go"), FetchStatus.ADDRESS_REFUSED, "address 10.0.0.1");
                }),
                named("redirect to [::ffff:127.0.0.2] (IPv4-mapped IPv6)", t -> {
                    t.site.route("/go", ex -> redirect(ex, 302, "http://[::ffff:127.0.0.2]:" + port(t.decoy) + "/"));
                    t.expect(t.get("/go"), FetchStatus.ADDRESS_REFUSED, "127.0.0.2");
                }),
                named("redirect to 2130706434 (127.0.0.2 as one decimal number)", t -> {
                    t.site.route("/go", ex -> redirect(ex, 302, "http://2130706434:" + port(t.decoy) + "/"));
                    t.expect(t.get("/go"), FetchStatus.ADDRESS_REFUSED, "address 127.0.0.2");
                }),
                named("redirect to full-width digits (IDN maps them to 127.0.0.2)", t -> {
                    String fullWidth = "\uff11\uff12\uff17\uff0e\uff10\uff0e\uff10\uff0e\uff12"; // "１２７．０．０．２"
                    String location = new String(("http://" + fullWidth + ":" + port(t.decoy) + "/")
                            .getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1); // raw UTF-8, as servers send it
                    t.site.route("/go", ex -> redirect(ex, 302, location));
                    t.expect(t.get("/go"), FetchStatus.ADDRESS_REFUSED, "address 127.0.0.2");
                }),
                named("redirect to 127.0.0.1 on another port: allowed (the guard opens addresses, not ports)", t -> {
                    try (LoopbackHttpServer sibling = LoopbackHttpServer.start("127.0.0.1")) {
                        sibling.content("/news/moved", HTML, HttpFetcherTest.fixture("article-en.html"));
                        t.site.route("/go", ex -> redirect(ex, 301, sibling.base() + "/news/moved"));
                        FetchResult r = t.expect(t.get("/go"), FetchStatus.OK, null);
                        assertEquals(sibling.uri("/news/moved"), r.finalUrl());
                    }
                }),
                named("redirect to file:///etc/passwd", t -> {
                    t.site.route("/go", ex -> redirect(ex, 302, "file:///etc/passwd"));
                    t.expect(t.get("/go"), FetchStatus.HTTP_ERROR, "non-HTTP");
                }),
                named("DNS rebinding: the name answers 127.0.0.1 to the check, then 127.0.0.2", t -> {
                    AtomicInteger lookups = new AtomicInteger();
                    t.resolver = host -> List.of(InetAddress.getByName(lookups.incrementAndGet() == 1 ? "127.0.0.1" : "127.0.0.2"));
                    HttpFetcher f = t.fetcher(b -> b.respectRobots(false));
                    t.site.content("/news/x", HTML, HttpFetcherTest.fixture("article-en.html"));
                    URI u = URI.create("http://news.rebind.test:" + port(t.site) + "/news/x");
                    // The check before the request saw 127.0.0.1; the connection must use its own, checked, answer.
                    t.expect(f.fetch(u, Validators.NONE), FetchStatus.ADDRESS_REFUSED, "address 127.0.0.2 of news.rebind.test");
                    assertEquals(0, t.site.hits().size());
                }),
                named("a name is connected to at the address its lookup gave, and sent as Host", t -> {
                    t.resolver = host -> host.equals("news.pinned.test") ? List.of(InetAddress.getByName("127.0.0.1"))
                            : HostResolver.SYSTEM.resolve(host);
                    t.site.content("/news/x", HTML, HttpFetcherTest.fixture("article-en.html"));
                    t.expect(t.fetcher.fetch(URI.create("http://news.pinned.test:" + port(t.site) + "/news/x"), Validators.NONE),
                            FetchStatus.OK, null);
                    assertEquals("news.pinned.test:" + port(t.site), t.site.hits("/news/x").get(0).header("Host"));
                }),
                named("a name with one allowed and one refused address", t -> {
                    t.resolver = host -> host.equals("split.test")
                            ? List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("127.0.0.2"))
                            : HostResolver.SYSTEM.resolve(host);
                    t.expect(t.fetcher.fetch(URI.create("http://split.test:" + port(t.site) + "/"), Validators.NONE),
                            FetchStatus.ADDRESS_REFUSED, "address 127.0.0.2 of split.test");
                    assertEquals(0, t.site.hits().size());
                }));
    }

    // --- charsets ---------------------------------------------------------------------------------------------------

    static List<Arguments> charsets() {
        return List.of(
                charset("windows-1251 Ukrainian page labelled UTF-8", "article-uk.html", "windows-1251", "text/html; charset=utf-8", false),
                charset("UTF-8 Ukrainian page labelled windows-1251", "article-uk-energy.html", "UTF-8", "text/html; charset=windows-1251", true),
                charset("KOI8-U Ukrainian page without any charset", "article-uk-energy.html", "KOI8-U", "text/html", false),
                charset("KOI8-R Russian page labelled windows-1251", "article-ru.html", "KOI8-R", "text/html; charset=windows-1251", false),
                charset("windows-1251 Russian page whose meta tag claims UTF-8", "article-ru.html", "windows-1251", "text/html", true),
                charset("windows-1251 page with an unknown charset label", "article-uk.html", "windows-1251", "text/html; charset=x-no-such", false),
                charset("UTF-8 page without any charset", "article-ru.html", "UTF-8", "text/html", false));
    }

    private static Arguments charset(String name, String fixture, String actual, String contentType, boolean keepMeta) {
        return named(name, t -> {
            String html = HttpFetcherTest.fixture(fixture);
            String served = keepMeta ? html : html.replace("<meta charset=\"utf-8\">", "");
            byte[] bytes = served.getBytes(Charset.forName(actual));
            t.site.route("/news/page", ex -> respond(ex, 200, contentType, bytes));
            FetchResult r = t.expect(t.get("/news/page"), FetchStatus.OK, null);
            assertEquals(new String(bytes, Charset.forName(actual)), r.text(), "decoded with " + r.charset());
        });
    }

    // --- statuses, retries, blocks ----------------------------------------------------------------------------------

    static List<Arguments> statuses() {
        return List.of(
                named("429 with Retry-After: 1, then the page", t -> {
                    AtomicInteger n = new AtomicInteger();
                    t.site.route("/news/x", ex -> {
                        if (n.incrementAndGet() == 1) {
                            respond(ex, 429, "text/plain", ascii("slow down"), "Retry-After", "1");
                        } else {
                            respond(ex, 200, HTML, page("article-en.html"));
                        }
                    });
                    t.expect(t.get("/news/x"), FetchStatus.OK, null);
                    List<LoopbackHttpServer.Hit> hits = t.site.hits("/news/x");
                    assertEquals(2, hits.size());
                    assertTrue(hits.get(1).nanoTime() - hits.get(0).nanoTime() >= TimeUnit.MILLISECONDS.toNanos(900),
                            "the retry waited for Retry-After");
                }),
                named("429 asking for an hour: not retried", t -> {
                    t.site.route("/news/x", ex -> respond(ex, 429, "text/plain", ascii("later"), "Retry-After", "3600"));
                    t.expect(t.get("/news/x"), FetchStatus.HTTP_ERROR, "Retry-After of 3600 s exceeds");
                    assertEquals(1, t.site.hits("/news/x").size());
                }),
                named("flapping 503, 503, then 200", t -> {
                    AtomicInteger n = new AtomicInteger();
                    t.site.route("/news/x", ex -> {
                        if (n.incrementAndGet() <= 2) {
                            respond(ex, 503, "text/html", ascii("<html><body>Service Unavailable</body></html>"));
                        } else {
                            respond(ex, 200, HTML, page("article-en.html"));
                        }
                    });
                    t.expect(t.get("/news/x"), FetchStatus.OK, null);
                    assertEquals(3, t.site.hits("/news/x").size());
                }),
                named("503 forever: given up after two retries", t -> {
                    t.site.route("/news/x", ex -> respond(ex, 503, "text/plain", ascii("down")));
                    t.expect(t.get("/news/x"), FetchStatus.HTTP_ERROR, "HTTP 503 after 3 attempts");
                    assertEquals(3, t.site.hits("/news/x").size());
                }),
                named("404", t -> t.expect(t.get("/news/none"), FetchStatus.NOT_FOUND, "HTTP 404")),
                named("410 Gone", t -> {
                    t.site.route("/news/x", ex -> respond(ex, 410, HTML, ascii("<html><body>removed</body></html>")));
                    t.expect(t.get("/news/x"), FetchStatus.NOT_FOUND, "HTTP 410");
                }),
                named("403 anti-bot challenge (Cloudflare): BLOCKED, not retried", t -> {
                    t.site.route("/news/x", ex -> respond(ex, 403, "text/html", ascii("<!DOCTYPE html><html><head>"
                            + "<title>Just a moment...</title></head><body><div id=\"cf-chl-widget\"></div>"
                            + "<script>window._cf_chl_opt={cType:'managed'};</script></body></html>"), "cf-mitigated", "challenge"));
                    t.expect(t.get("/news/x"), FetchStatus.BLOCKED, "Cloudflare challenge");
                    assertEquals(1, t.site.hits("/news/x").size());
                }),
                named("403 without explanation", t -> {
                    t.site.route("/news/x", ex -> respond(ex, 403, "text/html", ascii("<html><body>Forbidden</body></html>")));
                    t.expect(t.get("/news/x"), FetchStatus.BLOCKED, "HTTP 403");
                }),
                named("503 DDoS-Guard check page: BLOCKED, not retried", t -> {
                    t.site.route("/news/x", ex -> respond(ex, 503, "text/html", ascii("<html><head><title>DDoS-Guard</title>"
                            + "</head><body><script src=\"https://check.ddos-guard.net/check.js\"></script></body></html>")));
                    t.expect(t.get("/news/x"), FetchStatus.BLOCKED, "DDoS-Guard");
                    assertEquals(1, t.site.hits("/news/x").size());
                }),
                named("captcha page served with 200", t -> {
                    t.site.route("/news/x", ex -> respond(ex, 200, HTML, ascii("<!DOCTYPE html><html><head><title>Are you a robot?"
                            + "</title></head><body><form><div class=\"captcha\"></div></form></body></html>")));
                    t.expect(t.get("/news/x"), FetchStatus.BLOCKED, "bot check");
                }),
                named("binary content labelled image/png", t -> {
                    t.site.route("/news/x", ex -> respond(ex, 200, "image/png", png()));
                    t.expect(t.get("/news/x"), FetchStatus.UNSUPPORTED_TYPE, "image/png is not HTML");
                }),
                named("binary content without a Content-Type", t -> {
                    t.site.route("/news/x", ex -> respond(ex, 200, null, png()));
                    t.expect(t.get("/news/x"), FetchStatus.UNSUPPORTED_TYPE, "does not look like HTML");
                }),
                named("empty 200 body", t -> {
                    t.site.route("/news/x", ex -> respond(ex, 200, HTML, new byte[0]));
                    t.expect(t.get("/news/x"), FetchStatus.HTTP_ERROR, "empty body");
                }));
    }

    // --- robots.txt ---------------------------------------------------------------------------------------------------

    static List<Arguments> robots() {
        return List.of(
                named("robots.txt disallows the page", t -> {
                    t.site.content("/robots.txt", "text/plain", "User-agent: *\nDisallow: /news/\n");
                    t.site.content("/news/x", HTML, HttpFetcherTest.fixture("article-en.html"));
                    t.expect(t.get("/news/x"), FetchStatus.ROBOTS_DISALLOWED, "disallows /news/x");
                    assertEquals(0, t.site.hits("/news/x").size());
                }),
                named("robots.txt answers 500: disallow all", t -> {
                    t.site.route("/robots.txt", ex -> respond(ex, 500, "text/plain", ascii("error")));
                    t.site.content("/news/x", HTML, HttpFetcherTest.fixture("article-en.html"));
                    t.expect(t.get("/news/x"), FetchStatus.ROBOTS_DISALLOWED, "HTTP 500");
                    assertEquals(0, t.site.hits("/news/x").size());
                    assertEquals(1, t.site.hits("/robots.txt").size(), "robots.txt is not retried");
                }),
                named("robots.txt answers 404: allow all", t -> {
                    t.site.content("/news/x", HTML, HttpFetcherTest.fixture("article-en.html"));
                    t.expect(t.get("/news/x"), FetchStatus.OK, null);
                    assertEquals(1, t.site.hits("/robots.txt").size());
                }),
                named("robots.txt stalls: disallow all", t -> {
                    t.site.route("/robots.txt", ex -> t.await());
                    t.site.content("/news/x", HTML, HttpFetcherTest.fixture("article-en.html"));
                    t.expect(t.get("/news/x"), FetchStatus.ROBOTS_DISALLOWED, "TIMEOUT");
                    assertEquals(0, t.site.hits("/news/x").size());
                }),
                named("robots.txt redirects to 169.254.169.254: disallow all", t -> {
                    t.site.route("/robots.txt", ex -> redirect(ex, 302, "http://169.254.169.254/latest/meta-data/"));
                    t.site.content("/news/x", HTML, HttpFetcherTest.fixture("article-en.html"));
                    t.expect(t.get("/news/x"), FetchStatus.ROBOTS_DISALLOWED, "ADDRESS_REFUSED");
                    assertEquals(0, t.site.hits("/news/x").size());
                }),
                named("robots.txt asks for a Crawl-delay of an hour", t -> {
                    t.site.content("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 3600\n");
                    t.site.content("/news/x", HTML, HttpFetcherTest.fixture("article-en.html"));
                    t.expect(t.get("/news/x"), FetchStatus.ROBOTS_DISALLOWED, "Crawl-delay of 3600 s");
                }));
    }

    // --- discovery: feeds and sitemaps ------------------------------------------------------------------------------

    static List<Arguments> discovery() {
        return List.of(
                named("malformed XML feed", t -> {
                    t.site.content("/rss.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><item><link>oops</channel></rss>");
                    Discovery d = t.discover(List.of("/rss.xml"), List.of());
                    t.expectProblem(d, "not a readable feed");
                }),
                named("truncated XML feed", t -> {
                    String feed = t.discoverFixture("rss-business.xml");
                    t.site.content("/rss.xml", "application/rss+xml", feed.substring(0, feed.length() / 2));
                    t.expectProblem(t.discover(List.of("/rss.xml"), List.of()), "not a readable feed");
                }),
                named("XXE feed: external entity never resolved", t -> {
                    Path secret = t.tmp.resolve("secret.txt");
                    Files.writeString(secret, "TOP-SECRET-4711");
                    t.site.content("/rss.xml", "application/rss+xml", t.discoverFixture("xxe-feed.xml")
                            .replace("{{SECRET_URI}}", secret.toUri().toString()));
                    Discovery d = t.discover(List.of("/rss.xml"), List.of());
                    t.expectProblem(d, "DOCTYPE");
                    assertFalse(d.toString().contains("TOP-SECRET-4711"));
                }),
                named("billion laughs feed", t -> {
                    t.site.content("/rss.xml", "application/rss+xml", t.discoverFixture("billion-laughs-feed.xml"));
                    t.expectProblem(t.discover(List.of("/rss.xml"), List.of()), "DOCTYPE");
                }),
                named("XXE sitemap pointing at 169.254.169.254", t -> {
                    t.site.content("/sitemap.xml", "application/xml", "<?xml version=\"1.0\"?><!DOCTYPE urlset [<!ENTITY x SYSTEM "
                            + "\"http://169.254.169.254/latest/meta-data/\">]><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                            + "<url><loc>" + t.site.base() + "/news/2026/11/20/a&x;</loc></url></urlset>");
                    t.expectProblem(t.discover(List.of(), List.of("/sitemap.xml")), "DOCTYPE");
                }),
                named("sitemap of 50,000 URLs", t -> {
                    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                            + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
                    for (int i = 0; i < 50_000; i++) {
                        sb.append("<url><loc>").append(t.site.base()).append("/news/2026/11/20/story-").append(i)
                                .append("</loc><lastmod>2026-11-20</lastmod></url>\n");
                    }
                    byte[] gz = gzip(sb.append("</urlset>\n").toString().getBytes(StandardCharsets.UTF_8));
                    t.site.route("/sitemap.xml.gz", ex -> respond(ex, 200, "application/x-gzip", gz));
                    Discovery d = t.discover(List.of(), List.of("/sitemap.xml.gz"));
                    assertEquals(50_000, d.urls().size());
                    assertEquals(List.of(), d.problems());
                    assertEquals(t.site.base() + "/news/2026/11/20/story-49999", d.urls().get(49_999).url());
                }),
                named("sitemap index loop: A lists B, B lists A and itself", t -> {
                    String ns = "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">";
                    t.site.content("/a.xml", "application/xml", ns + "<sitemap><loc>" + t.site.base() + "/b.xml</loc></sitemap>"
                            + "<sitemap><loc>" + t.site.base() + "/news.xml</loc></sitemap></sitemapindex>");
                    t.site.content("/b.xml", "application/xml", ns + "<sitemap><loc>" + t.site.base() + "/a.xml</loc></sitemap>"
                            + "<sitemap><loc>" + t.site.base() + "/b.xml</loc></sitemap></sitemapindex>");
                    t.site.content("/news.xml", "application/xml", "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                            + "<url><loc>" + t.site.base() + "/news/2026/11/20/only-story</loc></url></urlset>");
                    Discovery d = t.discover(List.of(), List.of("/a.xml"));
                    assertEquals(1, d.urls().size(), d.toString());
                    assertEquals(1, t.site.hits("/a.xml").size());
                    assertEquals(1, t.site.hits("/b.xml").size());
                }),
                named("sitemap index whose child is on 169.254.169.254", t -> {
                    t.site.content("/index.xml", "application/xml", "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                            + "<sitemap><loc>http://169.254.169.254/latest/meta-data/sitemap.xml</loc></sitemap></sitemapindex>");
                    t.expectProblem(t.discover(List.of(), List.of("/index.xml")), "ADDRESS_REFUSED");
                }),
                named("feed links to 127.0.0.2, [::1] and 169.254.169.254: listed, but fetching them is refused", t -> {
                    List<String> links = List.of(t.decoy.base() + "/news/a", t.decoy6.base() + "/news/b",
                            "http://169.254.169.254/news/c", "http://10.0.0.1/news/d");
                    StringBuilder items = new StringBuilder();
                    links.forEach(l -> items.append("<item><title>t</title><link>").append(l).append("</link></item>"));
                    t.site.content("/rss.xml", "application/rss+xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                            + "<title>x</title><link>" + t.site.base() + "/</link><description>x</description>" + items
                            + "</channel></rss>");
                    Discovery d = t.discover(List.of("/rss.xml"), List.of());
                    assertEquals(4, d.urls().size(), d.toString());
                    for (DiscoveredUrl u : d.urls()) {
                        t.expect(t.fetcher.fetch(URI.create(u.url()), Validators.NONE), FetchStatus.ADDRESS_REFUSED, "not a public address");
                    }
                }),
                named("windows-1251 feed labelled UTF-8: Cyrillic links decode right", t -> {
                    String feed = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>"
                            + "<title>Волинські новини — стрічка</title><link>" + t.site.base() + "/</link>"
                            + "<description>Останні новини Волині та Луцька</description>"
                            + "<item><title>Укренерго: графіки відключень у четвер не застосовуватимуть</title>"
                            + "<link>" + t.site.base() + "/news/2026/11/19/графіки-відключень</link>"
                            + "<description>Енергетики завершили ремонт двох енергоблоків теплової електростанції.</description>"
                            + "</item></channel></rss>";
                    t.site.route("/rss.xml", ex -> respond(ex, 200, "application/rss+xml; charset=utf-8",
                            feed.getBytes(Charset.forName("windows-1251"))));
                    Discovery d = t.discover(List.of("/rss.xml"), List.of());
                    assertEquals(List.of(), d.problems());
                    assertEquals(t.site.base() + "/news/2026/11/19/%D0%B3%D1%80%D0%B0%D1%84%D1%96%D0%BA%D0%B8-"
                            + "%D0%B2%D1%96%D0%B4%D0%BA%D0%BB%D1%8E%D1%87%D0%B5%D0%BD%D1%8C", d.urls().get(0).url());
                }));
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    private static Arguments named(String name, Scenario scenario) {
        return Arguments.of(name, scenario);
    }

    /** A raw server sending {@code response} verbatim (then closing); the fetch must fail with IO_ERROR. */
    private static Arguments raw(String name, String response, String reasonFragment) {
        return named(name, t -> {
            URI u = t.raw((head, out) -> out.write(ascii(response)));
            t.expect(t.fetcher.fetch(u, Validators.NONE), FetchStatus.IO_ERROR, reasonFragment);
        });
    }

    FetchResult get(String path) {
        return fetcher.fetch(site.uri(path), Validators.NONE);
    }

    FetchResult expect(FetchResult r, FetchStatus status, String reasonFragment) {
        assertEquals(status, r.status(), () -> r.toString());
        if (reasonFragment != null) {
            assertTrue(r.reason() != null && r.reason().contains(reasonFragment), () -> "reason: " + r.reason());
        }
        return r;
    }

    void expectProblem(Discovery d, String fragment) {
        assertTrue(d.problems().stream().anyMatch(p -> p.contains(fragment)), () -> "problems: " + d.problems());
        assertEquals(List.of(), d.urls());
    }

    Discovery discover(List<String> feeds, List<String> sitemaps) {
        Outlet outlet = new Outlet("hostile", "Hostile Herald", "uk", ZoneId.of("Europe/Kyiv"),
                feeds.stream().map(site::uri).toList(), sitemaps.stream().map(site::uri).toList(), List.of(),
                Pattern.compile("^https?://[^/]+/news/"), Duration.ofHours(48), Duration.ofMinutes(60), Duration.ZERO, null);
        return new Discoverer(fetcher).discover(outlet);
    }

    String discoverFixture(String name) {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/discover/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{BASE}}", site.base());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fetcher like the suite's, with changed options; closed after the case. */
    HttpFetcher fetcher(java.util.function.Consumer<HttpFetcher.Builder> options) {
        HttpFetcher.Builder b = HttpFetcher.builder()
                .addressGuard(AddressGuard.fromSpec("127.0.0.1/32"))
                .resolver(host -> resolver.resolve(host))
                .socketFactory(new RecordingSockets(connections))
                .minDelay(Duration.ZERO)
                .connectTimeout(Duration.ofSeconds(1))
                .totalTimeout(TOTAL);
        options.accept(b);
        HttpFetcher f = b.build();
        closeLater.add(f);
        return f;
    }

    URI raw(RawSocketServer.Script script) {
        RawSocketServer server = RawSocketServer.start(script);
        closeLater.add(server);
        return server.uri("/news/raw");
    }

    void await() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int port(LoopbackHttpServer s) {
        return URI.create(s.base()).getPort();
    }

    private static byte[] page(String fixture) {
        return HttpFetcherTest.fixture(fixture).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] png() {
        byte[] b = new byte[4096];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(magic, 0, b, 0, magic.length);
        for (int i = magic.length; i < b.length; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes up to {@code n} bytes of page-like filler until the client hangs up; returns how many went out. */
    private static long stream(OutputStream out, long n) {
        byte[] chunk = "<p>filler filler filler filler filler filler filler filler</p>\n".repeat(256)
                .getBytes(StandardCharsets.US_ASCII);
        long sent = 0;
        try {
            while (sent < n) {
                out.write(chunk);
                sent += chunk.length;
            }
        } catch (IOException e) {
            // the client stopped reading: the point of the exercise
        }
        return sent;
    }

    private static void bomb(HttpExchange ex, String encoding, AtomicLong written) {
        ex.getResponseHeaders().set("Content-Type", HTML);
        ex.getResponseHeaders().set("Content-Encoding", encoding);
        byte[] zeros = new byte[64 * 1024];
        long n = 0;
        try {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream z = encoding.equals("gzip") ? new GZIPOutputStream(ex.getResponseBody())
                    : new DeflaterOutputStream(ex.getResponseBody(), new Deflater(9))) {
                while (n < 1L << 30) {
                    z.write(zeros);
                    n += zeros.length;
                }
            }
        } catch (IOException e) {
            // cut off by the client
        } finally {
            written.set(n);
        }
    }

    private static byte[] gzip(byte[] data) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Makes plain sockets and records every address one is connected to. */
    static final class RecordingSockets extends SocketFactory {
        private final List<InetSocketAddress> connections;

        RecordingSockets(List<InetSocketAddress> connections) {
            this.connections = connections;
        }

        @Override
        public Socket createSocket() {
            return new Socket() {
                @Override
                public void connect(SocketAddress endpoint, int timeout) throws IOException {
                    connections.add((InetSocketAddress) endpoint);
                    super.connect(endpoint, timeout);
                }
            };
        }

        private static UnsupportedOperationException connectsItself() {
            return new UnsupportedOperationException("the fetcher connects unconnected sockets itself");
        }

        @Override
        public Socket createSocket(String host, int port) {
            throw connectsItself();
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
            throw connectsItself();
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
            throw connectsItself();
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
            throw connectsItself();
        }
    }
}
