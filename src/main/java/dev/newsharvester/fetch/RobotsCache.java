package dev.newsharvester.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * robots.txt rules per origin (scheme, host, port), fetched once and cached, following RFC 9309: a 2xx body is
 * parsed; 4xx (except 429) means no rules (allow all); 5xx, 429, network failures and refused addresses mean
 * disallow all, cached only briefly so that a passing outage does not block an outlet for long. An expired entry is
 * revalidated with a conditional GET; a 304 keeps the rules without downloading them again.
 */
final class RobotsCache {

    /**
     * Whether a URL may be fetched, and the Crawl-delay its origin asks for (zero if none). {@code deferred} is set
     * when robots.txt could not be asked for yet (the pacer refused): no verdict, try again at that instant.
     */
    record Verdict(boolean allowed, Duration crawlDelay, String reason, FetchResult deferred) {
        Verdict(boolean allowed, Duration crawlDelay, String reason) {
            this(allowed, crawlDelay, reason, null);
        }
    }

    /** Thrown inside a load when the robots.txt request was deferred; nothing is cached. */
    private static final class Deferred extends RuntimeException {
        final transient FetchResult result;

        Deferred(FetchResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    private record Entry(BaseRobotRules rules, Duration crawlDelay, Instant expires, String unavailable,
                         Validators validators) {
        Entry renewed(Instant expires) {
            return new Entry(rules, crawlDelay, expires, unavailable, validators);
        }
    }

    /** Longest Crawl-delay honoured; a site asking for more is not crawled rather than crawled faster than asked. */
    static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(60);
    private static final Duration TTL = Duration.ofHours(24);              // RFC 9309: SHOULD NOT exceed 24 h
    private static final Duration FAILURE_TTL = Duration.ofMinutes(10);

    private final ConcurrentHashMap<String, CompletableFuture<Entry>> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Entry> expired = new ConcurrentHashMap<>();
    private final Clock clock;
    private final List<String> agentNames;
    private final RobotsStore store;

    RobotsCache(Clock clock, String userAgent, RobotsStore store) {
        this.clock = clock;
        this.agentNames = List.of(productToken(userAgent));
        this.store = store;
    }

    /** "news-harvester/0.1 (+https://…)" → "news-harvester": the name robots.txt groups are matched against. */
    static String productToken(String userAgent) {
        String token = userAgent.strip().split("[/\\s]", 2)[0].toLowerCase(Locale.ROOT).replaceAll("[^a-z_-]", "");
        return token.isEmpty() ? "*" : token;
    }

    /**
     * @param fetcher reads robots.txt (conditionally) when it is neither cached here nor fresh in the store; it may
     *                answer {@link FetchStatus#DEFERRED}, which gives a deferred verdict and caches nothing
     */
    Verdict check(Target target, BiFunction<URI, Validators, FetchResult> fetcher) {
        URI url = target.url();
        String origin = target.origin();
        Entry entry;
        try {
            entry = entry(origin, fetcher);
        } catch (Deferred d) {
            return new Verdict(false, Duration.ZERO, d.result.reason(), d.result);
        }
        if (entry.unavailable != null) {
            return new Verdict(false, Duration.ZERO, entry.unavailable);
        }
        if (entry.crawlDelay.compareTo(MAX_CRAWL_DELAY) > 0) {
            return new Verdict(false, entry.crawlDelay, "robots.txt of " + origin + " asks for a Crawl-delay of "
                    + entry.crawlDelay.toSeconds() + " s, more than the " + MAX_CRAWL_DELAY.toSeconds() + " s this fetcher waits");
        }
        if (!entry.rules.isAllowed(url.toString())) {
            return new Verdict(false, entry.crawlDelay, "robots.txt of " + origin + " disallows " + url.getRawPath());
        }
        return new Verdict(true, entry.crawlDelay, null);
    }

    private Entry entry(String origin, BiFunction<URI, Validators, FetchResult> fetcher) {
        while (true) {
            CompletableFuture<Entry> f = cache.get(origin);
            if (f == null) {
                CompletableFuture<Entry> mine = new CompletableFuture<>();
                f = cache.putIfAbsent(origin, mine);
                if (f == null) {
                    try {
                        mine.complete(load(origin, fetcher));
                    } catch (Deferred d) {
                        cache.remove(origin, mine);
                        mine.completeExceptionally(d);
                        throw d;
                    } catch (RuntimeException e) {
                        mine.complete(unavailable(origin + "/robots.txt could not be read (" + e + ")"));
                    }
                    f = mine;
                }
            }
            Entry e;
            try {
                e = f.join();  // waits while another thread loads the same origin
            } catch (java.util.concurrent.CompletionException ce) {
                if (ce.getCause() instanceof Deferred d) {
                    throw d;
                }
                throw ce;
            }
            if (e.expires.isAfter(clock.instant())) {
                return e;
            }
            if (cache.remove(origin, f) && e.validators != null) {
                expired.put(origin, e); // the next load may revalidate it
            }
        }
    }

    private Entry load(String origin, BiFunction<URI, Validators, FetchResult> fetcher) {
        URI robotsUrl = URI.create(origin + "/robots.txt");
        Entry stale = expired.remove(origin);
        RobotsStore.Kept kept = store.get(origin).orElse(null);
        if (kept != null && failed(kept)) {
            if (kept.fetchedAt().plus(FAILURE_TTL).isAfter(clock.instant())) {
                // another instance found it unavailable lately: disallow-all until that verdict expires
                return new Entry(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), Duration.ZERO,
                        kept.fetchedAt().plus(FAILURE_TTL), new String(kept.body(), java.nio.charset.StandardCharsets.UTF_8),
                        null);
            }
            kept = null;
        }
        if (kept != null && kept.fetchedAt().plus(TTL).isAfter(clock.instant())) {
            return fromKept(robotsUrl, kept);   // another instance read it lately
        }
        Validators sent = stale != null && stale.validators != null ? stale.validators
                : kept != null ? new Validators(kept.etag(), kept.lastModified()) : Validators.NONE;
        FetchResult r = fetcher.apply(robotsUrl, sent);
        int http = r.httpStatus();
        if (r.status() == FetchStatus.DEFERRED) {
            throw new Deferred(r);
        }
        if (r.status() == FetchStatus.NOT_MODIFIED && (stale != null || kept != null)) {
            if (kept != null) {
                RobotsStore.Kept renewed = new RobotsStore.Kept(kept.httpStatus(), kept.contentType(), kept.body(),
                        kept.etag(), kept.lastModified(), clock.instant());
                store.put(origin, renewed);
                return fromKept(robotsUrl, renewed);
            }
            return stale.renewed(clock.instant().plus(TTL));
        }
        if (r.ok() || (http >= 400 && http < 500 && http != 429)) {
            RobotsStore.Kept fresh = new RobotsStore.Kept(http, r.contentType(),
                    r.ok() ? r.body() : new byte[0], r.etag(), r.lastModified(), clock.instant());
            store.put(origin, fresh);
            return fromKept(robotsUrl, fresh);
        }
        String why = http > 0 ? "HTTP " + http : r.status() + (r.reason() == null ? "" : ": " + r.reason());
        String reason = robotsUrl + " unavailable (" + why + "); RFC 9309 treats that as disallow-all";
        // Shared too, so that the rest of the fleet does not ask a failing host again for the next 10 minutes.
        store.put(origin, new RobotsStore.Kept(http > 0 ? http : 0, null,
                reason.getBytes(java.nio.charset.StandardCharsets.UTF_8), null, null, clock.instant()));
        return unavailable(reason);
    }

