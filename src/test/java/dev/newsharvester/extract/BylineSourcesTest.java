package dev.newsharvester.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where bylines and dates hide on sites built unlike the big outlets: a WordPress news theme that
 * credits the site and prints the reporter in bold in the body, a house account, a Yoast "Written
 * by" label, an unmarked "By …" line, a BEM article header, a Korean page whose only date is in its
 * analytics layer, a Chinese portal that credits its editors at the end.
 */
class BylineSourcesTest {

    private static final ZoneId MASERU = ZoneId.of("Africa/Maseru");

    private static final String BODY_EN = """
            <p><strong>A</strong> quarry company has come under heavy criticism from five villages who say its blasting is
            cracking the walls of their homes and scattering debris over their fields and pastures.</p>
            <p>Residents told the paper that the explosions shake their houses several times a week and that the company has
            so far moved only two households, despite promises made at a public gathering last year.</p>
            <p>The company did not respond to written questions sent on Monday. The ministry said an inspection was planned.</p>
            """;

    /**
     * A WordPress news theme: Yoast metadata, a sticky-sidebar wrapper around the whole content column,
     * a byline slot filled with {@code byline}, and the body opening with {@code lead}.
     */
    private static String wordpress(String head, String byline, String lead) {
        return """
                <!DOCTYPE html>
                <html lang="en-US">
                <head>
                <meta charset="UTF-8">
                <title>Blasts crack homes near quarry - Highland Herald</title>
                <meta property="og:site_name" content="Highland Herald">
                <meta property="og:type" content="article">
                <meta property="article:published_time" content="2025-11-21T13:34:26+00:00">
                %s
                </head>
                <body class="post-template-default single single-post">
                <header id="masthead" class="site-header"><a class="custom-logo-link" href="/">Highland Herald</a>
                  <nav class="main-navigation"><ul><li><a href="/news/">News</a></li><li><a href="/sport/">Sport</a></li></ul></nav>
                </header>
                <div class="container container-single">
                  <div class="theiaStickySidebar">
                    <article id="post-89045" class="post type-post status-publish">
                      <header class="entry-header">
                        <span class="cat-links"><a href="/category/news/">News</a></span>
                        <h1 class="entry-title">Blasts crack homes near quarry</h1>
                        <div class="entry-meta">%s
                          <time class="entry-date published" datetime="2025-11-21T15:34:26+02:00">November 21, 2025</time></div>
                      </header>
                      <div class="entry-content">
                        <p><em>…villagers say promises made a year ago were not kept</em></p>
                        %s
                        %s
                        <p><strong>Related:</strong> <a href="/2025/10/mine-licence/">Mine licence under review</a></p>
                      </div>
                    </article>
                  </div>
                  <div class="theiaStickySidebar">
                    <aside id="secondary" class="widget-area">
                      <section class="widget widget_recent_entries"><h2>Recent posts</h2>
                        <ul><li><a href="/2025/11/budget/">Budget speech delayed</a> <span class="author">Palesa Mokoena</span></li></ul>
                      </section>
                    </aside>
                  </div>
                </div>
                <footer class="site-footer"><p>© 2025 Highland Herald. All rights reserved.</p></footer>
                </body>
                </html>
                """.formatted(head, byline, lead, BODY_EN);
    }

    private static final String SITE_CREDIT = """
            <meta name="author" content="Highland Herald">
            <meta name="twitter:label1" content="Written by">
            <meta name="twitter:data1" content="Highland Herald">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
             {"@type":"NewsArticle","@id":"https://herald.example/blasts/#article","headline":"Blasts crack homes near quarry",
              "author":{"name":"Highland Herald","@id":"https://herald.example/#/schema/person/d532"},
              "publisher":{"@id":"https://herald.example/#organization"}},
             {"@type":"Organization","@id":"https://herald.example/#organization","name":"Highland Herald"}]}</script>""";
    private static final String SITE_BYLINE =
            "by <span class=\"author vcard\"><a class=\"url fn n\" href=\"https://herald.example/author/herald/\">Highland Herald</a></span>";

