package dev.newsharvester.discover;

import java.net.URI;
import java.util.Objects;

/**
 * One place discovery reads: a feed, a sitemap (or sitemap index) or a listing page. In a fleet, a source whose host
 * may not be asked yet is handed back in {@link Discovery#deferred()} to be read on a later turn.
 *
 * @param kind {@code feed}, {@code sitemap} or {@code listing}
 */
public record Source(String kind, URI url) {

    public static final String FEED = "feed";
    public static final String SITEMAP = "sitemap";
    public static final String LISTING = "listing";

    public Source {
        Objects.requireNonNull(url, "url");
        if (!FEED.equals(kind) && !SITEMAP.equals(kind) && !LISTING.equals(kind)) {
            throw new IllegalArgumentException("source kind must be feed, sitemap or listing, got " + kind);
        }
    }
}
