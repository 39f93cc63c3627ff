package dev.newsharvester.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The one reading of --since/--until that every command and the web page share. */
class TimeRangeTest {

    @Test
    void aDateAloneIsAWholeDayAtEitherEnd() {
        TimeRange day = TimeRange.parse("2025-08-21", "2025-08-21", "--since", "--until");
        assertEquals(Instant.parse("2025-08-21T00:00:00Z"), day.since());
        assertEquals(Instant.parse("2025-08-21T23:59:59.999Z"), day.until());
        assertTrue(day.contains(Instant.parse("2025-08-21T00:00:00Z")));
        assertTrue(day.contains(Instant.parse("2025-08-21T23:59:59.999999Z")), "the day's last microseconds too");
        assertFalse(day.contains(Instant.parse("2025-08-22T00:00:00Z")));
        assertFalse(day.contains(Instant.parse("2025-08-20T23:59:59.999Z")));
    }

    @Test
    void instantsAreTakenAsGivenAndBothEndsAreIncluded() {
        TimeRange r = TimeRange.parse("2025-08-21T08:00:00Z", " 2025-08-21T09:30:00Z ", "--since", "--until");
        assertTrue(r.contains(Instant.parse("2025-08-21T08:00:00Z")));
        assertTrue(r.contains(Instant.parse("2025-08-21T09:30:00Z")));
        assertFalse(r.contains(Instant.parse("2025-08-21T09:30:00.001Z")));
        assertTrue(TimeRange.parse("2025-08-21T08:00:00Z", "2025-08-21T08:00:00Z", "--since", "--until")
                .contains(Instant.parse("2025-08-21T08:00:00Z")), "one instant is a range");
    }

    @Test
    void absentOrBlankBoundsAreOpen() {
        TimeRange all = TimeRange.parse(null, " ", "--since", "--until");
        assertTrue(all.isAll());
        assertEquals(TimeRange.ALL, all);
        assertTrue(all.contains(Instant.EPOCH));
        assertNull(TimeRange.bound(null, true, "--until"));
        assertEquals(Instant.parse("2025-08-21T00:00:00Z"), TimeRange.parse("2025-08-21", null, "--since", "--until").since());
    }

    @Test
    void badInputIsOneLineThatNamesTheOptionAndTheForms() {
        assertEquals("--since: 'yesterday' is not an ISO date (2025-08-23) or instant (2025-08-23T08:00:00Z)",
                assertThrows(IllegalArgumentException.class,
                        () -> TimeRange.parse("yesterday", null, "--since", "--until")).getMessage());
        assertEquals("parameter 'until': '2025-13-01' is not an ISO date (2025-08-23) or instant (2025-08-23T08:00:00Z)",
                assertThrows(IllegalArgumentException.class,
                        () -> TimeRange.parse(null, "2025-13-01", "parameter 'since'", "parameter 'until'")).getMessage());
        assertEquals("--since 2025-11-14T00:00:00Z is after --until 2025-11-10T23:59:59.999Z: give the earlier time to --since",
                assertThrows(IllegalArgumentException.class,
                        () -> TimeRange.parse("2025-11-14", "2025-11-10", "--since", "--until")).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new TimeRange(Instant.parse("2025-11-14T00:00:00Z"), Instant.parse("2025-11-13T00:00:00Z")));
    }
}
