package dev.newsharvester.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** The analysis and query checks of the search index, without an index. */
class SearchAnalysisTest {

    private static List<String> terms(String lang, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (Analyzer a = Languages.analyzer(lang); TokenStream ts = a.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void ukrainianInflectionsShareAStem() throws IOException {
        List<String> forms = terms("uk", "вибори виборів виборах виборами вибору");
        assertEquals(1, forms.stream().distinct().count(), forms.toString());
        List<String> adjectives = terms("uk", "президентський президентська президентського президентською президентських");
        assertEquals(1, adjectives.stream().distinct().count(), adjectives.toString());
        assertEquals(terms("uk", "м’ясо"), terms("uk", "м'ясо"), "apostrophes do not split or change a word");
        assertTrue(terms("uk", "і та на").isEmpty(), "stop words");
        assertNotEquals(terms("uk", "вибори"), terms("uk", "вибух"));
    }

    @Test
    void russianAndEnglishUseLucenesStemmers() throws IOException {
        assertEquals(1, terms("ru", "выборы выборов выборах").stream().distinct().count());
        assertEquals(terms("en", "election"), terms("en", "elections"));
    }

    @Test
    void theLanguageComesFromTheScriptThenTheDeclaration() {
        assertEquals("en", Languages.of("uk", "Kyiv prepares for the heating season"), "English text under a uk page");
        assertEquals("uk", Languages.of(null, "Київ готується до опалювального сезону, їжа є"));
        assertEquals("ru", Languages.of("uk", "Эксперты обсудили подготовку к выборам, объём"));
        assertEquals("ru", Languages.of("ru", "Мама мила раму"), "no distinguishing letter: the declared language");
    }

    @Test
    void badQueriesSayWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> QueryParsing.parse("\"boiler houses"))
                .getMessage().contains("unbalanced quote"));
        String unknown = assertThrows(IllegalArgumentException.class, () -> QueryParsing.parse("foo:bar")).getMessage();
        assertTrue(unknown.contains("unknown field 'foo'") && unknown.contains("title, body"), unknown);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> QueryParsing.parse("(heating AND"))
                .getMessage().contains("parentheses"));
        QueryParsing.parse("title:\"heating season\" AND outlet:unn NOT body:grain~1 OR url:\"http://x/y\"");
        QueryParsing.parse("\"a \\\" quote\"");
    }

    @Test
    void badRangesAndGroupings() {
        Instant later = Instant.parse("2025-08-24T00:00:00Z");
        Instant earlier = Instant.parse("2025-08-20T00:00:00Z");
        String range = assertThrows(IllegalArgumentException.class,
                () -> new SearchRequest("x", List.of(), later, earlier, 5, null)).getMessage();
        assertTrue(range.contains("since") && range.contains("until"), range);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CountBy.parse("month")).getMessage()
                .contains("day, week, outlet"));
        assertThrows(IllegalArgumentException.class, () -> SearchRequest.Versions.parse("some"));
    }
}
