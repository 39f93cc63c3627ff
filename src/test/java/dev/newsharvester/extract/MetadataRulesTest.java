package dev.newsharvester.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.outlet.Selectors;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each metadata rule on a page built the way outlets build theirs: head metadata, a site header
 * with navigation, the article header, body and footer, and a sidebar of other stories with their
 * own bylines and times (which must never leak into the article's metadata).
 */
class MetadataRulesTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    private static final String BODY_EN = """
            <p>The city council approved the plan on Tuesday after a debate that lasted more than four hours and drew
            residents from every district to the chamber.</p>
            <p>Officials said the first works would start in October, once the contractors have been chosen through an
            open tender, and that the budget would be published in full.</p>
            <p>Opponents said the plan ignored the bus depots, which will need new chargers before the winter.</p>
            """;
    private static final String BODY_UK = """
            <p>Київська міська рада у вівторок ухвалила план після дебатів, які тривали понад чотири години та зібрали
            мешканців усіх районів міста.</p>
            <p>Посадовці заявили, що перші роботи почнуться у жовтні, коли підрядників оберуть через відкритий тендер, а
            кошторис опублікують повністю.</p>
            <p>Опоненти кажуть, що план не враховує автобусні парки, яким до зими потрібні нові зарядні станції.</p>
            """;
    private static final String BODY_RU = """
            <p>Городской совет во вторник одобрил план после дебатов, которые длились более четырёх часов и собрали
            жителей всех районов города.</p>
            <p>Чиновники заявили, что первые работы начнутся в октябре, когда подрядчиков выберут через открытый тендер,
            а смету опубликуют полностью.</p>
            <p>Оппоненты говорят, что план не учитывает автобусные парки, которым к зиме нужны новые зарядные станции.</p>
            """;

    /** A full page: {@code head} goes into the head, {@code header} above the body, {@code after} below it. */
    private static String page(String lang, String head, String header, String body, String after) {
        return """
                <!DOCTYPE html>
                <html lang="%s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                %s
                <link rel="stylesheet" href="/assets/site.4f2a.css">
                </head>
                <body class="single single-post">
                <header class="site-header">
                  <a class="logo" href="/">City Courier</a>
                  <nav class="main-menu"><a href="/news">News</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a>
                  <a href="/authors/olga-bondar" class="author">Olga Bondar</a></nav>
                </header>
                <main class="layout">
                  <article class="post">
                    %s
                    <div class="post-content">%s</div>
                    %s
                  </article>
                  <aside class="sidebar">
                    <h3>Latest news</h3>
                    <ul class="latest">
                      <li><a href="/news/2025/08/22/other-story"><span class="byline">By Mark Teller</span>
                      <time datetime="2025-08-22T09:00:00+03:00">22 August 2025, 09:00</time> Bridge repairs delayed again</a></li>
                      <li><a href="/news/2025/08/21/third-story"><span class="author">Petro Lysenko</span> Heating tariffs stay</a></li>
                    </ul>
                  </aside>
                </main>
                <footer class="site-footer"><p>© 2025 City Courier. Editor: Hanna Ostapenko.</p>
                  <p class="date">Updated 24.08.2025 10:00</p></footer>
                </body>
                </html>
                """.formatted(lang, head, header, body, after);
    }

    private static Article extract(String html, String url, ZoneId zone) {
        return Fixtures.article(html, url, zone);
    }

    // ----- titles -----

    @Test
    void siteNameSuffixAndPrefixAreStrippedFromTheTitleElement() {
        String head = """
                <title>Council approves the tram plan | City Courier</title>
                <meta property="og:site_name" content="City Courier">""";
        Article a = extract(page("en", head, "<p class=\"kicker\">Transport</p>", BODY_EN, ""),
                "https://courier.example/news/2025/08/23/tram-plan", KYIV);
        assertEquals("Council approves the tram plan", a.title());

        String ukHead = """
                <title>Українська правда — Рада ухвалила план для трамваїв</title>
                <meta property="og:site_name" content="Українська правда">""";
        Article uk = extract(page("uk", ukHead, "", BODY_UK, ""), "https://www.pravda.com.ua/news/2025/08/23/7528185/", KYIV);
        assertEquals("Рада ухвалила план для трамваїв", uk.title(), "a leading site name goes too");
    }

    @Test
    void theHostNameIsASiteNameEvenWithoutOgSiteName() {
        String head = "<meta property=\"og:title\" content=\"Рада ухвалила план для трамваїв - UNN\">";
        Article a = extract(page("uk", head, "", BODY_UK, ""), "https://unn.ua/news/rada-ukhvalyla-plan", KYIV);
        assertEquals("Рада ухвалила план для трамваїв", a.title());
    }

    @Test
    void aKickerBeforeAColonIsNotPartOfTheHeadline() {
        String head = """
                <meta property="og:title" content="Горсовет одобрил план для трамваев">
                <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
                 "headline":"Транспорт в Киеве: Горсовет одобрил план для трамваев"}</script>""";
        Article a = extract(page("ru", head, "<h1>Транспорт в Киеве: Горсовет одобрил план для трамваев</h1>", BODY_RU, ""),
                "https://news.example/ru/2025/08/23/tram", KYIV);
        assertEquals("Горсовет одобрил план для трамваев", a.title());
    }

    @Test
    void aSectionLabelAfterAPipeGoesWhenAnotherSourceAgrees() {
        String head = """
                <meta property="og:title" content="Council approves the tram plan">
                <script type="application/ld+json">{"@type":"NewsArticle","headline":"Council approves the tram plan | Transport"}</script>""";
        Article a = extract(page("en", head, "<h1>Council approves the tram plan</h1>", BODY_EN, ""), "https://courier.example/a/1", KYIV);
        assertEquals("Council approves the tram plan", a.title());
    }

    @Test
    void entitiesEscapedTwiceInJsonLdAreDecoded() {
        String head = """
                <script type="application/ld+json">{"@type":"NewsArticle",
                 "headline":"Mayor&#039;s plan: &quot;trams first&quot; &amp; buses later"}</script>""";
        Article a = extract(page("en", head, "", BODY_EN, ""), "https://courier.example/a/2", KYIV);
        assertEquals("Mayor's plan: \"trams first\" & buses later", a.title());
    }

    @Test
    void typographicQuoteEntitiesInJsonLdAreTheQuotesThatWereTyped() {
        // WordPress writes a typed ' as &#8217; in the JSON-LD; og:title and <title> keep the typed quote.
        String head = """
                <title>Mayor's &#8216;trams first&#8217; plan passes | City Courier</title>
                <meta property="og:title" content="Mayor's 'trams first' plan passes | City Courier">
                <script type="application/ld+json">{"@type":"NewsArticle",
                 "headline":"Mayor&#8217;s &#8216;trams first&#8217; plan passes"}</script>""";
        Article a = extract(page("en", head, "<h1 class=\"entry-title\">Mayor’s ‘trams first’ plan passes</h1>", BODY_EN, ""),
                "https://courier.example/2025/08/23/trams-first/", KYIV);
        assertEquals("Mayor's 'trams first' plan passes", a.title());

        String typed = """
                <script type="application/ld+json">{"@type":"NewsArticle",
                 "headline":"Mayor\\u2019s \\u2018trams first\\u2019 plan passes"}</script>""";
        Article b = extract(page("en", typed, "", BODY_EN, ""), "https://courier.example/2025/08/23/trams-first/", KYIV);
        assertEquals("Mayor’s ‘trams first’ plan passes", b.title(), "a typographic quote written as such stays");
    }

    @Test
    void theSocialTitleWinsOverALongerFormThatOnlyAddsAClause() {
        assertEquals("Council approves the tram plan", titleOf("Council approves the tram plan",
                "Council approves the tram plan after a four-hour debate",
                "<h1>Council approves the tram plan after a four-hour debate</h1>"));
    }

    @Test
    void aKickerTheHeadlinePrintsStaysInTheTitle() {
        String og = "Tram vote / Council approves the tram plan";
        String printed = "<h1 class=\"headline\"><span class=\"kicker\">Tram vote</span>Council approves the tram plan</h1>";
        assertEquals(og, titleOf(og, "Council approves the tram plan", printed));
        assertEquals("Council approves the tram plan",
                titleOf(og, "Council approves the tram plan", "<h1>Council approves the tram plan</h1>"),
                "a kicker the page does not print is a label");
    }

    @Test
    void aHeadlineKeepsItsLeadWhenTheShorterFormStillOpensWithALabel() {
        String whole = "After the vote: Report: council delays the tram plan again";
        assertEquals(whole, titleOf("Report: council delays the tram plan again", whole, "<h1>" + whole + "</h1>"));
    }

    /** The title of an English article page with this og:title, JSON-LD headline and article header. */
    private static String titleOf(String ogTitle, String ldHeadline, String header) {
        String head = """
                <meta property="og:title" content="%s">
                <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
                 "headline":"%s"}</script>""".formatted(ogTitle, ldHeadline);
        return extract(page("en", head, header, BODY_EN, ""), "https://courier.example/news/2025/08/23/tram-plan", KYIV).title();
    }

    // ----- authors -----

    @Test
    void aPersonReferencedByIdInTheJsonLdGraphIsTheAuthor() {
        String head = """
                <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
                 {"@type":"NewsArticle","@id":"https://courier.example/a/3#article","headline":"Council approves the tram plan",
                  "author":{"@id":"https://courier.example/#/schema/person/5f1c"},
                  "publisher":{"@id":"https://courier.example/#organization"}},
                 {"@type":"Organization","@id":"https://courier.example/#organization","name":"City Courier"},
                 {"@type":"Person","@id":"https://courier.example/#/schema/person/5f1c","name":"Oksana Melnyk",
                  "url":"https://courier.example/author/oksana/"}]}</script>""";
        Article a = extract(page("en", head, "", BODY_EN, ""), "https://courier.example/a/3", KYIV);
        assertEquals(List.of("Oksana Melnyk"), a.authors());
    }

    @Test
    void theOutletCreditingItselfIsTheAuthorOnlyWhenNobodyElseIsNamed() {
        String ld = """
                <script type="application/ld+json">{"@type":"NewsArticle","headline":"Council approves the tram plan",
                 "author":{"@type":"Organization","name":"City Courier"},"publisher":{"@type":"Organization","name":"City Courier"}}</script>""";
        Article alone = extract(page("en", ld, "", BODY_EN, ""), "https://courier.example/a/4", KYIV);
        assertEquals(List.of("City Courier"), alone.authors(), "no byline: the outlet's credit is all there is");

        Article withByline = extract(page("en", ld, "<div class=\"byline\">By <a rel=\"author\" href=\"/authors/jane\">Jane Doe</a></div>",
                BODY_EN, ""), "https://courier.example/a/4", KYIV);
        assertEquals(List.of("Jane Doe"), withByline.authors());
    }

    @Test
    void anAgencyBesideAReporterStays() {
        String head = """
                <script type="application/ld+json">{"@type":"NewsArticle","headline":"Council approves the tram plan",
                 "author":[{"@type":"Person","name":"Paula Steiner"},{"@type":"Organization","name":"Reuters"}],
                 "publisher":{"@type":"Organization","name":"City Courier"}}</script>""";
        Article a = extract(page("en", head, "", BODY_EN, ""), "https://courier.example/a/5", KYIV);
        assertEquals(List.of("Paula Steiner", "Reuters"), a.authors());
    }

    @Test
    void aBylineNamingEveryoneReplacesMetadataNamingOne() {
        String head = "<meta name=\"author\" content=\"Олег Павлюк\">";
        String header = """
                <h1>Рада ухвалила план для трамваїв</h1>
                <div class="post_news_author">
                  <a href="/authors/oleh-pavliuk/"><span class="post_author_name">Олег Павлюк</span></a>,
                  <a href="/authors/roman-petrenko/"><span class="post_author_name">Роман Петренко</span></a>
                  <span class="post_news_date">Субота, 23 серпня 2025, 11:07</span>
                </div>""";
        Article a = extract(page("uk", head, header, BODY_UK, ""), "https://www.pravda.com.ua/news/2025/08/23/7528185/", KYIV);
        assertEquals(List.of("Олег Павлюк", "Роман Петренко"), a.authors());
        assertEquals(OffsetDateTime.parse("2025-08-23T11:07:00+03:00"), a.published(), "the visible Ukrainian date line");
    }

    @Test
    void bylinesOfOtherStoriesAndPhotoCreditsAreIgnored() {
        String header = """
                <h1>Горсовет одобрил план для трамваев</h1>
                <figure><img src="/img/tram.jpg" alt=""><figcaption itemprop="author">Фото: Ирина Ткач</figcaption></figure>
                <p class="article-author">Автор: Мария Соколова</p>""";
        String after = """
                <section class="more"><h2>Читайте также</h2>
                  <article class="card"><a href="/ru/2025/08/22/bridge"><h3>Мост закроют на ремонт</h3>
                  <span class="author">Игорь Белов</span></a></article></section>""";
        Article a = extract(page("ru", "", header, BODY_RU, after), "https://news.example/ru/2025/08/23/tram", KYIV);
        assertEquals(List.of("Мария Соколова"), a.authors());
    }

    @Test
    void anEndOfArticleAuthorAndALabelledAuthorAreFound() {
        String end = "<div class=\"single-news__author\"><a href=\"/en/authors/anna-murashko\" rel=\"author\">Anna Murashko</a></div>";
        Article unnStyle = extract(page("en", "", "<h1>Council approves the tram plan</h1>", BODY_EN, end),
                "https://unn.example/en/news/council-approves", KYIV);
        assertEquals(List.of("Anna Murashko"), unnStyle.authors());

        String labelled = "<ul class=\"facts\"><li><strong>Datum</strong> 28.04.2023</li><li><strong>Autorin/Autor</strong> Roman Goncharenko</li></ul>";
        Article dw = extract(page("de", "", "<h1>Stadtrat beschließt Straßenbahnplan</h1>", BODY_EN, labelled),
                "https://dw.example/de/stadtrat/a-65457070", ZoneId.of("Europe/Berlin"));
        assertEquals(List.of("Roman Goncharenko"), dw.authors());
        assertEquals(OffsetDateTime.parse("2023-04-28T00:00:00+02:00"), dw.published());
    }

    // ----- dates -----

    @Test
    void aDateWithoutOffsetTakesTheOffsetOfAnotherSourceAtTheSameLocalTime() {
        String head = """
                <meta name="date.available" content="2024-04-30 16:17:29 +02:00">
                <script type="application/ld+json">{"@type":"NewsArticle","headline":"Council approves the tram plan",
                 "datePublished":"2024-04-30 16:17:29","dateModified":"2024-04-30 16:17:36 +02:00"}</script>""";
        Article a = extract(page("en", head, "", BODY_EN, ""), "https://courier.example/a/6", ZoneOffset.UTC);
        assertEquals(OffsetDateTime.parse("2024-04-30T16:17:29+02:00"), a.published());
        assertEquals(ZoneOffset.ofHours(2), a.published().getOffset());
        assertEquals(OffsetDateTime.parse("2024-04-30T16:17:36+02:00"), a.modified());
    }

    @Test
    void aUtcDateTakesTheLocalOffsetTheSamePageGivesForTheSameInstant() {
        String head = """
                <script type="application/ld+json">{"@type":"NewsArticle","headline":"Council approves the tram plan",
                 "datePublished":"2024-04-25T08:21:02Z"}</script>""";
        String header = "<h1>Council approves the tram plan</h1><time class=\"c-timestamp\" datetime=\"2024-04-25 04:21:02.000000-0400\">April 25, 2024</time>";
        Article a = extract(page("en", head, header, BODY_EN, ""), "https://courier.example/a/9", KYIV);
        assertEquals(OffsetDateTime.parse("2024-04-25T04:21:02-04:00"), a.published());
        assertEquals(ZoneOffset.ofHours(-4), a.published().getOffset(), "same instant, shown in the outlet's local time");
    }

    @Test
    void aDateWithoutAnyOffsetUsesTheOutletZone() {
        String head = "<meta property=\"article:published_time\" content=\"2025-01-23T11:07:00\">";
        Article a = extract(page("uk", head, "", BODY_UK, ""), "https://unn.example/news/x", KYIV);
        assertEquals(OffsetDateTime.parse("2025-01-23T11:07:00+02:00"), a.published(), "Kyiv is +02:00 in winter");
    }

    @Test
    void visibleRussianDateLineIsRead() {
        String header = "<h1>Горсовет одобрил план для трамваев</h1><div class=\"article-date\">23 августа 2025, 11:07</div>";
        Article a = extract(page("ru", "", header, BODY_RU, ""), "https://news.example/ru/tram", KYIV);
        assertEquals(OffsetDateTime.parse("2025-08-23T11:07:00+03:00"), a.published());
    }

    @Test
    void theUrlDateIsTheLastResort() {
        Article a = extract(page("en", "", "<h1>Council approves the tram plan</h1>", BODY_EN, ""),
                "https://courier.example/news/2025/08/21/tram-plan", KYIV);
        assertEquals(OffsetDateTime.parse("2025-08-21T00:00:00+03:00"), a.published());
    }

    @Test
    void aModifiedDateBeforeThePublicationIsDropped() {
        String head = """
                <meta property="article:published_time" content="2025-08-23T10:00:00+03:00">
                <meta property="article:modified_time" content="2019-01-01T00:00:00+02:00">""";
        Article a = extract(page("en", head, "", BODY_EN, ""), "https://courier.example/a/7", KYIV);
        assertEquals(OffsetDateTime.parse("2025-08-23T10:00:00+03:00"), a.published());
        assertNull(a.modified());
    }

    // ----- the other fields -----

    @Test
    void languageCanonicalSectionTagsImageAndDescription() {
        String head = """
                <link rel="canonical" href="/uk/news/2025/08/23/plan">
                <meta property="og:image" content="/img/2025/08/tram-1200.jpg">
                <meta property="article:section" content="Київ">
                <meta property="article:tag" content="Транспорт"><meta property="article:tag" content="Трамваї">
                <meta name="keywords" content="трамваї, Київ, транспорт">
                <meta name="description" content="Рада ухвалила план оновлення трамвайних ліній.">""";
        Article a = extract(page("ua", head, "", BODY_UK, ""), "https://courier.example/uk/news/2025/08/23/plan?utm_source=x", KYIV);
        assertEquals("uk", a.language(), "\"ua\" is the country; the language is \"uk\"");
        assertEquals("https://courier.example/uk/news/2025/08/23/plan", a.canonicalUrl());
        assertEquals("Київ", a.section());
        assertEquals(List.of("Транспорт", "Трамваї", "Київ"), a.tags(), "article:tag and keywords, without case duplicates");
        assertEquals("https://courier.example/img/2025/08/tram-1200.jpg", a.image());
        assertEquals("Рада ухвалила план оновлення трамвайних ліній.", a.description());
    }

    // ----- outlet selectors -----

    @Test
    void outletSelectorsOverrideTheGenericPath() {
        String head = """
                <meta property="og:title" content="Generic title that the outlet does not want">
                <meta name="author" content="Wrong Person">
                <meta property="article:published_time" content="2025-08-20T08:00:00+03:00">""";
        String header = """
                <h2 class="headline-main">Council approves the tram plan</h2>
                <p class="credits"><span class="credit-name">Olena Marchuk</span> and <span class="credit-name">Taras Bilyk</span></p>
                <span class="stamp" data-datetime="2025-08-23T11:07:00+03:00">11:07</span>""";
        String after = "<div class=\"promo\"><p>Subscribe to the City Courier newsletter and get the morning briefing every day.</p></div>";
        Selectors sel = new Selectors(".post-content", "h2.headline-main", ".credit-name", ".stamp", List.of(".promo"));
        Extraction x = new ArticleExtractor().extract(page("en", head, header, BODY_EN, after), "https://courier.example/a/8", sel, KYIV);
        Article a = x.article();
        assertEquals("Council approves the tram plan", a.title());
        assertEquals(List.of("Olena Marchuk", "Taras Bilyk"), a.authors());
        assertEquals(OffsetDateTime.parse("2025-08-23T11:07:00+03:00"), a.published());
        assertTrue(!a.text().contains("newsletter"), "removed elements are not in the text");
    }
}
