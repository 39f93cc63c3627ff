package dev.newsharvester.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.outlet.Selectors;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever the input, {@code extract} answers (an article or a reason) and never throws. */
class ArticleExtractorRobustnessTest {

    private final ArticleExtractor extractor = new ArticleExtractor();

    private Extraction run(String html) {
        Extraction e = extractor.extract(html, "https://news.example/a/1", Selectors.NONE, ZoneId.of("Europe/Kyiv"));
        assertNotNull(e);
        assertTrue(e.isArticle() != (e.notArticleReason() != null), "exactly one of article and reason");
        return e;
    }

    private void assertNotArticle(String html, String reasonPrefix) {
        Extraction e = run(html);
        assertFalse(e.isArticle(), () -> "unexpected article: " + e.article().text());
        assertTrue(e.notArticleReason().startsWith(reasonPrefix),
                () -> "reason \"" + e.notArticleReason() + "\" should start with \"" + reasonPrefix + "\"");
    }

    @Test
    void emptyAndMissingInput() {
        assertNotArticle(null, "no input");
        assertNotArticle("", "no input");
        assertNotArticle(" \n\t ", "no input");
        Extraction e = extractor.extract(null, null);
        assertEquals("no input: the page is null", e.notArticleReason());
        assertFalse(extractor.extract("<p>x</p>", null, null, null).isArticle(), "null url, selectors and zone are fine");
    }

    @Test
    void emptyDocuments() {
        assertNotArticle("<html></html>", "no article body found");
        assertNotArticle("<!DOCTYPE html><html><head><title>Hi</title></head><body></body></html>", "no article body found");
    }

    @Test
    void binaryGarbage() {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        assertNotArticle(new String(bytes, StandardCharsets.ISO_8859_1), "not HTML: binary content");
        assertNotArticle(new String(bytes, StandardCharsets.UTF_8), "not HTML: binary content");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        assertNotArticle(new String(png, StandardCharsets.ISO_8859_1), "not HTML");
    }

    @Test
    void plainTextIsNotHtml() {
        assertNotArticle("Just some words in a text file, no markup at all, even if there are quite a few of them.",
                "not HTML: no markup found");
    }

    @Test
    void navigationOnlyPage() {
        String page = """
                <!DOCTYPE html><html lang="en"><head><title>Site map | CNA</title>
                <meta property="og:type" content="website"></head><body>
                <header class="site-header"><a class="logo" href="/">CNA</a>
                <nav class="main-menu"><ul><li><a href="/news/">News</a></li><li><a href="/politics/">Politics</a></li>
                <li><a href="/economy/">Economy</a></li><li><a href="/world/">World</a></li></ul></nav></header>
                <main><h1>Site map</h1>
                <div class="sitemap"><ul><li><a href="/news/">All news</a></li><li><a href="/news/kyiv/">Kyiv</a></li>
                <li><a href="/news/regions/">Regions</a></li><li><a href="/about/">About us</a></li>
                <li><a href="/contacts/">Contacts</a></li><li><a href="/advertising/">Advertising</a></li></ul></div></main>
                <footer><p>© 2025 CNA. All rights reserved.</p></footer></body></html>
                """;
        assertNotArticle(page, "no article body found");
    }

    @Test
    void twoMegabytesOfDeeplyNestedDivs() {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><head><title>Deep</title></head><body>");
        sb.append("<div class=\"wrap\">".repeat(5000));
        for (int i = 0; sb.length() < 2_000_000; i++) {
            sb.append("<p>The council met again on Tuesday, meeting ").append(i).append(", to discuss the budget, the ")
                    .append("harbour and the new bridge, and agreed to publish its decisions next week.</p>");
        }
        sb.append("</div>".repeat(5000)).append("</body></html>");
        Extraction e = run(sb.toString());
        assertTrue(e.isArticle(), e::notArticleReason);
        assertTrue(e.article().wordCount() > 1000);
    }

    @Test
    void deeplyNestedInlineAndUnclosedMarkup() {
        String inline = "<html><body><p>" + "<b><i><span>".repeat(4000) + "Deep words here. ".repeat(200)
                + "</span></i></b>".repeat(4000) + "</p></body></html>";
        run(inline);
        String unclosed = "<html><body>" + "<div><table><tr><td><ul><li><p>Text of the cell goes on".repeat(3000);
        run(unclosed);
    }

    @Test
    void hundredsOfRandomInputsNeverThrow() {
        Random rnd = new Random(20251121L);
        String[] pieces = {"<div>", "</div>", "<p>", "</p>", "<article class=\"article-body\">", "</article>", "<a href=\"/x\">",
                "</a>", "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":", "</script>",
                "<h1>", "</h1>", "<h2>", "<ul><li>", "</li>", "<br>", "<!--", "-->", "<table><tr><td>", "&amp;", "&#x0;",
                "<meta property=\"article:published_time\" content=\"", "\">", "2025-13-45T99:99:99+99:99",
                "<time datetime=\"", "<html lang=\"", "xx-YY", "<title>", "</title>", " | ", "The story goes on. ",
                "Читайте також: ", "Реклама", "<div class=\"share\">", "<svg>", "<![CDATA[", "\u0000", "\uFFFD", "{", "}"};
        for (int i = 0; i < 300; i++) {
            String input;
            switch (i % 3) {
                case 0 -> {
                    byte[] b = new byte[rnd.nextInt(5000)];
                    rnd.nextBytes(b);
                    input = new String(b, StandardCharsets.UTF_8);
                }
                case 1 -> {
                    byte[] b = new byte[rnd.nextInt(5000)];
                    rnd.nextBytes(b);
                    input = "<html><body>" + new String(b, StandardCharsets.ISO_8859_1);
                }
                default -> {
                    StringBuilder sb = new StringBuilder();
                    int n = rnd.nextInt(400);
                    for (int k = 0; k < n; k++) {
                        sb.append(pieces[rnd.nextInt(pieces.length)]);
                    }
                    input = sb.toString();
                }
            }
            run(input);
        }
    }

    @Test
    void extractorIsReusableAcrossThreads() throws Exception {
        String page = Fixtures.read("extract/cna-night-train.html");
        String expected = run(page).article().text();
        Thread[] threads = new Thread[4];
        String[] results = new String[threads.length];
        for (int t = 0; t < threads.length; t++) {
            int idx = t;
            threads[t] = new Thread(() -> results[idx] = extractor.extract(page, "https://cna.example/a").article().text());
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        for (String r : results) {
            assertEquals(expected, r);
        }
    }
}
