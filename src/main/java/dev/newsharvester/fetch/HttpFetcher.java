package dev.newsharvester.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * The polite HTTP client of the harvester. Thread-safe; share one per process and close it at the end.
 *
 * <p>For each request it: follows redirects itself (each hop must be http/https and pass the {@link AddressGuard});
 * obeys robots.txt (RFC 9309, cached per origin); paces requests per host (at least
 * {@code max(minDelay, hostDelay, robots Crawl-delay)} between the end of one request and the start of the next);
 * sends conditional GETs; asks for gzip/deflate and decodes it with a cap on decoded bytes; enforces a total time
 * limit per request; retries 429/5xx twice with jittered backoff honouring {@code Retry-After} (up to 10 s); and
 * works out the charset.
 *
 * <p>It never throws for network or server conditions: every outcome is a {@link FetchResult} with a status and a
 * reason. It throws only for caller errors (a null or non-http(s) URL).
 *
 * <p><b>Known limitation (DNS rebinding):</b> the host is resolved and checked right before each request, but
 * {@link HttpClient} resolves the name again when it connects, so a hostile DNS server answering with a public
 * address first and a private one a moment later could slip past the check. {@code HttpClient} offers no way to
 * connect to a given address for a named host (and rewriting the URL to the IP breaks TLS/SNI and virtual hosts);
 * closing this needs a pinned resolver (an {@code InetAddressResolverProvider}) or a socket-level client.
 */
public final class HttpFetcher implements AutoCloseable {

    private static final int MAX_RETRIES = 2;
    private static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(10);
    private static final Duration BACKOFF_BASE = Duration.ofMillis(500);
    private static final int ERROR_PAGE_BYTES = 64 * 1024;   // enough to recognise a challenge page
    private static final int ROBOTS_BYTES = 512 * 1024;      // RFC 9309: parse at least 500 KiB
    private static final int SNIFF_BYTES = 1024;

    private enum Mode {
        /** Article pages: HTML only. */
        ARTICLE,
        /** Feeds, sitemaps, anything: no type check. */
        ANY,
        /** robots.txt itself: no robots check, no retries, truncated at 512 KiB. */
        ROBOTS
    }

    private final String userAgent;
    private final Duration connectTimeout;
    private final Duration totalTimeout;
    private final int maxBodyBytes;
    private final int maxRedirects;
    private final AddressGuard guard;
    private final boolean respectRobots;
    private final Duration minDelay;
    private final Clock clock;
    private final HttpClient client;
    private final HostPacer pacer = new HostPacer();
    private final ScheduledThreadPoolExecutor timeouts;
    private final RobotsCache robots;

