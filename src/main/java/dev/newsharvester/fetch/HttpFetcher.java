package dev.newsharvester.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpHeaders;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * The polite HTTP client of the harvester. Thread-safe; share one per process and close it at the end.
 *
 * <p>For each request it: follows redirects itself (each hop must be http/https and pass the {@link AddressGuard});
 * obeys robots.txt (RFC 9309, cached per origin); paces requests per host (at least
 * {@code max(minDelay, hostDelay, robots Crawl-delay)} between the end of one request and the start of the next);
 * sends conditional GETs; asks for gzip/deflate and decodes it with a cap on decoded bytes; enforces a total time
 * limit per request; retries 429/5xx twice with jittered backoff honouring {@code Retry-After} (up to 10 s); and
 * works out the charset (header, byte-order mark, meta, then detection, which also catches mislabelled pages).
 *
 * <p>It never throws for network or server conditions: every outcome is a {@link FetchResult} with a status and a
 * reason. It throws only for caller errors (a null or non-http(s) URL).
 *
 * <p><b>DNS rebinding:</b> requests go through {@link Http1Client}, which connects to the addresses the guard has
 * just checked, from one resolution per request, while TLS still verifies the certificate against the URL's host
 * name. ({@link java.net.http.HttpClient} would resolve the name a second time when connecting, and a hostile DNS
 * server could answer that second question with a private address.)
 */
