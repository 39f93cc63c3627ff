package dev.newsharvester.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The metadata rules of fundus_eval.py; each case was checked against the python functions. */
class FundusRulesTest {

    @Test
    void foldsEveryKindOfWhitespaceAndKeepsCase() {
        assertEquals("Kyiv prepares for Winter", FundusRules.fold("  Kyiv\u00a0prepares \n for\u2009\u2009Winter\t"));
        assertEquals("Ірина Коваль", FundusRules.fold("Ірина\u202fКоваль"));
        assertEquals("", FundusRules.fold(null));
        assertEquals("", FundusRules.fold(" \u3000 "));
    }

    @Test
    void parsesWhatFromIsoFormatReads() {
        assertEquals(new FundusRules.When(LocalDateTime.of(2023, 4, 28, 17, 52, 31, 847_000_000), ZoneOffset.UTC),
                FundusRules.parse("2023-04-28 17:52:31.847000+00:00"));
        assertEquals(new FundusRules.When(LocalDateTime.of(2024, 4, 22, 0, 0), null), FundusRules.parse("2024-04-22 00:00:00"));
        assertEquals(new FundusRules.When(LocalDateTime.of(2024, 4, 25, 8, 18), ZoneOffset.ofHours(2)),
                FundusRules.parse("2024-04-25T08:18+02:00"));
        assertEquals(new FundusRules.When(LocalDateTime.of(2024, 4, 25, 6, 18), ZoneOffset.UTC), FundusRules.parse("2024-04-25T06:18Z"));
        assertEquals(new FundusRules.When(LocalDateTime.of(2024, 4, 25, 0, 0), null), FundusRules.parse("2024-04-25"));
        assertEquals(new FundusRules.When(LocalDateTime.of(2024, 4, 25, 8, 18), null), FundusRules.parse("2024-04-25T08:18:00 CEST"),
                "unreadable whole: its first 19 characters");
        assertNull(FundusRules.parse("yesterday, 14:35"));
        assertNull(FundusRules.parse("2024-02-30 10:00:00"));
    }

    @Test
    void instantsWithOffsetsCompareToTheMinute() {
        assertTrue(FundusRules.sameMinute("2024-04-25 08:18:00+02:00", "2024-04-25T06:18:59Z"));
        assertTrue(FundusRules.sameMinute("2023-04-28 17:52:31.847000+00:00", "2023-04-28T20:52+03:00"));
        assertFalse(FundusRules.sameMinute("2024-04-25 08:18:00+02:00", "2024-04-25T08:18+03:00"));
        assertFalse(FundusRules.sameMinute("2024-04-25 08:18:59+02:00", "2024-04-25T08:19:00+02:00"), "truncated, not rounded");
    }

    @Test
    void aValueWithoutOffsetComparesTheWallClock() {
        assertTrue(FundusRules.sameMinute("2024-04-22 00:00:00", "2024-04-22T00:00:30+03:00"));
        assertFalse(FundusRules.sameMinute("2024-04-22 00:00:00", "2024-04-21T21:00Z"), "same instant in Kyiv, other wall clock");
        assertTrue(FundusRules.sameMinute("2024-04-25 08:18:00+02:00", "2024-04-25T08:18"), "extracted without offset");
    }

    @Test
    void nothingToCompareIsAMiss() {
        assertFalse(FundusRules.sameMinute("2024-04-25 08:18:00+02:00", null));
        assertFalse(FundusRules.sameMinute("2024-04-25 08:18:00+02:00", "Thursday"));
        assertFalse(FundusRules.sameMinute(null, "2024-04-25T08:18+02:00"));
    }
}
