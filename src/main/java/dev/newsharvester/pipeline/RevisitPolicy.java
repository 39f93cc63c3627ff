package dev.newsharvester.pipeline;

import dev.newsharvester.outlet.Outlet;
import dev.newsharvester.store.HistoryEvent;
import dev.newsharvester.store.StoredVersion;
import dev.newsharvester.store.UrlHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a URL is visited: new ones at once; known ones on the outlet's decaying {@code revisitSchedule} (default 15 min,
 * 1 h, 3 h, 12 h, 1 d, 2 d, 4 d, 7 d, 14 d, 30 d after first sight; after the last rung its last interval repeats),
 * until {@code revisitUntil} after first sight, never twice within {@code minRevisitInterval}. A visit that found a change brings the next one closer: its interval
 * is that of two rungs earlier. Re-fetches are conditional GETs, so an unchanged page costs a 304.
 */
final class RevisitPolicy {

    /** Why a discovered URL is or is not fetched in this run. */
    enum Decision {
        /** Never stored: fetched. */
        NEW,
        /** A rung of its schedule passed since its last fetch: fetched (conditionally). */
        REVISIT,
        /** Fetched less than {@code minRevisitInterval} ago: not fetched. */
        FETCHED_RECENTLY,
        /** Fetched since its last rung passed: not fetched (the due index brings it back at its next rung). */
        NOT_YET,
        /** First seen longer ago than {@code revisitUntil}: not fetched again. */
        PAST_WINDOW;

        boolean due() {
            return this == NEW || this == REVISIT;
        }
    }

    private RevisitPolicy() {
    }

    /** Whether a discovered URL with these stored versions (and no lifecycle entries) is fetched at {@code now}. */
    static Decision decide(Outlet outlet, List<StoredVersion> versions, Instant now) {
        return decide(outlet, new UrlHistory(versions, List.of()), now);
    }

    /**
     * Whether a discovered URL with this history is fetched at {@code now}. A lifecycle entry is a visit too: a page
     * that answered "gone" (or moved) left its versions' fetch times behind, and without it would look overdue at
     * every run while a feed or sitemap still lists it.
     */
    static Decision decide(Outlet outlet, UrlHistory history, Instant now) {
        List<StoredVersion> versions = history.versions();
        if (versions.isEmpty()) {
            return Decision.NEW;
        }
        Instant firstSeen = firstSeen(versions);
        Instant lastFetched = Instant.MIN;
        for (StoredVersion v : versions) {
            // Versions written before lastFetched existed carry only lastSeen, which is then the same instant.
            Instant fetched = v.lastVisit().fetchedOrSeen();
            lastFetched = fetched.isAfter(lastFetched) ? fetched : lastFetched;
        }
        for (HistoryEvent e : history.events()) {
            lastFetched = e.at().isAfter(lastFetched) ? e.at() : lastFetched;
        }
        if (!now.isBefore(firstSeen.plus(outlet.revisit()))) {
            return Decision.PAST_WINDOW;
        }
        if (Duration.between(lastFetched, now).compareTo(outlet.minRevisitInterval()) < 0) {
            return Decision.FETCHED_RECENTLY;
        }
        Instant latest = latestRung(outlet, firstSeen, now);
        return latest != null && latest.isAfter(lastFetched) ? Decision.REVISIT : Decision.NOT_YET;
    }

    /** The interval between the schedule's last two rungs (the first rung alone: itself); repeated after the last rung. */
    private static Duration lastGap(List<Duration> rungs) {
        int n = rungs.size();
        return n == 1 ? rungs.get(0) : rungs.get(n - 1).minus(rungs.get(n - 2));
    }

    /** The latest rung at or before {@code now} (the last interval repeating after the last rung), or null. */
    private static Instant latestRung(Outlet outlet, Instant firstSeen, Instant now) {
        List<Duration> rungs = outlet.revisitSchedule();
        Instant latest = null;
        for (Duration rung : rungs) {
            Instant at = firstSeen.plus(rung);
            if (at.isAfter(now)) {
                return latest;
            }
            latest = at;
        }
        long repeats = Duration.between(latest, now).toNanos() / Math.max(1, lastGap(rungs).toNanos());
        return latest.plus(lastGap(rungs).multipliedBy(repeats));
    }

    /** The first rung after {@code now} (the last interval repeating after the last rung). */
    private static Instant nextRung(Outlet outlet, Instant firstSeen, Instant now) {
        for (Duration rung : outlet.revisitSchedule()) {
            Instant at = firstSeen.plus(rung);
            if (at.isAfter(now)) {
                return at;
            }
        }
        return latestRung(outlet, firstSeen, now).plus(lastGap(outlet.revisitSchedule()));
    }

    /** The earliest first sight among the versions (null when there are none). */
    static Instant firstSeen(List<StoredVersion> versions) {
        Instant first = null;
        for (StoredVersion v : versions) {
            first = first == null || v.firstSeen().isBefore(first) ? v.firstSeen() : first;
        }
        return first;
    }

    /**
     * The next visit of a URL first seen at {@code firstSeen} and visited at {@code now}: the schedule's next rung,
     * or, when this visit found a change, sooner: now plus the interval two rungs earlier. Never within
     * {@code minRevisitInterval}; empty when no rung is left before {@code revisitUntil}.
     */
    static Optional<Instant> next(Outlet outlet, Instant firstSeen, Instant now, boolean changed) {
        List<Duration> rungs = outlet.revisitSchedule();
        Instant at = nextRung(outlet, firstSeen, now);
        if (at.isAfter(firstSeen.plus(outlet.revisit()))) {
            return Optional.empty();
        }
        if (changed) {
            int k = 0;
            while (k < rungs.size() && !firstSeen.plus(rungs.get(k)).isAfter(now)) {
                k++;
            }
            int back = Math.max(0, Math.min(k, rungs.size() - 1) - 2);
            Duration gap = rungs.get(back).minus(back == 0 ? Duration.ZERO : rungs.get(back - 1));
            Instant sooner = now.plus(gap);
            at = sooner.isBefore(at) ? sooner : at;
        }
        Instant earliest = now.plus(outlet.minRevisitInterval());
        return Optional.of(at.isBefore(earliest) ? earliest : at);
    }
}
