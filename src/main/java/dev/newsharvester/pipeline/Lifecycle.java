package dev.newsharvester.pipeline;

import dev.newsharvester.change.ChangeEvent;
import dev.newsharvester.change.ChangeKind;
import dev.newsharvester.change.ChangeSink;
import dev.newsharvester.discover.UrlCanonicalizer;
import dev.newsharvester.extract.Extraction;
import dev.newsharvester.fetch.FetchResult;
import dev.newsharvester.fingerprint.Fingerprint;
import dev.newsharvester.fingerprint.SimHash;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.HistoryEvent;
import dev.newsharvester.store.HistoryEvent.Kind;
import dev.newsharvester.store.HistoryEvents;
import dev.newsharvester.store.StoredVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The life of a stored URL beyond its versions: gone (suspected, then DELETED once a second check at least
 * {@code confirmAfter} later agrees), REDIRECTED elsewhere (linking both addresses when the target carries the same
 * article), RESTORED after a deletion. Each is an entry in the URL's history ({@link HistoryEvents}); DELETED,
 * REDIRECTED and RESTORED go to the {@link ChangeSink} once written. Checks happen whenever the URL is fetched.
 */
final class Lifecycle {

    /**
     * How an outcome's reason begins when the visit found the page gone for the first time (not confirmed yet):
     * {@link #suspectsDeletion} reads it, so the two are spelled in one place.
     */
    static final String SUSPECTED = "gone? ";

    /** Whether the outcome is a first, unconfirmed sign that the page is gone. */
    static boolean suspectsDeletion(ArticleOutcome outcome) {
        return outcome.reason() != null && outcome.reason().startsWith(SUSPECTED);
    }

    /** Time between the first sign that an article is gone and the check that confirms it, unless configured. */
    static final Duration DEFAULT_CONFIRM_AFTER = Duration.ofHours(1);

    /** A page title that says the article is not there (soft 404), in the languages of the seed outlets. */
    private static final Pattern NOT_FOUND = Pattern.compile("(?iu)\\b(404|not found|page (was )?removed|has been removed"
            + "|no longer available|does not exist|сторінк\\S* не знайдено|страниц\\S* не найдена|nie znaleziono)\\b");
    /** Longer than this, a page with a "not found" title is an article about something not found. */
    private static final int SOFT_404_MAX_WORDS = 150;

    private final HistoryEvents events;
    private final Archive archive;
    private final ChangeSink sink;
    private final Duration confirmAfter;

    Lifecycle(HistoryEvents events, Archive archive, ChangeSink sink, Duration confirmAfter) {
        this.events = events;
        this.archive = archive;
        this.sink = sink == null ? ChangeSink.NONE : sink;
        if (confirmAfter == null || confirmAfter.isNegative()) {
            throw new IllegalArgumentException("deletion confirmation delay must be zero or positive (e.g. PT1H), was "
                    + confirmAfter);
        }
        this.confirmAfter = confirmAfter;
    }

    /**
     * Where a URL stands: its entries and the last time it answered with its article.
     *
     * @param current the version seen last, if any
     */
    record State(List<HistoryEvent> entries, Optional<StoredVersion> current) {

        Instant lastAlive() {
            return current.map(v -> v.lastVisit().seen()).orElse(Instant.MIN);
        }

        /** The newest entry of this kind after the article was last seen alive. */
        Optional<HistoryEvent> since(Kind kind) {
            return entries.stream().filter(e -> e.kind() == kind && e.at().isAfter(lastAlive()))
                    .max(Comparator.comparing(HistoryEvent::at));
        }

        Optional<HistoryEvent> deleted() {
            return since(Kind.DELETED);
        }
    }

    State state(String url, Optional<StoredVersion> current) {
        return new State(current.isEmpty() ? List.of() : events.of(url), current);
    }

    /** Why a 200 page no longer carries the article, or empty when it does. */
    static Optional<String> softGone(Extraction extraction) {
        if (!extraction.isArticle()) {
            return Optional.of("no article text (" + extraction.notArticleReason() + ")");
        }
        String title = extraction.article().title();
        if (title != null && NOT_FOUND.matcher(title).find() && extraction.article().wordCount() < SOFT_404_MAX_WORDS) {
            return Optional.of("a \"not found\" page: " + title);
        }
        return Optional.empty();
    }

    /**
     * Whether a page without article text still carries the stored headline: then the extractor, not the publisher,
     * lost the article (a redesign, a truncated page), and it is left to outlet health (SKIPPED), not deleted.
     */
    static boolean stillCarries(String html, String headline) {
        String h = ReaderView.normalize(headline).toLowerCase(java.util.Locale.ROOT);
        return h.length() >= 12 && ReaderView.normalize(html).toLowerCase(java.util.Locale.ROOT).contains(h);
    }

