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
        assertEquals(List.of("John Smith", "Mary Jones"), AuthorNames.clean("JOHN SMITH & MARY JONES"));
        assertEquals(List.of("Ірина Коваль", "Петро Шевчук"), AuthorNames.clean("Автор: Ірина Коваль та Петро Шевчук"));
        assertEquals(List.of(), AuthorNames.clean("https://www.facebook.com/some.reporter"));
        assertEquals(List.of(), AuthorNames.clean("Staff Writer"));
        assertEquals(List.of(), AuthorNames.clean("editor@news.example"));
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
