package dev.newsharvester.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.outlet.Selectors;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Body extraction on full pages built around the mistakes generic extractors make: stacked
 * stories (infinite scroll), a teaser feed marked up as articles, a body rendered by script from
 * JSON, paywalled paragraphs hidden in the page, embedded posts, related-story lists under a label.
 */
class BodyExtractorFixturesTest {

    private final ArticleExtractor extractor = new ArticleExtractor();

    private Article extract(String name, String url) {
        Extraction e = extractor.extract(Fixtures.read("extract/" + name + ".html"), url, Selectors.NONE, ZoneOffset.UTC);
        assertTrue(e.isArticle(), () -> name + " was not extracted: " + e.notArticleReason());
        List<String> expected = Fixtures.paragraphs(Fixtures.read("extract/" + name + ".expected.txt"));
        assertEquals(expected, Fixtures.paragraphs(e.article().text()), name + ": body paragraphs");
        return e.article();
    }

    private static void assertAbsent(Article a, String... chrome) {
        for (String s : chrome) {
            assertFalse(a.text().contains(s), () -> "chrome string leaked into the body: \"" + s + "\"\n---\n" + a.text());
        }
    }

    @Test
    void stackedStoriesKeepTheOneUnderThePageHeadline() {
        Article a = extract("courier-stacked-stories",
                "https://northerncourier.example/news/2025/11/04/ferry-operator-orders-electric-boats");
        // the next story is longer, has the same classes and its own h1: it is not this page's article
        assertAbsent(a, "fish market", "Fish market", "Colin Mair", "Next story");
        // the embedded post is quoted content; the paywalled paragraphs are the rest of the article
        assertTrue(a.text().contains("Big day for the Skerry crossing"), a.text());
        assertTrue(a.text().contains("offered for sale"), a.text());
        // the registration wall, the credits and the related list under its label are not
        assertAbsent(a, "Create a free account", "Registration takes", "2006", "Reporting by", "Editing by",
                "More Great Courier Stories", "island bus", "lighthouse keepers", "Quiz", "Topics", "Advertisement",
                "The two vessels will replace", "Facebook", "Most read", "cookies", "Causeway bridge");
        // nor the river of teasers below it (linked headline, author, time, excerpt)
        assertAbsent(a, "Pier repairs", "underwater work", "Distillery", "tasting room", "shinty", "extra time",
                "hours ago", "day ago");
    }

    @Test
    void aFeedOfTeaserArticlesIsNotTheStoryButAPostWithCommentsIs() {
        Article a = extract("caderno-blog-feed", "https://cadernodaserra.example/2025/08/11/alecrim-em-vaso/");
        assertAbsent(a, "Manjericão", "manjericão", "Compostagem", "tomate-cereja", "Pimentas", "Veja também",
                "segunda-feira", "Related post", "blogueiros", "Tags", "Compartilhe", "WhatsApp", "Posts recentes",
                "WordPress", "Como plantar alecrim em vaso",
                // comments are prose, nested as articles: neither part of the body nor a reason to drop it
                "comentários", "Segui as dicas", "geada", "Dá sim", "Marta");
    }

    @Test
    void aBodyRenderedByScriptIsReadFromItsData() {
        Article a = extract("valleypost-script-rendered", "https://valleypost.example/news/A2025120109");
        assertAbsent(a, "INARTICLE_AD", "$$", "Photo: Valley Post", "Rainfall totals", "Mill Street", "Driest autumn");
    }

    private static void assertPresent(Article a, String... text) {
        for (String s : text) {
            assertTrue(a.text().contains(s), () -> "article text lost: \"" + s + "\"\n---\n" + a.text());
        }
    }

    private Article harbourMail() {
        return extract("harbourmail-fare-rise", "https://harbourmail.example/news/transport/island-ferry-fares-rise-april-2025");
    }

    private Article mainKurier() {
        return extract("mainkurier-faehre", "https://mainufer-kurier.example/region/mainfaehre-seligenstadt-fahrplan-mai");
    }

    @Test
    void theNewsroomsContactLinesGoButAnAppealToContactThePoliceStays() {
        Article a = harbourMail();
        assertAbsent(a, "Got a story", "newsdesk@", "Have a tip", "may be reached", "Email: morag");
        assertPresent(a, "contact the harbour police at incidents@harbourpolice.example");
    }

    @Test
    void subscriptionOffersGoButNewsAboutPricesStays() {
        Article a = harbourMail();
        assertAbsent(a, "reserved for subscribers", "Unlock full access");
        assertPresent(a, "Ferry pass subscribers now pay £14.50 a month");
        Article k = mainKurier();
        assertAbsent(k, "weiterlesen", "4 Wochen", "Premium-Artikeln");
        assertPresent(k, "Jahreskarte für nur 95 Euro");
    }

    @Test
    void theCommentPolicyGoesButAModeratedMeetingStays() {
        Article a = harbourMail();
        assertAbsent(a, "comments are moderated");
        assertPresent(a, "moderated by the board's chair, took comments");
        assertPresent(mainKurier(), "Die Kommentare der Anwohner");
    }

