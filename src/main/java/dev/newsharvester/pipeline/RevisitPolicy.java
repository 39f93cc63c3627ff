package dev.newsharvester.pipeline;

import dev.newsharvester.outlet.Outlet;
import dev.newsharvester.store.StoredVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Which discovered URLs to fetch: new ones always; known ones while they are younger than the outlet's revisit window
 * ({@code revisit}, default 48 h, counted from first sight, as the profile documents) and were not fetched within its
 * minimum revisit interval ({@code minRevisitInterval}, default 60 min). Re-fetches are conditional GETs, so an
 * unchanged page costs a 304.
 */
final class RevisitPolicy {

    /** Why a URL is or is not fetched in this run. */
    enum Decision {
        /** Never stored: fetched. */
        NEW,
        /** Young enough and not fetched recently: fetched (conditionally). */
        REVISIT,
        /** Young, but fetched less than {@code minRevisitInterval} ago: not fetched. */
        FETCHED_RECENTLY,
        /** First seen longer ago than the revisit window: not fetched again. */
        PAST_WINDOW;

        boolean due() {
            return this == NEW || this == REVISIT;
        }
    }

    private RevisitPolicy() {
    }

    static Decision decide(Outlet outlet, List<StoredVersion> versions, Instant now) {
        if (versions.isEmpty()) {
            return Decision.NEW;
        }
        Instant firstSeen = Instant.MAX;
        Instant lastFetched = Instant.MIN;
        for (StoredVersion v : versions) {
            firstSeen = v.firstSeen().isBefore(firstSeen) ? v.firstSeen() : firstSeen;
            // Versions written before lastFetched existed carry only lastSeen, which is then the same instant.
            Instant fetched = v.lastFetched() != null ? v.lastFetched() : v.lastSeen();
            lastFetched = fetched.isAfter(lastFetched) ? fetched : lastFetched;
        }
        if (Duration.between(firstSeen, now).compareTo(outlet.revisit()) >= 0) {
            return Decision.PAST_WINDOW;
        }
        if (Duration.between(lastFetched, now).compareTo(outlet.minRevisitInterval()) < 0) {
            return Decision.FETCHED_RECENTLY;
        }
        return Decision.REVISIT;
    }
}
