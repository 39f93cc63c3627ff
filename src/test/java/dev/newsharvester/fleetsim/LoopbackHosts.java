package dev.newsharvester.fleetsim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N simulated news sites, each a real HTTP server on its own loopback address (host {@code i} on 127.0.0.(10+i),
 * continuing into 127.0.1.x past 127.0.0.255; ephemeral port), so that distinct addresses are distinct hosts to
 * the crawler. Each serves {@code /robots.txt}, an RSS feed ({@code /feed.xml}; {@code /feed-<k>.xml} for further
 * outlets on the same host) and {@code /news/<slug>.html} article pages, after a configurable latency, and logs
 * every request into a {@link RequestLog} under the host's name {@code h<i>}. Requests are served by a shared
 * cached thread pool, so a host can have several requests in flight (which the log then shows).
 */
public final class LoopbackHosts implements AutoCloseable {

    /** How a host behaves. */
    public enum Mode {
        /** Answers everything after the latency. */
        NORMAL,
        /** Answers 429 with {@code Retry-After: 2} to its first K article requests, then normally. */
        RATE_LIMITED,
        /** Accepts connections and never answers (until {@link #close()}). */
        SILENT,
        /** robots.txt carries {@code Crawl-delay: 2}. */
        SLOW_ROBOTS
    }

    /** One outlet: its id in the YAML, the host serving it, the feed URL and its article URLs. */
    public record Outlet(String id, int host, String feedUrl, String articlePatternPrefix, List<String> articleUrls) {
    }

    private final class Host {
        final int index;
        final String name;
        final HttpServer server;
        final Mode mode;
        final Duration latency;
        final Map<String, SitePages.Item> articles = new LinkedHashMap<>();
        final Map<String, List<SitePages.Item>> feeds = new LinkedHashMap<>();
        final AtomicInteger articleRequests = new AtomicInteger();
        final AtomicLong views = new AtomicLong();

        Host(int index, Mode mode, Duration latency) throws IOException {
            this.index = index;
            this.name = "h" + index;
            this.mode = mode;
            this.latency = latency;
            this.views.set(1000L + index * 37L);
            InetAddress address = address(index);
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("simulated hosts only serve on loopback: " + address);
            }
            server = HttpServer.create(new InetSocketAddress(address, 0), 64);
            server.setExecutor(executor);
            server.createContext("/", this::serve);
            server.start();
        }

        String origin() {
            return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
        }

        void serve(HttpExchange ex) {
            long start = System.nanoTime();
            String path = ex.getRequestURI().getRawPath();
            int status = 0;
            try (ex) {
                if (mode == Mode.SILENT) {
                    log.add(new RequestLog.Request(name, path, start, -1, 0));
                    closed.await();
                    return;
                }
                sleep(latency);
                status = respond(ex, path);
            } catch (IOException | InterruptedException e) {
                // the client went away, or the sites are closing
            }
            if (mode != Mode.SILENT) {
                log.add(new RequestLog.Request(name, path, start, System.nanoTime(), status));
            }
        }