    @Test
    void tagAndMetaLinesGo() {
        assertAbsent(harbourMail(), "Tags", "island transport, harbour board", "Filed under");
        assertAbsent(mainKurier(), "Von: Jana Wolf", "Kategorie", "Fähre, Main");
    }

    @Test
    void aMediaPlayersClockIsNotText() {
        assertAbsent(harbourMail(), "0:00", "2:41");
    }

    @Test
    void anImagesCaptionCreditAndTeaserGoButImagesInsideContentLeaveItAlone() {
        Article a = extract("ridgeway-echo-market-hall", "https://ridgewayecho.example/local/victorian-market-hall-reopens");
        // boxes of an image and a few words: caption and credit, a caption under an image in a paragraph,
        // an old-style table cell, a teaser with its thumbnail
        assertAbsent(a, "glass roof on Saturday morning", "Tom Hale", "clock tower", "1987", "bus station", "LOCAL");
        // an image inside running text, list items with icons, a quoted post with its screenshot stay
        assertPresent(a, "The old cast-iron sign", "Hale's Bakery", "twelve local cheeses", "We queued for twenty minutes",
                "sold out all forty pitches");
    }

    @Test
    void theWritersBioUnderTheTextGoes() {
        Article a = harbourMail();
        assertAbsent(a, "transport correspondent", "since 2015");
        assertPresent(a, "Ruth Halvorsen, the board's chair, is expected");
    }

    @Test
    void aLinkedLeadInOfAListItemIsText() {
        Article a = extract("tidewater-morning-briefing", "https://tidewaterledger.example/briefing/2025-06-03");
        // the linked first sentence is over 100 characters: trafilatura's single-link rule is for blocks, not inline runs
        assertPresent(a, "The county board approved a $48 million flood wall", "Ferry service to the barrier islands");
        assertAbsent(a, "More briefings", "June 2");
    }

    @Test
    void aGeneratedIdThatSpellsAdByChanceIsNotAnAdButAnAdClassIs() {
        Article a = extract("tidewater-morning-briefing", "https://tidewaterledger.example/briefing/2025-06-03");
        assertPresent(a, "Good morning!", "See you tomorrow.");
        assertAbsent(a, "Boat Show");
    }

    @Test
    void aPageBuildersWidgetsOfTextAreTextButItsPostsWidgetIsNot() {
        Article a = extract("coastline-notes-elementor", "https://coastlinenotes.example/blog/harbour-wall/");
        // every box is an "elementor-widget": the text editors and headings among them are the article
        assertPresent(a, "When the storm of January", "The stone", "The mortar", "asked who had done the work");
        assertAbsent(a, "chapel", "slipway", "Ewan Moss", "Share on");
    }

    @Test
    void teaserCardsMarkedUpAsArticlesGoWithTheirKickersAndBylines() {
        Article a = extract("tidewater-morning-briefing", "https://tidewaterledger.example/briefing/2025-06-03");
        // the anchors' "teaser" class would take the headlines alone and leave kicker and byline behind
        assertAbsent(a, "Waterfront", "Schools", "Lou Arden", "Weather", "Marina fees");
    }

    @Test
    void reportingCreditsSourcesShortcodesAndLinkLinesGo() {
        assertAbsent(harbourMail(), "contributed reporting", "Source: Harbour Board", "[button", "ferry photos",
                "More island transport", "Related Coverage", "Winter timetable");
    }

    @Test
    void aSummaryJustBeforeTheBodyIsItsFirstParagraphButALeadBoxIsNot() {
        assertTrue(harbourMail().text().startsWith("Season tickets for the Skerry crossing go up by £14 a year"));
        assertAbsent(mainKurier(), "Werftpause");
    }

    @Test
    void aTeaserClassedStandfirstOpeningTheBodyIsText() {
        assertTrue(mainKurier().text().startsWith("Acht Monate lag die Fähre in der Werft."), mainKurier().text());
    }

    @Test
    void drupalsBodyFieldIsTheBody() {
        Article a = extract("valleywire-drupal-node", "https://valleywire.example/news/2025/09/reservoir-levels-ten-year-low");
        // field--name-body, not the node's other fields around it (kicker, region, rights line)
        assertAbsent(a, "Water supply", "North valley", "All rights reserved");
    }

    @Test
    void productionCreditsAndTheErrorReportPromptGo() {
        assertAbsent(mainKurier(), "Redaktion:", "Tobias Grün", "Fehler gefunden");
    }

    @Test
    void aDropCapJoinsItsWord() {
        Article a = extract("ridgeway-echo-market-hall", "https://ridgewayecho.example/local/victorian-market-hall-reopens");
        assertTrue(a.text().startsWith("The Victorian market hall"), a.text());
    }

    @Test
    void aGiftGuidesCardsAreItsText() {
        // each entry is a box of a picture, a heading and a short paragraph: the size of a caption box,
        // but its heading is not a link and its paragraph is a sentence
        Article a = extract("dalespost-gift-guide", "https://dalespost.example/shopping/gifts-for-walkers");
        assertPresent(a, "Kindle Paperwhite", "Keeps coffee hot for twelve hours", "Thorn-proof gloves");
    }
}
