package dev.newsharvester.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.outlet.Selectors;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Property-based checks (jqwik) of what {@code extract} promises for any input: an article or a
 * reason, never an exception; the same answer every time; and, when there is an article, a body
 * made of trimmed, non-blank paragraphs separated by exactly one blank line.
 */
class ArticleExtractorPropertiesTest {

    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();

    private static final List<String> PAGES = List.of(
            "extract/cna-night-train.html", "extract/gazette-wind-farm.html", "extract/herald-lviv-heating-uk.html",
            "extract/herald-night-train-en.html", "extract/cna-economy-listing.html");

    private static final List<Charset> CHARSETS = List.of(
            StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
            StandardCharsets.US_ASCII, Charset.forName("windows-1251"), Charset.forName("KOI8-U"));

    /** Markup pieces that real and broken pages are made of. */
    private static final List<String> PIECES = List.of(
            "<div>", "</div>", "<p>", "</p>", "<article class=\"article-body\">", "</article>", "<a href=\"/x\">", "</a>",
            "<a href=\"#top\">", "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\"",
            "\"}</script>", "<script>var x = \"<p>", "</script>", "<style>p{}</style>", "<h1>", "</h1>", "<h2>", "</h2>",
            "<ul><li>", "</li>", "</ul>", "<br>", "<hr>", "<!--", "-->", "<table><tr><td>", "</td></tr></table>", "&amp;",
            "&#x0;", "&#xD800;", "&nbsp;", "&bogus", "<meta property=\"article:published_time\" content=\"", "\">",
            "<time datetime=\"2025-13-45T99:99:99+99:99\">", "</time>", "<html lang=\"uk\">", "<title>", "</title>",
            " | ", "The story goes on, with commas, and more words in it. ", "Читайте також: ", "Реклама", "Share",
            "<div class=\"share\">", "<div hidden>", "<div style=\"display:none\">", "<aside>", "</aside>", "<nav>",
            "<svg><path d=\"M0\"/></svg>", "<![CDATA[", "]]>", "<form>", "</form>", "<blockquote class=\"twitter-tweet\">",
            "</blockquote>", "<main>", "</main>", "<template>", "<noscript>", "<p class=\"bodytext\">", "\u0000",
            "\uFFFD", "\uD83D", "{", "}", "<", ">", "\"", "'", "=", "\n", "\t", " ");

    @Property(tries = 300)
    void anyBytesInAnyCharsetGiveAnAnswer(@ForAll @Size(max = 6000) byte[] bytes, @ForAll("charsets") Charset cs) {
        check(new String(bytes, cs));
    }

    @Property(tries = 300)
    void markupSoupGivesAnAnswer(@ForAll("soup") String html) {
        check(html);
    }

    @Property(tries = 150)
    void damagedRealPagesGiveAnAnswer(@ForAll("damagedPages") String html) {
        check(html);
    }

    @Property(tries = 60)
    void pagesReadInTheWrongCharsetGiveAnAnswer(@ForAll("pages") String page, @ForAll("charsets") Charset written,
                                                @ForAll("charsets") Charset read) {
        check(new String(page.getBytes(written), read));
    }

    @Property(tries = 40)
    void aPageCutAnywhereGivesAnAnswer(@ForAll("pages") String page, @ForAll @IntRange(min = 0, max = 1000) int permille) {
        check(page.substring(0, page.length() * permille / 1000));
    }

    @Example
    void fiftyMegabytesAreRefusedAtOnce() {
        String huge = "<html><body><p>" + "word ".repeat(10 << 20) + "</p></body></html>";
        Extraction e = check(huge);
        assertFalse(e.isArticle());
        assertTrue(e.notArticleReason().startsWith("page too large"), e.notArticleReason());
    }

    @Example
    void tooManyElementsAreRefused() {
        String crowded = "<html><body>" + "<a href=\"/x\">link</a> ".repeat(ArticleExtractor.MAX_ELEMENTS + 10)
                + "</body></html>";
        Extraction e = check(crowded);
        assertFalse(e.isArticle());
        assertTrue(e.notArticleReason().startsWith("page too complex"), e.notArticleReason());
    }

    @Example
    void fiveThousandLevelsOfNestingKeepTheArticle() {
        String para = "<p>The council met on Tuesday to discuss the harbour, the bridge and the budget, and the mayor "
                + "said that the work would start in the spring after the last objections are heard.</p>";
        String deep = "<html><head><title>Deep</title></head><body>" + "<div class=\"wrap\">".repeat(5000)
                + "<article>" + para.repeat(3) + "</article>" + "</div>".repeat(5000) + "</body></html>";
        Extraction e = check(deep);
        assertTrue(e.isArticle(), e::notArticleReason);
        assertTrue(e.article().text().startsWith("The council met on Tuesday"), e.article().text());
    }

    /** The promises of {@code extract} for one input; returns the answer. */
    private static Extraction check(String html) {
        Extraction e = EXTRACTOR.extract(html, "https://news.example/a/1", Selectors.NONE, ZoneOffset.UTC);
        assertNotNull(e);
        assertTrue(e.isArticle() != (e.notArticleReason() != null), "exactly one of article and reason");
        if (e.isArticle()) {
            String text = e.article().text();
            assertEquals(text.strip(), text, "body is trimmed");
            assertFalse(text.contains("\n\n\n"), "paragraphs are separated by exactly one blank line");
            for (String para : text.split("\n\n", -1)) {
                assertFalse(para.isBlank(), "no blank paragraph");
                assertEquals(para.strip(), para, "paragraphs are trimmed");
            }
            assertTrue(Text.words(text) >= ArticleExtractor.MIN_WORDS, "an article has at least MIN_WORDS words");
        } else {
            assertFalse(e.notArticleReason().isBlank(), "the reason says something");
            assertFalse(e.notArticleReason().startsWith("extractor error"), e.notArticleReason());
        }
        Extraction again = EXTRACTOR.extract(html, "https://news.example/a/1", Selectors.NONE, ZoneOffset.UTC);
        assertEquals(e, again, "the same input gives the same answer");
        return e;
    }

    @Provide
    Arbitrary<Charset> charsets() {
        return Arbitraries.of(CHARSETS);
    }

    @Provide
    Arbitrary<String> pages() {
        return Arbitraries.of(PAGES).map(Fixtures::read);
    }

    @Provide
    Arbitrary<String> soup() {
        return Arbitraries.of(PIECES).list().ofMaxSize(600).map(l -> String.join("", l));
    }

    /** A fixture page with one of: a range deleted, a range repeated, garbage inserted, or angle brackets swapped. */
    @Provide
    Arbitrary<String> damagedPages() {
        Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
        return Combinators.combine(pages(), at, at, Arbitraries.integers().between(0, 3), soup())
                .as((page, a, b, kind, garbage) -> {
                    int i = (int) (Math.min(a, b) * page.length());
                    int j = (int) (Math.max(a, b) * page.length());
                    return switch (kind) {
                        case 0 -> page.substring(0, i) + page.substring(j);
                        case 1 -> page.substring(0, j) + page.substring(i);
                        case 2 -> page.substring(0, i) + garbage + page.substring(i);
                        default -> page.substring(0, i) + page.substring(i, j).replace('<', '\u0001').replace('>', '<')
                                .replace('\u0001', '>') + page.substring(j);
                    };
                });
    }
}
