package dev.newsharvester.outlet;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One news outlet to harvest, as configured in an outlets YAML file.
 *
 * @param id                 short key used in storage keys and queries ({@code [a-z0-9-]+})
 * @param articlePattern     URLs that are articles (listing links are filtered by it; feed items too)
 * @param revisit            how long after first sight an article is re-fetched for changes
 * @param minRevisitInterval the least time between two fetches of one article
 * @param crawlDelay         the least time between two requests to the outlet's host (robots.txt may raise it)
 */
public record Outlet(
        String id,
        String name,
        String language,
        ZoneId timezone,
        List<URI> feeds,
        List<URI> sitemaps,
        List<URI> listings,
        Pattern articlePattern,
        Duration revisit,
        Duration minRevisitInterval,
        Duration crawlDelay,
        Selectors selectors) {

    public Outlet {
        feeds = List.copyOf(feeds);
        sitemaps = List.copyOf(sitemaps);
        listings = List.copyOf(listings);
        selectors = selectors == null ? Selectors.NONE : selectors;
    }

    /** True when the URL matches the outlet's article pattern (or the outlet has none). */
    public boolean isArticleUrl(String url) {
        return articlePattern == null || articlePattern.matcher(url).find();
    }
}
