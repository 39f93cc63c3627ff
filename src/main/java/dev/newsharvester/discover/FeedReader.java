package dev.newsharvester.discover;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.newsharvester.fetch.FetchResult;
import dev.newsharvester.fetch.HttpFetcher;
import dev.newsharvester.fetch.Validators;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Article links from RSS 0.9x/1.0/2.0 and Atom feeds, via Rome. */
final class FeedReader {

    private final HttpFetcher fetcher;

    FeedReader(HttpFetcher fetcher) {
        this.fetcher = fetcher;
    }

    void read(URI feedUrl, Duration delay, UrlCollector collector) {
        String source = "feed:" + feedUrl;
        FetchResult r = fetcher.fetchAny(feedUrl, Validators.NONE, delay);
        if (!r.ok()) {
            collector.problem(source + ": " + r.status() + " (" + r.reason() + ")");
            return;
        }
        SyndFeed feed;
        try {
            feed = parse(r.body(), r.contentType());
        } catch (FeedException | IOException | RuntimeException e) {
            collector.problem(source + ": not a readable feed: " + e.getMessage());
            return;
        }
        for (SyndEntry entry : feed.getEntries()) {
            String link = UrlCanonicalizer.resolve(r.finalUrl(), link(entry));
            if (link != null && !collector.offer(link, published(entry), source)) {
                return;
            }
        }
    }

    /**
     * Parses a feed with DOCTYPEs refused: no DTD is loaded and no entity (external or internal) is expanded, which
     * shuts out XXE file disclosure, SSRF through entity URLs and "billion laughs" expansion. Rome's default is the
     * same; it is set here so that a change of default cannot weaken it.
     */
    static SyndFeed parse(byte[] body, String contentType) throws IOException, FeedException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        InputStream in = new ByteArrayInputStream(body);
        // XmlReader picks the charset from the Content-Type, the BOM and the XML declaration (RFC 3023 rules)
        try (XmlReader reader = contentType == null ? new XmlReader(in, true) : new XmlReader(in, contentType, true)) {
            return input.build(reader);
        }
    }

    /** The entry's article URL: its link, else an alternate link, else a permalink guid/id. */
    private static String link(SyndEntry entry) {
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink();
        }
        for (SyndLink l : entry.getLinks()) {
            if ((l.getRel() == null || l.getRel().equals("alternate")) && l.getHref() != null) {
                return l.getHref();
            }
        }
        String uri = entry.getUri();
        return uri != null && (uri.startsWith("http://") || uri.startsWith("https://")) ? uri : null;
    }

    /** The publication date, or the update date when a feed gives only that (Atom {@code <updated>}). */
    private static Instant published(SyndEntry entry) {
        Date d = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return d == null ? null : d.toInstant();
    }
}