    private HttpFetcher(Builder b) {
        this.userAgent = b.userAgent;
        this.connectTimeout = b.connectTimeout;
        this.totalTimeout = b.totalTimeout;
        this.maxBodyBytes = b.maxBodyBytes;
        this.maxRedirects = b.maxRedirects;
        this.guard = b.addressGuard;
        this.respectRobots = b.respectRobots;
        this.minDelay = b.minDelay;
        this.clock = b.clock;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)   // each hop is checked here
                .connectTimeout(b.connectTimeout)
                .proxy(HttpClient.Builder.NO_PROXY)
                // One request at a time per host anyway; HTTP/1.1 avoids h2c upgrade headers that upset old servers.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.timeouts = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "http-fetcher-timeouts");
            t.setDaemon(true);
            return t;
        });
        this.timeouts.setRemoveOnCancelPolicy(true);
        this.robots = new RobotsCache(url -> run(url, Validators.NONE, Duration.ZERO, Mode.ROBOTS), clock, userAgent);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fetches an article page (HTML only) with the fetcher's own minimum delay for the host. */
    public FetchResult fetch(URI url, Validators validators) {
        return run(url, validators, Duration.ZERO, Mode.ARTICLE);
    }

    /**
     * Fetches an article page (HTML only).
     *
     * @param hostDelay the outlet's crawl delay: a floor on the time between two requests to the host
     */
    public FetchResult fetch(URI url, Validators validators, Duration hostDelay) {
        return run(url, validators, hostDelay, Mode.ARTICLE);
    }

    /** Fetches any resource (feed, sitemap, text) without the HTML type check. */
    public FetchResult fetchAny(URI url, Validators validators) {
        return run(url, validators, Duration.ZERO, Mode.ANY);
    }

    /** Fetches any resource (feed, sitemap, text) without the HTML type check, with an outlet crawl delay floor. */
    public FetchResult fetchAny(URI url, Validators validators, Duration hostDelay) {
        return run(url, validators, hostDelay, Mode.ANY);
    }

    @Override
    public void close() {
        timeouts.shutdownNow();
        client.close();
    }

    // ---------------------------------------------------------------------------------------------------------

    private FetchResult run(URI requested, Validators validators, Duration hostDelay, Mode mode) {
        requireHttpUrl(requested);
        try {
            return follow(requested, validators, hostDelay, mode);
        } catch (RuntimeException e) {
            // Last resort: whatever a hostile server or a library trips over must not take the harvest down.
            return failure(requested, requested, FetchStatus.IO_ERROR, 0, "unexpected " + e);
        }
    }

    private FetchResult follow(URI requested, Validators validators, Duration hostDelay, Mode mode) {
        Validators v = validators == null ? Validators.NONE : validators;
        Duration floor = max(minDelay, hostDelay == null || hostDelay.isNegative() ? Duration.ZERO : hostDelay);
        URI current = Locations.withPath(requested);
        for (int redirects = 0; ; redirects++) {
            Duration delay = floor;
            // The address comes first: a refused host gets no request at all, not even for its robots.txt.
            Exchange refused = guardCheck(current);
            if (refused != null) {
                return failure(requested, current, refused.failure, 0, refused.reason);
            }
            if (mode != Mode.ROBOTS && respectRobots) {
                RobotsCache.Verdict verdict = robots.check(current);
                if (!verdict.allowed()) {
                    return failure(requested, current, FetchStatus.ROBOTS_DISALLOWED, 0, verdict.reason());
                }
                delay = max(delay, verdict.crawlDelay());
            }
            Exchange ex = exchangeWithRetries(current, v, delay, mode);
            if (ex.failure != null) {
                return failure(requested, current, ex.failure, 0, ex.reason);
            }
            if (!isRedirect(ex.status)) {
                return interpret(requested, current, ex, v, mode);
            }
            String location = ex.headers.firstValue("location").orElse("").strip();
            if (location.isEmpty()) {
                return failure(requested, current, FetchStatus.HTTP_ERROR, ex.status,
                        "HTTP " + ex.status + " redirect without a Location header");
            }
            URI next = Locations.resolve(current, location);
            String scheme = next == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
            if (next != null && !scheme.equals("http") && !scheme.equals("https")) {
                return failure(requested, current, FetchStatus.HTTP_ERROR, ex.status,
                        "HTTP " + ex.status + " redirect to a non-HTTP URL: " + abbreviate(location));
            }
            if (next == null || next.getHost() == null || next.getHost().isEmpty()) {
                return failure(requested, current, FetchStatus.HTTP_ERROR, ex.status,
                        "HTTP " + ex.status + " redirect to an unusable Location: " + abbreviate(location));
            }
            if (redirects >= maxRedirects) {
                return failure(requested, current, FetchStatus.TOO_MANY_REDIRECTS, ex.status,
                        "more than " + maxRedirects + " redirects (next: " + abbreviate(next.toString()) + ")");
            }
            current = next;
        }
    }

    /** The response to one URL after up to {@value #MAX_RETRIES} retries of 429 and 5xx answers. */
    private Exchange exchangeWithRetries(URI url, Validators v, Duration delay, Mode mode) {
        for (int attempt = 1; ; attempt++) {
            Exchange ex = exchange(url, v, delay, mode);
            boolean retryable = ex.failure == null && (ex.status == 429 || ex.status >= 500);
            if (!retryable || mode == Mode.ROBOTS) {
                return ex;
            }
            if (AntiBot.detect(ex.status, ex.headers, ex.body.bytes()) != null) {
                return ex;  // a challenge page will not go away by asking again
            }
            if (attempt > MAX_RETRIES) {
                return ex.withNote("after " + attempt + " attempts");
            }
            Duration retryAfter = retryAfter(ex.headers);
            if (retryAfter != null && retryAfter.compareTo(MAX_RETRY_WAIT) > 0) {
                return ex.withNote("Retry-After of " + retryAfter.toSeconds() + " s exceeds the "
                        + MAX_RETRY_WAIT.toSeconds() + " s this fetcher waits; not retried");
            }
            Duration wait = retryAfter != null ? retryAfter : backoff(attempt);
            pacer.defer(hostKey(url), wait);
        }
    }

    /** One HTTP request and its (decoded, capped) body, after pacing and the address check. */
    private Exchange exchange(URI url, Validators v, Duration delay, Mode mode) {
        HostPacer.Permit permit;
        try {
            permit = pacer.acquire(hostKey(url), delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Exchange.failed(FetchStatus.IO_ERROR, "interrupted while waiting for the host's crawl delay");
        }
        try (permit) {
            // Checked after the pacing wait, right before the request, so the answer is as fresh as it can be.
            // See the class comment on DNS rebinding.
            Exchange refused = guardCheck(url);
            if (refused != null) {
                return refused;
            }
            HttpRequest request;
            try {
                request = request(url, v, mode);
            } catch (IllegalArgumentException e) {
                return Exchange.failed(FetchStatus.IO_ERROR, "URL not usable for HTTP: " + e.getMessage());
            }
            // Synchronous send(): sendAsync() completes its future through the common ForkJoin pool, which callers
            // blocked on that pool (parallel streams, supplyAsync) can starve. The body's time limit is enforced by
            // our own timer instead of a future's get(timeout).
            Deadline deadline = new Deadline();
            ScheduledFuture<?> timer = timeouts.schedule(deadline::expire, totalTimeout.toNanos(), TimeUnit.NANOSECONDS);
            try {
                HttpResponse<Body> response = client.send(request, info -> deadline.attach(subscriber(info, mode)));
                if (response.body().kind() == Body.Kind.TIMED_OUT) {
                    return Exchange.failed(FetchStatus.TIMEOUT, "no complete response within " + format(totalTimeout));
                }
                return new Exchange(response.statusCode(), response.headers(), response.body(), null, null, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();   // send() has cancelled the exchange
                return Exchange.failed(FetchStatus.IO_ERROR, "interrupted");
            } catch (IOException | RuntimeException e) {
                return classify(e);
            } finally {
                timer.cancel(false);
            }
        }
    }

    /** Ends a body download that is still running when the time limit passes. */
    private static final class Deadline {
        private Body.Collector collector;
        private boolean expired;

        synchronized HttpResponse.BodySubscriber<Body> attach(HttpResponse.BodySubscriber<Body> subscriber) {
            if (subscriber instanceof Body.Collector c) {
                collector = c;
                if (expired) {
                    c.abort();
                }
            }
            return subscriber;
        }

        synchronized void expire() {
            expired = true;
            if (collector != null) {
                collector.abort();
            }
            // Before the headers arrive, the request's own timeout (same length) ends the exchange.
        }
    }

    /** Null when the URL's host may be contacted, else why not. */
    private Exchange guardCheck(URI url) {
        try {
            guard.resolve(url);
            return null;
        } catch (AddressRefusedException e) {
            return Exchange.failed(FetchStatus.ADDRESS_REFUSED, e.getMessage());
        } catch (UnknownHostException e) {
            return Exchange.failed(FetchStatus.IO_ERROR, "host does not resolve: " + url.getHost());
        }
    }

    private HttpRequest request(URI url, Validators v, Mode mode) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url)
                .GET()
                .timeout(totalTimeout)
                .header("User-Agent", userAgent)
                .header("Accept-Encoding", "gzip, deflate")
                .header("Accept", switch (mode) {
                    case ARTICLE -> "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";
                    case ANY -> "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.8";
                    case ROBOTS -> "text/plain,*/*;q=0.8";
                });
        if (v.etag() != null) {
            b.header("If-None-Match", v.etag());
        }
        if (v.lastModified() != null) {
            b.header("If-Modified-Since", v.lastModified());
        }
        return b.build();
    }

    /** Decides from the status and headers how much of the body to read, if any. */
    private HttpResponse.BodySubscriber<Body> subscriber(HttpResponse.ResponseInfo info, Mode mode) {
        int status = info.statusCode();
        boolean success = status >= 200 && status < 300;
        MediaType type = MediaType.parse(info.headers().firstValue("content-type").orElse(null));
        if (success && mode == Mode.ARTICLE && type != null && !type.isUninformative() && !type.isHtml()) {
            return Body.rejecting(Body.Kind.UNSUPPORTED_TYPE, "Content-Type " + type.mimeType() + " is not HTML");
        }
        boolean truncate = !success || mode == Mode.ROBOTS;   // error pages and robots.txt: the head is enough
        int cap = mode == Mode.ROBOTS ? ROBOTS_BYTES : success ? maxBodyBytes : ERROR_PAGE_BYTES;
        String encoding = info.headers().firstValue("content-encoding").orElse(null);
        long declared = contentLength(info.headers());
        boolean identity = encoding == null || encoding.isBlank() || encoding.strip().equalsIgnoreCase("identity");
        if (!truncate && identity && declared > cap) {
            return Body.rejecting(Body.Kind.TOO_LARGE, "Content-Length " + declared + " exceeds " + cap + " bytes");
        }
        try {
            return new Body.Collector(BodyDecoder.forEncoding(encoding, cap), truncate);
        } catch (IOException e) {
            return Body.rejecting(Body.Kind.CORRUPT, e.getMessage());
        }
    }

    /** The declared length, or -1 when absent or junk (the body is then read with the cap as usual). */
    private static long contentLength(HttpHeaders headers) {
        String v = headers.firstValue("content-length").orElse("").strip();
        return v.matches("\\d{1,18}") ? Long.parseLong(v) : -1;
    }

    private FetchResult interpret(URI requested, URI finalUrl, Exchange ex, Validators sent, Mode mode) {
        int status = ex.status;
        HttpHeaders h = ex.headers;
        String contentType = h.firstValue("content-type").orElse(null);
        String etag = h.firstValue("etag").orElse(null);
        String lastModified = h.firstValue("last-modified").orElse(null);
        Body body = ex.body;
        if (status == 304) {
            return new FetchResult(requested, finalUrl, FetchStatus.NOT_MODIFIED, status, contentType, null,
                    etag != null ? etag : sent.etag(), lastModified != null ? lastModified : sent.lastModified(),
                    Body.EMPTY, clock.instant(), "not modified since the stored copy");
        }
        if (status >= 200 && status < 300) {
            switch (body.kind()) {
                case TOO_LARGE -> {
                    return failure(requested, finalUrl, FetchStatus.TOO_LARGE, status, "body too large: " + body.problem());
                }
                case UNSUPPORTED_TYPE -> {
                    return failure(requested, finalUrl, FetchStatus.UNSUPPORTED_TYPE, status, body.problem());
                }
                case CORRUPT -> {
                    return failure(requested, finalUrl, FetchStatus.IO_ERROR, status, "undecodable body: " + body.problem());
                }
                default -> { }
            }
            byte[] bytes = body.bytes();
            if (mode != Mode.ROBOTS) {
                String bot = AntiBot.detect(status, h, bytes);
                if (bot != null) {
                    return failure(requested, finalUrl, FetchStatus.BLOCKED, status, "anti-bot page: " + bot);
                }
            }
            MediaType type = MediaType.parse(contentType);
            if (mode == Mode.ARTICLE && (type == null || type.isUninformative()) && !looksLikeHtml(bytes)) {
                return failure(requested, finalUrl, FetchStatus.UNSUPPORTED_TYPE, status,
                        "no usable Content-Type and the body does not look like HTML");
            }
            Charset charset = CharsetDetector.detect(type == null ? null : type.charset(), bytes);
            return new FetchResult(requested, finalUrl, FetchStatus.OK, status, contentType, charset, etag,
                    lastModified, bytes, clock.instant(), null);
        }
        String statusText = "HTTP " + status + (ex.note == null ? "" : " " + ex.note);
        String bot = mode == Mode.ROBOTS ? null : AntiBot.detect(status, h, body.bytes());
        if (status == 401 || status == 403 || status == 451 || bot != null) {
            return failure(requested, finalUrl, FetchStatus.BLOCKED, status, statusText + (bot == null ? "" : ": " + bot));
        }
        if (status == 404 || status == 410) {
            return failure(requested, finalUrl, FetchStatus.NOT_FOUND, status, statusText);
        }
        return failure(requested, finalUrl, FetchStatus.HTTP_ERROR, status, statusText);
    }

    private FetchResult failure(URI requested, URI finalUrl, FetchStatus status, int http, String reason) {
        return new FetchResult(requested, finalUrl, status, http, null, null, null, null, Body.EMPTY,
                clock.instant(), reason);
    }

    private Exchange classify(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (t instanceof HttpConnectTimeoutException) {
            return Exchange.failed(FetchStatus.TIMEOUT, "no connection within " + format(connectTimeout));
        }
        if (t instanceof HttpTimeoutException) {
            return Exchange.failed(FetchStatus.TIMEOUT, "no response within " + format(totalTimeout));
        }
        if (t instanceof ConnectException) {
            return Exchange.failed(FetchStatus.IO_ERROR, "connection failed: " + message);
        }
        if (t instanceof SSLException) {
            return Exchange.failed(FetchStatus.IO_ERROR, "TLS failure: " + message);
        }
        return Exchange.failed(FetchStatus.IO_ERROR, (t instanceof IOException ? "" : t.getClass().getSimpleName() + ": ")
                + message);
    }

    /** Retry-After as delta-seconds or an HTTP-date; null when absent or unreadable. */
    private Duration retryAfter(HttpHeaders headers) {
        String value = headers.firstValue("retry-after").orElse("").strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(clock.instant(), at);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** 0.5 s, 1 s, … doubled per attempt, with ±50 % jitter so that many clients do not retry in step. */
    private static Duration backoff(int attempt) {
        long base = BACKOFF_BASE.toMillis() << Math.min(attempt - 1, 10);
        long jittered = (long) (base * (0.5 + ThreadLocalRandom.current().nextDouble()));
        return Duration.ofMillis(Math.min(jittered, MAX_RETRY_WAIT.toMillis()));
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static boolean looksLikeHtml(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        return head.contains("<!doctype html") || head.contains("<html") || head.contains("<head")
                || head.contains("<body");
    }

    private static void requireHttpUrl(URI url) {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new IllegalArgumentException("URL has no host: " + url);
        }
    }

    private static String hostKey(URI url) {
        return url.getHost().toLowerCase(Locale.ROOT);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    /** One request's answer, or why there is none. */
    private record Exchange(int status, HttpHeaders headers, Body body, FetchStatus failure, String reason, String note) {
        static Exchange failed(FetchStatus status, String reason) {
            return new Exchange(0, null, null, status, reason, null);
        }

        Exchange withNote(String note) {
            return new Exchange(status, headers, body, failure, reason, note);
        }
    }

    /** Options of an {@link HttpFetcher}; every one has a production default. */
    public static final class Builder {
        private String userAgent = "news-harvester/0.1 (+https://github.com/news-harvester/news-harvester)";
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration totalTimeout = Duration.ofSeconds(20);
        private int maxBodyBytes = 10 * 1024 * 1024;
        private int maxRedirects = 5;
        private AddressGuard addressGuard = AddressGuard.strict();
        private boolean respectRobots = true;
        private Duration minDelay = Duration.ofSeconds(1);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The User-Agent header; its product token (before the first '/') is the name matched in robots.txt. */
        public Builder userAgent(String userAgent) {
            if (userAgent == null || userAgent.isBlank()) {
                throw new IllegalArgumentException("userAgent must not be blank");
            }
            this.userAgent = userAgent.strip();
            return this;
        }

        /** Time to establish a connection (default 5 s). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive("connectTimeout", connectTimeout);
            return this;
        }

        /** Time for one request from sending to the last body byte, per redirect hop and per retry (default 20 s). */
        public Builder totalTimeout(Duration totalTimeout) {
            this.totalTimeout = positive("totalTimeout", totalTimeout);
            return this;
        }

        /** Largest decoded body accepted; bigger ones are TOO_LARGE (default 10 MiB). */
        public Builder maxBodyBytes(long maxBodyBytes) {
            if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("maxBodyBytes must be between 1 and 2 GiB: " + maxBodyBytes);
            }
            this.maxBodyBytes = (int) maxBodyBytes;
            return this;
        }

        /** Redirects followed before TOO_MANY_REDIRECTS (default 5). */
        public Builder maxRedirects(int maxRedirects) {
            if (maxRedirects < 0 || maxRedirects > 20) {
                throw new IllegalArgumentException("maxRedirects must be between 0 and 20: " + maxRedirects);
            }
            this.maxRedirects = maxRedirects;
            return this;
        }

        /** Which addresses may be connected to (default {@link AddressGuard#strict()}). */
        public Builder addressGuard(AddressGuard addressGuard) {
            this.addressGuard = Objects.requireNonNull(addressGuard, "addressGuard");
            return this;
        }

        /** Whether robots.txt is obeyed (default true). */
        public Builder respectRobots(boolean respectRobots) {
            this.respectRobots = respectRobots;
            return this;
        }

        /** Least time between two requests to one host (default 1 s); {@link Duration#ZERO} for none. */
        public Builder minDelay(Duration minDelay) {
            Objects.requireNonNull(minDelay, "minDelay");
            if (minDelay.isNegative()) {
                throw new IllegalArgumentException("minDelay must not be negative: " + minDelay);
            }
            this.minDelay = minDelay;
            return this;
        }

        /** Clock for fetch times, HTTP dates and robots.txt expiry (pacing uses a monotonic timer). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public HttpFetcher build() {
            return new HttpFetcher(this);
        }

        private static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }
    }
}
