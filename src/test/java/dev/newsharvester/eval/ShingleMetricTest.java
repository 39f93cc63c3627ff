package dev.newsharvester.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The body metric on small hand-written texts. Expected token lists are what Python's
 * {@code re.findall(r'\w+', s)} returns for the same strings (the scorer's definition).
 */
class ShingleMetricTest {

    private static final double EPS = 1e-12;

    @Test
    void tokensAreUnicodeWordRunsAsPythonReadsThem() {
        assertEquals(List.of("Привіт", "світе", "2024_рік"), ShingleMetric.tokens("Привіт, світе! 2024_рік"));
        assertEquals(List.of("中国", "拉美和加勒比"), ShingleMetric.tokens("中国－拉美和加勒比"), "fullwidth dash splits, ideographs do not");
        assertEquals(List.of("x²", "½", "cost"), ShingleMetric.tokens("x² ½ cost"), "other numbers are word characters");
        assertEquals(List.of("l", "État", "d", "x"), ShingleMetric.tokens("l’État d‿x"), "connector punctuation is not");
        // Combining marks are not word characters for Python: they split words, as in the scorer.
        assertEquals(List.of("ह", "न", "द"), ShingleMetric.tokens("हिन्दी"));
        assertEquals(List.of("cafe", "naïve"), ShingleMetric.tokens("cafe\u0301 naïve"));
        assertEquals(List.of(), ShingleMetric.tokens(null));
        assertEquals(List.of(), ShingleMetric.tokens(" — … "));
    }

    @Test
    void shinglesAreAMultisetOfFourTokenWindows() {
        Map<String, Integer> s = ShingleMetric.shingles(ShingleMetric.tokens("one two three four one two three four"));
        assertEquals(Map.of("one two three four", 2, "two three four one", 1, "three four one two", 1, "four one two three", 1), s);
    }

    @Test
    void aTextOfFewerThanFourTokensIsOneShorterShingle() {
        assertEquals(Map.of("Breaking news", 1), ShingleMetric.shingles(ShingleMetric.tokens("Breaking: news!")));
        PageCounts c = ShingleMetric.compare("Breaking news today", "Breaking news");
        assertEquals(new PageCounts(0, 0.5, 0.5), c, "different short shingles share nothing");
        assertEquals(0, c.precision(), EPS);
        assertEquals(0, c.recall(), EPS);
        assertEquals(1, ShingleMetric.compare("Breaking news", "Breaking, news.").precision(), EPS);
    }

    @Test
    void countsAreNormalisedPerPageAndRepeatsCount() {
        // truth: 5 shingles, "a b c d" twice; prediction: "a b c d" once.
        PageCounts c = ShingleMetric.compare("a b c d a b c d", "a b c d");
        assertEquals(0.2, c.tp(), EPS);
        assertEquals(0.0, c.fp(), EPS);
        assertEquals(0.8, c.fn(), EPS);
        assertEquals(1.0, c.precision(), EPS);
        assertEquals(0.2, c.recall(), EPS);
        PageCounts doubled = ShingleMetric.compare("a b c d", "a b c d a b c d");
        assertEquals(0.2, doubled.tp(), EPS);
        assertEquals(0.8, doubled.fp(), EPS, "a repeated paragraph is a false positive");
    }

    @Test
    void anEmptyPredictionCountsForRecallOnly() {
        PageCounts c = ShingleMetric.compare("Kyiv prepares for the heating season early", "");
        assertFalse(c.hasPrecision());
        assertTrue(c.hasRecall());
        assertEquals(0, c.recall(), EPS);
        PageCounts none = ShingleMetric.compare("", "");
        assertFalse(none.hasPrecision() || none.hasRecall());

        PageCounts perfect = ShingleMetric.compare("Львів почне опалювальний сезон раніше", "Львів почне опалювальний сезон раніше.");
        BodyScore s = BodyScore.of(List.of(perfect, c, none));
        assertEquals(1.0, s.precision(), EPS, "the empty prediction is not in the precision mean");
        assertEquals(0.5, s.recall(), EPS);
    }

    @Test
    void tokensAreCaseSensitive() {
        PageCounts c = ShingleMetric.compare("Київ оголосив тривогу вранці", "київ оголосив тривогу вранці");
        assertEquals(new PageCounts(0, 0.5, 0.5), c);
    }

    @Test
    void f1ComesFromTheMacroMeansNotFromPageF1s() {
        PageCounts high = ShingleMetric.compare("a b c d a b c d", "a b c d"); // P 1, R 0.2
        PageCounts low = ShingleMetric.compare("a b c d", "a b c d e"); // P 0.5, R 1
        assertEquals(0.5, low.precision(), EPS);
        BodyScore s = BodyScore.of(List.of(high, low));
        assertEquals(0.75, s.precision(), EPS);
        assertEquals(0.6, s.recall(), EPS);
        assertEquals(2 * 0.75 * 0.6 / 1.35, s.f1(), EPS);
        double meanOfPageF1 = (high.f1() + low.f1()) / 2;
        assertTrue(Math.abs(s.f1() - meanOfPageF1) > 0.1, "the two aggregations differ here: " + meanOfPageF1);
    }
}
