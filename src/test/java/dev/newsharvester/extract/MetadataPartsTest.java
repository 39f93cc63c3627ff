package dev.newsharvester.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metadata helpers on their own: dates, names, titles, languages, damaged JSON-LD. */
class MetadataPartsTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    @Test
    void datesKeepTheirOffsetAndUseTheZoneOtherwise() {
        assertEquals(OffsetDateTime.parse("2025-08-23T11:07:00+03:00"), DateParser.parse("2025-08-23T11:07:00+03:00", ZoneOffset.UTC));
        assertEquals(ZoneOffset.ofHours(-5), DateParser.parse("2025-08-23T11:07:00-05:00", KYIV).getOffset());
        assertEquals(OffsetDateTime.parse("2025-08-23T11:07:00+03:00"), DateParser.parse("2025-08-23T11:07:00+0300", ZoneOffset.UTC));
        assertEquals(OffsetDateTime.parse("2025-08-23T11:07:00+03:00"), DateParser.parse("2025-08-23 11:07:00+03", ZoneOffset.UTC));
        assertEquals(OffsetDateTime.parse("2025-08-23T08:07:00Z"), DateParser.parse("2025-08-23T08:07:00.123Z", KYIV).withNano(0));
        assertEquals(OffsetDateTime.parse("2025-08-23T11:07:00+03:00"), DateParser.parse("2025-08-23T11:07:00", KYIV));
        assertEquals(OffsetDateTime.parse("2025-01-23T11:07:00+02:00"), DateParser.parse("2025-01-23 11:07", KYIV), "winter time");
        assertEquals(OffsetDateTime.parse("2025-08-23T00:00:00+03:00"), DateParser.parse("2025-08-23", KYIV));
        assertEquals(OffsetDateTime.parse("2025-08-23T11:07:00+03:00"), DateParser.parse("Sat, 23 Aug 2025 11:07:00 +0300", KYIV));
        assertEquals(OffsetDateTime.parse("2025-08-23T11:07:00+03:00"), DateParser.parse("Saturday, 23 August 2025, 11:07", KYIV));
        assertEquals(OffsetDateTime.parse("2025-08-23T11:07:00+03:00"), DateParser.parse("23 серпня 2025, 11:07", KYIV));
        assertEquals(OffsetDateTime.parse("2025-08-23T11:07:00+03:00"), DateParser.parse("23 августа 2025 г., 11:07", KYIV));
        assertEquals(OffsetDateTime.parse("2025-08-23T23:07:00+03:00"), DateParser.parse("August 23, 2025 11:07 pm", KYIV));
        assertEquals(OffsetDateTime.parse("2025-08-23T11:07:00+03:00"), DateParser.parse("23.08.2025 11:07", KYIV));
        assertEquals(OffsetDateTime.parse("2025-08-23T00:00:00+03:00"), DateParser.parse("23.08.2025", KYIV), "no time is midnight");
    }

    @Test
    void implausibleDatesAreRejected() {
        assertNull(DateParser.parse("1970-01-01T00:00:00Z", KYIV));
        assertNull(DateParser.parse("2999-01-01T00:00:00Z", KYIV));
        assertNull(DateParser.parse("2025-13-45T99:99:99+99:99", KYIV));
        assertNull(DateParser.parse("call 044 123 45 67", KYIV));
        assertNull(DateParser.parse("", KYIV));
        assertNull(DateParser.parse(null, KYIV));
    }

    @Test
    void authorNamesAreCleaned() {
        assertEquals(List.of("Jane Doe", "Tom O'Neill"), AuthorNames.clean("By Jane Doe and Tom O'Neill"));
        assertEquals(List.of("Oleh Pavliuk", "Roman Petrenko"), AuthorNames.clean("Oleh Pavliuk, Roman Petrenko"));
        assertEquals(List.of("Anna Smith"), AuthorNames.clean("Anna Smith (anna.smith@news.example)"));
        assertEquals(List.of("Anna Smith"), AuthorNames.clean("Anna Smith 23 August 2025, 11:07"));
        assertEquals(List.of("Anna Smith"), AuthorNames.clean("Anna Smith - Senior Correspondent"));
        assertEquals(List.of("JOHN SMITH", "MARY JONES"), AuthorNames.clean("JOHN SMITH & MARY JONES"), "case is kept");
        assertEquals(List.of("Ірина Коваль", "Петро Шевчук"), AuthorNames.clean("Автор: Ірина Коваль та Петро Шевчук"));
        assertEquals(List.of(), AuthorNames.clean("https://www.facebook.com/some.reporter"));
        assertEquals(List.of(), AuthorNames.clean("Staff Writer"));
        assertEquals(List.of(), AuthorNames.clean("editor@news.example"));
    }

    @Test
    void authorNamesInUkrainianRussianAndOtherLanguages() {
        assertEquals(List.of("Ірина Коваль", "Петро Шевчук"), AuthorNames.clean("Ірина Коваль і Петро Шевчук"));
        assertEquals(List.of("Олена Мельник"), AuthorNames.clean("Від Олена Мельник"));
        assertEquals(List.of("Анна Иванова", "Сергей Петров"), AuthorNames.clean("Авторы: Анна Иванова и Сергей Петров"));
        assertEquals(List.of("Мария Соколова"), AuthorNames.clean("Мария Соколова, корреспондент"));
        assertEquals(List.of("Trine Juncher Jørgensen", "Tôrtia Reimer-Johansen"),
                AuthorNames.clean("Trine Juncher Jørgensen og Tôrtia Reimer-Johansen "));
        assertEquals(List.of("Felix Schröder", "Jörg Soldwisch", "dpa"), AuthorNames.clean("Felix Schröder und Jörg Soldwisch, dpa"));
        assertEquals(List.of("Anna Sleegers"), AuthorNames.clean("Von Anna Sleegers, Frankfurt"), "a place after the name goes");
        assertEquals(List.of("JÖRG ZSCHOCHE"), AuthorNames.clean("Von: JÖRG ZSCHOCHE"));
        assertEquals(List.of("Patrick Diekmann"), AuthorNames.clean("Eine Analyse von Patrick Diekmann"));
        assertEquals(List.of("Hans von Storch"), AuthorNames.clean("Hans von Storch"), "a name particle is not a credit word");
        assertEquals(List.of("Nicole Opitz"), AuthorNames.clean("Nicole Opitz Redakteurin"), "a trailing role goes");
        assertEquals(List.of("BR24 Redaktion"), AuthorNames.clean("BR24 Redaktion"), "digits inside a word stay");
        assertEquals(List.of("Paul Sawers"), AuthorNames.clean("Paul Sawers 11:00 AM PDT • May 16, 2024"));
        assertEquals(List.of("Associated Press"), AuthorNames.clean("Associated Press"));
        assertEquals(List.of("AP"), AuthorNames.clean("AP"), "an agency acronym is a credit");
        assertEquals(List.of("新間"), AuthorNames.clean("新間"));
        assertEquals(List.of(), AuthorNames.clean("By"));
        assertEquals(List.of(), AuthorNames.clean("Foto: Mads Claus Rasmussen"), "photo credits are not authors");
        assertEquals(List.of(), AuthorNames.clean("Veröffentlicht am 27.04.24 um 07:39 Uhr"));
        assertEquals(List.of(), AuthorNames.clean("Guardian staff reporter"), "a role, not a name");
        assertEquals(List.of("Povilas Aleksandravičius"), AuthorNames.clean(
                "Povilas Aleksandravičius, Mykolo Romerio universiteto Žmogaus ir visuomenės studijų fakulteto profesorius, Lrt.lt"));
    }

    @Test
    void datesInMoreLanguagesAndWithTextOffsets() {
        assertEquals(OffsetDateTime.parse("2024-05-09T13:26:00+02:00"),
                DateParser.parse("torsdag 09. mai 2024 - 13:26", ZoneId.of("Europe/Oslo")));
        assertEquals(OffsetDateTime.parse("2024-12-02T10:00:00+01:00"),
                DateParser.parse("2 de diciembre de 2024, 10:00", ZoneId.of("Europe/Madrid")));
        assertEquals(OffsetDateTime.parse("2023-04-28T05:00:00+02:00"),
                DateParser.parse("Stand: 28. April 2023, 05:00 Uhr", ZoneId.of("Europe/Berlin")));
        assertEquals(OffsetDateTime.parse("2026-01-06T14:16:00+01:00"), DateParser.parse("06/01/2026 - 14:16 UTC+1", ZoneOffset.UTC));
        assertEquals(OffsetDateTime.parse("2025-08-23T11:07:00+03:00"), DateParser.parse("23 серп. 2025, 11:07 GMT+3", ZoneOffset.UTC));
        assertEquals(OffsetDateTime.parse("2024-04-30T16:17:29+02:00"), DateParser.parse("2024-04-30 16:17:29 +02:00", ZoneOffset.UTC));
        assertEquals(OffsetDateTime.parse("2025-08-23T00:00:00+03:00"), DateParser.parse("23 августа 2025", KYIV));
        assertEquals(OffsetDateTime.parse("2025-03-01T09:30:00+02:00"), DateParser.parse("1 березня 2025 р., 09:30", KYIV));
    }

    @Test
    void yearFirstDatesAsEastAsianPagesWriteThem() {
        ZoneId seoul = ZoneId.of("Asia/Seoul");
        assertEquals(OffsetDateTime.parse("2025-03-14T09:20:00+09:00"), DateParser.parse("2025.03.14 09:20", seoul));
        assertEquals(OffsetDateTime.parse("2025-03-14T00:00:00+09:00"), DateParser.parse("2025/3/14", seoul));
        assertEquals(OffsetDateTime.parse("2024-03-12T08:15:00+08:00"),
                DateParser.parse("2024年03月12日08:15 | 来源：新华网", ZoneId.of("Asia/Shanghai")));
        assertEquals(OffsetDateTime.parse("2025-03-14T00:00:00+09:00"), DateParser.parse("입력 2025년 3월 14일", seoul));
        assertEquals(OffsetDateTime.parse("2025-03-14T15:20:00+09:00"), DateParser.parse("2025.03.14 오후 3:20", seoul), "오후 is p.m.");
        assertEquals(OffsetDateTime.parse("2025-03-14T09:05:00+09:00"), DateParser.parse("2025年3月14日 上午9:05", seoul), "上午 is a.m.");
        assertNull(DateParser.parse("2025.13.40", seoul), "no such month");
        assertNull(DateParser.parse("v12025.03.14", seoul), "a longer number is no year");
    }

    @Test
    void rolesInScriptsWithoutSpacesAreNotNames() {
        assertEquals(List.of("김민준"), AuthorNames.clean("김민준 기자"), "Korean: name, then 'reporter'");
        assertEquals(List.of("이서연"), AuthorNames.clean("이서연기자"), "the role glued to the name");
        assertEquals(List.of("박지훈"), AuthorNames.clean("워싱턴 특파원 박지훈"), "a place and a role before the name go");
        assertEquals(List.of("박지훈"), AuthorNames.clean("워싱턴=박지훈 특파원"), "the place before '=' goes");
        assertEquals(List.of("张伟"), AuthorNames.clean("本报记者 张伟"), "'our reporter' before the name");
        assertEquals(List.of("王小明", "李华"), AuthorNames.clean("责任编辑：王小明、李华"), "the editors' credit label");
        assertEquals(List.of("山田太郎"), AuthorNames.clean("山田太郎 記者"));
        assertEquals(List.of(), AuthorNames.clean("기자"), "the role alone is no one");
        assertEquals(List.of(), AuthorNames.clean("by admin"), "a CMS login is no one");
        assertEquals(List.of("TPN"), AuthorNames.clean("By TPN, in"), "a section after the credit is not a name");
    }

    @Test
    void publishedDataAttributesAreTheOnesNamedForPublishing() {
        assertTrue(PageScan.isPublishedDataKey("data-publish-date"));
        assertTrue(PageScan.isPublishedDataKey("data-published-at"));
        assertTrue(PageScan.isPublishedDataKey("data-article-pubdate"));
        assertTrue(PageScan.isPublishedDataKey("data-deploy-dt"));
        assertTrue(!PageScan.isPublishedDataKey("data-publisher"));
        assertTrue(!PageScan.isPublishedDataKey("data-re-deploy-dt"), "a redeployment is a modification");
        assertTrue(!PageScan.isPublishedDataKey("data-article-publishing-url"));
        assertTrue(!PageScan.isPublishedDataKey("data-modified-date"));
    }

    @Test
    void parsedDatesSayWhetherTheOffsetAndTimeWereGiven() {
        DateParser.Parsed withOffset = DateParser.parseDetailed("2024-04-30T16:17:29+02:00", KYIV);
        assertTrue(withOffset.offsetGiven() && withOffset.timeGiven());
        DateParser.Parsed local = DateParser.parseDetailed("2024-04-30 16:17:29", KYIV);
        assertTrue(!local.offsetGiven() && local.timeGiven());
        DateParser.Parsed day = DateParser.parseDetailed("30.04.2024", KYIV);
        assertTrue(!day.offsetGiven() && !day.timeGiven());
    }

    @Test
    void siteNameIsStrippedFromTitles() {
        List<String> site = List.of("Ukrainian Herald");
        assertEquals("Night train to Vienna", TitleCleaner.clean("Night train to Vienna | Ukrainian Herald", site, "uherald.example", false));
        assertEquals("Night train to Vienna", TitleCleaner.clean("Ukrainian Herald :: Night train to Vienna", site, null, false));
        assertEquals("Night train to Vienna", TitleCleaner.clean("Night train to Vienna – uherald.example", List.of(), null, false));
        assertEquals("Night train to Vienna", TitleCleaner.clean("Night train to Vienna - CNA", List.of(), "cna.example", false));
        assertEquals("Kyiv - Vienna train starts in October",
                TitleCleaner.clean("Kyiv - Vienna train starts in October", site, "uherald.example", false),
                "a dash inside the headline stays");
        assertEquals("Kyiv - Vienna train starts in October",
                TitleCleaner.clean("Kyiv - Vienna train starts in October | News", List.of(), null, true),
                "<title>: a short trailing segment goes even when the site is unknown");
        assertEquals("Steigende US-Zinsen setzen Dax zu",
                TitleCleaner.clean("Steigende US-Zinsen setzen Dax zu | Börsen-Zeitung", List.of(), "www.boersen-zeitung.de", false),
                "the host matches the site name with umlauts spelt out");
        assertEquals("Ukrainische Gegenoffensive: Ziele, Chancen, Risiken",
                TitleCleaner.clean("Ukrainische Gegenoffensive: Ziele, Chancen, Risiken | DW | 28.04.2023", List.of("DW.COM"), "www.dw.com", false),
                "a date segment is chrome");
        assertEquals("Surviving roommate agrees to interview",
                TitleCleaner.clean("Surviving roommate agrees to interview | The Gateway Post | by Cristina Laila",
                        List.of("The Gateway Post"), null, false), "an author segment is chrome");
        assertEquals("Don't say \"never\"", TitleCleaner.clean("Don&#039;t say &quot;never&quot;", List.of(), null, false),
                "entities left by double escaping are decoded");
        assertEquals("Мер Києва: опалення дадуть вчасно",
                TitleCleaner.clean("Мер Києва: опалення дадуть вчасно — Українська правда", List.of("Українська правда"), "www.pravda.com.ua", false));
    }

    @Test
    void kickersAndLabelsGiveWayOnlyToARealHeadline() {
        assertTrue(Headlines.isKickerOf("Вибори у США: Трамп виграв у Пенсільванії", "Трамп виграв у Пенсільванії"));
        assertTrue(!Headlines.isKickerOf("Bei Protesten, Aktivistin getötet", "Aktivistin getötet"), "no colon, no kicker");
        assertTrue(!Headlines.isKickerOf("Breaking: Ukraine", "Ukraine"), "one word is not a headline");
        assertTrue(!Headlines.isKickerOf("A very long label of many words here: Trump wins Pennsylvania", "Trump wins Pennsylvania"));
        assertTrue(Headlines.hasChromeSuffix("Thioune fordert Geduld mit Niemiec | Sport", "Thioune fordert Geduld mit Niemiec"));
        assertTrue(!Headlines.hasChromeSuffix("City Courier | Council approves the tram plan", "City Courier"), "a logo h1");
        assertTrue(!Headlines.hasChromeSuffix("Council approves the tram plan for the city", "Council approves the tram plan"),
                "a longer headline is not a label");
        assertTrue(!Headlines.isKickerOf("Nach dem Votum: Bericht: Rat vertagt den Plan", "Bericht: Rat vertagt den Plan"),
                "one kicker to a headline");
        assertTrue(Headlines.isExtensionOf("Council approves the tram plan for the city", "Council approves the tram plan"));
        assertTrue(!Headlines.isExtensionOf("Council approves the tram plan | Sport news", "Council approves the tram plan"),
                "a separated segment is a label, not a clause");
        assertTrue(!Headlines.isExtensionOf("Council approves the tram planning", "Council approves the tram plan"),
                "words, not characters");
        assertTrue(!Headlines.isExtensionOf("Council approves it now", "Council approves it"), "one more word is not a clause");
        assertTrue(Headlines.isPrintedKickerOf("Tram vote / Council approves the plan", "Council approves the plan",
                "Tram voteCouncil approves the plan"));
        assertTrue(!Headlines.isPrintedKickerOf("Tram vote / Council approves the plan", "Council approves the plan",
                "Council approves the plan"));
        assertEquals("Mayor's \"plan\"", Headlines.typedQuotes("Mayor&#8217;s &#8220;plan&#8221;"));
        assertEquals("Mayor’s plan", Headlines.typedQuotes("Mayor’s plan"));
    }

    @Test
    void languagesAreNormalisedToPrimaryTags() {
        assertEquals("en", MetadataExtractor.language("en-US"));
        assertEquals("uk", MetadataExtractor.language("uk_UA"));
        assertEquals("uk", MetadataExtractor.language("ua"));
        assertEquals("ru", MetadataExtractor.language("RU"));
        assertNull(MetadataExtractor.language("x-default-whatever1"));
        assertNull(MetadataExtractor.language(" "));
    }

    @Test
    void damagedJsonLdIsStillRead() {
        String broken = "{\"@type\": \"NewsArticle\", \"headline\": \"Bridge reopens\", \"author\": {\"name\": \"Olena Marchuk\"}, "
                + "\"datePublished\": \"2025-09-01T10:00:00+03:00\", \"articleBody\": \"First line\nsecond line\" ,, }}";
        var nodes = JsonLd.parse(broken);
        assertEquals(1, nodes.size());
        assertEquals("Bridge reopens", nodes.get(0).path("headline").asText());
        assertEquals("Olena Marchuk", nodes.get(0).path("author").path("name").asText());
        assertEquals("2025-09-01T10:00:00+03:00", nodes.get(0).path("datePublished").asText());
        assertTrue(JsonLd.parse("<!-- {\"@type\":\"Article\",\"headline\":\"X\"} -->").get(0).has("headline"));
        var list = JsonLd.parse("[{\"@type\":\"Article\"}, {\"@type\":\"WebPage\"}]");
        assertEquals(2, list.size(), "a top-level array is read element by element");
        assertEquals("Article", list.get(0).path("@type").asText());
    }
}
