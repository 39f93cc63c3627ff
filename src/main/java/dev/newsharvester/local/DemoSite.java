package dev.newsharvester.local;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bundled demo site: snapshot pages of two news outlets ({@code unn}, {@code up}) and an
 * aggregator ({@code agg}), each served by its own loopback HTTP server so that each has its own
 * origin and {@code robots.txt}.
 *
 * <p>The site has three rounds. Round 2 changes the chrome of every article page (counters, latest
 * news, ads) and edits the text of exactly one article; feeds, sitemaps and robots.txt stay the
 * same. Round 3 is an article's later life: one headline is edited (body unchanged), one article is
 * deleted (404, and gone from its feed), one is moved (its old address answers 301 to a new slug,
 * which the feed lists instead). Responses carry a strong ETag and a Last-Modified date and honour conditional requests.
 * The content and its placeholders are described in {@code src/main/resources/demo-site/README.md}.
 *
 * <pre>{@code
 * try (DemoSite site = DemoSite.start()) {
 *     String yaml = site.outletsYaml();   // outlet profiles pointing at the three origins
 *     // harvest ...
 *     site.setRound(2);
 *     // harvest again ...
 *     site.setRound(3);
 *     // and again ...
 * }
 * }</pre>
 *
 * Thread-safe. Binds 127.0.0.1 only.
 */
public final class DemoSite implements AutoCloseable {

