package dev.newsharvester.pipeline;

import dev.newsharvester.change.ChangeSink;
import dev.newsharvester.discover.UrlCanonicalizer;
import dev.newsharvester.extract.Article;
import dev.newsharvester.extract.ArticleExtractor;
import dev.newsharvester.extract.Extraction;
import dev.newsharvester.fetch.FetchResult;
import dev.newsharvester.fetch.HttpFetcher;
import dev.newsharvester.fetch.Validators;
import dev.newsharvester.fingerprint.Fingerprint;
import dev.newsharvester.fingerprint.Fingerprinter;
import dev.newsharvester.outlet.Outlet;
import dev.newsharvester.outlet.OutletConfigException;
import dev.newsharvester.outlet.Outlets;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.RawMetadata;
import dev.newsharvester.store.StoredVersion;
import dev.newsharvester.store.UrlHistory;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The flow for one article, written once: fetch (conditional) → extract → fingerprint → S3 raw →
 * S3 clean → DynamoDB version item. The index item is written last, so it never points at a
 * missing object; every write is conditional, so a task delivered twice stores one version.
 * A version is what readers see: body, headline and byline ({@link ReaderView}). A stored URL that is gone, redirects
 * or comes back gets a lifecycle entry ({@link Lifecycle}). Each change goes to the change sink once indexed.
 */
final class ArticleProcessor {

    private final Outlets outlets;
    private final HttpFetcher fetcher;
    private final ArticleExtractor extractor;
    private final Archive archive;
    private final ArticleIndex index;
    private final Clock clock;
    private final VersionWriter writer;
    private final Lifecycle lifecycle;
    private final Revisions revisions;

    ArticleProcessor(Outlets outlets, HttpFetcher fetcher, ArticleExtractor extractor, Archive archive,
            ArticleIndex index, Clock clock) {
        this(outlets, fetcher, extractor, archive, index, clock, ChangeSink.NONE, Lifecycle.DEFAULT_CONFIRM_AFTER);
    }

    /**
     * @param sink         told each NEW, REVISED, DELETED, REDIRECTED and RESTORED change once it is indexed
     * @param confirmAfter how long after the first sign that an article is gone a check may confirm its deletion
     */
    ArticleProcessor(Outlets outlets, HttpFetcher fetcher, ArticleExtractor extractor, Archive archive,
            ArticleIndex index, Clock clock, ChangeSink sink, Duration confirmAfter) {
        this.outlets = outlets;
        this.fetcher = fetcher;
        this.extractor = extractor;
        this.archive = archive;
        this.index = index;
        this.clock = clock;
        this.writer = new VersionWriter(archive, index);
        this.lifecycle = new Lifecycle(index.events(), archive, sink, confirmAfter);
        this.revisions = new Revisions(archive, sink);
    }

    ArticleOutcome process(ArticleTask task) {
        return process(task, fetcher, null, fetched -> { });
    }

    /**
     * The same flow with another fetcher (a fleet worker's view paced by the host leases).
     *
     * @param fetchedSince when not null, a URL fetched at or after this instant is not fetched again (SKIPPED): the
     *                     work was done by an earlier delivery of the same task
     * @param onFetched    told the fetch result as soon as the fetch returns, before extraction and storage (a fleet
     *                     worker passes the host's turn on from there); not called when nothing was fetched
     */
    ArticleOutcome process(ArticleTask task, HttpFetcher via, Instant fetchedSince, Consumer<FetchResult> onFetched) {
        ArticleTiming.Stopwatch watch = new ArticleTiming.Stopwatch();
        return timed(task, via, fetchedSince, onFetched, watch).withTiming(watch.stop());
    }

