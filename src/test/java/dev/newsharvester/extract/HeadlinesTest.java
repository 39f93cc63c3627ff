package dev.newsharvester.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Headline choice where the page's sources disagree only in form: a site name glued on without
 * spaces, a qualifier hyphenated to the first word, quote marks around a phrase.
 */
class HeadlinesTest {

    @Test
    void aSiteNameGluedOnWithoutSpacesIsChromeAndSoIsTheSectionBeforeIt() {
        List<String> site = List.of("한빛일보");
        assertEquals("국회, 예산안 처리 또 미뤄… 여야 '네 탓' 공방",
                TitleCleaner.clean("국회, 예산안 처리 또 미뤄… 여야 '네 탓' 공방-정치ㅣ한빛일보", site, "www.hanbit.example", false));
        assertEquals("宮崎県で震度5弱、津波注意報 気象庁",
                TitleCleaner.clean("宮崎県で震度5弱、津波注意報 気象庁：東西新聞デジタル", List.of("東西新聞デジタル"), null, false));
        assertEquals("Council passes the budget|Courier", TitleCleaner.withoutGluedSiteName(
                "Council passes the budget|Courier", List.of("Herald")), "another site's name stays");
        assertEquals("Bundestag beschließt Reform-Politik", TitleCleaner.clean("Bundestag beschließt Reform-Politik",
                List.of("Politik"), null, false), "a glued hyphen makes a compound, not a separator");
        assertEquals("Kurz:Bote", TitleCleaner.withoutGluedSiteName("Kurz:Bote", List.of("Bote")),
                "what is left must still be a headline");
    }

    @Test
    void theKoreanPageLosesItsGluedSectionAndSiteName() {
        String head = """
                <title>국회, 예산안 처리 또 미뤄… 여야 '네 탓' 공방-정치ㅣ한빛일보</title>
                <meta property="og:site_name" content="한빛일보">
                <meta property="og:title" content="국회, 예산안 처리 또 미뤄… 여야 '네 탓' 공방-정치ㅣ한빛일보">
                <meta name="twitter:title" content="국회, 예산안 처리 또 미뤄… 여야 '네 탓' 공방-정치ㅣ한빛일보">""";
        String body = """
                <p>국회가 내년도 예산안 처리 시한을 또다시 넘겼다. 여야는 서로에게 책임을 돌리며 본회의 일정을 잡지 못했다.</p>
                <p>여당 원내대표는 이날 기자들과 만나 야당이 감액 예산안을 단독으로 처리하려 한다고 비판했다.</p>
                <p>야당은 정부가 민생 예산을 외면하고 있다며 수정안을 받아들이라고 요구했다. 협상은 주말에도 이어진다.</p>
                <p>국회의장은 여야 원내대표를 불러 다음 주 초까지 합의안을 마련해 달라고 당부했다.</p>""";
        Article a = extract(page("ko", head, "<h2 class=\"sub\">예산 정국</h2>", body), "https://www.hanbit.example/news/article/A2025112111");
        assertEquals("국회, 예산안 처리 또 미뤄… 여야 '네 탓' 공방", a.title());
    }

    @Test
    void aQualifierHyphenatedToTheFirstWordGivesWayToTheFormWithout() {
        assertTrue(Headlines.isQualifiedFormOf("MSV-Interimstrainer Schubert: \"Nicht mehr viel zu verlieren\"",
                "Interimstrainer Schubert: \"Nicht mehr viel zu verlieren\""));
        assertFalse(Headlines.isQualifiedFormOf("Anti-corruption bill passes the Rada", "corruption bill passes the Rada"),
                "a lower-case remainder is the rest of a compound");
        assertFalse(Headlines.isQualifiedFormOf("Nord Stream-Betreiber meldet Insolvenz an", "Betreiber meldet Insolvenz an"),
                "a qualifier is one word");
        String head = """
                <title>FCN-Interimstrainer Keller: "Wir haben nichts mehr zu verlieren" - Sportbote</title>
                <meta property="og:site_name" content="Sportbote">
                <meta property="og:title" content="Interimstrainer Keller: &quot;Wir haben nichts mehr zu verlieren&quot;">
                <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
                 "headline":"FCN-Interimstrainer Keller: &quot;Wir haben nichts mehr zu verlieren&quot;",
                 "datePublished":"2025-04-26T11:20:00+02:00","author":{"@type":"Person","name":"Jonas Weber"}}</script>""";
        Article a = extract(page("de", head, "<h1>FCN-Interimstrainer Keller: \"Wir haben nichts mehr zu verlieren\"</h1>", BODY_DE),
                "https://www.sportbote.example/fussball/2-liga/interimstrainer-keller-1234.html");
        assertEquals("Interimstrainer Keller: \"Wir haben nichts mehr zu verlieren\"", a.title());
    }

