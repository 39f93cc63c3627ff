package dev.newsharvester.athena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.athena.SearchExpression.And;
import dev.newsharvester.athena.SearchExpression.Field;
import dev.newsharvester.athena.SearchExpression.Not;
import dev.newsharvester.athena.SearchExpression.Or;
import dev.newsharvester.athena.SearchExpression.Words;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("\"open phrase", "unbalanced quote");
        cases.put("author:smith", "unknown field 'author:'");
        cases.put("(a OR b", "unclosed '('");
        cases.put("a OR b)", "unmatched ')'");
        cases.put("a AND", "ends with an operator");
        cases.put("OR a", "'OR' where a word was expected");
        cases.put("  ", "QUERY is empty");
        cases.put("--- ...", "no letters or digits");
        cases.forEach((query, expected) -> {
            String message = assertThrows(IllegalArgumentException.class, () -> SearchExpression.parse(query)).getMessage();
            assertTrue(message.contains(expected), query + " -> " + message);
        });
    }
}
