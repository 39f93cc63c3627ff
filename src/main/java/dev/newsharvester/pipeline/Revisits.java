package dev.newsharvester.pipeline;

import dev.newsharvester.outlet.Outlet;
import dev.newsharvester.outlet.OutletConfigException;
import dev.newsharvester.outlet.Outlets;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.DueIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The long revisits, between the flow and the {@link DueIndex}: after each visit whose outcome is final the URL's
 * next visit is scheduled ({@link #visited}); a harvest or a plan takes the URLs due now ({@link #claimDue}), whether
 * or not a feed or sitemap still lists them.
 */
public final class Revisits {

    /** A taken due URL is not handed out again for this long (its visit then reschedules it, which ends the claim). */
    static final Duration CLAIM = Duration.ofHours(1);

    /** What one {@link #claimDue} took, and what the reading cost. */
    record Claimed(Map<String, List<ArticleTask>> byOutlet, int due, int taken, DueIndex.Read read) {
        int size() {
            return byOutlet.values().stream().mapToInt(List::size).sum();
        }

        List<ArticleTask> of(String outlet) {
            return byOutlet.getOrDefault(outlet, List.of());
        }
    }

    /** No due index: nothing is scheduled, nothing is due. */
    static final Revisits NONE = new Revisits();

    private final DueIndex due;
    private final ArticleIndex index;
    private final Outlets outlets;
    private final Clock clock;
    /** How long after a first sign of deletion the confirming check may come ({@code Lifecycle}'s delay). */
    private final Duration confirmAfter;

    Revisits(DueIndex due, ArticleIndex index, Outlets outlets, Clock clock) {
        this(due, index, outlets, clock, Lifecycle.DEFAULT_CONFIRM_AFTER);
    }

    Revisits(DueIndex due, ArticleIndex index, Outlets outlets, Clock clock, Duration confirmAfter) {
        this.due = Objects.requireNonNull(due, "due");
        this.index = index;
        this.outlets = Objects.requireNonNull(outlets, "outlets");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.confirmAfter = Objects.requireNonNull(confirmAfter, "confirmAfter");
    }

    private Revisits() {
        this.due = null;
        this.index = null;
        this.outlets = null;
        this.clock = null;
        this.confirmAfter = Duration.ZERO;
    }

    /**
     * Adds to an outlet's due tasks those of {@code dueNow} it does not hold yet (deduplicated by URL); returns how
     * many were added.
     */
    static int addMissing(List<ArticleTask> due, List<ArticleTask> dueNow) {
        Set<String> urls = new HashSet<>();
        due.forEach(t -> urls.add(t.url()));
        int added = 0;
        for (ArticleTask t : dueNow) {
            if (urls.add(t.url())) {
                due.add(t);
                added++;
            }
        }
        return added;
    }

    /** {@link #claimDue}, or nothing when there is no due index or it cannot be read (the entries wait for the next run). */
    Claimed claimDueOrNone(Collection<String> outletIds) {
        if (due != null) {
            try {
                return claimDue(outletIds);
            } catch (RuntimeException e) {
                // the entries stay: the next harvest takes them
            }
        }
        return new Claimed(Map.of(), 0, 0, null);
    }

    /**
     * Schedules the URL's next visit after an outcome that is final: NEW, UNCHANGED, REVISED, DUPLICATE, SKIPPED,
     * FAILED for good. DEFERRED and retryable failures keep the URL's due entry: once its claim lapses it is taken
     * again. A URL never stored has no schedule. Never throws: an entry not moved is taken again after its claim.
     */
    void visited(ArticleOutcome outcome) {
        if (due == null || outcome == null || outcome.url() == null || outcome.outcome() == Outcome.DEFERRED
                || outcome.retryable()) {
            return;
        }
        try {
            Outlet outlet = outlets.get(outcome.outlet());
            Instant now = clock.instant();
            DueIndex.Pointer pointer = due.pointer(outcome.url());
            Instant firstSeen = pointer != null ? pointer.firstSeen()
                    : outcome.outcome() == Outcome.NEW || outcome.outcome() == Outcome.DUPLICATE ? now
                    : index == null ? null : RevisitPolicy.firstSeen(index.versions(outcome.url(), false));
            if (firstSeen == null) {
                return;   // never stored: nothing to revisit
            }
            Optional<Instant> next = RevisitPolicy.next(outlet, firstSeen, now, changed(outcome));
            if (next.isEmpty() && Lifecycle.suspectsDeletion(outcome)) {
                // a first sign of deletion at the schedule's last rung is still confirmed (or cleared) by one more
                // check, past revisitUntil: otherwise a page gone late in its window would stay a suspicion for good
                Duration wait = confirmAfter.compareTo(outlet.minRevisitInterval()) > 0 ? confirmAfter : outlet.minRevisitInterval();
                next = Optional.of(now.plus(wait));
            }
            if (next.isPresent()) {
                due.schedule(outlet.id(), outcome.url(), firstSeen, next.get(), now);
            } else if (pointer != null) {
                due.finish(outcome.url());
            }
        } catch (OutletConfigException | software.amazon.awssdk.core.exception.SdkException e) {
            // an unknown outlet, or the store refused: the entry (if any) comes back when its claim lapses
        }
    }

    /**
     * Whether a visit found something that deserves a closer look: a new text (REVISED), a return (RESTORED), or a
     * first sign that the page is gone (its deletion is confirmed by a later check: {@code Lifecycle}'s "gone?").
     */
    static boolean changed(ArticleOutcome outcome) {
        return outcome.outcome() == Outcome.REVISED || outcome.outcome() == Outcome.RESTORED
                || Lifecycle.suspectsDeletion(outcome);
    }

    private boolean configured(String outlet) {
        try {
            outlets.get(outlet);
            return true;
        } catch (OutletConfigException e) {
            return false;
        }
    }

    /**
     * Takes the URLs due now of these outlets (all when empty): reads the due index and claims each entry, so that
     * two harvests or plans at once never hand out the same URL. Entries of other outlets are left for their own run.
     */
    Claimed claimDue(Collection<String> outletIds) {
        Instant now = clock.instant();
        DueIndex.Read read = due.due(now);
        Set<String> wanted = outletIds == null ? Set.of() : Set.copyOf(outletIds);
        Map<String, List<ArticleTask>> byOutlet = new LinkedHashMap<>();
        int taken = 0;
        for (DueIndex.Due d : read.due()) {
            if (!configured(d.outlet())) {
                due.finish(d.url());   // its outlet is gone from the configuration: no more revisits
                continue;
            }
            if (!wanted.isEmpty() && !wanted.contains(d.outlet())) {
                continue;
            }
            if (due.claim(d, now, CLAIM)) {
                taken++;
                byOutlet.computeIfAbsent(d.outlet(), k -> new ArrayList<>()).add(new ArticleTask(d.outlet(), d.url()));
            }
        }
        return new Claimed(byOutlet, read.due().size(), taken, read);
    }
}
