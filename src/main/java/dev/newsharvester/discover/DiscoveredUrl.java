package dev.newsharvester.discover;

import java.time.Instant;
import java.util.Objects;

/**
 * An article URL found by discovery.
 *
 * @param url       the canonical URL ({@link UrlCanonicalizer})
 * @param published when the source says it was published (feed pubDate, news:publication_date, sitemap lastmod),
 *                  or null
 * @param source    where it was found first: {@code "feed:<uri>"}, {@code "sitemap:<uri>"} or {@code "listing:<uri>"}
 */
public record DiscoveredUrl(String url, Instant published, String source) {

    public DiscoveredUrl {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(source, "source");
    }
}
