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

    /** Whether a URL may be fetched, and the Crawl-delay its origin asks for (zero if none). */
    record Verdict(boolean allowed, Duration crawlDelay, String reason) {
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
    private final BiFunction<URI, Validators, FetchResult> fetcher;
    private final ConcurrentHashMap<String, Entry> expired = new ConcurrentHashMap<>();
    private final Clock clock;
    private final List<String> agentNames;

    RobotsCache(BiFunction<URI, Validators, FetchResult> robotsFetcher, Clock clock, String userAgent) {
        this.fetcher = robotsFetcher;
        this.clock = clock;
        this.agentNames = List.of(productToken(userAgent));
    }

    /** "news-harvester/0.1 (+https://…)" → "news-harvester": the name robots.txt groups are matched against. */
    static String productToken(String userAgent) {
        String token = userAgent.strip().split("[/\\s]", 2)[0].toLowerCase(Locale.ROOT).replaceAll("[^a-z_-]", "");
        return token.isEmpty() ? "*" : token;
    }

    Verdict check(Target target) {
        URI url = target.url();
        String origin = target.origin();
        Entry entry = entry(origin);
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

    private Entry entry(String origin) {
        while (true) {
            CompletableFuture<Entry> f = cache.get(origin);
            if (f == null) {
                CompletableFuture<Entry> mine = new CompletableFuture<>();
                f = cache.putIfAbsent(origin, mine);
                if (f == null) {
                    try {
                        mine.complete(load(origin));
                    } catch (RuntimeException e) {
                        mine.complete(unavailable(origin + "/robots.txt could not be read (" + e + ")"));
                    }
                    f = mine;
                }
            }
            Entry e = f.join();  // waits while another thread loads the same origin
            if (e.expires.isAfter(clock.instant())) {
                return e;
            }
            if (cache.remove(origin, f) && e.validators != null) {
                expired.put(origin, e); // the next load may revalidate it
            }
        }
    }

    private Entry load(String origin) {
        URI robotsUrl = URI.create(origin + "/robots.txt");
        Entry stale = expired.remove(origin);
        FetchResult r = fetcher.apply(robotsUrl, stale == null ? Validators.NONE : stale.validators);
        int http = r.httpStatus();
        if (r.status() == FetchStatus.NOT_MODIFIED && stale != null) {
            return stale.renewed(clock.instant().plus(TTL));
        }
        if (r.ok()) {
            SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
            parser.setMaxCrawlDelay(Long.MAX_VALUE); // we apply our own cap, with a clear reason
            BaseRobotRules rules = parser.parseContent(robotsUrl.toString(), r.body(),
                    r.contentType() == null ? "text/plain" : r.contentType(), agentNames);
            long ms = rules.getCrawlDelay();
            Duration delay = ms > 0 ? Duration.ofMillis(ms) : Duration.ZERO;
            Validators validators = Validators.of(r);
            return new Entry(rules, delay, clock.instant().plus(TTL), null, validators.isEmpty() ? null : validators);
        }
        if (http >= 400 && http < 500 && http != 429) {
            return new Entry(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), Duration.ZERO,
                    clock.instant().plus(TTL), null, null);
        }
        String why = http > 0 ? "HTTP " + http : r.status() + (r.reason() == null ? "" : ": " + r.reason());
        return unavailable(robotsUrl + " unavailable (" + why + "); RFC 9309 treats that as disallow-all");
    }

    private Entry unavailable(String reason) {
        return new Entry(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), Duration.ZERO,
                clock.instant().plus(FAILURE_TTL), reason, null);
    }
}
