package dev.newsharvester.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.outlet.Selectors;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Free or paywalled, and cut off, on full fixture pages with chrome (menus, related lists, cookie banners, JSON-LD,
 * "Subscribe" buttons in the header, a newsletter box in the footer, empty paywall containers on free pages). The
 * bodies must be exactly the article's paragraphs: no paywall offer line reaches them.
 */
class AccessFixturesTest {

    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();

    private static Article extract(String name) {
        Extraction e = EXTRACTOR.extract(Fixtures.read("extract/" + name + ".html"), "https://fixture.example/" + name,
                Selectors.NONE, ZoneId.of("Europe/London"));
        assertTrue(e.isArticle(), () -> name + " was not extracted: " + e.notArticleReason());
        return e.article();
    }

    @ParameterizedTest(name = "{0}: free {1}, paywalled {2}, cut off {3}")
    @CsvSource(delimiter = '|', textBlock = """
            ledger-library-reopens      | TRUE    | false | false | jsonld:free=true tier:free box:empty
            ledger-harbour-teaser       | FALSE   | true  | true  | jsonld:free=false part:missing words:103/846 ends:at-paywall ends:ellipsis box
            ledger-budget-metered       | FALSE   | true  | false | jsonld:free=false tier:metered part:in-body box:empty
            gazette-lifeboat-newsletter | UNKNOWN | false | false |
            herald-tariffs-teaser-uk    | FALSE   | true  | true  | call ends:at-paywall
            vedomosti-port-teaser-ru    | FALSE   | true  | true  | call ends:at-paywall ends:faded ends:mid-sentence
            """)
    void accessOfFixturePages(String name, Access.Free free, boolean paywalled, boolean truncated, String signals) {
        Article a = extract(name);
        assertEquals(Fixtures.paragraphs(Fixtures.read("extract/" + name + ".expected.txt")), Fixtures.paragraphs(a.text()),
                name + ": body paragraphs");
        Access access = a.access();
        assertEquals(free, access.free(), () -> name + ": free, signals " + access.signals());
        assertEquals(paywalled, access.paywalled(), () -> name + ": paywalled, signals " + access.signals());
        assertEquals(truncated, access.truncated(), () -> name + ": cut off, signals " + access.signals());
        for (String s : signals == null ? new String[0] : signals.split(" ")) {
            assertTrue(access.signals().contains(s), () -> name + ": signal " + s + " missing from " + access.signals());
        }
        assertEquals(new Access(access.free(), access.paywalled(), access.truncated(), List.of()),
                Access.fromCode(access.code()), "the index code stands for free, paywalled and cut off");
    }

    /** Pages of the body fixtures that show no paywall: a Telegram "subscribe" appeal, newsletter boxes, sign-up forms. */
    @ParameterizedTest
    @ValueSource(strings = {"cna-night-train", "herald-night-train-en", "herald-lviv-heating-uk", "gazette-wind-farm",
        "valleywire-drupal-node", "tidewater-morning-briefing", "ridgeway-echo-market-hall", "coastline-notes-elementor"})
    void pagesWithoutPaywallAreNotPaywalled(String name) {
        Access access = extract(name).access();
        assertFalse(access.paywalled(), () -> name + " read as paywalled: " + access.signals());
        assertFalse(access.truncated());
        assertEquals(Access.Free.UNKNOWN, access.free(), () -> name + ": no declaration, no paywall: " + access.signals());
    }

    /**
     * The body fixtures with a paywall: a "weiterlesen" box right under the last paragraph (cut off); paywalled
     * paragraphs served hidden, which the body keeps, and a hidden registration wall; a complete article with an offer
     * under its credits and contact lines (paywalled, not cut off).
     */
    @ParameterizedTest(name = "{0}: cut off {1}")
    @CsvSource({"courier-stacked-stories, false", "harbourmail-fare-rise, false", "mainkurier-faehre, true"})
    void bodyFixturesWithOffers(String name, boolean truncated) {
        Access access = extract(name).access();
        assertTrue(access.paywalled(), () -> name + ": " + access.signals());
        assertEquals(Access.Free.FALSE, access.free(), () -> name + ": a paywall shows, so the page is not free");
        assertEquals(truncated, access.truncated(), () -> name + ": " + access.signals());
    }
}
