package dev.newsharvester.discover;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import dev.newsharvester.fetch.FetchResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Article URLs from XML sitemaps, sitemap indexes (recursively), Google News sitemaps and text sitemaps, via
 * crawler-commons. Bounded: indexes are followed to depth {@value #MAX_DEPTH}, at most {@value #MAX_DOCUMENTS}
 * documents and {@value #MAX_ENTRIES} entries per run, each document once (no loops). Children of an index are read
 * newest first (by lastmod), since a news outlet's recent sitemaps are the ones with new articles.
 *
 * <p>One instance per outlet and run (it keeps the visited set and counters).
 */
final class SitemapReader {

    static final int MAX_DEPTH = 3;
    static final int MAX_DOCUMENTS = 25;
    static final int MAX_ENTRIES = 50_000;
    private static final int MAX_GUNZIPPED = 50 * 1024 * 1024; // the sitemap protocol's own limit

    /** A parsed sitemap: an index (its children, newest first) or a URL set. */
    private record Parsed(boolean index, List<URI> children, List<Link> entries) {
        int weight() {
            return index ? children.size() : entries.size();
        }
    }

    private final Sources sources;
    private final Duration delay;
    private final UrlCollector collector;
    private final Set<String> visited = new HashSet<>();
    private int documents;
    private int entries;
    private boolean documentLimitReported;

    SitemapReader(Sources sources, Duration delay, UrlCollector collector) {
        this.sources = sources;
        this.delay = delay;
        this.collector = collector;
    }

    void read(URI sitemapUrl) {
        visit(sitemapUrl, 1);
    }

    private void visit(URI url, int depth) {
        if (!visited.add(key(url)) || collector.isFull() || entries >= MAX_ENTRIES) {
            return; // already read in this run: an index listing itself or a cycle between indexes
        }
        if (documents >= MAX_DOCUMENTS) {
            if (!documentLimitReported) {
                documentLimitReported = true;
                collector.problem("sitemap:" + url + ": not read; the limit of " + MAX_DOCUMENTS
                        + " sitemap documents per run was reached");
            }
            return;
        }
        documents++;
        String source = "sitemap:" + url;
        Sources.Read<Parsed> read = sources.read(url, delay, false, "sitemap", SitemapReader::parse, Parsed::weight);
        if (read.deferredUntil() != null) {
            documents--;
            collector.defer(new Source(Source.SITEMAP, url), read.deferredUntil());
            return;
        }
        if (read.content() == null) {
            collector.problem(source + ": " + read.problem());
            return;
        }
        Parsed sitemap = read.content();
        if (sitemap.index()) {
            if (depth >= MAX_DEPTH) {
                collector.problem(source + ": sitemap index at depth " + depth + "; its " + sitemap.children().size()
                        + " children were not read (limit " + MAX_DEPTH + ")");
                return;
            }
            for (URI child : sitemap.children()) {
                visit(child, depth + 1);
            }
            return;
        }
        for (Link u : sitemap.entries()) {
            if (++entries > MAX_ENTRIES) {
                collector.problem(source + ": stopped at " + MAX_ENTRIES + " sitemap entries");
                return;
            }
            if (!collector.offer(u.url(), u.published(), source)) {
                return;
            }
        }
    }

    private static Parsed parse(FetchResult r) throws IOException, UnknownFormatException {
        AbstractSiteMap sitemap = parse(r.body(), r.finalUrl().toURL());
        if (sitemap instanceof SiteMapIndex index) {
            List<AbstractSiteMap> children = new ArrayList<>(index.getSitemaps());
            children.sort(Comparator.comparing(AbstractSiteMap::getLastModified,
                    Comparator.nullsLast(Comparator.<Date>reverseOrder())));
            List<URI> urls = new ArrayList<>(children.size());
            for (AbstractSiteMap child : children) {
                URI childUrl = toHttpUri(child.getUrl());
                if (childUrl != null) {
                    urls.add(childUrl);
                }
            }
            return new Parsed(true, List.copyOf(urls), List.of());
        }
        List<Link> links = new ArrayList<>();
        if (sitemap instanceof SiteMap map) {
            for (SiteMapURL u : map.getSiteMapUrls()) {
                links.add(new Link(u.getUrl().toString(), published(u)));
                if (links.size() > MAX_ENTRIES) {
                    break; // one past the limit, so that visit() reports it
                }
            }
        }
        return new Parsed(false, List.of(), List.copyOf(links));
    }

    /**
     * Parses a sitemap. DOCTYPE declarations are refused (crawler-commons' default, set explicitly), so no external
     * entity or DTD is ever loaded. A gzip file (sitemap.xml.gz) is unpacked here with a size cap, because the
     * parser's own gunzip has none.
     */
    static AbstractSiteMap parse(byte[] body, URL url) throws IOException, UnknownFormatException {
        byte[] content = isGzip(body) ? gunzip(body) : body;
        if (hasDoctype(content)) {
            // The parser refuses it too, but with allowPartial it would only log that and return an empty sitemap.
            throw new IOException("DOCTYPE declarations are refused (XXE protection)");
        }
        SiteMapParser parser = new SiteMapParser(false, true); // lenient about URL locations; keep partial results
        parser.setAllowDocTypeDefinitions(false);
        parser.enableExtension(Extension.NEWS);
        String type = looksLikeXml(content) ? "application/xml" : "text/plain";
        return parser.parseSiteMap(type, content, url);
    }

    private static Instant published(SiteMapURL u) {
        ExtensionMetadata[] news = u.getAttributesForExtension(Extension.NEWS);
        if (news != null) {
            for (ExtensionMetadata m : news) {
                if (m instanceof NewsAttributes n && n.getPublicationDateTime() != null) {
                    return n.getPublicationDateTime().toInstant();
                }
            }
        }
        return u.getLastModified() == null ? null : u.getLastModified().toInstant();
    }

    /** A DOCTYPE can only come before the root element, so the first few kilobytes tell. */
    private static boolean hasDoctype(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, 4096), StandardCharsets.ISO_8859_1);
        return head.toLowerCase(Locale.ROOT).contains("<!doctype");
    }

    private static boolean isGzip(byte[] b) {
        return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 4);
            byte[] buf = new byte[16384];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > MAX_GUNZIPPED) {
                    throw new IOException("gzipped sitemap unpacks to more than " + MAX_GUNZIPPED + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static boolean looksLikeXml(byte[] b) {
        for (int i = 0; i < Math.min(b.length, 512); i++) {
            int c = b[i] & 0xff;
            if (c == '<') {
                return true;
            }
            // skip whitespace and a UTF-8 byte-order mark
            if (!(c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xef || c == 0xbb || c == 0xbf)) {
                return false;
            }
        }
        return false;
    }

    private static URI toHttpUri(URL url) {
        if (url == null || !("http".equalsIgnoreCase(url.getProtocol()) || "https".equalsIgnoreCase(url.getProtocol()))) {
            return null;
        }
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String key(URI url) {
        try {
            return UrlCanonicalizer.canonicalize(url.toString());
        } catch (IllegalArgumentException e) {
            return url.toString();
        }
    }
}
