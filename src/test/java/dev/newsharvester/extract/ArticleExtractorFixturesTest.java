package dev.newsharvester.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.fingerprint.Fingerprinter;
import dev.newsharvester.outlet.Selectors;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Full pages with real-outlet chrome (menus, related and recent lists, counters, ads, cookie
 * banners, "Read also" inserts, JSON-LD): the body must be exactly the article's paragraphs and
 * the metadata exact. Expected bodies are in {@code *.expected.txt} beside each page.
 */
class ArticleExtractorFixturesTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private final ArticleExtractor extractor = new ArticleExtractor();

    private Article extract(String name, String url) {
        Extraction e = extractor.extract(Fixtures.read("extract/" + name + ".html"), url, Selectors.NONE, KYIV);
        assertTrue(e.isArticle(), () -> name + " was not extracted: " + e.notArticleReason());
        return e.article();
    }

    private static void assertBody(String name, Article a) {
        List<String> expected = Fixtures.paragraphs(Fixtures.read("extract/" + name + ".expected.txt"));
        assertEquals(expected, Fixtures.paragraphs(a.text()), name + ": body paragraphs");
        assertFalse(a.text().contains("\n\n\n"), "paragraphs are separated by exactly one blank line");
        for (String p : a.text().split("\n\n")) {
            assertEquals(p.strip(), p, "no leading/trailing whitespace in a paragraph");
            assertFalse(p.contains("  ") || p.contains("\n") || p.contains("\u00A0"), "whitespace collapsed: " + p);
        }
    }

    private static void assertAbsent(Article a, String... chrome) {
        for (String s : chrome) {
            assertFalse(a.text().contains(s), () -> "chrome string leaked into the body: \"" + s + "\"\n---\n" + a.text());
        }
    }

    @Test
    void cnaNewsAgencyPage() {
        String url = "https://cna.example/en/news/1457392-ukrzaliznytsia-launches-direct-night-train-from-kyiv-to-vienna";
        Article a = extract("cna-night-train", url);
        assertBody("cna-night-train", a);
        assertEquals("Ukrzaliznytsia launches direct night train from Kyiv to Vienna", a.title());
        assertEquals(List.of("Olena Marchuk"), a.authors());
        assertEquals(OffsetDateTime.parse("2025-09-12T14:35:00+03:00"), a.published());
        assertEquals(ZoneOffset.ofHours(3), a.published().getOffset());
        assertEquals(OffsetDateTime.parse("2025-09-12T16:02:11+03:00"), a.modified());
        assertEquals("en", a.language());
        assertEquals(url, a.canonicalUrl(), "relative canonical link made absolute");
        assertEquals(url, a.url());
        assertEquals("Economy", a.section());
        assertEquals(List.of("Ukrzaliznytsia", "Transport", "railway", "Vienna", "Austria"), a.tags());
        assertEquals("https://cna.example/img/2025/09/12/night-train-1200x630.jpg", a.image());
        assertTrue(a.description().startsWith("Ukrainian Railways will run a direct overnight train"));
        // the lists, the heading and the "Addition" section are the article's
        assertTrue(Fixtures.paragraphs(a.text()).containsAll(List.of("Addition", "Chop, for border and customs checks;",
                "Vinnytsia and Khmelnytskyi;")));
        assertAbsent(a, "Ukrzaliznytsia launches direct night train", "Read also", "adds carriages to Przemyśl",
                "Advertisement", "214 views", "views", "Kyiv • CNA", "12 September 2025, 14:35", "Energy Ministry",
                "Weekend weather", "Five films", "Olena Marchuk", "Photo:", "press service", "Tags:", "Facebook",
                "Telegram channel", "Related news", "New timetable", "Latest news", "Grain exports", "Popular",
                "Hryvnia firms", "USD", "41.32", "Kyiv +17", "Search", "Home", "About us", "© 2025", "cookies",
                "Accept", "Укр");
    }

    @Test
    void heraldEnglishPageWithTwoAuthorsAndLocalTime() {
        Article a = extract("herald-night-train-en", "https://www.uherald.example/eng/news/2025/09/12/7524410/");
        assertBody("herald-night-train-en", a);
        assertEquals("Night train to Vienna: Ukrainian Railways to link the two capitals from October", a.title());
        assertEquals(List.of("Mariia Dovzhenko", "Taras Bilyk"), a.authors());
        // JSON-LD gives a local time without offset: read in the outlet's zone (EEST in September)
        assertEquals(OffsetDateTime.parse("2025-09-12T15:02:00+03:00"), a.published());
        assertEquals(ZoneOffset.ofHours(3), a.published().getOffset());
        assertEquals("en", a.language());
        assertEquals("https://www.uherald.example/eng/news/2025/09/12/7524410/", a.canonicalUrl());
        assertEquals(List.of("railways", "Austria", "transport"), a.tags());
        List<String> paragraphs = Fixtures.paragraphs(a.text());
        assertTrue(paragraphs.contains("Background:"));
        assertTrue(paragraphs.get(paragraphs.size() - 1).startsWith("Demand for trains to the European Union"),
                "the Background list is kept to its last item");
        assertAbsent(a, "Night train to Vienna", "Advertisement", "Stock photo", "sleeper carriage at Kyiv",
                "Mariia Dovzhenko", "Taras Bilyk", "Friday, 12 September 2025", "Support", "Patreon", "Укр", "Рус",
                "Eng", "All Sections", "date 2025-09-12", "All News", "RECENT NEWS", "15:48", "Kharkiv Oblast",
                "Wildfire near Zhytomyr", "Intercity+", "Sections", "Columns", "We use cookies", "All rights reserved");
    }

    @Test
    void ukrainianPageWithUkrainianChrome() {
        Article a = extract("herald-lviv-heating-uk", "https://www.uherald.example/news/2025/10/03/7527702/");
        assertBody("herald-lviv-heating-uk", a);
        assertEquals("Львів достроково почне опалювальний сезон через похолодання", a.title());
        assertEquals(List.of("Ірина Коваль"), a.authors(), "from the damaged JSON-LD block");
        assertEquals(OffsetDateTime.parse("2025-10-03T09:15:00+03:00"), a.published());
        assertEquals("uk", a.language());
        assertEquals("Суспільство", a.section());
        assertEquals(List.of("Львів", "опалювальний сезон", "погода"), a.tags());
        assertEquals("https://www.uherald.example/images/doc/2025/10/03/lviv-heating.jpg", a.image());
        assertTrue(Fixtures.paragraphs(a.text()).containsAll(List.of("Що потрібно знати мешканцям",
                "гаряча лінія працює цілодобово за номером 1580;")));
        assertAbsent(a, "Читайте також", "Синоптики попередили", "Реклама", "переглядів", "1 482", "Ірина Коваль",
                "3 жовтня 2025, 09:15", "Поділитися", "Facebook", "Viber", "Теги", "Підтримайте", "клубу",
                "Останні новини", "На Волині", "Найпопулярніше", "Ціни на овочі", "Головна", "Новини",
                "Публікації", "Архів", "П'ятниця", "cookie", "Зрозуміло", "Усі права захищено", "Київ готується",
                "Уряд затвердив тарифи");
    }

    @Test
    void wordpressPageWithCommentsAndNewsletterBox() {
        Article a = extract("gazette-wind-farm", "https://harbourgazette.example/2025/06/18/council-backs-offshore-wind-farm-plan/");
        assertBody("gazette-wind-farm", a);
        assertEquals("Council backs offshore wind farm plan", a.title(), "og:title without the site suffix");
        assertEquals(List.of("Jane Doe", "Tom O'Neill"), a.authors(), "byline names all authors, meta only the first");
        assertEquals(OffsetDateTime.parse("2025-06-18T07:30:00+01:00"), a.published());
        assertEquals(ZoneOffset.ofHours(1), a.published().getOffset());
        assertEquals(OffsetDateTime.parse("2025-06-18T12:05:41+01:00"), a.modified());
        assertEquals("en", a.language());
        assertAbsent(a, "Council backs offshore wind farm plan", "By Jane Doe", "4 min read", "18 June 2025",
                "Advertisement", "Photo: Harbour Gazette", "Councillors debating", "Get the Gazette", "newsletter",
                "Share this", "Facebook", "Print", "Related", "Harbour dredging", "Tagged", "social media",
                "About Jane Doe", "jane.doe@", "Lifeboat crew", "thoughts on", "Harbourview", "old power station",
                "Leave a Reply", "Recent Posts", "Most read", "Skip to content", "since 1887", "What's On",
                "WordPress", "cookies", "ACCEPT");
    }

    @Test
    void chromeChangesDoNotChangeTheText() {
        String url = "https://cna.example/en/news/1457392-ukrzaliznytsia-launches-direct-night-train-from-kyiv-to-vienna";
        String page = Fixtures.read("extract/cna-night-train.html");
        String later = page.replace(" • 214 views", " • 9 871 views")
                .replace("USD <b>41.32</b>", "USD <b>41.47</b>")
                .replace("Kharkiv opens a new metro entrance after repairs", "Odesa port handles record grain volume")
                .replace("<span class=\"views\">3 120</span>", "<span class=\"views\">5 402</span>")
                .replace("Five films to watch this weekend", "Three exhibitions open in Kyiv on Saturday");
        assertFalse(page.equals(later), "the chrome edit must change the page");
        Article a = extractor.extract(page, url, Selectors.NONE, KYIV).article();
        Article b = extractor.extract(later, url, Selectors.NONE, KYIV).article();
        assertNotNull(a);
        assertNotNull(b);
        assertEquals(a.text(), b.text());
        assertEquals(Fingerprinter.of(a.text()).sha256(), Fingerprinter.of(b.text()).sha256());
    }

    @Test
    void listingPageIsNotAnArticle() {
        Extraction e = extractor.extract(Fixtures.read("extract/cna-economy-listing.html"), "https://cna.example/en/economy/");
        assertFalse(e.isArticle(), () -> "listing extracted as article:\n" + e.article().text());
        assertTrue(e.notArticleReason().startsWith("listing page"), e.notArticleReason());
    }

    @Test
    void outletSelectorsOverrideGenericRules() {
        Selectors sel = new Selectors(".entry-content", "h1.entry-title", ".byline .author", "time.entry-date",
                List.of(".newsletter-signup", "blockquote"));
        Extraction e = extractor.extract(Fixtures.read("extract/gazette-wind-farm.html"),
                "https://harbourgazette.example/2025/06/18/council-backs-offshore-wind-farm-plan/", sel, KYIV);
        assertTrue(e.isArticle(), e::notArticleReason);
        Article a = e.article();
        assertEquals("Council backs offshore wind farm plan", a.title());
        assertEquals(List.of("Jane Doe", "Tom O'Neill"), a.authors());
        assertEquals(OffsetDateTime.parse("2025-06-18T07:30:00+01:00"), a.published());
        List<String> expected = Fixtures.paragraphs(Fixtures.read("extract/gazette-wind-farm.expected.txt")).stream()
                .filter(p -> !p.startsWith("If the cable goes where")) // the blockquote the selectors remove
                .toList();
        assertEquals(expected, Fixtures.paragraphs(a.text()));
    }

    @Test
    void selectorsThatDoNotMatchOrDoNotParseFallBackToGenericExtraction() {
        String page = Fixtures.read("extract/gazette-wind-farm.html");
        String url = "https://harbourgazette.example/2025/06/18/council-backs-offshore-wind-farm-plan/";
        String generic = extractor.extract(page, url, Selectors.NONE, KYIV).article().text();
        Selectors missing = new Selectors(".no-such-body", ".no-such-title", ".no-such-author", ".no-such-date", List.of(".nothing"));
        Selectors broken = new Selectors("div[[[", "h1:has(", ">>>", "time[", List.of("::bad"));
        for (Selectors s : List.of(missing, broken)) {
            Extraction e = extractor.extract(page, url, s, KYIV);
            assertTrue(e.isArticle(), e::notArticleReason);
            assertEquals(generic, e.article().text());
            assertEquals("Council backs offshore wind farm plan", e.article().title());
        }
    }
}
