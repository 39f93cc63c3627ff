package dev.newsharvester.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.extract.ArticleExtractor;
import dev.newsharvester.fingerprint.Fingerprint;
import dev.newsharvester.fingerprint.Fingerprinter;
import dev.newsharvester.local.LocalStack;
import dev.newsharvester.outlet.Outlets;
import dev.newsharvester.query.ArticleQueries;
import dev.newsharvester.query.VersionChange;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.RawMetadata;
import dev.newsharvester.store.Copies;
import dev.newsharvester.store.LastVisit;
import dev.newsharvester.store.StoredVersion;
import dev.newsharvester.store.TextSketch;
import dev.newsharvester.store.VersionId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reprocessing stored raw copies against DynamoDB Local and s3proxy: what is re-extracted, what is written, what is not. */
class ReprocessorTest {

    private static final Instant FETCHED = Instant.parse("2025-08-20T10:00:00Z");
    private static final Instant NOW = Instant.parse("2025-09-01T12:00:00Z");
    private static final String OUTLETS = """
            outlets:
              - id: cna
                name: CNA
                language: en
                timezone: Europe/Kyiv
                feeds: [https://cna.example/rss]
                articlePattern: '^https://cna\\.example/news/.+'
              - id: herald
                name: Ukrainian Herald
                language: en
                timezone: Europe/Kyiv
                feeds: [https://herald.example/rss]
                articlePattern: '^https://herald\\.example/.+'
            """;

    private LocalStack stack;
    private ArticleIndex index;
    private Archive archive;
    private Reprocessor reprocessor;
    private final ArticleExtractor extractor = new ArticleExtractor();

