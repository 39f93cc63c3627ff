package dev.newsharvester.extract;

import dev.newsharvester.outlet.Selectors;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Turns a news page into an {@link Article}: metadata from JSON-LD, OpenGraph and meta tags, and
 * the body from a generic extractor (container cascade plus Readability-style scoring) that the
 * outlet's {@link Selectors} can override.
 *
 * <p>Stateless, thread-safe and reusable. {@link #extract} never throws: a page without an
 * article, or input that is not HTML at all, gives {@link Extraction#notArticle(String)} with the
 * reason.
 */
public final class ArticleExtractor {

    /** Stored with every version; bump on any change of behaviour, so stored copies can be re-extracted. */
    public static final String VERSION = "3"; // 3: access (free, paywalled, cut off)

    /** Pages beyond this many characters are refused (the fetcher caps sizes well below). */
    static final int MAX_CHARS = 16_000_000;

    /**
     * Pages with more elements than this are refused: real article pages have a few thousand, and
     * the work is linear in this count (jsoup already bounds the depth at 512).
     */
    static final int MAX_ELEMENTS = 100_000;

    /** Fewer words than this is no article. */
    static final int MIN_WORDS = 25;

    private static final Pattern MARKUP = Pattern.compile(
            "(?i)<\\s*(!doctype|html|head|body|div|p|article|main|section|meta|title|span|a|h[1-6]|table|ul|ol|br|script)\\b");

    public ArticleExtractor() {
    }

    /** Extraction without outlet selectors; dates without an offset are read as UTC. */
    public Extraction extract(String html, String url) {
        return extract(html, url, Selectors.NONE, ZoneOffset.UTC);
    }

    /**
     * Extracts the article of one page.
     *
     * @param html      the page as served (decoded)
     * @param url       the final URL it was fetched from (base for relative links); may be null
     * @param selectors the outlet's overrides; null means none
     * @param zone      zone for dates printed without an offset; null means UTC
     * @return the article, or the reason the page has none; never null, never throws
     */
    public Extraction extract(String html, String url, Selectors selectors, ZoneId zone) {
        try {
            return run(html, url, selectors == null ? Selectors.NONE : selectors, zone == null ? ZoneOffset.UTC : zone);
        } catch (RuntimeException | StackOverflowError e) {
            String msg = e.getMessage();
            return Extraction.notArticle("extractor error: " + e.getClass().getSimpleName()
                    + (msg == null ? "" : ": " + (msg.length() > 200 ? msg.substring(0, 200) + "…" : msg)));
        }
    }

    private Extraction run(String html, String url, Selectors sel, ZoneId zone) {
        if (html == null) {
            return Extraction.notArticle("no input: the page is null");
        }
        if (html.isBlank()) {
            return Extraction.notArticle("no input: the page is empty");
        }
        if (html.length() > MAX_CHARS) {
            return Extraction.notArticle("page too large: " + html.length() + " characters (limit " + MAX_CHARS + ")");
        }
        String notHtml = notHtmlReason(html);
        if (notHtml != null) {
            return Extraction.notArticle(notHtml);
        }
        Document doc = Jsoup.parse(html, url == null ? "" : url.strip());
        int elements = doc.getAllElements().size();
        if (elements > MAX_ELEMENTS) {
            return Extraction.notArticle("page too complex: " + elements + " elements (limit " + MAX_ELEMENTS + ")");
        }
        // What the outlet says to remove is not part of the article: neither its metadata (a
        // related-stories box carries other bylines) nor its text. The head (JSON-LD, meta) stays.
        for (String css : sel.remove()) {
            MetadataExtractor.select(doc.body(), css).remove();
        }
        // The body extractor edits the tree; the metadata is read from it first.
        Metadata meta = MetadataExtractor.extract(doc, url, sel, zone);
        BodyExtractor.Result body = BodyExtractor.extract(doc, sel, meta);
        String text = body.text();
        if (isListing(meta, body)) {
            return Extraction.notArticle("listing page: " + body.linkedHeadings()
                    + " linked headlines and no article body");
        }
        if (Text.words(text) < MIN_WORDS) {
            return Extraction.notArticle("no article body found");
        }
        return Extraction.of(new Article(url, meta.canonicalUrl(), meta.title(), meta.authors(), meta.published(),
                meta.modified(), meta.language(), meta.section(), meta.tags(), meta.image(), meta.description(), text,
                Paywalls.access(meta.paywall(), body.blocks())));
    }

    /**
     * A page of teasers: many headlines that are links, about one per remaining paragraph, and the
     * page does not declare itself an article.
     */
    private static boolean isListing(Metadata meta, BodyExtractor.Result body) {
        if (meta.declaresArticle() || "selector".equals(body.source())) {
            return false;
        }
        int lh = body.linkedHeadings();
        if (meta.declaresListing() && lh >= 2) {
            return true;
        }
        return lh >= 4 && lh * 2 >= body.blocks().size();
    }

    /** Why the input is not an HTML page, or null when it looks like one. */
    static String notHtmlReason(String s) {
        int n = Math.min(s.length(), 16_384); // binary content shows at once
        int controls = 0;
        int replacement = 0;
        int visible = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\uFFFD') {
                replacement++;
            } else if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || (c >= 0x7F && c <= 0x9F)) {
                controls++;
            }
            if (!Text.isSpace(c)) {
                visible++;
            }
        }
        if (controls > n / 100 || replacement > Math.max(8, visible / 10)) {
            return "not HTML: binary content (" + controls + " control and " + replacement
                    + " undecodable characters in the first " + n + ")";
        }
        if (!MARKUP.matcher(s).region(0, Math.min(s.length(), 65_536)).find()) {
            return "not HTML: no markup found";
        }
        return null;
    }
}
