package dev.newsharvester.discover;

import java.util.List;

/**
 * What one discovery run found.
 *
 * @param urls     article URLs, de-duplicated, in the order found (feeds, then sitemaps, then listings)
 * @param problems sources that could not be read or were only partly read, one human-readable line each
 */
public record Discovery(List<DiscoveredUrl> urls, List<String> problems) {

    public Discovery {
        urls = List.copyOf(urls);
        problems = List.copyOf(problems);
    }
}