public final class HttpFetcher implements AutoCloseable {

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
    private final HostResolver resolver;
    private final Http1Client http;
    private final int maxRetries;
    private final Duration retryBackoff;
    private final Duration maxRetryWait;
    private final Pacer pacer;
    private final ScheduledThreadPoolExecutor timeouts;
    private final RobotsCache robots;
    private final boolean view;

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
        this.resolver = b.resolver;
        this.maxRetries = b.maxRetries;
        this.retryBackoff = b.retryBackoff;
        this.maxRetryWait = b.maxRetryWait;
        SSLContext tls = b.sslContext;
        if (tls == null) {
            try {
                tls = SSLContext.getDefault();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("no default TLS context in this JVM", e);
            }
        }
        this.http = new Http1Client(b.socketFactory, tls.getSocketFactory(), b.connectTimeout);
        this.timeouts = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "http-fetcher-timeouts");
            t.setDaemon(true);
            return t;
        });
        this.timeouts.setRemoveOnCancelPolicy(true);
        this.robots = new RobotsCache(clock, userAgent, b.robotsStore);
        this.pacer = b.pacer != null ? b.pacer : new HostPacer();
        this.view = false;
    }

    /** A view of {@code base} with another pacer: same settings, connections, timers and robots.txt cache. */
    private HttpFetcher(HttpFetcher base, Pacer pacer) {
        this.userAgent = base.userAgent;
        this.connectTimeout = base.connectTimeout;
        this.totalTimeout = base.totalTimeout;
        this.maxBodyBytes = base.maxBodyBytes;
        this.maxRedirects = base.maxRedirects;
        this.guard = base.guard;
        this.respectRobots = base.respectRobots;
        this.minDelay = base.minDelay;
        this.clock = base.clock;
        this.resolver = base.resolver;
        this.maxRetries = base.maxRetries;
        this.retryBackoff = base.retryBackoff;
        this.maxRetryWait = base.maxRetryWait;
        this.http = base.http;
        this.timeouts = base.timeouts;
        this.robots = base.robots;
        this.pacer = Objects.requireNonNull(pacer, "pacer");
        this.view = true;
    }

    /**
     * This fetcher with every request paced by {@code pacer} instead of its own: how a fleet worker fetches during
     * its turn on a host (a shared, non-waiting pacer whose refusals end fetches as {@link FetchStatus#DEFERRED}).
     * The view shares this fetcher's connections, timers and robots.txt cache; closing it does nothing.
     */
    public HttpFetcher pacedBy(Pacer pacer) {
        return new HttpFetcher(this, pacer);
    }

    /**
     * The longest one {@link #fetch} can take when its pacer never waits: every redirect hop and retry at the whole
     * request limit, and robots.txt first. A fleet worker holds a host for at most this long.
     */
    public Duration worstCase() {
        return totalTimeout.plus(connectTimeout).multipliedBy((long) (maxRedirects + 1) * (maxRetries + 1) + 1);
    }

    /** The whole-request limit of one exchange (connect, send, and the last body byte). */
    public Duration requestLimit() {
        return totalTimeout.plus(connectTimeout);
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
        if (!view) {
            timeouts.shutdownNow();
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private FetchResult run(URI requested, Validators validators, Duration hostDelay, Mode mode) {
        Target.of(Objects.requireNonNull(requested, "url")); // caller errors throw; everything after is a result
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
            Target target = Target.of(current);
            Duration delay = floor;
            // The address comes first: a refused host gets no request at all, not even for its robots.txt.
            Exchange refused = guardCheck(target);
            if (refused != null) {
                return failure(requested, current, refused.failure, 0, refused.reason);
            }
            if (mode != Mode.ROBOTS && respectRobots) {
                RobotsCache.Verdict verdict = robots.check(target,
                        (robotsUrl, sent) -> run(robotsUrl, sent, Duration.ZERO, Mode.ROBOTS));
                if (verdict.deferred() != null) {
                    return deferred(requested, current, verdict.deferred().retryAt(),
                            "robots.txt not read yet: " + verdict.deferred().reason());
                }
                if (!verdict.allowed()) {
                    return failure(requested, current, FetchStatus.ROBOTS_DISALLOWED, 0, verdict.reason());
                }
                delay = max(delay, verdict.crawlDelay());
            }
            Exchange ex = exchangeWithRetries(target, v, delay, mode);
            if (ex.notBefore != null) {
                return deferred(requested, current, ex.notBefore, ex.reason);
            }
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
            String scheme = next == null || next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
            if (next != null && !scheme.equals("http") && !scheme.equals("https")) {
                return failure(requested, current, FetchStatus.HTTP_ERROR, ex.status,
                        "HTTP " + ex.status + " redirect to a non-HTTP URL: " + abbreviate(location));
            }
            String unusable = next == null ? "not a URL" : unusableReason(next);
            if (unusable != null) {
                return failure(requested, current, FetchStatus.HTTP_ERROR, ex.status,
                        "HTTP " + ex.status + " redirect to an unusable Location (" + unusable + "): " + abbreviate(location));
            }
            if (redirects >= maxRedirects) {
                return failure(requested, current, FetchStatus.TOO_MANY_REDIRECTS, ex.status,
                        "more than " + maxRedirects + " redirects (next: " + abbreviate(next.toString()) + ")");
            }
            current = next;
        }
    }

    private static String unusableReason(URI url) {
        try {
            Target.of(url);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The response to one URL after up to {@code maxRetries} retries of 429 and 5xx answers. */
    private Exchange exchangeWithRetries(Target target, Validators v, Duration delay, Mode mode) {
        String previous = null;
        for (int attempt = 1; ; attempt++) {
            Exchange ex = exchange(target, v, delay, mode);
            if (ex.notBefore != null) {
                return previous == null ? ex : ex.withReason(previous + "; " + ex.reason);
            }
            boolean retryable = ex.failure == null && (ex.status == 429 || ex.status >= 500);
            if (!retryable || mode == Mode.ROBOTS) {
                return ex;
            }
            if (AntiBot.detect(ex.status, ex.headers, ex.body.bytes()) != null) {
                return ex;  // a challenge page will not go away by asking again
            }
            if (attempt > maxRetries) {
                return ex.withNote("after " + attempt + " attempts");
            }
            Duration retryAfter = retryAfter(ex.headers);
            if (retryAfter != null && retryAfter.compareTo(maxRetryWait) > 0) {
                return ex.withNote("Retry-After of " + retryAfter.toSeconds() + " s exceeds the "
                        + format(maxRetryWait) + " this fetcher waits; not retried");
            }
            Duration wait = retryAfter != null ? retryAfter : backoff(attempt);
            pacer.defer(target.host(), wait);
            previous = "HTTP " + ex.status + (retryAfter != null ? " with Retry-After " + format(retryAfter) : "");
        }
    }

    /**
     * One HTTP request and its (decoded, capped) body, after pacing. The host is resolved once, here, right before
     * the request; the guard checks every address of that answer and the connection goes to one of them, so a DNS
     * answer that changes in between (rebinding) cannot lead anywhere unchecked.
     */
    private Exchange exchange(Target target, Validators v, Duration delay, Mode mode) {
        Pacer.Slot permit;
        try {
            permit = pacer.acquire(target.host(), delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Exchange.failed(FetchStatus.IO_ERROR, "interrupted while waiting for the host's crawl delay");
        }
        if (!permit.granted()) {
            return Exchange.deferred(permit.notBefore(), "host " + target.host() + " may not be asked before "
                    + permit.notBefore());
        }
        try (permit) {
            List<InetAddress> addresses;
            try {
                addresses = guard.resolve(target, resolver);
            } catch (AddressRefusedException e) {
                return Exchange.failed(FetchStatus.ADDRESS_REFUSED, e.getMessage());
            } catch (UnknownHostException e) {
                return Exchange.failed(FetchStatus.IO_ERROR, "host does not resolve: " + target.host());
            }
            boolean[] headReceived = new boolean[1];
            try (Deadline deadline = new Deadline(timeouts, totalTimeout)) {
                try (Http1Client.Response response = http.get(target, addresses, requestHeaders(v, mode), deadline)) {
                    headReceived[0] = true;
                    Body body = readBody(response, mode);
                    if (deadline.expired() && body.kind() != Body.Kind.COMPLETE) {
                        return Exchange.failed(FetchStatus.TIMEOUT, "no complete response within " + format(totalTimeout));
                    }
                    return new Exchange(response.status(), response.headers(), body, null, null, null, null);
                } catch (IOException | RuntimeException e) {
                    boolean readTimeout = e instanceof SocketTimeoutException
                            && !(e instanceof Http1Client.ConnectTimeoutException);
                    if (deadline.expired() || readTimeout) {
                        return Exchange.failed(FetchStatus.TIMEOUT, (headReceived[0] ? "no complete response within "
                                : "no response within ") + format(totalTimeout));
                    }
                    return classify(e);
                }
            }
        }
    }

    /** Null when the URL's host may be contacted, else why not. */
    private Exchange guardCheck(Target target) {
        try {
            guard.resolve(target, resolver);
            return null;
        } catch (AddressRefusedException e) {
            return Exchange.failed(FetchStatus.ADDRESS_REFUSED, e.getMessage());
        } catch (UnknownHostException e) {
            return Exchange.failed(FetchStatus.IO_ERROR, "host does not resolve: " + target.host());
        }
    }

    private List<String[]> requestHeaders(Validators v, Mode mode) {
        List<String[]> h = new ArrayList<>(6);
        h.add(new String[] {"User-Agent", userAgent});
        h.add(new String[] {"Accept", switch (mode) {
            case ARTICLE -> "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";
            case ANY -> "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.8";
            case ROBOTS -> "text/plain,*/*;q=0.8";
        }});
        h.add(new String[] {"Accept-Encoding", "gzip, deflate"});
        // Validators come from earlier responses, i.e. from servers: never let one split the request.
        if (v.etag() != null && Http1Client.isSafeHeaderValue(v.etag())) {
            h.add(new String[] {"If-None-Match", v.etag()});
        }
        if (v.lastModified() != null && Http1Client.isSafeHeaderValue(v.lastModified())) {
            h.add(new String[] {"If-Modified-Since", v.lastModified()});
        }
        return h;
    }

    /** Reads as much of the body as the status, type and mode call for. */
    private Body readBody(Http1Client.Response response, Mode mode) throws IOException {
        int status = response.status();
        HttpHeaders headers = response.headers();
        boolean success = status >= 200 && status < 300;
        MediaType type = MediaType.parse(headers.firstValue("content-type").orElse(null));
        if (success && mode == Mode.ARTICLE && type != null && !type.isUninformative() && !type.isHtml()) {
            return Body.rejected(Body.Kind.UNSUPPORTED_TYPE, "Content-Type " + type.mimeType() + " is not HTML");
        }
        boolean truncate = !success || mode == Mode.ROBOTS;   // error pages and robots.txt: the head is enough
        int cap = mode == Mode.ROBOTS ? ROBOTS_BYTES : success ? maxBodyBytes : ERROR_PAGE_BYTES;
        String encoding = headers.firstValue("content-encoding").orElse(null);
        long declared = contentLength(headers);
        boolean identity = encoding == null || encoding.isBlank() || encoding.strip().equalsIgnoreCase("identity");
        if (!truncate && identity && declared > cap) {
            return Body.rejected(Body.Kind.TOO_LARGE, "Content-Length " + declared + " exceeds " + cap + " bytes");
        }
        BodyDecoder decoder;
        try {
            decoder = BodyDecoder.forEncoding(encoding, cap);
        } catch (IOException e) {
            return Body.rejected(Body.Kind.CORRUPT, e.getMessage());
        }
        return Body.read(response.body(), decoder, truncate);
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
                    Body.EMPTY, clock.instant(), "not modified since the stored copy", null);
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
            if (bytes.length == 0 && mode != Mode.ROBOTS) {
                // An empty page or feed is a server glitch, not content (an empty robots.txt is valid: no rules).
                return failure(requested, finalUrl, FetchStatus.HTTP_ERROR, status, "empty body");
            }
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
                    lastModified, bytes, clock.instant(), null, null);
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
                clock.instant(), reason, null);
    }

    private FetchResult deferred(URI requested, URI finalUrl, java.time.Instant retryAt, String reason) {
        return new FetchResult(requested, finalUrl, FetchStatus.DEFERRED, 0, null, null, null, null, Body.EMPTY,
                clock.instant(), reason, retryAt);
    }

    private Exchange classify(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof Http1Client.ConnectTimeoutException) {
            return Exchange.failed(FetchStatus.TIMEOUT, message + " within " + format(connectTimeout));
        }
        if (e instanceof SocketTimeoutException) {
            return Exchange.failed(FetchStatus.TIMEOUT, "no response within " + format(totalTimeout));
        }
        if (e instanceof ConnectException) {
            return Exchange.failed(FetchStatus.IO_ERROR, "connection failed: " + message);
        }
        if (e instanceof SSLException) {
            return Exchange.failed(FetchStatus.IO_ERROR, "TLS failure: " + message);
        }
        if (e instanceof ProtocolException) {
            return Exchange.failed(FetchStatus.IO_ERROR, "malformed response: " + message);
        }
        return Exchange.failed(FetchStatus.IO_ERROR, (e instanceof IOException ? "" : e.getClass().getSimpleName() + ": ")
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

    /** base, 2 × base, … doubled per attempt, with ±50 % jitter so that many clients do not retry in step. */
    private Duration backoff(int attempt) {
        long base = retryBackoff.toMillis() << Math.min(attempt - 1, 10);
        long jittered = (long) (base * (0.5 + ThreadLocalRandom.current().nextDouble()));
        return Duration.ofMillis(Math.min(jittered, maxRetryWait.toMillis()));
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
    private record Exchange(int status, HttpHeaders headers, Body body, FetchStatus failure, String reason, String note,
                            Instant notBefore) {
        static Exchange failed(FetchStatus status, String reason) {
            return new Exchange(0, null, null, status, reason, null, null);
        }

        /** The pacer refused: no request was sent. */
        static Exchange deferred(Instant notBefore, String reason) {
            return new Exchange(0, null, null, null, reason, null, notBefore);
        }

        Exchange withNote(String note) {
            return new Exchange(status, headers, body, failure, reason, note, notBefore);
        }

        Exchange withReason(String reason) {
            return new Exchange(status, headers, body, failure, reason, note, notBefore);
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
        private HostResolver resolver = HostResolver.SYSTEM;
        private SocketFactory socketFactory = SocketFactory.getDefault();
        private SSLContext sslContext;
        private int maxRetries = 2;
        private Duration retryBackoff = Duration.ofMillis(500);
        private Duration maxRetryWait = Duration.ofSeconds(10);
        private Pacer pacer;
        private RobotsStore robotsStore = RobotsStore.NONE;

        private Builder() {
        }

        /** How requests are paced per host (default: an in-memory {@link HostPacer} that waits). */
        public Builder pacer(Pacer pacer) {
            this.pacer = Objects.requireNonNull(pacer, "pacer");
            return this;
        }

        /** Where robots.txt answers are shared with other processes (default: {@link RobotsStore#NONE}). */
        public Builder robotsStore(RobotsStore robotsStore) {
            this.robotsStore = Objects.requireNonNull(robotsStore, "robotsStore");
            return this;
        }

        /** The User-Agent header; its product token (before the first '/') is the name matched in robots.txt. */
        public Builder userAgent(String userAgent) {
            if (userAgent == null || userAgent.isBlank()) {
                throw new IllegalArgumentException("userAgent must not be blank");
            }
            if (!Http1Client.isSafeHeaderValue(userAgent.strip())) {
                throw new IllegalArgumentException("userAgent must be one line of printable Latin-1 text: " + userAgent);
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

        /**
         * How host names become addresses (default {@link HostResolver#SYSTEM}). Each request resolves once and
         * connects only to the addresses of that answer, after the guard has checked them.
         */
        public Builder resolver(HostResolver resolver) {
            this.resolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /** Creates the (unconnected) sockets; the default makes plain TCP sockets. */
        public Builder socketFactory(SocketFactory socketFactory) {
            this.socketFactory = Objects.requireNonNull(socketFactory, "socketFactory");
            return this;
        }

        /** TLS configuration, e.g. to trust a private CA (default: the JVM's default context and trust store). */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        /**
         * Retries of a 429 or 5xx answer (default 2, at most 5). Waits follow {@code Retry-After} when given, else
         * {@code backoff}, 2 × {@code backoff}, … with ±50 % jitter (default 500 ms); an answer asking for more than
         * {@code maxWait} (default 10 s) is not retried.
         */
        public Builder retries(int maxRetries, Duration backoff, Duration maxWait) {
            if (maxRetries < 0 || maxRetries > 5) {
                throw new IllegalArgumentException("maxRetries must be between 0 and 5: " + maxRetries);
            }
            this.maxRetries = maxRetries;
            this.retryBackoff = positive("backoff", backoff);
            this.maxRetryWait = positive("maxWait", maxWait);
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
