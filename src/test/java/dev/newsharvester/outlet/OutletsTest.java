package dev.newsharvester.outlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutletsTest {

    private static final String GOOD = """
            outlets:
              - id: unn
                name: UNN
                language: en
                timezone: Europe/Kyiv
                feeds: [https://unn.ua/en/rss/politics_en.xml]
                articlePattern: '^https://unn\\.ua/en/news/.+'
                revisit: PT24H
                selectors:
                  body: article .news-text
                  remove: [.related, .views]
              - id: up
                sitemaps: [https://www.pravda.com.ua/sitemap/sitemap-news.xml]
            """;

    @Test
    void parsesFieldsAndDefaults() {
        Outlets outlets = Outlets.parse(GOOD, "test");
        Outlet unn = outlets.get("unn");
        assertEquals(ZoneId.of("Europe/Kyiv"), unn.timezone());
        assertEquals(Duration.ofHours(24), unn.revisit());
        assertEquals(Duration.ofMinutes(10), unn.minRevisitInterval());
        assertEquals("article .news-text", unn.selectors().body());
        assertEquals(List.of(".related", ".views"), unn.selectors().remove());
        assertTrue(unn.isArticleUrl("https://unn.ua/en/news/some-story"));
        Outlet up = outlets.get("up");
        assertEquals("up", up.name());
        assertEquals(ZoneId.of("UTC"), up.timezone());
        assertEquals(List.of("unn", "up"), outlets.select(List.of()).stream().map(Outlet::id).toList());
    }

    @Test
    void bundledProfilesLoad() {
        Outlets outlets = Outlets.bundled();
        assertEquals(List.of("unn", "up"), outlets.all().stream().map(Outlet::id).toList());
        assertTrue(outlets.get("up").isArticleUrl("https://www.pravda.com.ua/eng/news/2025/08/23/7528140/"));
        assertTrue(outlets.get("unn").feeds().get(0).toString().startsWith("https://unn.ua/en/rss/"));
    }

    @Test
    void mistakesNameTheOutletAndTheField() {
        assertMessage("outlet 'unn': field 'timezone': unknown time zone 'Kyiv'",
                "outlets:\n  - id: unn\n    timezone: Kyiv\n    feeds: [https://a.example/rss]\n");
        assertMessage("outlet 'unn': field 'feeds': 'ftp://a.example/rss' is not an absolute http(s) URL",
                "outlets:\n  - id: unn\n    feeds: [ftp://a.example/rss]\n");
        assertMessage("outlet 'unn': field 'revisit': '48h' is not an ISO-8601 duration",
                "outlets:\n  - id: unn\n    revisit: 48h\n    feeds: [https://a.example/rss]\n");
        assertMessage("outlet 'unn': field 'articlePattern': invalid regular expression",
                "outlets:\n  - id: unn\n    articlePattern: '(['\n    feeds: [https://a.example/rss]\n");
        assertMessage("outlet 'unn': unknown field 'feed'",
                "outlets:\n  - id: unn\n    feed: [https://a.example/rss]\n");
        assertMessage("outlet 'unn': needs at least one of 'feeds', 'sitemaps' or 'listings'",
                "outlets:\n  - id: unn\n");
        assertMessage("outlet #1: field 'id': 'UNN' must match [a-z0-9-]+",
                "outlets:\n  - id: UNN\n    feeds: [https://a.example/rss]\n");
        assertMessage("outlet 'unn': id is used twice",
                "outlets:\n  - id: unn\n    feeds: [https://a.example/rss]\n  - id: unn\n    feeds: [https://b.example/rss]\n");
        assertMessage("outlet 'unn': selectors.body: 'div[' is not a valid CSS selector",
                "outlets:\n  - id: unn\n    feeds: [https://a.example/rss]\n    selectors:\n      body: 'div['\n");
        assertMessage("expected a top-level 'outlets:' list", "feeds: []\n");
        assertMessage("unknown outlet 'bbc' (configured: unn, up)", null);
    }

    private static void assertMessage(String expectedPart, String yaml) {
        OutletConfigException e = assertThrows(OutletConfigException.class,
                () -> {
                    if (yaml == null) {
                        Outlets.parse(GOOD, "test").get("bbc");
                    } else {
                        Outlets.parse(yaml, "test");
                    }
                });
        assertTrue(e.getMessage().contains(expectedPart), () -> "message was: " + e.getMessage());
    }

    @Test
    void aKeyGivenTwiceIsRejectedWithItsLine() {
        String yaml = """
                outlets:
                  - id: unn
                    feeds: [https://unn.ua/en/rss/news_en.xml]
                    selectors:
                      body: article .news-text
                      body: article .content
                """;
        var e = assertThrows(OutletConfigException.class, () -> Outlets.parse(yaml, "outlets.yaml"));
        assertEquals("outlets.yaml: line 6: not valid YAML: key 'body' is given twice in one mapping (remove one)", e.getMessage());
        var top = assertThrows(OutletConfigException.class, () -> Outlets.parse("outlets: []\noutlets: []\n", "o.yaml"));
        assertTrue(top.getMessage().startsWith("o.yaml: line 2: "), top.getMessage());
    }
}
