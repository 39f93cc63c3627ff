package dev.newsharvester.discover;

import dev.newsharvester.fetch.FetchResult;
import dev.newsharvester.fetch.HttpFetcher;
import dev.newsharvester.fetch.Validators;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Article links from a listing page (section front, "latest news"). The outlet's article pattern does the
 * filtering; an outlet without one only gets links on the listing's own host.
 */
final class ListingReader {

    private final HttpFetcher fetcher;

    ListingReader(HttpFetcher fetcher) {
        this.fetcher = fetcher;
    }

    void read(URI listingUrl, Duration delay, boolean sameHostOnly, UrlCollector collector) {
        String source = "listing:" + listingUrl;
        FetchResult r = fetcher.fetch(listingUrl, Validators.NONE, delay);
        if (!r.ok()) {
            collector.problem(source + ": " + r.status() + " (" + r.reason() + ")");
            return;
        }
        // The base URI is the final URL after redirects; jsoup applies a <base href> itself.
        Document doc = Jsoup.parse(r.text(), r.finalUrl().toString());
        String host = r.finalUrl().getHost().toLowerCase(Locale.ROOT);
        for (Element a : doc.select("a[href]")) {
            String href = a.absUrl("href");
            if (href.isEmpty()) {
                href = UrlCanonicalizer.resolve(r.finalUrl(), a.attr("href"));
            }
            if (href == null || sameHostOnly && !host.equals(hostOf(href))) {
                continue;
            }
            if (!collector.offer(href, null, source)) {
                return;
            }
        }
    }

    private static String hostOf(String url) {
        try {
            String h = URI.create(UrlCanonicalizer.canonicalize(url)).getHost();
            return h == null ? null : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