    /** The outlet ids of the demo site, in the order of {@link #outletsYaml()}. */
    public static final List<String> OUTLETS = List.of("unn", "up", "agg");

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final byte[] NOT_FOUND = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>404 Not Found</title></head>
            <body><h1>Page not found</h1><p>The page you requested does not exist or has been moved.</p></body>
            </html>
            """.getBytes(StandardCharsets.UTF_8);

    private final Map<String, HttpServer> servers;
    private final Map<String, URI> origins;
    private final ExecutorService executor;
    private final DemoSiteContent content;
    private final String outletsYaml;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> log = new ArrayList<>();
    private volatile int round = 1;

    private DemoSite(Map<String, HttpServer> servers, Map<String, URI> origins, ExecutorService executor,
                     DemoSiteContent content, String outletsYaml) {
        this.servers = servers;
        this.origins = origins;
        this.executor = executor;
        this.content = content;
        this.outletsYaml = outletsYaml;
    }

    /** Starts the three outlet servers on free loopback ports, in round 1. */
    public static DemoSite start() throws IOException {
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        Map<String, HttpServer> servers = new LinkedHashMap<>();
        Map<String, URI> origins = new LinkedHashMap<>();
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (String id : OUTLETS) {
                HttpServer server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
                servers.put(id, server);
                origins.put(id, URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
            }
            // Origins are known only once the ports are bound: render after binding.
            DemoSiteContent content = DemoSiteContent.load(origins);
            DemoSite site = new DemoSite(servers, Map.copyOf(origins), executor, content,
                    content.renderTemplate("outlets.yaml"));
            for (Map.Entry<String, HttpServer> e : servers.entrySet()) {
                String outlet = e.getKey();
                e.getValue().createContext("/", exchange -> site.handle(outlet, exchange));
                e.getValue().setExecutor(executor);
                e.getValue().start();
            }
            return site;
        } catch (IOException | RuntimeException e) {
            servers.values().forEach(s -> s.stop(0));
            executor.shutdownNow();
            throw e;
        }
    }

    /** The origin of an outlet, e.g. {@code http://127.0.0.1:41234} (no trailing slash). */
    public URI origin(String outletId) {
        URI origin = origins.get(outletId);
        if (origin == null) {
            throw new IllegalArgumentException("Unknown demo outlet '" + outletId + "'; known: " + OUTLETS);
        }
        return origin;
    }

    /**
     * Switches every outlet to round 1 (first snapshot), round 2 (chrome changed, one article edited) or round 3 (a
     * headline edited, an article deleted, one moved).
     */
    public void setRound(int round) {
        if (round < 1 || round > DemoSiteContent.ROUNDS) {
            throw new IllegalArgumentException("Demo site round must be 1, 2 or 3, got " + round);
        }
        this.round = round;
    }

    public int round() {
        return round;
    }

    /** Outlet profiles (the project's outlets YAML) for the three demo outlets, with the real origins. */
    public String outletsYaml() {
        return outletsYaml;
    }

    /** Number of requests answered so far, all outlets together. */
    public int requestCount() {
        return requests.get();
    }

    /**
     * A copy of the request log, oldest first. One entry per request:
     * {@code "<outlet> <METHOD> <raw path[?query]> <status>"}, followed by {@code " If-None-Match"}
     * and/or {@code " If-Modified-Since"} when the request carried those headers,
     * e.g. {@code "unn GET /en/rss/news_en.xml 304 If-None-Match"}.
     */
    public List<String> requestLog() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** Stops all three servers at once, abandoning exchanges in progress. */
    @Override
    public void close() {
        servers.values().forEach(s -> s.stop(0));
        executor.shutdownNow();
    }

    private void handle(String outlet, HttpExchange exchange) throws IOException {
        try (exchange) {
            int status = respond(outlet, exchange);
            Headers h = exchange.getRequestHeaders();
            String uri = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            String entry = outlet + " " + exchange.getRequestMethod() + " " + uri + " " + status
                    + (h.containsKey("If-None-Match") ? " If-None-Match" : "")
                    + (h.containsKey("If-Modified-Since") ? " If-Modified-Since" : "");
            synchronized (log) {
                log.add(entry);
            }
            requests.incrementAndGet();
        }
    }

    private int respond(String outlet, HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        boolean head = method.equals("HEAD");
        Headers out = exchange.getResponseHeaders();
        if (!head && !method.equals("GET")) {
            out.set("Allow", "GET, HEAD");
            exchange.sendResponseHeaders(405, -1);
            return 405;
        }
        // Lookup is by exact (decoded) path in the index: nothing else, in particular no file
        // outside the resource folder, can be served.
        String path = exchange.getRequestURI().getPath();
        int current = round;
        DemoSiteContent.Resource resource = path == null ? null : content.find(outlet, path, current);
        if (resource == null) {
            if (path != null && !path.endsWith("/") && content.find(outlet, path + "/", current) != null) {
                out.set("Location", origins.get(outlet) + exchange.getRequestURI().getRawPath() + "/");
                exchange.sendResponseHeaders(301, -1);
                return 301;
            }
            out.set("Content-Type", "text/html; charset=utf-8");
            return send(exchange, 404, NOT_FOUND, head);
        }
        if (resource.movedTo() != null) {
            out.set("Location", origins.get(outlet) + resource.movedTo());
            exchange.sendResponseHeaders(301, -1);
            return 301;
        }
        out.set("Content-Type", resource.contentType());
        out.set("ETag", resource.etag());
        out.set("Last-Modified", HTTP_DATE.format(resource.lastModified().atZone(ZoneOffset.UTC)));
        out.set("Cache-Control", "public, max-age=60");
        if (notModified(exchange.getRequestHeaders(), resource)) {
            exchange.sendResponseHeaders(304, -1);
            return 304;
        }
        return send(exchange, 200, resource.body(), head);
    }

    private static int send(HttpExchange exchange, int status, byte[] body, boolean head) throws IOException {
        if (head) {
            // HttpServer sends no body for HEAD; the length is announced by hand.
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        }
        return status;
    }

    /** RFC 9110: If-None-Match (weak comparison) wins; If-Modified-Since is used only without it. */
    private static boolean notModified(Headers request, DemoSiteContent.Resource resource) {
        List<String> inm = request.get("If-None-Match");
        if (inm != null) {
            String ours = resource.etag();
            for (String header : inm) {
                for (String tag : header.split(",")) {
                    String t = tag.strip();
                    if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(ours)) {
                        return true;
                    }
                }
            }
            return false;
        }
        String ims = request.getFirst("If-Modified-Since");
        if (ims != null) {
            try {
                Instant since = ZonedDateTime.parse(ims.strip(), HTTP_DATE).toInstant();
                return !resource.lastModified().isAfter(since);
            } catch (DateTimeParseException ignored) {
                return false; // an unparseable date is ignored, as RFC 9110 asks
            }
        }
        return false;
    }
}
