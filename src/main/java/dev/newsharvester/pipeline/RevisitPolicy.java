package dev.newsharvester.pipeline;

import dev.newsharvester.outlet.Outlet;
import dev.newsharvester.store.StoredVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Which discovered URLs to fetch: new ones always; known ones while they are younger than the
 * outlet's revisit window and were not fetched within its minimum revisit interval.
 */
final class RevisitPolicy {

    private RevisitPolicy() {
    }

    static boolean isDue(Outlet outlet, List<StoredVersion> versions, Instant now) {
        if (versions.isEmpty()) {
            return true;
        }
        Instant firstSeen = versions.stream().map(StoredVersion::firstSeen).min(Instant::compareTo).orElseThrow();
        Instant lastFetched = versions.stream().map(StoredVersion::lastFetched).max(Instant::compareTo).orElseThrow();
        boolean young = Duration.between(firstSeen, now).compareTo(outlet.revisit()) < 0;
        boolean rested = Duration.between(lastFetched, now).compareTo(outlet.minRevisitInterval()) >= 0;
        return young && rested;
    }
}
