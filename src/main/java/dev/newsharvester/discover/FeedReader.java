package dev.newsharvester.discover;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import dev.newsharvester.fetch.FetchResult;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Article links from RSS 0.9x/1.0/2.0 and Atom feeds, via Rome. */
final class FeedReader {

    private final Sources sources;

    FeedReader(Sources sources) {
        this.sources = sources;
    }

    void read(URI feedUrl, Duration delay, UrlCollector collector) {
        String source = "feed:" + feedUrl;
        Sources.Read<List<Link>> read = sources.read(feedUrl, delay, false, "feed", FeedReader::links, List::size);
        if (read.deferredUntil() != null) {
            collector.defer(new Source(Source.FEED, feedUrl), read.deferredUntil());
            return;
        }
        if (read.content() == null) {
            collector.problem(source + ": " + read.problem());
            return;
        }
        for (Link link : read.content()) {
            if (!collector.offer(link.url(), link.published(), source)) {
                return;
            }
        }
    }

    private static List<Link> links(FetchResult r) throws FeedException {
        SyndFeed feed = parse(r.text());
        List<Link> links = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String link = UrlCanonicalizer.resolve(r.finalUrl(), link(entry));
            if (link != null) {
                links.add(new Link(link, published(entry)));
            }
        }
        return links;
    }

    /**
     * Parses a feed with DOCTYPEs refused: no DTD is loaded and no entity (external or internal) is expanded, which
     * shuts out XXE file disclosure, SSRF through entity URLs and "billion laughs" expansion. Rome's default is the
     * same; it is set here so that a change of default cannot weaken it. The text is already decoded (the fetcher
     * checks the declared charset against the bytes, which catches mislabelled feeds).
     */
    static SyndFeed parse(String xml) throws FeedException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        return input.build(new StringReader(xml));
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
