package dev.newsharvester.pipeline;

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
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The flow for one article, written once: fetch (conditional) → extract → fingerprint → S3 raw →
 * S3 clean → DynamoDB version item. The index item is written last, so it never points at a
 * missing object; every write is conditional, so a task delivered twice stores one version.
 */
final class ArticleProcessor {

    private final Outlets outlets;
    private final HttpFetcher fetcher;
    private final ArticleExtractor extractor;
    private final Archive archive;
    private final ArticleIndex index;
    private final Clock clock;
    private final VersionWriter writer;

    ArticleProcessor(Outlets outlets, HttpFetcher fetcher, ArticleExtractor extractor, Archive archive,
            ArticleIndex index, Clock clock) {
        this.outlets = outlets;
        this.fetcher = fetcher;
        this.extractor = extractor;
        this.archive = archive;
        this.index = index;
        this.clock = clock;
        this.writer = new VersionWriter(archive, index);
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
        List<StoredVersion> versions = index.versions(url);
        Optional<StoredVersion> current = versions.stream().max((a, b) -> a.lastSeen().compareTo(b.lastSeen()));
        if (fetchedSince != null && current.isPresent()) {
            StoredVersion c = current.get();
            Instant last = c.lastFetched() != null ? c.lastFetched() : c.lastSeen();
            if (!last.isBefore(fetchedSince)) {
                return ArticleOutcome.skipped(task, "already fetched at " + last + ", after it was queued");
            }
        }
        Validators validators = current.map(v -> new Validators(v.etag(), v.lastModified())).orElse(Validators.NONE);

        long fetchStart = System.nanoTime();
        FetchResult fetched = via.fetch(URI.create(url), validators, outlet.crawlDelay());
        watch.fetched(fetched, fetchStart);
        onFetched.accept(fetched);
        Instant now = clock.instant();
        switch (fetched.status()) {
            case OK -> { }
            case DEFERRED -> {
                return ArticleOutcome.of(task, Outcome.DEFERRED, null, fetched.reason());
            }
            case NOT_MODIFIED -> {
                if (current.isEmpty()) {
                    return ArticleOutcome.failedRetryable(task, "304 Not Modified without a stored version");
                }
                index.markSeen(url, current.get().hash(), now, null, null);
                return ArticleOutcome.of(task, Outcome.UNCHANGED, current.get().hash(), "304 not modified");
            }
            case ROBOTS_DISALLOWED -> {
                return ArticleOutcome.skipped(task, "robots.txt disallows it");
            }
            case TIMEOUT, IO_ERROR -> {
                return ArticleOutcome.failedRetryable(task, fetched.status() + ": " + fetched.reason());
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
        if (!extraction.isArticle()) {
            return ArticleOutcome.skipped(task, "not an article: " + extraction.notArticleReason());
        }
        Article article = extraction.article();
        Fingerprint fp = Fingerprinter.of(article.text());
        String hash = fp.sha256();

        Optional<StoredVersion> known = versions.stream().filter(v -> v.hash().equals(hash)).findFirst();
        if (known.isPresent()) {
            index.markSeen(url, hash, now, fetched.etag(), fetched.lastModified());
            boolean reverted = current.isPresent() && !current.get().hash().equals(hash);
            return ArticleOutcome.of(task, reverted ? Outcome.REVISED : Outcome.UNCHANGED, hash,
                    reverted ? "back to the text first seen " + known.get().firstSeen() : "same text");
        }

        if (index.get(url, hash).isPresent()) {
            // A concurrent delivery of this task indexed it since we looked: nothing to store.
            index.markSeen(url, hash, now, fetched.etag(), fetched.lastModified());
            return ArticleOutcome.of(task, Outcome.UNCHANGED, hash, "already indexed by a concurrent delivery");
        }
        String rawKey = Archive.rawKey(task.outlet(), url, hash, VersionWriter.day(article, now));
        archive.putRaw(rawKey, fetched.body(), new RawMetadata(fetched.finalUrl().toString(), fetched.httpStatus(),
                fetched.contentType(), fetched.etag(), fetched.lastModified(), fetched.fetchedAt(),
                fetched.charset() == null ? null : fetched.charset().name()));
        VersionWriter.Written written = writer.write(VersionWriter.version(task.outlet(), url, article, fp, rawKey, now)
                .etag(fetched.etag()).lastModified(fetched.lastModified()).build(), article, fp, fetched.fetchedAt());
        if (!written.indexed()) {
            // Another delivery of the same task got there first: one version, nothing lost.
            return ArticleOutcome.of(task, Outcome.UNCHANGED, hash, "already indexed by a concurrent delivery");
        }
        if (written.duplicateOf() != null) {
            return ArticleOutcome.duplicate(task, hash, written.duplicateOf());
        }
        return current.isPresent()
                ? ArticleOutcome.of(task, Outcome.REVISED, hash, "text changed since " + current.get().firstSeen())
                : ArticleOutcome.of(task, Outcome.NEW, hash, null);
    }
}
