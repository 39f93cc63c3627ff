package dev.newsharvester.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.outlet.Outlet;
import dev.newsharvester.pipeline.RevisitPolicy.Decision;
import dev.newsharvester.store.Copies;
import dev.newsharvester.store.HistoryEvent;
import dev.newsharvester.store.LastVisit;
import dev.newsharvester.store.ReaderFacts;
import dev.newsharvester.store.StoredVersion;
import dev.newsharvester.store.TextSketch;
import dev.newsharvester.store.UrlHistory;
import dev.newsharvester.store.VersionId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RevisitPolicyTest {

    private static final Instant FIRST = Instant.parse("2026-11-21T12:00:00Z");
    private static final String URL = "https://unn.ua/en/news/kyiv-prepares-for-the-heating-season";
    /** The default schedule and horizon (30 days), a minimum interval of 10 minutes. */
    static final Outlet UNN = new Outlet("unn", "UNN", "en", ZoneId.of("Europe/Kyiv"),
            List.of(URI.create("https://unn.ua/en/rss/politics_en.xml")), List.of(), List.of(), null,
            Outlet.DEFAULT_REVISIT_UNTIL, Duration.ofMinutes(10), Duration.ofSeconds(1), null);

    /** A stored version first seen at FIRST and last fetched {@code fetched} after it (null: unknown, lastSeen then). */
    private static StoredVersion version(String hash, Duration firstSeenAfter, Duration fetched) {
        Instant lastFetched = fetched == null ? null : FIRST.plus(fetched);
        Instant lastSeen = lastFetched == null ? FIRST.plus(Duration.ofMinutes(20)) : lastFetched;
        return new StoredVersion(VersionId.of(URL, hash, "unn"), FIRST.plus(firstSeenAfter),
                new LastVisit(lastSeen, lastFetched, "\"e1\"", null),
                new ReaderFacts("Kyiv prepares for the heating season", List.of("UNN"), "2026-11-20T09:00:00+02:00", null, "en",
                        null),
                new Copies("raw/k", "clean/k"), new TextSketch("0123456789abcdef", null, 420, "1"), null);
    }

    private static Decision decide(Duration fetched, Duration now) {
        return RevisitPolicy.decide(UNN, List.of(version("a", Duration.ZERO, fetched)), FIRST.plus(now));
    }

    @Test
    void newUrlsAreAlwaysDue() {
        assertEquals(Decision.NEW, RevisitPolicy.decide(UNN, List.of(), FIRST));
        assertTrue(Decision.NEW.due());
    }

    @Test
    void aDiscoveredUrlIsDueOnceARungPassedSinceItsLastFetch() {
        assertEquals(Decision.NOT_YET, decide(Duration.ZERO, Duration.ofMinutes(14)));
        assertEquals(Decision.REVISIT, decide(Duration.ZERO, Duration.ofMinutes(15)));
        assertEquals(Decision.NOT_YET, decide(Duration.ofMinutes(16), Duration.ofMinutes(59)), "15 min rung done");
        assertEquals(Decision.REVISIT, decide(Duration.ofMinutes(16), Duration.ofMinutes(60)));
        assertEquals(Decision.NOT_YET, decide(Duration.ofDays(4), Duration.ofDays(6)));
        assertEquals(Decision.REVISIT, decide(Duration.ofDays(4), Duration.ofDays(7)));
        assertFalse(Decision.NOT_YET.due());
    }

    @Test
    void aGonePageListedInAFeedIsVisitedOnItsScheduleNotAtEveryRun() {
        // fetched (200) at 1 d 1 h; the 2-day check found it gone and the 4-day check confirmed it: the versions'
        // fetch times stay at day 1, the lifecycle entries carry the later visits
        StoredVersion v = version("a", Duration.ZERO, Duration.ofHours(25));
        UrlHistory gone = new UrlHistory(List.of(v), List.of(
                new HistoryEvent(URL, "unn", FIRST.plus(Duration.ofDays(2)), HistoryEvent.Kind.SUSPECTED_GONE, 404, null,
                        false, "a", "404"),
                new HistoryEvent(URL, "unn", FIRST.plus(Duration.ofDays(4)), HistoryEvent.Kind.DELETED, 404, null,
                        false, "a", "404")));
        assertEquals(Decision.REVISIT, RevisitPolicy.decide(UNN, List.of(v), FIRST.plus(Duration.ofDays(5))),
                "by its versions alone it looks overdue");
        assertEquals(Decision.NOT_YET, RevisitPolicy.decide(UNN, gone, FIRST.plus(Duration.ofDays(5))));
        assertEquals(Decision.NOT_YET, RevisitPolicy.decide(UNN, gone, FIRST.plus(Duration.ofDays(6).plusHours(23))));
        assertEquals(Decision.REVISIT, RevisitPolicy.decide(UNN, gone, FIRST.plus(Duration.ofDays(7))), "the 7-day rung");
    }

    @Test
    void neverTwiceWithinTheMinimumIntervalNorPastTheHorizon() {
        assertEquals(Decision.FETCHED_RECENTLY, decide(Duration.ofMinutes(55), Duration.ofMinutes(61)));
        assertEquals(Decision.REVISIT, decide(Duration.ofDays(7), Duration.ofDays(30).minusSeconds(1)));
        assertEquals(Decision.PAST_WINDOW, decide(Duration.ofDays(14), Duration.ofDays(30)));
        assertFalse(Decision.PAST_WINDOW.due());
        // the oldest first sight counts: a revision stored on day 29 does not make the URL young again
        assertEquals(Decision.PAST_WINDOW, RevisitPolicy.decide(UNN, List.of(version("old", Duration.ZERO,
                Duration.ofDays(29)), version("new", Duration.ofDays(29), Duration.ofDays(29))), FIRST.plus(Duration.ofDays(31))));
    }

    @Test
    void versionsWithoutLastFetchedUseLastSeen() {
        assertEquals(Decision.REVISIT, decide(null, Duration.ofHours(1)));   // seen 20 min after first sight
        assertEquals(Decision.NOT_YET, decide(null, Duration.ofMinutes(50)));
    }

    /** The visits of a URL never changed, each at its due time: exactly the schedule, then none. */
    @Test
    void anUnchangedUrlIsVisitedOnEveryRungAndThenNoMore() {
        List<Duration> visits = new ArrayList<>();
        Instant now = FIRST;
        for (Optional<Instant> next = RevisitPolicy.next(UNN, FIRST, now, false); next.isPresent();
                next = RevisitPolicy.next(UNN, FIRST, now, false)) {
            now = next.get();
            visits.add(Duration.between(FIRST, now));
        }
        assertEquals(Outlet.DEFAULT_REVISIT_SCHEDULE, visits);
    }

    @Test
    void aChangeBringsTheNextVisitCloser() {
        // visited on day 4 (rung 7 d is next, 3 days away): changed, the next interval is that two rungs back (1 d)
        Instant day4 = FIRST.plus(Duration.ofDays(4));
        assertEquals(Optional.of(FIRST.plus(Duration.ofDays(7))), RevisitPolicy.next(UNN, FIRST, day4, false));
        assertEquals(Optional.of(FIRST.plus(Duration.ofDays(5))), RevisitPolicy.next(UNN, FIRST, day4, true));
        // early on the interval two rungs back is the first one (15 min), floored by minRevisitInterval
        Instant min20 = FIRST.plus(Duration.ofMinutes(20));
        assertEquals(Optional.of(FIRST.plus(Duration.ofMinutes(35))), RevisitPolicy.next(UNN, FIRST, min20, true));
        // a change never pushes the next visit later than the schedule's
        Instant min14 = FIRST.plus(Duration.ofMinutes(14));
        assertEquals(Optional.of(FIRST.plus(Duration.ofMinutes(24))), RevisitPolicy.next(UNN, FIRST, min14, true));
    }

    @Test
    void theHorizonCutsTheSchedule() {
        Outlet week = new Outlet("unn", "UNN", "en", ZoneId.of("Europe/Kyiv"), UNN.feeds(), List.of(), List.of(), null,
                Duration.ofDays(7), Duration.ofMinutes(10), Duration.ofSeconds(1), null);
        assertEquals(Optional.of(FIRST.plus(Duration.ofDays(7))),
                RevisitPolicy.next(week, FIRST, FIRST.plus(Duration.ofDays(4)), false));
        assertEquals(Optional.empty(), RevisitPolicy.next(week, FIRST, FIRST.plus(Duration.ofDays(7)), false));
    }

    @Test
    void afterTheLastRungItsIntervalRepeatsUntilTheHorizon() {
        Outlet daily = new Outlet("unn", "UNN", "en", ZoneId.of("Europe/Kyiv"), UNN.feeds(), List.of(), List.of(), null,
                Duration.ofDays(10), Duration.ofMinutes(10), Duration.ofSeconds(1), null,
                List.of(Duration.ofHours(1), Duration.ofDays(1)));
        assertEquals(Optional.of(FIRST.plus(Duration.ofDays(1))), RevisitPolicy.next(daily, FIRST, FIRST.plus(Duration.ofHours(2)), false));
        assertEquals(Optional.of(FIRST.plus(Duration.ofHours(47))),
                RevisitPolicy.next(daily, FIRST, FIRST.plus(Duration.ofDays(1)), false), "then every 23 h");
        assertEquals(Optional.empty(), RevisitPolicy.next(daily, FIRST, FIRST.plus(Duration.ofDays(9).plusHours(22)), false),
                "not past revisitUntil");
        Instant day3 = FIRST.plus(Duration.ofDays(3));
        assertEquals(Decision.REVISIT, RevisitPolicy.decide(daily, List.of(version("a", Duration.ZERO, Duration.ofDays(2))), day3),
                "the 70 h rung passed since the fetch at 48 h");
        assertEquals(Decision.NOT_YET, RevisitPolicy.decide(daily, List.of(version("a", Duration.ZERO, Duration.ofHours(71))), day3));
    }
}
