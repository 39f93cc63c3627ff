package dev.newsharvester.athena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.newsharvester.athena.SnippetMarks.Part;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The words Athena matched, marked as its SQL matches them: at the start of a word, any case, not under a NOT. */
class SnippetMarksTest {

    @Test
    void wordsThatStartWithAQueryWordAreMarked() {
        assertEquals(List.of(new Part("The ", false), new Part("Elections", true), new Part(" in Kyiv: ", false),
                new Part("elected", true), new Part(" reelected", false)),
                SnippetMarks.of("elect").mark("The Elections in Kyiv: elected reelected"));
    }

    @Test
    void phrasesOperatorsAndFieldsMarkTheirWordsButNotWhatIsExcluded() {
        SnippetMarks marks = SnippetMarks.of("title:\"night buses\" OR (tram -strike)");
        assertEquals(List.of(new Part("Night", true), new Part(" ", false), new Part("buses", true),
                new Part(" and ", false), new Part("trams", true), new Part(" despite the strike.", false)),
                marks.mark("Night buses and trams despite the strike."));
    }

    @Test
    void cyrillicMarksAndEmptyText() {
        assertEquals(List.of(new Part("Нічні ", false), new Part("автобуси", true), new Part(" у Києві", false)),
                SnippetMarks.of("Автобус").mark("Нічні автобуси у Києві"));
        assertEquals(List.of(), SnippetMarks.of("tram").mark(null));
        assertEquals(List.of(new Part("no match here", false)), SnippetMarks.of("tram").mark("no match here"));
        assertThrows(IllegalArgumentException.class, () -> SnippetMarks.of("\"unbalanced"));
    }
}
