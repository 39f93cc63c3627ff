package dev.newsharvester.fetch;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;

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

    private final Duration connectTimeout;
    private final Duration totalTimeout;
    private final int maxRedirects;
    private final int maxRetries;
    private final boolean respectRobots;
    private final Duration minDelay;
    private final RobotsCache robots;
    private final Responses responses;
    private final Exchanges exchanges;
    private final Pacer pacer;
    private final boolean view;

    private HttpFetcher(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.totalTimeout = b.totalTimeout;
        this.maxRedirects = b.maxRedirects;
        this.maxRetries = b.maxRetries;
        this.respectRobots = b.respectRobots;
        this.minDelay = b.minDelay;
        this.robots = new RobotsCache(b.clock, b.userAgent, b.robotsStore);
        this.responses = new Responses(b.clock, b.maxBodyBytes, b.connectTimeout, b.totalTimeout);
        this.exchanges = new Exchanges(b, responses);
        this.pacer = b.pacer != null ? b.pacer : new HostPacer();
        this.view = false;
    }

    /** A view of {@code base} with another pacer: same settings, connections, timers and robots.txt cache. */
    private HttpFetcher(HttpFetcher base, Pacer pacer) {
        this.connectTimeout = base.connectTimeout;
        this.totalTimeout = base.totalTimeout;
        this.maxRedirects = base.maxRedirects;
        this.maxRetries = base.maxRetries;
        this.respectRobots = base.respectRobots;
        this.minDelay = base.minDelay;
        this.robots = base.robots;
        this.responses = base.responses;
        this.exchanges = base.exchanges;
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
        return run(url, validators, Duration.ZERO, FetchMode.ARTICLE);
    }

    /**
     * Fetches an article page (HTML only).
     *
     * @param hostDelay the outlet's crawl delay: a floor on the time between two requests to the host
     */
    public FetchResult fetch(URI url, Validators validators, Duration hostDelay) {
        return run(url, validators, hostDelay, FetchMode.ARTICLE);
    }

    /** Fetches any resource (feed, sitemap, text) without the HTML type check. */
    public FetchResult fetchAny(URI url, Validators validators) {
        return run(url, validators, Duration.ZERO, FetchMode.ANY);
    }

    /** Fetches any resource (feed, sitemap, text) without the HTML type check, with an outlet crawl delay floor. */
    public FetchResult fetchAny(URI url, Validators validators, Duration hostDelay) {
        return run(url, validators, hostDelay, FetchMode.ANY);
    }

    @Override
    public void close() {
        if (!view) {
            exchanges.close();
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private FetchResult run(URI requested, Validators validators, Duration hostDelay, FetchMode mode) {
        Target.of(Objects.requireNonNull(requested, "url")); // caller errors throw; everything after is a result
        try {
            return follow(requested, validators, hostDelay, mode);
        } catch (RuntimeException e) {
            // Last resort: whatever a hostile server or a library trips over must not take the harvest down.
            return responses.failure(requested, requested, FetchStatus.IO_ERROR, 0, "unexpected " + e);
        }
    }

    private FetchResult follow(URI requested, Validators validators, Duration hostDelay, FetchMode mode) {
        Validators v = validators == null ? Validators.NONE : validators;
        Duration floor = max(minDelay, hostDelay == null || hostDelay.isNegative() ? Duration.ZERO : hostDelay);
        URI current = Locations.withPath(requested);
        for (int redirects = 0; ; redirects++) {
            Target target = Target.of(current);
            Duration delay = floor;
            // The address comes first: a refused host gets no request at all, not even for its robots.txt.
            Exchange refused = exchanges.guardCheck(target);
            if (refused != null) {
                return responses.failure(requested, current, refused.failure(), 0, refused.reason());
            }
            if (mode != FetchMode.ROBOTS && respectRobots) {
                RobotsCache.Verdict verdict = robots.check(target,
                        (robotsUrl, sent) -> run(robotsUrl, sent, Duration.ZERO, FetchMode.ROBOTS));
                if (verdict.deferred() != null) {
                    return responses.deferred(requested, current, verdict.deferred().retryAt(),
                            "robots.txt not read yet: " + verdict.deferred().reason());
                }
                if (!verdict.allowed()) {
                    return responses.failure(requested, current, FetchStatus.ROBOTS_DISALLOWED, 0, verdict.reason());
                }
                delay = max(delay, verdict.crawlDelay());
            }
            Exchange ex = exchanges.withRetries(pacer, target, v, delay, mode);
            if (ex.notBefore() != null) {
                return responses.deferred(requested, current, ex.notBefore(), ex.reason());
            }
            if (ex.failure() != null) {
                return responses.failure(requested, current, ex.failure(), 0, ex.reason());
            }
            if (!isRedirect(ex.status())) {
                return responses.interpret(requested, current, ex, v, mode);
            }
            String location = ex.headers().firstValue("location").orElse("").strip();
            if (location.isEmpty()) {
                return responses.failure(requested, current, FetchStatus.HTTP_ERROR, ex.status(),
                        "HTTP " + ex.status() + " redirect without a Location header");
            }
            URI next = Locations.resolve(current, location);
            String scheme = next == null || next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
            if (next != null && !scheme.equals("http") && !scheme.equals("https")) {
                return responses.failure(requested, current, FetchStatus.HTTP_ERROR, ex.status(),
                        "HTTP " + ex.status() + " redirect to a non-HTTP URL: " + Responses.abbreviate(location));
            }
            String unusable = next == null ? "not a URL" : unusableReason(next);
            if (unusable != null) {
                return responses.failure(requested, current, FetchStatus.HTTP_ERROR, ex.status(),
                        "HTTP " + ex.status() + " redirect to an unusable Location (" + unusable + "): " + Responses.abbreviate(location));
            }
            if (redirects >= maxRedirects) {
                return responses.failure(requested, current, FetchStatus.TOO_MANY_REDIRECTS, ex.status(),
                        "more than " + maxRedirects + " redirects (next: " + Responses.abbreviate(next.toString()) + ")");
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

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Options of an {@link HttpFetcher}; every one has a production default. */
    public static final class Builder {
        String userAgent = "news-harvester/0.1 (+https://github.com/news-harvester/news-harvester)";
        Duration connectTimeout = Duration.ofSeconds(5);
        Duration totalTimeout = Duration.ofSeconds(20);
        int maxBodyBytes = 10 * 1024 * 1024;
        int maxRedirects = 5;
        AddressGuard addressGuard = AddressGuard.strict();
        boolean respectRobots = true;
        Duration minDelay = Duration.ofSeconds(1);
        Clock clock = Clock.systemUTC();
        HostResolver resolver = HostResolver.SYSTEM;
        SocketFactory socketFactory = SocketFactory.getDefault();
        SSLContext sslContext;
        int maxRetries = 2;
        Duration retryBackoff = Duration.ofMillis(500);
        Duration maxRetryWait = Duration.ofSeconds(10);
        Pacer pacer;
        RobotsStore robotsStore = RobotsStore.NONE;

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
