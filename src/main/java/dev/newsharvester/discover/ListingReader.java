package dev.newsharvester.discover;

import dev.newsharvester.fetch.FetchResult;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Article links from a listing page (section front, "latest news"). The outlet's article pattern does the
 * filtering; an outlet without one only gets links on the listing's own host.
 */
final class ListingReader {

    private final Sources sources;

    ListingReader(Sources sources) {
        this.sources = sources;
    }

    void read(URI listingUrl, Duration delay, boolean sameHostOnly, UrlCollector collector) {
        String source = "listing:" + listingUrl;
        Sources.Read<List<Link>> read = sources.read(listingUrl, delay, true, "listing page",
                r -> links(r, sameHostOnly), List::size);
        if (read.deferredUntil() != null) {
            collector.defer(new Source(Source.LISTING, listingUrl), read.deferredUntil());
            return;
        }
        if (read.content() == null) {
            collector.problem(source + ": " + read.problem());
            return;
        }
        for (Link link : read.content()) {
            if (!collector.offer(link.url(), null, source)) {
                return;
            }
        }
    }

    private static List<Link> links(FetchResult r, boolean sameHostOnly) {
        // The base URI is the final URL after redirects; jsoup applies a <base href> itself.
        Document doc = Jsoup.parse(r.text(), r.finalUrl().toString());
        String host = r.finalUrl().getHost() == null ? null : r.finalUrl().getHost().toLowerCase(Locale.ROOT);
        List<Link> links = new ArrayList<>();
        for (Element a : doc.select("a[href]")) {
            String href = a.absUrl("href");
            if (href.isEmpty()) {
                href = UrlCanonicalizer.resolve(r.finalUrl(), a.attr("href"));
            }
            if (href != null && !(sameHostOnly && (host == null || !host.equals(hostOf(href))))) {
                links.add(new Link(href, null));
            }
        }
        return links;
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