    /** A kept answer that says robots.txt could not be read (no answer, 5xx, 429): its body is the reason. */
    private static boolean failed(RobotsStore.Kept kept) {
        int status = kept.httpStatus();
        return status == 0 || status == 429 || status >= 500;
    }

    /** Rules from a kept answer: a 2xx body is parsed, a 4xx means no rules. Expires a day after it was read. */
    private Entry fromKept(URI robotsUrl, RobotsStore.Kept kept) {
        Instant expires = kept.fetchedAt().plus(TTL);
        if (kept.httpStatus() >= 400) {
            return new Entry(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), Duration.ZERO, expires,
                    null, null);
        }
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        parser.setMaxCrawlDelay(Long.MAX_VALUE); // we apply our own cap, with a clear reason
        BaseRobotRules rules = parser.parseContent(robotsUrl.toString(), kept.body(),
                kept.contentType() == null ? "text/plain" : kept.contentType(), agentNames);
        long ms = rules.getCrawlDelay();
        Duration delay = ms > 0 ? Duration.ofMillis(ms) : Duration.ZERO;
        Validators validators = new Validators(kept.etag(), kept.lastModified());
        return new Entry(rules, delay, expires, null, validators.isEmpty() ? null : validators);
    }

    private Entry unavailable(String reason) {
        return new Entry(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), Duration.ZERO,
                clock.instant().plus(FAILURE_TTL), reason, null);
    }
}
