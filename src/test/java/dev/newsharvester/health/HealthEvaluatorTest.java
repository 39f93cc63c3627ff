package dev.newsharvester.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.store.HealthCounters;
import dev.newsharvester.store.HealthCounters.Hour;
import dev.newsharvester.store.HealthCounters.Latest;
import dev.newsharvester.store.HealthCounters.Run;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure part of the evaluator: flags and windows from given counters. */
class HealthEvaluatorTest {

    static final Instant AT = Instant.parse("2026-12-04T12:30:00Z");
    static final HealthThresholds T = HealthThresholds.DEFAULT;
    static final Latest NEVER = new Latest(null);

    /** An hour {@code hoursAgo} before AT's hour with {@code n} new articles of {@code words} words each. */
    static Hour news(int hoursAgo, int n, int words, boolean authors) {
        long[] histogram = new long[HealthCounters.WORD_BUCKETS.length];
        histogram[HealthCounters.bucketOf(words)] = n;
        return new Hour(AT.truncatedTo(java.time.temporal.ChronoUnit.HOURS).minus(Duration.ofHours(hoursAgo)),
                Map.of("NEW", (long) n), 0, 0, n, n, authors ? n : 0, n, words >= 80 ? n : 0, histogram,
                AT.truncatedTo(java.time.temporal.ChronoUnit.HOURS).minus(Duration.ofHours(hoursAgo)).plusSeconds(600));
    }

    static Hour outcomes(int hoursAgo, Map<String, Long> counts, long blocked) {
        return new Hour(AT.truncatedTo(java.time.temporal.ChronoUnit.HOURS).minus(Duration.ofHours(hoursAgo)), counts,
                blocked, 0, 0, 0, 0, 0, 0, new long[HealthCounters.WORD_BUCKETS.length], null);
    }

    /** Six days of five 420-word articles a day, then {@code recent} today. */
    static List<Hour> history(Hour... recent) {
        List<Hour> hours = new ArrayList<>();
        for (int d = 6; d >= 1; d--) {
            hours.add(news(24 * d + 3, 5, 420, true));
        }
        hours.addAll(List.of(recent));
        return hours;
    }

    @Test
    void aSteadyOutletIsHealthy() {
        OutletHealth h = HealthEvaluator.assess("kyiv", NEVER, history(news(2, 5, 400, true)),
                List.of(new Run(AT.minusSeconds(600), 5), new Run(AT.minusSeconds(4200), 5)), AT, T);
        assertEquals(Set.of(), h.flags(), h.reasons()::toString);
        assertEquals(5, h.day().count("NEW"));
        assertEquals(35, h.week().count("NEW"));
        assertEquals(5, h.recent().articles());
        assertEquals(30, h.baseline().articles());
        assertTrue(h.baseline().medianWords() >= 400 && h.baseline().medianWords() < 600, h.baseline()::toString);
    }

    @Test
    void shortBodiesWithoutBylinesAreDrift() {
        OutletHealth h = HealthEvaluator.assess("kyiv", NEVER, history(news(2, 5, 45, false)), List.of(), AT, T);
        assertEquals(Set.of(Flag.DRIFT), h.flags());
        String reason = h.reasons().get(0);
        assertTrue(reason.startsWith("DRIFT: median words"), reason);
        assertTrue(reason.contains("authors on 0% against 100%"), reason);
        assertTrue(reason.contains(">=80 words on 0% against 100%"), reason);
    }

    @Test
    void pagesThatNoLongerGiveAnArticleAreDrift() {
        Hour rejected = new Hour(AT.truncatedTo(java.time.temporal.ChronoUnit.HOURS).minus(Duration.ofHours(2)),
                Map.of("SKIPPED", 6L), 0, 6, 0, 0, 0, 0, 0, new long[HealthCounters.WORD_BUCKETS.length], null);
        OutletHealth h = HealthEvaluator.assess("kyiv", NEVER, history(rejected), List.of(), AT, T);
        assertEquals(Set.of(Flag.DRIFT), h.flags());
        assertTrue(h.reasons().get(0).startsWith("DRIFT: an article in 0% of new pages against 100%"), h.reasons()::toString);
        assertEquals(6, h.recent().pages());
        // a page or two the extractor rejects among many articles is no drift
        Hour mixed = new Hour(rejected.start(), Map.of("SKIPPED", 2L, "NEW", 5L), 0, 2, 5, 5, 5, 5, 5,
                news(2, 5, 400, true).wordHistogram(), null);
        assertEquals(Set.of(), HealthEvaluator.assess("kyiv", NEVER, history(mixed), List.of(), AT, T).flags());
    }

    @Test
    void driftNeedsEnoughRecentAndBaselineArticles() {
        // four degraded articles: fewer than driftMinRecent, even with the window widened to 7 days (it reaches
        // the healthy days, which then count as recent)
        OutletHealth few = HealthEvaluator.assess("kyiv", NEVER, List.of(news(2, 4, 45, false)), List.of(), AT, T);
        assertEquals(Set.of(), few.flags());
        // a young outlet: 15 articles of history are fewer than driftMinBaseline
        List<Hour> young = List.of(news(72, 5, 420, true), news(48, 5, 420, true), news(30, 5, 420, true),
                news(2, 5, 45, false));
        assertEquals(Set.of(), HealthEvaluator.assess("kyiv", NEVER, young, List.of(), AT, T).flags());
        assertEquals(Set.of(Flag.DRIFT), HealthEvaluator.assess("kyiv", NEVER, young, List.of(), AT,
                new HealthThresholds(3, 0.5, 5, 0.5, 5, 15)).flags());
    }

