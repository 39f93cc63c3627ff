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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

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

    ArticleProcessor(Outlets outlets, HttpFetcher fetcher, ArticleExtractor extractor, Archive archive,
            ArticleIndex index, Clock clock) {
        this.outlets = outlets;
        this.fetcher = fetcher;
        this.extractor = extractor;
        this.archive = archive;
        this.index = index;
        this.clock = clock;
    }

    ArticleOutcome process(ArticleTask task) {
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
            return process(canonical, outlet);
        } catch (RuntimeException e) {
            // Store or service errors: nothing half-written is indexed, so a retry is safe.
            return ArticleOutcome.failedRetryable(canonical, "error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private ArticleOutcome process(ArticleTask task, Outlet outlet) {
        String url = task.url();
        List<StoredVersion> versions = index.versions(url);
        Optional<StoredVersion> current = versions.stream().max((a, b) -> a.lastSeen().compareTo(b.lastSeen()));
        Validators validators = current.map(v -> new Validators(v.etag(), v.lastModified())).orElse(Validators.NONE);

        FetchResult fetched = fetcher.fetch(URI.create(url), validators, outlet.crawlDelay());
        Instant now = clock.instant();
        switch (fetched.status()) {
            case OK -> { }
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

        Extraction extraction = extractor.extract(fetched.text(), fetched.finalUrl().toString(), outlet.selectors(),
                outlet.timezone());
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

        LocalDate day = article.published() != null
                ? article.published().atZoneSameInstant(ZoneOffset.UTC).toLocalDate()
                : LocalDate.ofInstant(now, ZoneOffset.UTC);
        String rawKey = Archive.rawKey(task.outlet(), url, hash, day);
        archive.putRaw(rawKey, fetched.body(), new RawMetadata(fetched.finalUrl().toString(), fetched.httpStatus(),
                fetched.contentType(), fetched.etag(), fetched.lastModified(), fetched.fetchedAt()));

        Optional<StoredVersion> original = index.byHash(hash).stream().filter(v -> !v.url().equals(url))
                .min((a, b) -> a.firstSeen().compareTo(b.firstSeen()));
        String cleanKey;
        if (original.isPresent()) {
            cleanKey = original.get().cleanKey();   // same text: point at the copy already stored
        } else {
            cleanKey = Archive.cleanKey(task.outlet(), url, hash, day);
            archive.putClean(cleanKey, CleanCopy.toJson(task.outlet(), article, fp, rawKey, fetched.fetchedAt(),
                    ArticleExtractor.VERSION));
        }
        StoredVersion version = new StoredVersion(url, hash, task.outlet(), now, now, now, article.title(),
                article.authors(), iso(article.published()), iso(article.modified()), article.language(), rawKey,
                cleanKey, fetched.etag(), fetched.lastModified(), fp.simhashHex(), fp.minhash(),
                ArticleExtractor.VERSION, original.map(StoredVersion::url).orElse(null), article.wordCount());
        if (!index.putVersion(version)) {
            // Another delivery of the same task got there first: one version, nothing lost.
            return ArticleOutcome.of(task, Outcome.UNCHANGED, hash, "already indexed by a concurrent delivery");
        }
        if (original.isPresent()) {
            return ArticleOutcome.duplicate(task, hash, original.get().url());
        }
        return current.isPresent()
                ? ArticleOutcome.of(task, Outcome.REVISED, hash, "text changed since " + current.get().firstSeen())
                : ArticleOutcome.of(task, Outcome.NEW, hash, null);
    }

    private static String iso(java.time.OffsetDateTime t) {
        return t == null ? null : t.toString();
    }
}