    private ArticleOutcome timed(ArticleTask task, HttpFetcher via, Instant fetchedSince, Consumer<FetchResult> onFetched,
            ArticleTiming.Stopwatch watch) {
        Outlet outlet;
        String url;
        try {
            outlet = outlets.get(task.outlet());
            url = UrlCanonicalizer.canonicalize(task.url());
        } catch (OutletConfigException | IllegalArgumentException e) {
            return ArticleOutcome.failed(task, e.getMessage());
        }
        if (!outlet.isArticleUrl(url)) {
            return ArticleOutcome.skipped(task, "out of scope: URL does not match the outlet's articlePattern");
        }
        ArticleTask canonical = new ArticleTask(task.outlet(), url);
        try {
            return process(canonical, outlet, via, fetchedSince, onFetched, watch);
        } catch (RuntimeException e) {
            // Store or service errors: nothing half-written is indexed, so a retry is safe.
            return ArticleOutcome.failedRetryable(canonical, "error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private ArticleOutcome process(ArticleTask task, Outlet outlet, HttpFetcher via, Instant fetchedSince,
            Consumer<FetchResult> onFetched, ArticleTiming.Stopwatch watch) {
        String url = task.url();
        UrlHistory history = index.history(url);
        List<StoredVersion> versions = history.versions();
        Optional<StoredVersion> current = history.current();
        if (fetchedSince != null && current.isPresent()) {
            StoredVersion c = current.get();
            Instant last = c.lastVisit().fetchedOrSeen();
            if (!last.isBefore(fetchedSince)) {
                return ArticleOutcome.skipped(task, "already fetched at " + last + ", after it was queued");
            }
        }
        Validators validators = current.map(StoredVersion::lastVisit)
                .map(v -> new Validators(v.etag(), v.lastModified())).orElse(Validators.NONE);

        long fetchStart = System.nanoTime();
        FetchResult fetched = via.fetch(URI.create(url), validators, outlet.crawlDelay());
        watch.fetched(fetched, fetchStart);
        onFetched.accept(fetched);
        Instant now = clock.instant();
        Lifecycle.State state = new Lifecycle.State(history.events(), current);
        switch (fetched.status()) {
            case OK -> { }
            case DEFERRED -> {
                return ArticleOutcome.of(task, Outcome.DEFERRED, null, fetched.reason());
            }
            case NOT_MODIFIED -> {
                if (current.isEmpty()) {
                    return ArticleOutcome.failedRetryable(task, "304 Not Modified without a stored version");
                }
                boolean restored = lifecycle.restoreIfDeleted(task, state, now);
                index.markSeen(url, current.get().hash(), now, null, null);
                return ArticleOutcome.of(task, restored ? Outcome.RESTORED : Outcome.UNCHANGED, current.get().hash(),
                        "304 not modified");
            }
            case ROBOTS_DISALLOWED -> {
                return ArticleOutcome.skipped(task, "robots.txt disallows it");
            }
            case TIMEOUT, IO_ERROR -> {
                return ArticleOutcome.failedRetryable(task, fetched.status() + ": " + fetched.reason());
            }
            case NOT_FOUND -> {
                if (current.isPresent()) {
                    return lifecycle.gone(task, state, fetched.httpStatus(), "HTTP " + fetched.httpStatus(), now);
                }
                return ArticleOutcome.failed(task, fetched.status() + ": " + fetched.reason());
            }
            case HTTP_ERROR -> {
                boolean retry = fetched.httpStatus() >= 500 || fetched.httpStatus() == 429;
                String reason = "HTTP " + fetched.httpStatus() + ": " + fetched.reason();
                return retry ? ArticleOutcome.failedRetryable(task, reason) : ArticleOutcome.failed(task, reason);
            }
            default -> {
                return ArticleOutcome.failed(task, fetched.status() + ": " + fetched.reason());
            }
        }

        long extractStart = System.nanoTime();
        Extraction extraction = extractor.extract(fetched.text(), fetched.finalUrl().toString(), outlet.selectors(),
                outlet.timezone());
        watch.extracted(extractStart);
        Optional<String> movedTo = current.isPresent() ? Lifecycle.redirectTarget(url, fetched) : Optional.empty();
        if (movedTo.isPresent() && !lifecycle.alwaysLedThere(current.get(), movedTo.get())) {
            Fingerprint target = extraction.isArticle() ? Fingerprinter.of(extraction.article().text()) : null;
            return lifecycle.redirected(task, state, movedTo.get(), fetched.httpStatus(), target, now);
        }
        Optional<String> gone = Lifecycle.softGone(extraction);
        if (gone.isPresent() && current.isPresent()
                && (extraction.isArticle() || !Lifecycle.stillCarries(fetched.text(), current.get().reader().title()))) {
            return lifecycle.gone(task, state, fetched.httpStatus(), gone.get(), now);
        }
        if (!extraction.isArticle()) {
            return ArticleOutcome.skipped(task, "not an article: " + extraction.notArticleReason());
        }
        boolean restored = current.isPresent() && lifecycle.restoreIfDeleted(task, state, now);
        ArticleOutcome stored = store(task, versions, current, fetched, extraction.article(), now);
        return restored ? new ArticleOutcome(stored.outlet(), stored.url(), Outcome.RESTORED, stored.hash(),
                "back after its deletion; " + stored.outcome() + (stored.reason() == null ? "" : ": " + stored.reason()),
                stored.duplicateOf(), false) : stored;
    }

    /**
     * The article as readers see it now against the stored versions: the same body, headline and byline as a stored
     * version mark that version seen; anything else is a new version, keyed so that the first version of a body keeps
     * the body hash as its key (see {@link ReaderView#versionKey}).
     */
    private ArticleOutcome store(ArticleTask task, List<StoredVersion> versions, Optional<StoredVersion> current,
            FetchResult fetched, Article article, Instant now) {
        String url = task.url();
        Fingerprint fp = Fingerprinter.of(article.text());
        String body = fp.sha256();
        ReaderView view = ReaderView.of(article.title(), article.authors());
        Optional<StoredVersion> known = versions.stream()
                .filter(v -> v.body().equals(body) && ReaderView.of(v.reader().title(), v.reader().authors()).equals(view))
                .findFirst();
        if (known.isPresent()) {
            String hash = known.get().hash();
            index.markSeen(url, hash, now, fetched.etag(), fetched.lastModified());
            boolean reverted = current.isPresent() && !current.get().hash().equals(hash);
            if (reverted) {
                revisions.publish(task, now, current, known.get(), article, body);
            }
            return ArticleOutcome.of(task, reverted ? Outcome.REVISED : Outcome.UNCHANGED, hash,
                    reverted ? "back to the version first seen " + known.get().firstSeen() : "same text, headline and byline");
        }
        boolean firstOfBody = versions.stream().noneMatch(v -> v.hash().equals(body));
        String hash = view.versionKey(body, firstOfBody);
        if (index.get(url, hash).isPresent()) {
            // A concurrent delivery of this task indexed it since we looked: nothing to store.
            index.markSeen(url, hash, now, fetched.etag(), fetched.lastModified());
            return ArticleOutcome.of(task, Outcome.UNCHANGED, hash, "already indexed by a concurrent delivery");
        }
        String rawKey = Archive.rawKey(task.outlet(), url, VersionWriter.archiveHash(hash), VersionWriter.day(article, now));
        archive.putRaw(rawKey, fetched.body(), new RawMetadata(fetched.finalUrl().toString(), fetched.httpStatus(),
                fetched.contentType(), fetched.etag(), fetched.lastModified(), fetched.fetchedAt(),
                fetched.charset() == null ? null : fetched.charset().name()));
        StoredVersion version = VersionWriter.version(task.outlet(), url, article, fp, rawKey, now);
        VersionWriter.Written written = writer.write(version.withId(version.id().withHash(hash))
                .withLastVisit(version.lastVisit().withValidators(fetched.etag(), fetched.lastModified())), article, fp,
                fetched.fetchedAt());
        if (!written.indexed()) {
            // Another delivery of the same task got there first: one version, nothing lost.
            return ArticleOutcome.of(task, Outcome.UNCHANGED, hash, "already indexed by a concurrent delivery");
        }
        revisions.publish(task, now, current, written.version(), article, body);
        if (written.duplicateOf() != null) {
            return ArticleOutcome.duplicate(task, hash, written.duplicateOf());
        }
        if (current.isEmpty()) {
            return ArticleOutcome.of(task, Outcome.NEW, hash, null);
        }
        return ArticleOutcome.of(task, Outcome.REVISED, hash, (firstOfBody ? "text" : "headline or byline")
                + " changed since " + current.get().firstSeen());
    }
}