    private static Article extract(String html, String url, ZoneId zone) {
        return Fixtures.article(html, url, zone);
    }

    @Test
    void whenTheSiteCreditsItselfTheBoldNameOpeningTheBodyIsTheReporter() {
        Article a = extract(wordpress(SITE_CREDIT, SITE_BYLINE, "<p><strong>Mpho Lebona/Tsepo Ramakatane</strong></p>"),
                "https://herald.example/blasts-crack-homes/", MASERU);
        assertEquals(List.of("Mpho Lebona", "Tsepo Ramakatane"), a.authors());
        assertTrue(!a.text().contains("Tsepo Ramakatane"), "the byline is not body text");
        assertEquals(OffsetDateTime.parse("2025-11-21T15:34:26+02:00"), a.published(),
                "a sticky-sidebar wrapper around the headline is not a sidebar: its <time> counts");
    }

    @Test
    void aBoldParagraphIsNoBylineWhenTheSiteNamesSomeoneOrWhenItIsNotALead() {
        String person = """
                <script type="application/ld+json">{"@type":"NewsArticle","headline":"Blasts crack homes near quarry",
                 "author":{"@type":"Person","name":"Nthabiseng Mola"}}</script>""";
        Article named = extract(wordpress(person, "", "<p><strong>Mpho Lebona</strong></p>"),
                "https://herald.example/blasts-crack-homes/", MASERU);
        assertEquals(List.of("Nthabiseng Mola"), named.authors());

        Article subhead = extract(wordpress(SITE_CREDIT, SITE_BYLINE, "<p><strong>what the villagers want</strong></p>"),
                "https://herald.example/blasts-crack-homes/", MASERU);
        assertEquals(List.of("Highland Herald"), subhead.authors(), "a bold lead not written like a name");
    }

    @Test
    void aHouseAccountIsTheSiteNotAPerson() {
        String head = """
                <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
                 {"@type":"Person","@id":"https://herald.example/author/admin/","name":"Herald D"},
                 {"@type":"NewsArticle","headline":"Blasts crack homes near quarry","author":{"@id":"https://herald.example/author/admin/"}}]}</script>""";
        String byline = "by <span class=\"author vcard\"><a href=\"https://herald.example/author/admin/\" rel=\"author\">Herald D</a></span>";
        Article a = extract(wordpress(head, byline, "<p><strong>THABO MOLAPO&nbsp;</strong></p>"),
                "https://herald.example/blasts-crack-homes/", MASERU);
        assertEquals(List.of("THABO MOLAPO"), a.authors());
    }

    @Test
    void yoastWrittenByLabelNamesTheAuthor() {
        String head = """
                <meta name="author" content="m.lebona@herald.example">
                <meta name="twitter:label1" content="Written by">
                <meta name="twitter:data1" content="Mpho Lebona">
                <meta name="twitter:label2" content="Est. reading time">
                <meta name="twitter:data2" content="3 minutes">""";
        Article a = extract(wordpress(head, "", ""), "https://herald.example/blasts-crack-homes/", MASERU);
        assertEquals(List.of("Mpho Lebona"), a.authors());

        String misc = "<meta name=\"twitter:misc:Verfasst von\" content=\"Dieter Lange\">";
        Article b = extract(wordpress(misc, "", ""), "https://herald.example/blasts-crack-homes/", MASERU);
        assertEquals(List.of("Dieter Lange"), b.authors());
    }

    @Test
    void anUnmarkedByLineUnderTheHeadlineIsTheByline() {
        String line = """
                <p class="text-sm">
                    By HHN,
                    in <a href="/news/news">News</a>, <a href="/news/business">Business</a> &middot;
                    <span data-date="31-01-2025 20:02">31 Jan 2025, 20:02</span> &middot; <a href="#comments">0 Comments</a>
                </p>""";
        Article a = extract(wordpress("", line, ""), "https://herald.example/blasts-crack-homes/", MASERU);
        assertEquals(List.of("HHN"), a.authors(), "an acronym after an explicit 'By' is a credit");

        String filter = "<p class=\"archive-links\">By <a href=\"/topics/\">Topic</a> · By <a href=\"/dates/\">Date</a></p>";
        Article f = extract(wordpress("", filter, ""), "https://herald.example/blasts-crack-homes/", MASERU);
        assertEquals(List.of(), f.authors(), "one ordinary word after 'By' is a filter, not a credit");

        String linked = "<p>By <a href=\"/profile/jane-moeti\">Jane Moeti</a> and <a href=\"/profile/lineo-ts\">Lineo Tsita</a></p>";
        Article b = extract(wordpress("", linked, ""), "https://herald.example/blasts-crack-homes/", MASERU);
        assertEquals(List.of("Jane Moeti"), b.authors().subList(0, 1));
    }

