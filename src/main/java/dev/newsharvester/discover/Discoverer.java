package dev.newsharvester.discover;

import dev.newsharvester.fetch.HttpFetcher;
import dev.newsharvester.outlet.Outlet;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds an outlet's article URLs in its feeds, sitemaps and listing pages, in that order. All requests go through
 * the given {@link HttpFetcher} (robots.txt, pacing with the outlet's crawl delay, address guard, size limits).
 * Thread-safe if the fetcher is (it is). Between runs it keeps what each source yielded with its validators, so that
 * the next run asks conditionally and reuses the result on 304 ({@link Sources}).
 */
public final class Discoverer {

    private final Sources sources;

    public Discoverer(HttpFetcher fetcher) {
        this.sources = new Sources(Objects.requireNonNull(fetcher, "fetcher"));
    }

    /** Never throws for remote problems; unreachable or malformed sources are reported in the result. */
    public Discovery discover(Outlet outlet) {
        return discover(outlet, null, sourcesOf(outlet));
    }

    /** Every source an outlet's profile names: feeds, then sitemaps, then listing pages. */
    public static List<Source> sourcesOf(Outlet outlet) {
        List<Source> all = new ArrayList<>();
        outlet.feeds().forEach(u -> all.add(new Source(Source.FEED, u)));
        outlet.sitemaps().forEach(u -> all.add(new Source(Source.SITEMAP, u)));
        outlet.listings().forEach(u -> all.add(new Source(Source.LISTING, u)));
        return all;
    }

    /**
     * Reads only {@code only} (in that order) through {@code via} (a fleet worker's paced view of the fetcher; null
     * for this discoverer's own). Sources whose host may not be asked yet come back in {@link Discovery#deferred()}.
     */
    public Discovery discover(Outlet outlet, HttpFetcher via, List<Source> only) {
        Objects.requireNonNull(outlet, "outlet");
        Sources src = via == null ? sources : sources.via(via);
        Duration delay = outlet.crawlDelay() == null ? Duration.ZERO : outlet.crawlDelay();
        UrlCollector collector = new UrlCollector(outlet);
        FeedReader feeds = new FeedReader(src);
        SitemapReader sitemaps = new SitemapReader(src, delay, collector);
        ListingReader listings = new ListingReader(src);
        boolean sameHostOnly = outlet.articlePattern() == null;
        for (Source s : only) {
            URI u = s.url();
            guarded(s.kind() + ":" + u, collector, () -> {
                switch (s.kind()) {
                    case Source.FEED -> feeds.read(u, delay, collector);
                    case Source.SITEMAP -> sitemaps.read(u);
                    default -> listings.read(u, delay, sameHostOnly, collector);
                }
            });
        }
        return collector.result();
    }

    /**
     * Runs one source so that nothing it meets takes the others down: a configured URL that is not http(s), or a
     * parser tripping over hostile input with an unchecked exception, becomes a problem line.
     */
    private static void guarded(String source, UrlCollector collector, Runnable read) {
        if (collector.isFull()) {
            return;
        }
        try {
            read.run();
        } catch (RuntimeException e) {
            collector.problem(source + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
