package dev.newsharvester.discover;

import java.util.List;

/**
 * What one discovery run found.
 *
 * @param urls     article URLs, de-duplicated, in the order found (feeds, then sitemaps, then listings)
 * @param problems sources that could not be read or were only partly read, one human-readable line each
 * @param deferred sources not read because their host may not be asked yet (fleet runs only; empty locally)
 * @param retryAt  when the first deferred source's host may be asked; null when nothing is deferred
 */
public record Discovery(List<DiscoveredUrl> urls, List<String> problems, List<Source> deferred,
        java.time.Instant retryAt) {

    public Discovery {
        urls = List.copyOf(urls);
        problems = List.copyOf(problems);
        deferred = List.copyOf(deferred);
    }

    public Discovery(List<DiscoveredUrl> urls, List<String> problems) {
        this(urls, problems, List.of(), null);
    }
}