    @Test
    void proseInBoldThatStartsLikeACreditIsNoByline() {
        String lead = "<p>The offer runs <strong>von Montag, den 1. Mai bis Sonntag, den 7. Mai</strong> while stocks last, the shop said.</p>";
        Article a = extract(wordpress("", "", lead), "https://herald.example/blasts-crack-homes/", MASERU);
        assertEquals(List.of(), a.authors());
    }

    @Test
    void aBemArticleAuthorElementIsTheBylineButAQuoteAuthorIsNot() {
        String html = """
                <!DOCTYPE html>
                <html lang="de">
                <head><meta charset="utf-8"><title>Deutschland gewinnt die Gruppe - Sportportal</title>
                <meta name="author" content="Sportportal NACHRICHTEN"><meta property="og:site_name" content="sportportal.example">
                <script type="application/ld+json">{"@type":"NewsArticle","headline":"Deutschland gewinnt die Gruppe",
                 "author":{"@type":"Organization","name":"Sportportal NACHRICHTEN"}}</script></head>
                <body>
                <header class="header"><a class="header__logo" href="/">Sportportal</a><nav class="nav"><a href="/sport">Sport</a></nav></header>
                <main class="main">
                  <article class="article">
                    <div class="article__header"><h1><span class="article__kicker">Basketball</span>
                      <span class="article__headline">Deutschland gewinnt die Gruppe</span></h1>
                      <span class="article__infos"><span class="article__author">Von Katrin Weber, Lille</span>
                      <span class="article__date">05.08.2024, 20:59 Uhr</span></span></div>
                    <div class="article__text">
                      <p>Die Mannschaft hat auch ihr drittes Vorrundenspiel gewonnen und zieht als Gruppensieger in das
                      Viertelfinale ein, das am Dienstag in der großen Halle in Paris ausgetragen wird.</p>
                      <blockquote class="blockquote"><p>Wir haben als Team verteidigt, und das hat den Unterschied gemacht.</p>
                        <cite class="blockquote__author">Max Ebner</cite></blockquote>
                      <p>Der Trainer lobte vor allem die Abwehr, die dem Gegner in der zweiten Halbzeit nur noch wenige Würfe
                      aus guter Position erlaubte, und kündigte für das Viertelfinale keine Änderungen an.</p>
                    </div>
                  </article>
                </main>
                <footer class="footer">© Sportportal</footer>
                </body></html>""";
        Article a = extract(html, "https://www.sportportal.example/sport/deutschland-gewinnt-article25137410.html",
                ZoneId.of("Europe/Berlin"));
        assertEquals(List.of("Katrin Weber"), a.authors(), "the place after the name goes, the site's credit gives way");
    }

