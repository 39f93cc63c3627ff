package dev.newsharvester.athena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.athena.SearchExpression.And;
import dev.newsharvester.athena.SearchExpression.Field;
import dev.newsharvester.athena.SearchExpression.Not;
import dev.newsharvester.athena.SearchExpression.Or;
import dev.newsharvester.athena.SearchExpression.Words;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchExpressionTest {

    private static Words any(String... words) {
        return new Words(Field.ANY, List.of(words));
    }

    @Test
    void wordsNextToEachOtherAreAnded() {
        assertEquals(new And(List.of(any("energy"), any("grid"))), SearchExpression.parse("Energy grid"));
    }

    @Test
    void andBindsTighterThanOr() {
        assertEquals(new Or(List.of(new And(List.of(any("a"), any("b"))), any("c"))),
                SearchExpression.parse("a AND b OR c"));
        assertEquals(new And(List.of(any("a"), new Or(List.of(any("b"), any("c"))))),
                SearchExpression.parse("a AND (b OR c)"));
    }

    @Test
    void notAndMinusExclude() {
        assertEquals(new And(List.of(any("kyiv"), new Not(any("weather")))), SearchExpression.parse("kyiv NOT weather"));
        assertEquals(new And(List.of(any("kyiv"), new Not(any("weather")))), SearchExpression.parse("kyiv -weather"));
    }

    @Test
    void aPhraseKeepsItsWordsInOrderAndFieldsNarrowTheColumn() {
        assertEquals(any("foreign", "minister"), SearchExpression.parse("\"Foreign Minister\""));
        assertEquals(new Words(Field.TITLE, List.of("зеленський")), SearchExpression.parse("title:Зеленський"));
        assertEquals(new Words(Field.BODY, List.of("air", "defence")), SearchExpression.parse("body:\"air defence\""));
    }

    @Test
    void punctuationInsideAWordSplitsItAndNeverSurvives() {
        assertEquals(any("x", "or", "1", "1"), SearchExpression.parse("x'OR'1'='1"));
        assertEquals(List.of("u", "s"), SearchExpression.wordsOf("U.S."));
    }

    @Test
    void badQuestionsSayWhatToFix() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SearchExpression.parse("\"open phrase"))
                .getMessage().contains("unbalanced quote"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SearchExpression.parse("author:smith"))
                .getMessage().contains("unknown field 'author:'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SearchExpression.parse("(a OR b"))
                .getMessage().contains("unclosed '('"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SearchExpression.parse("a OR b)"))
                .getMessage().contains("unmatched ')'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SearchExpression.parse("a AND"))
                .getMessage().contains("ends with an operator"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SearchExpression.parse("OR a"))
                .getMessage().contains("'OR' where a word was expected"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SearchExpression.parse("  "))
                .getMessage().contains("QUERY is empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SearchExpression.parse("--- ..."))
                .getMessage().contains("no letters or digits"));
    }
}