        int respond(HttpExchange ex, String path) throws IOException {
            if (path.equals("/robots.txt")) {
                return send(ex, 200, "text/plain; charset=utf-8", SitePages.robots(mode == Mode.SLOW_ROBOTS ? 2 : null));
            }
            List<SitePages.Item> feed = feeds.get(path);
            if (feed != null) {
                return send(ex, 200, "application/rss+xml; charset=utf-8",
                        SitePages.feed(origin(), siteName(index), path, feed));
            }
            SitePages.Item item = articles.get(path);
            if (item == null) {
                return send(ex, 404, "text/html; charset=utf-8", "<!DOCTYPE html><html><head><title>Not found</title>"
                        + "</head><body><h1>Page not found</h1></body></html>");
            }
            if (mode == Mode.RATE_LIMITED && articleRequests.incrementAndGet() <= rateLimitCount) {
                ex.getResponseHeaders().set("Retry-After", "2");
                return send(ex, 429, "text/plain; charset=utf-8", "Too Many Requests");
            }
            // A stable validator per article (its text does not change; the view counter is chrome): a conditional
            // re-fetch is answered 304, as a real outlet's server does.
            String etag = "\"a" + Integer.toHexString(path.hashCode()) + "\"";
            ex.getResponseHeaders().set("ETag", etag);
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                return 304;
            }
            List<SitePages.Item> related = new ArrayList<>();
            for (SitePages.Item other : articles.values()) {
                if (other != item && related.size() < 5) {
                    related.add(other);
                }
            }
            return send(ex, 200, "text/html; charset=utf-8",
                    SitePages.article(origin(), siteName(index), item, related, views.incrementAndGet()));
        }
    }

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fleetsim-site");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch closed = new CountDownLatch(1);
    private final RequestLog log = new RequestLog();
    private final List<Host> hosts = new ArrayList<>();
    private final List<Outlet> outlets = new ArrayList<>();
    private final Duration crawlDelay;
    private final int rateLimitCount;

    private LoopbackHosts(Builder b) {
        this.crawlDelay = b.crawlDelay;
        this.rateLimitCount = b.rateLimitCount;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try {
            for (int i = 0; i < b.hosts; i++) {
                Host h = new Host(i, b.modes.getOrDefault(i, Mode.NORMAL), b.latencies.getOrDefault(i, b.latency));
                hosts.add(h);
                for (int k = 0; k < b.outletsPerHost; k++) {
                    String id = b.outletsPerHost == 1 ? h.name : h.name + "-" + k;
                    String feedPath = k == 0 ? "/feed.xml" : "/feed-" + k + ".xml";
                    String prefix = b.outletsPerHost == 1 ? "/news/" : "/news/o" + k + "-";
                    List<SitePages.Item> items = new ArrayList<>();
                    List<String> urls = new ArrayList<>();
                    for (int j = 0; j < b.articlesPerOutlet; j++) {
                        long seed = b.seed * 1_000_003L + ((long) i * b.outletsPerHost + k) * 10_007L + j;
                        NewsProse.Story story = NewsProse.story(seed);
                        String path = prefix + String.format("%03d-", j) + slug(story.headline()) + ".html";
                        Instant published = now.minus(Duration.ofMinutes((j + 1) * 11L + i % 50));
                        SitePages.Item item = new SitePages.Item(path, published, story);
                        items.add(item);
                        h.articles.put(path, item);
                        urls.add(h.origin() + path);
                    }
                    h.feeds.put(feedPath, items);
                    outlets.add(new Outlet(id, i, h.origin() + feedPath, h.origin() + prefix, List.copyOf(urls)));
                }
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Host {@code i}'s address: 127.0.0.(10+i), then on into 127.0.1.0 and beyond (always inside 127.0.0.0/8). */
    public static InetAddress address(int i) {
        int n = 10 + i;
        if (n >= 256 * 256 * 255) {
            throw new IllegalArgumentException("too many hosts: " + i);
        }
        try {
            return InetAddress.getByAddress(new byte[] {127, (byte) (n >> 16), (byte) (n >> 8), (byte) n});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RequestLog log() {
        return log;
    }

    public int hostCount() {
        return hosts.size();
    }

    /** {@code h<i>}, the host's name in the request log. */
    public String hostName(int i) {
        return hosts.get(i).name;
    }

    /** {@code http://127.0.0.(10+i):PORT} */
    public String origin(int i) {
        return hosts.get(i).origin();
    }

    public List<Outlet> outlets() {
        return List.copyOf(outlets);
    }

    /** Every article URL of every outlet. */
    public List<String> articleUrls() {
        return outlets.stream().flatMap(o -> o.articleUrls().stream()).toList();
    }

    /** Article count per host name. */
    public Map<String, Integer> articlesPerHost() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Host h : hosts) {
            out.put(h.name, h.articles.size());
        }
        return out;
    }

    /** The delay a polite crawler keeps on host {@code name}: the outlets' crawlDelay, or robots.txt's when longer. */
    public Duration delayOf(String name) {
        Host h = hosts.get(Integer.parseInt(name.substring(1)));
        return h.mode == Mode.SLOW_ROBOTS && crawlDelay.compareTo(Duration.ofSeconds(2)) < 0 ? Duration.ofSeconds(2) : crawlDelay;
    }

    /** Feed requests answered so far (paths starting with {@code /feed}). */
    public long feedRequests() {
        return log.requests(r -> r.path().startsWith("/feed") && r.answered()).size();
    }

    /** Outlet profiles (the YAML of README "Configuring outlets"), one per outlet. */
    public String outletsYaml() {
        StringBuilder sb = new StringBuilder("# Generated by dev.newsharvester.fleetsim.LoopbackHosts\noutlets:\n");
        for (Outlet o : outlets) {
            sb.append("  - id: ").append(o.id()).append('\n')
                    .append("    name: ").append(siteName(o.host())).append(o.id().contains("-") ? " " + o.id() : "").append('\n')
                    .append("    language: en\n    timezone: UTC\n")
                    .append("    feeds: [").append(o.feedUrl()).append("]\n")
                    .append("    sitemaps: []\n    listings: []\n")
                    .append("    articlePattern: '^").append(regexQuote(o.articlePatternPrefix())).append(".+'\n")
                    .append("    revisit: PT48H\n    minRevisitInterval: PT60M\n")
                    .append("    crawlDelay: ").append(crawlDelay).append('\n');
        }
        return sb.toString();
    }

    /** Quotes regex metacharacters one by one (YAML single quotes keep the backslashes). */
    static String regexQuote(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("\\.[]{}()*+?^$|".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c == '\'' ? "''" : String.valueOf(c));
        }
        return sb.toString();
    }

    static String siteName(int host) {
        return "Loopback Daily " + host;
    }

    private static String slug(String headline) {
        String[] words = headline.toLowerCase().replaceAll("[^a-z0-9 ]", "").trim().split("\\s+");
        return String.join("-", java.util.Arrays.copyOf(words, Math.min(6, words.length)));
    }

    private static int send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
        return status;
    }

    private static void sleep(Duration d) throws InterruptedException {
        if (!d.isZero() && !d.isNegative()) {
            Thread.sleep(d);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        for (Host h : hosts) {
            h.server.stop(0);
        }
        executor.shutdownNow();
    }

    /** Settings; everything has a default (1 host, 15 articles, 100 ms latency, crawlDelay PT1S, K = 3). */
    public static final class Builder {
        private int hosts = 1;
        private int articlesPerOutlet = 15;
        private int outletsPerHost = 1;
        private Duration latency = Duration.ofMillis(100);
        private Duration crawlDelay = Duration.ofSeconds(1);
        private int rateLimitCount = 3;
        private long seed = 1;
        private final Map<Integer, Mode> modes = new HashMap<>();
        private final Map<Integer, Duration> latencies = new HashMap<>();

        public Builder hosts(int n) {
            this.hosts = n;
            return this;
        }

        /** Articles in each outlet's feed (with one outlet per host: articles per host). */
        public Builder articlesPerOutlet(int n) {
            this.articlesPerOutlet = n;
            return this;
        }

        /** Several outlets on one host (feeds /feed.xml, /feed-1.xml, …; ids h<i>-<k>); default 1 (id h<i>). */
        public Builder outletsPerHost(int n) {
            this.outletsPerHost = n;
            return this;
        }

        public Builder latency(Duration d) {
            this.latency = d;
            return this;
        }

        public Builder latency(int host, Duration d) {
            latencies.put(host, d);
            return this;
        }

        /** The outlets' crawlDelay in the YAML (and the delay the politeness figures use). */
        public Builder crawlDelay(Duration d) {
            this.crawlDelay = d;
            return this;
        }

        public Builder mode(int host, Mode mode) {
            modes.put(host, mode);
            return this;
        }

        /** K, the article requests a RATE_LIMITED host refuses with 429 before answering normally. */
        public Builder rateLimitCount(int k) {
            this.rateLimitCount = k;
            return this;
        }

        /** Seed of the generated article texts. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public LoopbackHosts start() {
            return new LoopbackHosts(this);
        }
    }
}