    @Test
    void aKoreanPageGivesTheReporterWithoutTheRoleAndTheDateFromItsDataLayer() {
        String html = """
                <!DOCTYPE html>
                <html lang="ko">
                <head><meta charset="utf-8"><title>시의회, 트램 계획 승인-정치ㅣ서울데일리</title>
                <meta name="author" content="서울데일리"><meta name="author" content="김민준 기자">
                <meta property="og:site_name" content="서울데일리"></head>
                <body>
                <div id="gtm-article-data" style="display:none" data-article-id="A2025031409200001234" data-section-name="정치"
                     data-byline-writer-name="김민준" data-deploy-dt="2025.03.14 09:20" data-re-deploy-dt="2025.03.14 11:02"></div>
                <header class="gnb"><a class="logo" href="/">서울데일리</a><nav><a href="/politics">정치</a> <a href="/economy">경제</a></nav></header>
                <div class="article-wrap">
                  <h1 class="title">시의회, 트램 계획 승인</h1>
                  <div class="editor-p">
                    <p>시의회는 화요일 네 시간이 넘는 토론 끝에 트램 계획을 승인했다. 토론에는 모든 구의 주민들이 참석해 의견을 밝혔다.</p>
                    <p>시 관계자들은 공개 입찰을 통해 시공사를 선정한 뒤 10월부터 첫 공사를 시작하고 예산 전체를 공개하겠다고 밝혔다.</p>
                    <p>반대 측은 이 계획이 겨울 전에 새 충전기가 필요한 버스 차고지를 고려하지 않았다고 지적했다.</p>
                  </div>
                  <div class="writer"><span class="name"><strong>김민준</strong> 기자<span class="email">mj.kim@seouldaily.example</span></span></div>
                </div>
                <div class="related-news"><h3>관련 기사</h3>
                  <ul><li><a href="/news/A2025031300001"><span>예산안 통과</span></a></li></ul>
                  <div data-publish-date="2025.03.13 08:00"></div></div>
                <footer>© 서울데일리</footer>
                </body></html>""";
        Article a = extract(html, "https://www.seouldaily.example/news/article/A2025031409200001234", ZoneId.of("Asia/Seoul"));
        assertEquals(List.of("김민준"), a.authors());
        assertNull(a.published(), "two data-publish attributes that disagree (a teaser's among them) say nothing");

        Article one = extract(html.replace("<div data-publish-date=\"2025.03.13 08:00\"></div>", ""),
                "https://www.seouldaily.example/news/article/A2025031409200001234", ZoneId.of("Asia/Seoul"));
        assertEquals(OffsetDateTime.parse("2025-03-14T09:20:00+09:00"), one.published());
    }

    @Test
    void aChinesePortalCreditsItsEditorsAtTheEnd() {
        String html = """
                <!DOCTYPE html>
                <html>
                <head><meta charset="utf-8"><title>城市议会批准有轨电车计划--政治--东方日报网</title>
                <meta name="keywords" content="有轨电车,城市议会"></head>
                <body>
                <div class="nav_top"><a href="/">东方日报网</a> <a href="/politics/">政治</a> <a href="/finance/">财经</a></div>
                <div class="layout rm_txt cf">
                  <div class="col col-1">
                    <h1>城市议会批准有轨电车计划</h1>
                    <div class="author cf"></div>
                    <div class="channel cf"><div class="col-1-1 date">2024年03月12日08:15 | 来源：<a href="/">东方日报网</a></div></div>
                    <div class="rm_txt_con cf">
                      <p>　　本报讯　城市议会周二经过四个多小时的辩论后批准了有轨电车计划，来自各区的居民都到场旁听。</p>
                      <p>　　官员表示，通过公开招标选定承包商后，首批工程将于十月开工，预算也将全文公布。</p>
                      <p>　　反对者认为，该计划没有考虑到公交车场在冬季之前需要安装新的充电设施的问题。</p>
                      <p>　　市交通局负责人在会后对记者说，有轨电车一期工程全长十二公里，设站十五座，预计三年内建成通车，届时将与两条地铁线路实现换乘。</p>
                      <p>　　不少市民在听证会上提出，希望施工期间合理安排交通疏导，减少对沿线商户和居民日常生活的影响。</p>
                      <div class="edit cf">(责编：王小明、李华)</div>
                    </div>
                  </div>
                </div>
                <div class="footer">东方日报网版权所有</div>
                </body></html>""";
        Article a = extract(html, "http://politics.dongfang.example/n1/2024/0312/c1001-40193.html", ZoneId.of("Asia/Shanghai"));
        assertEquals(List.of("王小明", "李华"), a.authors());
        assertEquals(OffsetDateTime.parse("2024-03-12T08:15:00+08:00"), a.published(), "the year-first date line");
    }
}
