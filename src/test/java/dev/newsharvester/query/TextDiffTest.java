package dev.newsharvester.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextDiffTest {

    @Test
    void distantChangesMakeSeparateHunksWithLineNumbersOfBothTexts() {
        String before = "a\n\nb\n\nc\n\nd\n\ne\n\nf\n\ng";
        String after = "a\n\nB\n\nc\n\nd\n\ne\n\nf\n\ng\n\nh";
        assertEquals("""
                --- old
                +++ new
                @@ -1,3 +1,3 @@
                 a
                -b
                +B
                 c
                @@ -7,1 +7,2 @@
                 g
                +h
                """, TextDiff.unified(before, after, "old", "new", 1));
        assertEquals("", TextDiff.unified(before, before, "old", "new", 1));
    }

    @Test
    void wordDeltaCountsWordsAsMultisets() {
        assertArrayEquals(new int[] {3, 1}, TextDiff.wordDelta("the cat sat", "the dog sat sat down"), "+dog +sat +down, -cat");
        assertArrayEquals(new int[] {0, 0}, TextDiff.wordDelta("b a", "a  b"));
    }

    @Test
    void editedParagraphsMarkTheChangedWordsOnEachSide() {
        String[] marked = DiffPage.markWords("Kyiv bought 12 boilers <now>", "Kyiv received 12 new boilers <now>");
        assertEquals("Kyiv <del>bought</del> 12 boilers &lt;now&gt;", marked[0]);
        assertEquals("Kyiv <ins>received</ins> 12 <ins>new</ins> boilers &lt;now&gt;", marked[1]);
    }
}