    @Test
    void quoteMarksAroundAPhraseAreTheDisplaysNotTheHeadlines() {
        assertTrue(Headlines.isQuotedFormOf("\"Pink hair sparks ridicule\"… the riddle of the senator's colour",
                "Pink hair sparks ridicule… the riddle of the senator's colour"));
        assertFalse(Headlines.isQuotedFormOf("Pink hair sparks ridicule… the riddle of the senator's colour",
                "\"Pink hair sparks ridicule\"… the riddle of the senator's colour"), "the form without marks stays");
        assertFalse(Headlines.isQuotedFormOf("Mayor's „trams first“ plan passes", "Mayors trams first plan passes"),
                "apostrophes are letters' business: the words must be the same");
        assertFalse(Headlines.isQuotedFormOf("\"Pink hair\" sparks ridicule in the Senate", "Pink hair sparks ridicule"),
                "different words are a different wording");
        String head = """
                <title>Pink hair sparks ridicule… the riddle of the senator's colour - Courier</title>
                <meta property="og:site_name" content="Courier">
                <meta property="og:title" content="Pink hair sparks ridicule… the riddle of the senator's colour">
                <meta name="twitter:title" content="&quot;Pink hair sparks ridicule&quot;… the riddle of the senator's colour">
                <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
                 "headline":"&quot;Pink hair sparks ridicule&quot;… the riddle of the senator's colour"}</script>""";
        Article a = extract(page("en", head, "<h1>\"Pink hair sparks ridicule\"… the riddle of the senator's colour</h1>", BODY_EN),
                "https://www.courier.example/world/2026/01/08/pink-hair-riddle");
        assertEquals("Pink hair sparks ridicule… the riddle of the senator's colour", a.title());
    }

    private static final String BODY_DE = """
            <p>Nach der Trennung von Cheftrainer Hofmann übernimmt Co-Trainer Keller bis zum Saisonende die Mannschaft.
            Vor dem Heimspiel am Samstag gab er sich kämpferisch und sprach von einer letzten Chance.</p>
            <p>"Wir stehen mit dem Rücken zur Wand, aber die Jungs haben im Training gezeigt, dass sie wollen", sagte Keller
            am Donnerstag auf der Pressekonferenz im Stadion.</p>
            <p>Personell kann der Interimstrainer fast aus dem Vollen schöpfen. Nur Innenverteidiger Brandt fällt mit einer
            Muskelverletzung aus, hinter dem Einsatz von Kapitän Yilmaz steht ein Fragezeichen.</p>
            <p>Mit einem Sieg könnte der Klub den Abstand auf den Relegationsplatz auf zwei Punkte verkürzen.</p>""";

    private static final String BODY_EN = """
            <p>The senator's new hair colour drew thousands of jokes online within hours of her first appearance in the
            chamber on Tuesday, and a hairdresser has now offered an explanation.</p>
            <p>"Under the lights of a television studio a warm copper can read as pink," said the stylist, who has worked
            on film sets for twenty years.</p>
            <p>The senator's office declined to comment on the colour but said she had "enjoyed the memes".</p>
            <p>Her spokesman added that the senator would return to the chamber on Thursday for the vote on the budget.</p>""";

    /** A full page with an outlet's chrome around {@code header} and {@code body}. */
    private static String page(String lang, String head, String header, String body) {
        return """
                <!DOCTYPE html>
                <html lang="%s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                %s
                <link rel="stylesheet" href="/static/css/main.8c1e.css">
                <script async src="/static/js/ads.js"></script>
                </head>
                <body class="article-page">
                <div id="cookie-consent" class="cookie-banner">We use cookies to improve your experience.
                  <button>Accept</button> <button>Settings</button></div>
                <header class="masthead">
                  <a class="logo" href="/">Home</a>
                  <nav class="gnb"><a href="/politics">Politics</a> <a href="/economy">Economy</a> <a href="/sport">Sport</a>
                  <a href="/world">World</a> <a href="/opinion">Opinion</a></nav>
                </header>
                <main>
                  <article class="article">
                    %s
                    <div class="article-body" itemprop="articleBody">%s</div>
                    <div class="share-bar"><a href="#">Facebook</a> <a href="#">X</a> <a href="#">Copy link</a></div>
                  </article>
                  <aside class="most-read">
                    <h3>Most read</h3>
                    <ol>
                      <li><a href="/news/1">Tram fares rise in March</a></li>
                      <li><a href="/news/2">Storm warning for the coast tonight</a></li>
                      <li><a href="/news/3">Cup draw: holders meet the league leaders</a></li>
                    </ol>
                    <div class="ad-slot" data-ad="sidebar">Advertisement</div>
                  </aside>
                </main>
                <footer class="site-footer"><p>© 2026. All rights reserved.</p>
                  <a href="/privacy">Privacy</a> <a href="/contact">Contact</a></footer>
                </body>
                </html>
                """.formatted(lang, head, header, body);
    }

    private static Article extract(String html, String url) {
        return Fixtures.article(html, url, ZoneOffset.UTC);
    }
}
