package dev.newsharvester.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.outlet.Selectors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.time.ZoneId;
import java.util.List;

/** Reads test resources and extracts test pages. */
final class Fixtures {

    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();

    private Fixtures() {
    }

    /** The article of a page without outlet selectors; fails the test when the page is not one. */
    static Article article(String html, String url, ZoneId zone) {
        Extraction x = EXTRACTOR.extract(html, url, Selectors.NONE, zone);
        assertTrue(x.isArticle(), () -> "not an article: " + x.notArticleReason());
        return x.article();
    }

    static String read(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The paragraphs of an extracted or expected body (separated by blank lines). */
    static List<String> paragraphs(String text) {
        return Arrays.stream(text.strip().split("\\n\\s*\\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