    @BeforeEach
    void start() {
        stack = LocalStack.inMemory();
        index = new ArticleIndex(stack.dynamoDb(), stack.table());
        archive = new Archive(stack.s3(), stack.bucket());
        reprocessor = new Reprocessor(Outlets.parse(OUTLETS, "test"), extractor, archive, index, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        stack.close();
    }

    @Test
    void storesANewVersionOnlyWhereTheTextChangedAndFetchesNothing() throws IOException {
        String changedUrl = "https://cna.example/news/night-train";
        StoredVersion old = stored("cna", changedUrl, page("cna-night-train.html"), "An older extractor kept the menu.\n\nAnd the text.", "0");
        String sameUrl = "https://herald.example/night-train";
        String heraldPage = page("herald-night-train-en.html");
        StoredVersion same = stored("herald", sameUrl, heraldPage, text(heraldPage, sameUrl), "0");
        StoredVersion current = stored("herald", "https://herald.example/lviv", page("herald-lviv-heating-uk.html"),
                "Already extracted by this extractor.", ArticleExtractor.VERSION);
        StoredVersion noRaw = store(StoredVersion.seenAt(VersionId.of("https://cna.example/news/lost", sha("lost"), "cna"),
                FETCHED, null, null, new TextSketch(null, null, 0, "0")));
        stored("cna", "https://cna.example/news/economy", page("cna-economy-listing.html"), "Once taken for an article.", "0");
        long putsBefore = stack.s3Puts();

        ReprocessReport report = reprocessor.run(ReprocessRequest.of(List.of(), null), () -> false);

        assertEquals(5, report.examined(), report::toString);
        assertEquals(1, report.revised(), report::toString);
        assertEquals(1, report.unchanged(), report::toString);
        assertEquals(1, report.upToDate(), report::toString);
        assertEquals(2, report.skipped(), "no raw copy; no longer an article: " + report);
        assertEquals(0, report.failed(), report::toString);
        assertTrue(report.done());
        assertEquals(1, stack.s3Puts() - putsBefore, "one clean copy, no raw copy: the raw page is reused");

        List<StoredVersion> versions = index.versions(changedUrl);
        assertEquals(2, versions.size());
        StoredVersion fresh = versions.get(0);
        assertEquals(Fingerprinter.of(text(page("cna-night-train.html"), changedUrl)).sha256(), fresh.hash());
        assertEquals(ArticleExtractor.VERSION, fresh.sketch().extractorVersion());
        assertEquals(old.copies().rawKey(), fresh.copies().rawKey(), "the new version points at the raw copy it came from");
        assertEquals(NOW, fresh.firstSeen());
        assertEquals(old.lastVisit().fetched(), fresh.lastVisit().fetched(), "nothing was fetched");
        assertEquals(old.lastVisit().etag(), fresh.lastVisit().etag());
        assertNotNull(fresh.sketch().minhash());
        assertEquals(fresh.hash(), index.latest(changedUrl).orElseThrow().hash(), "the new version is current");
        VersionChange.Change change = new ArticleQueries(index, archive).history(changedUrl).get(0).change();
        assertTrue(change.reExtracted(), change.toString());

        assertEquals(List.of(same), index.versions(sameUrl), "same text: nothing written");
        assertEquals(List.of(current), index.versions(current.url()));
        assertEquals(List.of(noRaw), index.versions(noRaw.url()));

        long putsAfterFirst = stack.s3Puts();
        ReprocessReport again = reprocessor.run(ReprocessRequest.of(List.of("cna", "herald"), null), () -> false);
        assertEquals(0, again.revised() + again.duplicates(), "run twice, the second writes nothing: " + again);
        assertEquals(2, again.upToDate(), again::toString);
        assertEquals(putsAfterFirst, stack.s3Puts());
    }

    @Test
    void selectsByOutletAndTimeAndResumesWhereItStopped() throws IOException {
        String heraldPage = page("herald-night-train-en.html");
        for (int i = 0; i < 4; i++) {
            // the stored text is what the extractor gives today: re-extracted, nothing is written, so the work list stays put
            String url = "https://herald.example/night-train-" + i;
            StoredVersion v = version("herald", url, heraldPage, text(heraldPage, url), "0");
            store(v.withReader(v.reader().withPublished("2025-08-1" + i + "T10:00:00+03:00")));
        }
        stored("cna", "https://cna.example/news/night-train", page("cna-night-train.html"), "Stale.", "0");

        ReprocessReport recent = reprocessor.run(ReprocessRequest.of(List.of("herald"), Instant.parse("2025-08-12T00:00:00Z")), () -> false);
        assertEquals(2, recent.examined(), "published on the 12th and 13th: " + recent);

        AtomicInteger calls = new AtomicInteger();
        ReprocessReport first = reprocessor.run(new ReprocessRequest(List.of("herald", "cna"), null, true, null),
                () -> calls.incrementAndGet() > 1);
        assertFalse(first.done());
        assertEquals(1, first.examined());
        ReprocessRequest next = first.next();
        assertEquals(List.of("herald", "cna"), next.outlets());
        assertTrue(next.all());
        assertEquals(Instant.parse("2025-08-11T07:00:00Z"), next.resumeFrom(), "the second oldest, where it stopped");

        ReprocessReport rest = reprocessor.run(next, () -> false);
        assertTrue(rest.done());
        assertNull(rest.next());
        assertEquals(3 + 1, rest.examined(), "three herald articles from there, then cna: " + rest);
    }

    @Test
    void aHeadlineOnlyVersionWithTheSameBodyIsUnchanged() throws IOException {
        String url = "https://herald.example/night-train";
        String html = page("herald-night-train-en.html");
        String body = text(html, url);
        StoredVersion first = stored("herald", url, html, body, "0");
        // the demo's round 3: a new headline over the same body, keyed "<body hash>:<view>", current
        StoredVersion v = version("herald", url, html, body, "0");
        Instant later = FETCHED.plusSeconds(60);
        StoredVersion headline = store(new StoredVersion(new VersionId(url, sha(body) + StoredVersion.VIEW_SEPARATOR
                + "0123456789abcdef", sha(body), "herald"), later, v.lastVisit().again(later, null, null), v.reader(),
                v.copies(), v.sketch(), null));
        assertEquals(headline.hash(), index.latest(url).orElseThrow().hash());

        ReprocessReport report = reprocessor.run(new ReprocessRequest(List.of("herald"), null, true, null), () -> false);

        assertEquals(List.of(1, 1, 0), List.of(report.examined(), report.unchanged(), report.revised()), report::toString);
        assertEquals(headline.hash(), index.latest(url).orElseThrow().hash(), "the headline version stays current, "
                + "not the first version " + first.hash());
    }

    @Test
    void rawCopiesAreDecodedAsTheyWereWhenFetched() {
        String text = "Київ готується до опалювального сезону";
        byte[] cp1251 = text.getBytes(Charset.forName("windows-1251"));
        assertEquals(text, Reprocessor.decode(cp1251, meta(null, "windows-1251")), "the charset the fetcher used");
        assertEquals(text, Reprocessor.decode(cp1251, meta("text/html; charset=\"windows-1251\"", null)), "the header's");
        byte[] page = ("<html><head><meta charset=\"windows-1251\"></head><body>" + text + "</body></html>")
                .getBytes(Charset.forName("windows-1251"));
        assertTrue(Reprocessor.decode(page, meta("text/html", null)).contains(text), "the page's own meta tag");
        byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        assertEquals(text, Reprocessor.decode(bom, meta(null, "no-such-charset")), "BOM and UTF-8 otherwise");
    }

    // ------------------------------------------------------------------ fixtures

    private static RawMetadata meta(String contentType, String charset) {
        return new RawMetadata("https://cna.example/news/x", 200, contentType, null, null, FETCHED, charset);
    }

    /** A version stored as a fetch would have stored it: raw copy, clean copy of {@code storedText}, index item. */
    private StoredVersion stored(String outlet, String url, String html, String storedText, String extractorVersion) {
        return store(version(outlet, url, html, storedText, extractorVersion));
    }

    private StoredVersion version(String outlet, String url, String html, String storedText, String extractorVersion) {
        Fingerprint fp = Fingerprinter.of(storedText);
        LocalDate day = LocalDate.of(2025, 8, 20);
        String rawKey = Archive.rawKey(outlet, url, fp.sha256(), day);
        archive.putRaw(rawKey, html.getBytes(StandardCharsets.UTF_8),
                new RawMetadata(url, 200, "text/html; charset=utf-8", "\"v1\"", null, FETCHED, "UTF-8"));
        String cleanKey = Archive.cleanKey(outlet, url, fp.sha256(), day);
        archive.putClean(cleanKey, ("{\"text\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(storedText) + "}")
                .getBytes(StandardCharsets.UTF_8));
        return new StoredVersion(VersionId.of(url, fp.sha256(), outlet), FETCHED, new LastVisit(FETCHED, FETCHED, "\"v1\"", null),
                null, new Copies(rawKey, cleanKey),
                new TextSketch(fp.simhashHex(), fp.minhash(), storedText.split("\\s+").length, extractorVersion), null);
    }

    private StoredVersion store(StoredVersion v) {
        assertTrue(index.putVersion(v));
        return v;
    }

    private String text(String html, String url) {
        return extractor.extract(html, url).article().text();
    }

    private static String sha(String s) {
        return Fingerprinter.of(s).sha256();
    }

    private static String page(String name) throws IOException {
        try (InputStream in = ReprocessorTest.class.getResourceAsStream("/extract/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
