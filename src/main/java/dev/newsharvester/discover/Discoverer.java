package dev.newsharvester.discover;

import dev.newsharvester.fetch.HttpFetcher;
import dev.newsharvester.outlet.Outlet;
import java.net.URI;
import java.time.Duration;
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
        Objects.requireNonNull(outlet, "outlet");
        Duration delay = outlet.crawlDelay() == null ? Duration.ZERO : outlet.crawlDelay();
        UrlCollector collector = new UrlCollector(outlet);
        FeedReader feeds = new FeedReader(sources);
        for (URI feed : outlet.feeds()) {
            guarded("feed:" + feed, collector, () -> feeds.read(feed, delay, collector));
        }
        SitemapReader sitemaps = new SitemapReader(sources, delay, collector);
        for (URI sitemap : outlet.sitemaps()) {
            guarded("sitemap:" + sitemap, collector, () -> sitemaps.read(sitemap));
        }
        ListingReader listings = new ListingReader(sources);
        boolean sameHostOnly = outlet.articlePattern() == null;
        for (URI listing : outlet.listings()) {
            guarded("listing:" + listing, collector, () -> listings.read(listing, delay, sameHostOnly, collector));
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
