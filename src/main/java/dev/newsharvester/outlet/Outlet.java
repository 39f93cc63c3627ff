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
 * @param revisit            {@code revisitUntil}: how long after first sight an article is revisited for changes
 * @param minRevisitInterval the least time between two fetches of one article
 * @param revisitSchedule    {@code revisitSchedule}: when, after first sight, the article is revisited (increasing)
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
        Selectors selectors,
        List<Duration> revisitSchedule) {

    /** The revisits after first sight unless an outlet says otherwise: decaying, for 30 days. */
    public static final List<Duration> DEFAULT_REVISIT_SCHEDULE = List.of(Duration.ofMinutes(15), Duration.ofHours(1),
            Duration.ofHours(3), Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(4),
            Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(30));
    /** How long after first sight revisits go on unless an outlet says otherwise ({@code revisitUntil}). */
    public static final Duration DEFAULT_REVISIT_UNTIL = Duration.ofDays(30);

    /** An outlet on the default revisit schedule. */
    public Outlet(String id, String name, String language, ZoneId timezone, List<URI> feeds, List<URI> sitemaps,
            List<URI> listings, Pattern articlePattern, Duration revisit, Duration minRevisitInterval,
            Duration crawlDelay, Selectors selectors) {
        this(id, name, language, timezone, feeds, sitemaps, listings, articlePattern, revisit, minRevisitInterval,
                crawlDelay, selectors, DEFAULT_REVISIT_SCHEDULE);
    }

    public Outlet {
        revisitSchedule = revisitSchedule == null ? DEFAULT_REVISIT_SCHEDULE : List.copyOf(revisitSchedule);
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
