package dev.newsharvester.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The diff page without clean copies (they may be unreadable): titles from the event, everything escaped. */
class DiffPagesTest {

    @Test
    void aHeadlineOnlyRevisionShowsBothHeadlinesEscapedAndTheShortVersionKeys() {
        String url = "https://kyiv-post.example/news/bridge?a=1&b=2";
        String before = "a".repeat(64) + ":" + "1".repeat(16);
        String after = "a".repeat(64) + ":" + "2".repeat(16);
        ChangeEvent e = new ChangeEvent(ChangeEvent.idOf(ChangeKind.REVISED, url, before, after, null), ChangeKind.REVISED,
                "kyiv-post", url, Instant.parse("2025-08-23T09:00:00Z"), before, after,
                "Bridge reopens <b>today</b>", "Bridge reopens to trucks <script>alert(1)</script>", null, null,
                new Changes("Bridge reopens <b>today</b>", "Bridge reopens to trucks <script>alert(1)</script>", List.of(),
                        List.of(), 0, 0, 0), null, false);
        String page = DiffPages.render(e, null, null);
        assertTrue(page.contains("Bridge reopens <del>&lt;b&gt;today&lt;/b&gt;</del>"), page);
        assertTrue(page.contains("Bridge reopens <ins>to trucks &lt;script&gt;alert(1)&lt;/script&gt;</ins>"), page);
        assertFalse(page.contains("<script>"), "nothing of the article runs");
        assertTrue(page.contains("<code>aaaaaaaaaaaa:11111111</code>") && page.contains("<code>aaaaaaaaaaaa:22222222</code>"), page);
        assertTrue(page.contains("https://kyiv-post.example/news/bridge?a=1&amp;b=2"), page);
        assertEquals("changed: headline", DiffPages.summary(e));
    }

    @Test
    void theWordDiffKeepsParagraphsAndMarksOnlyWhatChanged() {
        List<WordDiff.Token> tokens = WordDiff.diff("One two three.\nFour five.", "One 2 three.\nFour five six.");
        assertEquals("One -two +2 three. \n Four -five. +five +six.", String.join(" ", tokens.stream()
                .map(t -> (t.kind() == ' ' ? "" : String.valueOf(t.kind())) + t.word()).toList()));
    }
}