    /** The URL answered "gone" ({@code reason}): suspect, confirm, or note that it still is. */
    ArticleOutcome gone(ArticleTask task, State state, int httpStatus, String reason, Instant now) {
        StoredVersion current = state.current().orElseThrow();
        Optional<HistoryEvent> deleted = state.deleted();
        if (deleted.isPresent()) {
            events.visited(task.url(), current.hash(), now);
            return ArticleOutcome.of(task, Outcome.UNCHANGED, current.hash(), "still gone (" + reason + "), deleted since "
                    + deleted.get().at());
        }
        Optional<HistoryEvent> suspected = state.since(Kind.SUSPECTED_GONE);
        if (suspected.isEmpty()) {
            events.put(new HistoryEvent(task.url(), task.outlet(), now, Kind.SUSPECTED_GONE, httpStatus, null, false,
                    current.hash(), reason));
            return ArticleOutcome.of(task, Outcome.UNCHANGED, current.hash(), SUSPECTED + reason
                    + "; a check from " + now.plus(confirmAfter) + " confirms the deletion");
        }
        Instant confirmable = suspected.get().at().plus(confirmAfter);
        if (now.isBefore(confirmable)) {
            events.visited(task.url(), current.hash(), now);
            return ArticleOutcome.of(task, Outcome.UNCHANGED, current.hash(), SUSPECTED + reason + " (since "
                    + suspected.get().at() + "); a check from " + confirmable + " confirms the deletion");
        }
        HistoryEvent e = new HistoryEvent(task.url(), task.outlet(), now, Kind.DELETED, httpStatus, null, false,
                current.hash(), reason);
        events.put(e);
        publish(ChangeKind.DELETED, task, now, current, null, null, false);
        return ArticleOutcome.of(task, Outcome.DELETED, current.hash(), reason + ", first seen gone at "
                + suspected.get().at());
    }

    /** The canonical address a fetch ended at, when it is not the URL asked for. */
    static Optional<String> redirectTarget(String url, FetchResult fetched) {
        String target;
        try {
            target = UrlCanonicalizer.canonicalize(fetched.finalUrl().toString());
        } catch (IllegalArgumentException unusable) {
            return Optional.empty();
        }
        return target.equals(url) ? Optional.empty() : Optional.of(target);
    }

    /**
     * Whether the current version was itself fetched through a redirect to {@code target} (its raw copy's final URL):
     * then the redirect is how the URL always answered (a feed's tracking link, a missing trailing slash), not a move.
     */
    boolean alwaysLedThere(StoredVersion current, String target) {
        if (current.copies().rawKey() == null) {
            return false;
        }
        try {
            String finalUrl = archive.rawMetadata(current.copies().rawKey()).finalUrl();
            return finalUrl != null && UrlCanonicalizer.canonicalize(finalUrl).equals(target);
        } catch (RuntimeException unreadable) {
            return false;   // no raw copy to ask: treat the redirect as news
        }
    }

    /**
     * The URL now leads to {@code target}. The same article when the target's text has the same body hash or a SimHash
     * within {@link SimHash#MAX_LOOKUP_DISTANCE} bits of the current version's; then the target's history gets a
     * MOVED_FROM entry, so either address shows both.
     *
     * @param targetText the target's fingerprint, or null when it carries no article
     */
    ArticleOutcome redirected(ArticleTask task, State state, String target, int httpStatus, Fingerprint targetText,
            Instant now) {
        StoredVersion current = state.current().orElseThrow();
        Optional<HistoryEvent> before = state.since(Kind.REDIRECTED);
        if (before.isPresent() && target.equals(before.get().target())) {
            events.visited(task.url(), current.hash(), now);
            return ArticleOutcome.of(task, Outcome.UNCHANGED, current.hash(), "still redirects to " + target);
        }
        String simhash = current.sketch().simhash();
        boolean same = targetText != null && (targetText.sha256().equals(current.body()) || simhash != null
                && SimHash.hammingDistance(targetText.simhash(), SimHash.parseHex(simhash))
                <= SimHash.MAX_LOOKUP_DISTANCE);
        String note = same ? "the same article at a new address" : "another page";
        events.put(new HistoryEvent(task.url(), task.outlet(), now, Kind.REDIRECTED, httpStatus, target, same,
                current.hash(), note));
        if (same) {
            events.put(new HistoryEvent(target, task.outlet(), now, Kind.MOVED_FROM, httpStatus, task.url(), true,
                    current.hash(), "moved here from " + task.url()));
        }
        publish(ChangeKind.REDIRECTED, task, now, current, null, target, same);
        return ArticleOutcome.of(task, Outcome.REDIRECTED, current.hash(), "redirects to " + target + ": " + note);
    }

    /** The article answers again: a RESTORED entry when it had been deleted; true if so. */
    boolean restoreIfDeleted(ArticleTask task, State state, Instant now) {
        Optional<HistoryEvent> deleted = state.deleted();
        if (deleted.isEmpty()) {
            return false;
        }
        StoredVersion current = state.current().orElseThrow();
        events.put(new HistoryEvent(task.url(), task.outlet(), now, Kind.RESTORED, 200, null, false, current.hash(),
                "back after its deletion at " + deleted.get().at()));
        publish(ChangeKind.RESTORED, task, now, current, deleted.get().key(), null, false);
        return true;
    }

    private void publish(ChangeKind kind, ArticleTask task, Instant now, StoredVersion current, String restoredFrom,
            String target, boolean same) {
        String before = restoredFrom != null ? restoredFrom : current.hash();
        String after = kind == ChangeKind.RESTORED ? current.hash() : null;
        sink.publish(new ChangeEvent(ChangeEvent.idOf(kind, task.url(), before, after, target), kind, task.outlet(),
                task.url(), now, current.hash(), after, current.reader().title(),
                kind == ChangeKind.RESTORED ? current.reader().title() : null, current.copies().cleanKey(),
                kind == ChangeKind.RESTORED ? current.copies().cleanKey() : null, null, target, same));
    }
}
