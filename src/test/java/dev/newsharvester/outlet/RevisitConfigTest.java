package dev.newsharvester.outlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The outlets YAML's revisit fields: revisitSchedule, revisitUntil (and its old name revisit), minRevisitInterval. */
class RevisitConfigTest {

    private static Outlet parse(String fields) {
        return Outlets.parse("outlets:\n  - id: unn\n    feeds: [https://unn.ua/en/rss/politics_en.xml]\n" + fields, "test")
                .get("unn");
    }

    private static void assertRefused(String message, String fields) {
        OutletConfigException e = assertThrows(OutletConfigException.class, () -> parse(fields));
        assertEquals("test: outlet 'unn': " + message, "test: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void defaultsAreTheDecayingScheduleForThirtyDays() {
        Outlet unn = parse("");
        assertEquals(List.of(Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(12),
                Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(4), Duration.ofDays(7), Duration.ofDays(14),
                Duration.ofDays(30)), unn.revisitSchedule());
        assertEquals(Duration.ofDays(30), unn.revisit());
        assertEquals(Duration.ofMinutes(10), unn.minRevisitInterval());
    }

    @Test
    void anOutletSetsItsOwnScheduleAndHorizon() {
        Outlet unn = parse("    revisitSchedule: [PT30M, PT6H, P1D, P10D]\n    revisitUntil: P10D\n");
        assertEquals(List.of(Duration.ofMinutes(30), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(10)),
                unn.revisitSchedule());
        assertEquals(Duration.ofDays(10), unn.revisit());
        assertEquals(Duration.ofHours(48), parse("    revisit: PT48H\n").revisit(), "the old name still reads");
    }

    @Test
    void mistakesNameTheField() {
        assertRefused("field 'revisitSchedule': '15m' is not an ISO-8601 duration (e.g. PT15M, P1D)",
                "    revisitSchedule: [15m, PT1H]\n");
        assertRefused("field 'revisitSchedule': 'PT1H' must come after PT3H (list the revisits in increasing order)",
                "    revisitSchedule: [PT15M, PT3H, PT1H]\n");
        assertRefused("field 'revisitSchedule': 'PT0S' must be longer than zero", "    revisitSchedule: [PT0S, PT1H]\n");
        assertRefused("field 'revisitSchedule' must be a non-empty list of ISO-8601 durations after first sight,"
                + " e.g. [PT15M, PT1H, P1D, P7D, P30D]", "    revisitSchedule: P1D\n");
        assertRefused("field 'revisitSchedule' must be a non-empty list of ISO-8601 durations after first sight,"
                + " e.g. [PT15M, PT1H, P1D, P7D, P30D]", "    revisitSchedule: []\n");
        assertRefused("field 'revisitUntil': '30 days' is not an ISO-8601 duration (e.g. PT48H, PT60M)",
                "    revisitUntil: 30 days\n");
        assertRefused("field 'revisit' is the old name of 'revisitUntil': give only 'revisitUntil'",
                "    revisit: PT48H\n    revisitUntil: P30D\n");
    }
}