    @Test
    void aSlowOutletsRecentWindowWidensUntilItHoldsEnoughArticles() {
        // one degraded article a day for five days: the window reaches back to hold five
        List<Hour> hours = new ArrayList<>();
        for (int d = 30; d >= 6; d--) {
            hours.add(news(24 * d, 1, 420, true));
        }
        for (int d = 4; d >= 0; d--) {
            hours.add(news(24 * d + 1, 1, 45, false));
        }
        OutletHealth h = HealthEvaluator.assess("slow", NEVER, hours, List.of(), AT, T);
        assertEquals(5, h.recent().articles());
        assertEquals(25, h.baseline().articles());
        assertEquals(Set.of(Flag.DRIFT), h.flags(), h.reasons()::toString);
    }

    @Test
    void silentAfterTheConfiguredNumberOfEmptyRuns() {
        List<Run> two = List.of(new Run(AT.minusSeconds(60), 0), new Run(AT.minusSeconds(960), 0));
        assertEquals(Set.of(), HealthEvaluator.assess("x", NEVER, List.of(), two, AT, T).flags());
        List<Run> three = new ArrayList<>(two);
        three.add(new Run(AT.minusSeconds(1860), 0));
        OutletHealth h = HealthEvaluator.assess("x", NEVER, List.of(), three, AT, T);
        assertEquals(Set.of(Flag.SILENT), h.flags());
        assertEquals("SILENT: no article URL discovered in the last 3 runs (since 2026-12-04T11:59:00Z)",
                h.reasons().get(0));
        three.set(1, new Run(AT.minusSeconds(960), 4));
        assertEquals(Set.of(), HealthEvaluator.assess("x", NEVER, List.of(), three, AT, T).flags());
    }

    @Test
    void failingAboveTheShareWithEnoughOutcomes() {
        Hour bad = outcomes(1, Map.of("FAILED", 4L, "NEW", 2L), 3);
        OutletHealth h = HealthEvaluator.assess("x", NEVER, List.of(bad), List.of(), AT, T);
        assertEquals(Set.of(Flag.FAILING), h.flags());
        assertEquals("FAILING: 4 of 6 articles FAILED in 24 h (3 BLOCKED), over the 50% threshold", h.reasons().get(0));
        // exactly half is not over it; too few outcomes say nothing; yesterday's failures are not today's
        assertEquals(Set.of(), HealthEvaluator.assess("x", NEVER, List.of(outcomes(1, Map.of("FAILED", 3L, "NEW", 3L), 0)),
                List.of(), AT, T).flags());
        assertEquals(Set.of(), HealthEvaluator.assess("x", NEVER, List.of(outcomes(1, Map.of("FAILED", 4L), 0)),
                List.of(), AT, T).flags());
        OutletHealth old = HealthEvaluator.assess("x", NEVER, List.of(outcomes(30, Map.of("FAILED", 9L), 9)), List.of(),
                AT, T);
        assertEquals(Set.of(), old.flags());
        assertEquals(9, old.week().count("FAILED"));
        assertEquals(0, old.day().total());
    }

    @Test
    void medianComesFromTheHistogram() {
        long[] h = new long[HealthCounters.WORD_BUCKETS.length];
        assertNull(Completeness.median(h));
        h[HealthCounters.bucketOf(420)] = 3;   // 400..600
        h[HealthCounters.bucketOf(30)] = 1;    // 25..50
        int m = Completeness.median(h);
        assertTrue(m >= 400 && m < 600, "median " + m);
        assertEquals(0, HealthCounters.bucketOf(0));
        assertEquals(3, HealthCounters.bucketOf(80));
        assertEquals(HealthCounters.WORD_BUCKETS.length - 1, HealthCounters.bucketOf(100_000));
    }

    @Test
    void thresholdsNameTheirVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HealthThresholds(0, 0.5, 5, 0.5, 5, 20));
        assertTrue(e.getMessage().startsWith("HEALTH_SILENT_RUNS"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new HealthThresholds(3, 1.5, 5, 0.5, 5, 20));
        assertTrue(e.getMessage().contains("HEALTH_FAILING_SHARE") && e.getMessage().contains("was 1.5"), e.getMessage());
    }

    @Test
    void reportCountsFlaggedOutletsAndSerialises() {
        OutletHealth drift = HealthEvaluator.assess("a", NEVER, history(news(2, 5, 45, false)), List.of(), AT, T);
        OutletHealth ok = HealthEvaluator.assess("b", new Latest(AT.minusSeconds(60)),
                history(news(2, 5, 400, true)), List.of(), AT, T);
        HealthReport r = new HealthReport(AT, T, List.of(drift, ok));
        assertEquals(List.of(1, 0, 0), List.of(r.drifting(), r.silent(), r.failing()));
        String json = r.toJson();
        assertTrue(json.contains("\"drifting\" : 1") && json.contains("\"lastDiscovery\" : \"2026-12-04T12:29:00Z\""),
                json);
        assertEquals(Instant.parse("2026-12-04T10:10:00Z"), ok.lastNew(), "the newest hour's last new article");
    }
}
