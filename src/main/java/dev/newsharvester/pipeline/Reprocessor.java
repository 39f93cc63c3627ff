package dev.newsharvester.pipeline;

import dev.newsharvester.extract.Article;
import dev.newsharvester.extract.ArticleExtractor;
import dev.newsharvester.extract.Extraction;
import dev.newsharvester.fingerprint.Fingerprint;
import dev.newsharvester.fingerprint.Fingerprinter;
import dev.newsharvester.outlet.Outlet;
import dev.newsharvester.outlet.Outlets;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.RawMetadata;
import dev.newsharvester.store.LastVisit;
import dev.newsharvester.store.StoredVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Re-extracts stored raw copies with the current extractor, without fetching anything, and stores
 * a new version of each URL whose clean text comes out different.
 *
 * <p>The work list comes from the index, never from listing the bucket: per outlet, the
 * {@code outlet-index} rows with {@code ts} (published, else first seen) from {@code since} on,
 * oldest first; for each URL its current version, whose {@code rawKey} names the page as it was
 * served. A version already extracted by the current extractor ({@link ArticleExtractor#VERSION})
 * is passed over unless {@link ReprocessRequest#all()} asks for it. A new version is written like
 * a fetched one (clean copy, then the conditional index item), keeps the raw copy it came from,
 * and becomes the URL's current version; run twice, the second run writes nothing.
 */
public final class Reprocessor {

    private static final Pattern CHARSET_PARAM = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)");

    private final Outlets outlets;
    private final ArticleExtractor extractor;
    private final Archive archive;
    private final ArticleIndex index;
    private final Clock clock;
    private final VersionWriter writer;

    public Reprocessor(Outlets outlets, ArticleExtractor extractor, Archive archive, ArticleIndex index, Clock clock) {
        this.outlets = Objects.requireNonNull(outlets, "outlets");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.archive = Objects.requireNonNull(archive, "archive");
        this.index = Objects.requireNonNull(index, "index");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writer = new VersionWriter(archive, index);
    }

    /**
     * Reprocesses what the request selects, until done or until {@code stop} says to stop (checked
     * between articles; a Lambda stops before its deadline).
     *
     * @throws dev.newsharvester.outlet.OutletConfigException for an unknown outlet id
     */
    public ReprocessReport run(ReprocessRequest request, BooleanSupplier stop) {
        List<Outlet> selected = outlets.select(request.outlets());
        ReprocessReport.Counter counter = new ReprocessReport.Counter();
        for (int o = 0; o < selected.size(); o++) {
            Outlet outlet = selected.get(o);
            Instant since = request.since();
            if (request.resumeFrom() != null && o == 0) {
                since = request.resumeFrom();
            }
            // newest first from the index; one row per version: keep each URL once, at its latest ts
            Map<String, Instant> urls = new LinkedHashMap<>();
            for (StoredVersion v : index.byOutlet(outlet.id(), since, null).reversed()) {
                urls.put(v.url(), ArticleIndex.timeOf(v));
            }
            for (Map.Entry<String, Instant> url : urls.entrySet()) {
                if (stop.getAsBoolean()) {
                    List<String> remaining = selected.subList(o, selected.size()).stream().map(Outlet::id).toList();
                    return counter.report(new ReprocessRequest(remaining, request.since(), request.all(), url.getValue()));
                }
                try {
                    counter.count(reprocess(outlet, url.getKey(), request.all()));
                } catch (RuntimeException e) {
                    counter.failed(url.getKey() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        }
        return counter.report(null);
    }

    /** What happened to one URL. */
    enum Result { REVISED, DUPLICATE, UNCHANGED, UP_TO_DATE, NO_RAW_COPY, NOT_AN_ARTICLE }

    private Result reprocess(Outlet outlet, String url, boolean all) {
        Optional<StoredVersion> latest = index.latest(url);
        if (latest.isEmpty()) {
            return Result.NO_RAW_COPY; // listed by the GSI a moment ago, gone from the table: nothing to do
        }
        StoredVersion current = latest.get();
        if (!all && ArticleExtractor.VERSION.equals(current.sketch().extractorVersion())) {
            return Result.UP_TO_DATE;
        }
        if (current.copies().rawKey() == null) {
            return Result.NO_RAW_COPY;
        }
        RawMetadata meta = archive.rawMetadata(current.copies().rawKey());
        String finalUrl = meta.finalUrl() != null ? meta.finalUrl() : url;
        Extraction extraction = extractor.extract(decode(archive.getRaw(current.copies().rawKey()), meta), finalUrl,
                outlet.selectors(), outlet.timezone());
        if (!extraction.isArticle()) {
            return Result.NOT_AN_ARTICLE;
        }
        Article article = extraction.article();
        Fingerprint fp = Fingerprinter.of(article.text());
        if (fp.sha256().equals(current.body())) {
            // the same body (a headline or byline version's key is the body's hash and more: compare the body)
            return Result.UNCHANGED;
        }
        Instant now = clock.instant();
        if (index.get(url, fp.sha256()).isPresent()) {
            // the new extractor gives the text of an older version of this URL: that one is current again
            index.markSeen(url, fp.sha256(), now, null, null);
            return Result.REVISED;
        }
        LastVisit visit = current.lastVisit();
        StoredVersion version = VersionWriter.version(outlet.id(), url, article, fp, current.copies().rawKey(), now)
                .withLastVisit(new LastVisit(now, visit.fetched(), visit.etag(), visit.lastModified()));
        VersionWriter.Written written = writer.write(version, article, fp,
                meta.fetchedAt() != null ? meta.fetchedAt() : visit.fetched() != null ? visit.fetched() : now);
        return written.duplicateOf() != null ? Result.DUPLICATE : Result.REVISED;
    }

    /** The raw body as text, decoded as it was when fetched (recorded charset, else the header's, else BOM/meta/UTF-8). */
    static String decode(byte[] body, RawMetadata meta) {
        Charset charset = charset(meta.charset());
        if (charset == null && meta.contentType() != null) {
            Matcher m = CHARSET_PARAM.matcher(meta.contentType());
            charset = m.find() ? charset(m.group(1)) : null;
        }
        if (charset == null) {
            try {
                charset = Jsoup.parse(new ByteArrayInputStream(body), null, "").charset();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // in-memory stream
            }
        }
        String s = new String(body, charset == null ? StandardCharsets.UTF_8 : charset);
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalArgumentException unsupported) {
            return null;
        }
    }
}
