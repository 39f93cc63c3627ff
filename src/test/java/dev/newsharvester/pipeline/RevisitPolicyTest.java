package dev.newsharvester.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.outlet.Outlet;
import dev.newsharvester.pipeline.RevisitPolicy.Decision;
import dev.newsharvester.store.StoredVersion;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevisitPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final String URL = "https://unn.ua/en/news/kyiv-prepares-for-the-heating-season";
    private static final Outlet UNN = new Outlet("unn", "UNN", "en", ZoneId.of("Europe/Kyiv"),
            List.of(URI.create("https://unn.ua/en/rss/politics_en.xml")), List.of(), List.of(), null,
            Duration.ofHours(48), Duration.ofMinutes(60), Duration.ofSeconds(1), null);

    /** A stored version first seen {@code ageMinutes} ago and last fetched {@code fetchedMinutesAgo} ago (null: unknown). */
    private static StoredVersion version(String hash, long ageMinutes, Long fetchedMinutesAgo) {
        Instant firstSeen = NOW.minus(Duration.ofMinutes(ageMinutes));
        Instant lastFetched = fetchedMinutesAgo == null ? null : NOW.minus(Duration.ofMinutes(fetchedMinutesAgo));
        Instant lastSeen = lastFetched == null ? NOW.minus(Duration.ofMinutes(90)) : lastFetched;
        return new StoredVersion(URL, hash, "unn", firstSeen, lastSeen, lastFetched, "Kyiv prepares for the heating season",
                List.of("UNN"), "2026-11-20T09:00:00+02:00", null, "en", "raw/k", "clean/k", "\"e1\"", null,
                "0123456789abcdef", null, "1", null, 420);
    }

    @Test
    void newUrlsAreAlwaysDue() {
        assertEquals(Decision.NEW, RevisitPolicy.decide(UNN, List.of(), NOW));
        assertTrue(Decision.NEW.due());
    }

    @Test
    void youngArticlesAreRevisitedOncePerInterval() {
        assertEquals(Decision.REVISIT, RevisitPolicy.decide(UNN, List.of(version("a", 120, 60L)), NOW));
        assertEquals(Decision.FETCHED_RECENTLY, RevisitPolicy.decide(UNN, List.of(version("a", 120, 59L)), NOW));
        assertFalse(Decision.FETCHED_RECENTLY.due());
    }

    @Test
    void articlesOlderThanTheWindowAreNotFetchedAgain() {
        assertEquals(Decision.REVISIT, RevisitPolicy.decide(UNN, List.of(version("a", 48 * 60 - 1, 120L)), NOW));
        assertEquals(Decision.PAST_WINDOW, RevisitPolicy.decide(UNN, List.of(version("a", 48 * 60, 120L)), NOW));
        assertFalse(Decision.PAST_WINDOW.due());
    }

    @Test
    void theOldestFirstSightAndTheNewestFetchCountAcrossVersions() {
        // The article was first seen 50 h ago; a revision found 2 h ago does not make it young again.
        assertEquals(Decision.PAST_WINDOW,
                RevisitPolicy.decide(UNN, List.of(version("old", 50 * 60, 180L), version("new", 120, 120L)), NOW));
        // Any version fetched 10 minutes ago means the URL was fetched 10 minutes ago.
        assertEquals(Decision.FETCHED_RECENTLY,
                RevisitPolicy.decide(UNN, List.of(version("a", 600, 300L), version("b", 300, 10L)), NOW));
    }

    @Test
    void versionsWithoutLastFetchedUseLastSeen() {
        assertEquals(Decision.REVISIT, RevisitPolicy.decide(UNN, List.of(version("a", 600, null)), NOW)); // seen 90 min ago
    }
}
