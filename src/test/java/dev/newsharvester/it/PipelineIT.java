package dev.newsharvester.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsharvester.pipeline.ArticleOutcome;
import dev.newsharvester.pipeline.HarvestReport;
import dev.newsharvester.pipeline.Harvester;
import dev.newsharvester.pipeline.Outcome;
import dev.newsharvester.pipeline.ProgressListener;
import dev.newsharvester.pipeline.ReprocessReport;
import dev.newsharvester.pipeline.ReprocessRequest;
import dev.newsharvester.pipeline.Wiring;
import dev.newsharvester.query.ArticleQueries;
import dev.newsharvester.query.SimilarMatch;
import dev.newsharvester.query.StoryMatch;
import dev.newsharvester.store.RawMetadata;
import dev.newsharvester.store.StoredVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real pipeline end to end: the demo site on loopback, DynamoDB Local and s3proxy in-process.
 * The tests run in order; each harvest round builds on the stored state of the one before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineIT {

    /** Every harvest stores its health report: health/runs/<time>.json and health/latest.json. */
    static final int HEALTH_OBJECTS = 2;
    static final String DRAGONE = "/en/news/head-of-nato-military-committee-on-the-deployment-of-a-contingent-in-ukraine-this-was-not-discussed-in-the-alliance";
    static final String HEATING = "/en/news/kyiv-prepares-for-the-heating-season-96-of-boiler-houses-are-ready-the-city-says";
    static final String GRAIN = "/en/news/ukraine-has-threshed-over-20-million-tons-of-new-crop-grain-the-pace-of-harvest-is-behind-last-years";
    static final String AGG_GRAIN = "/story/2025/08/22/ukraine-has-threshed-over-20-million-tons-of-new-crop-grain";
    static final String UP_DRAGONE = "/eng/news/2025/08/23/7528185/";

    @TempDir
    static Path tmp;

    DemoHarness h;
    Harvester harvester;

    @BeforeAll
    void start() throws Exception {
        h = new DemoHarness(tmp);
        harvester = h.harvester();
    }

    @AfterAll
    void stop() {
        h.close();
    }

    @Test
    @Order(1)
    void firstRoundStoresEveryArticle() {
        HarvestReport report = harvester.harvest(List.of(), ProgressListener.NONE);
        assertEquals(Map.of("unn", 5, "up", 5, "agg", 2), newPerOutlet(report), () -> "outcomes: " + report.outcomes());
        assertEquals(0, report.total(Outcome.FAILED), () -> "outcomes: " + report.outcomes());
        // UP is discovered through its feed and its news sitemap: each article once.
        assertEquals(5, report.outlets().get(1).discovered());
    }

    @Test
    @Order(2)
    void rawCopyIsTheServedPageAndCleanCopyTheArticle() throws Exception {
        String url = h.url("unn", DRAGONE);
        List<StoredVersion> versions = h.index.versions(url);
        assertEquals(1, versions.size());
        StoredVersion v = versions.get(0);

        HttpResponse<byte[]> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(served.body(), h.archive.getRaw(v.copies().rawKey()), "raw copy gunzips to the bytes served");
        RawMetadata meta = h.archive.rawMetadata(v.copies().rawKey());
        assertEquals(url, meta.finalUrl());
        assertEquals(200, meta.status());
        assertEquals(served.headers().firstValue("ETag").orElseThrow(), meta.etag());
        assertTrue(meta.contentType().startsWith("text/html"));

        JsonNode clean = new ObjectMapper().readTree(h.archive.getClean(v.copies().cleanKey()));
        assertEquals(2, clean.path("schemaVersion").asInt());
        assertEquals("UTF-8", meta.charset(), "the charset the page was decoded with, for reprocessing");
        assertEquals(v.hash(), clean.path("sha256").asText());
        assertEquals(v.copies().rawKey(), clean.path("rawKey").asText());
        assertEquals("unn", clean.path("outlet").asText());
        assertTrue(clean.path("title").asText().startsWith("Head of NATO Military Committee on the deployment of a contingent"),
                clean.path("title").asText());
        String text = clean.path("text").asText();
        assertTrue(text.contains("Giuseppe Cavo Dragone"), text);
        assertTrue(text.contains("About 10 European countries") || text.contains("Addition"), text);
        assertFalse(text.contains("160 views"), "view counter is chrome");
        assertFalse(text.toLowerCase().contains("cookie"), "cookie banner is chrome");
        assertEquals(16, clean.path("simhash").asText().length());

        assertTrue(v.copies().rawKey().startsWith("raw/outlet=unn/dt=2025-08-23/"), v.copies().rawKey());
        assertTrue(v.copies().cleanKey().startsWith("clean/outlet=unn/dt=2025-08-23/"), v.copies().cleanKey());
        assertEquals("unn", v.outlet());
        assertNotEquals(null, v.reader().published());
        assertTrue(v.sketch().wordCount() > 200);
    }

    @Test
    @Order(3)
    void indexAnswersByOutletAndByHash() {
        List<StoredVersion> unn = h.queries.byOutlet("unn", Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
        assertEquals(5, unn.size());
        assertTrue(unn.stream().allMatch(v -> v.outlet().equals("unn")));
        List<StoredVersion> none = h.queries.byOutlet("unn", Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2031-01-01T00:00:00Z"));
        assertEquals(0, none.size());
        StoredVersion dragone = h.index.versions(h.url("unn", DRAGONE)).get(0);
        assertEquals(List.of(h.url("unn", DRAGONE)), h.queries.byHash(dragone.hash()).stream().map(StoredVersion::url).toList());
    }

    @Test
    @Order(4)
    void secondHarvestOfAnUnchangedSiteStoresNothing() {
        long puts = h.stack.s3Puts();
        int requests = h.site.requestLog().size();
        HarvestReport report = harvester.harvest(List.of(), ProgressListener.NONE);
        assertEquals(12, report.total(Outcome.UNCHANGED), () -> "outcomes: " + report.outcomes());
        assertEquals(0, report.total(Outcome.NEW) + report.total(Outcome.REVISED) + report.total(Outcome.DUPLICATE));
        assertEquals(puts + HEALTH_OBJECTS, h.stack.s3Puts(), "no S3 PUT for an unchanged site but the run's health objects");
        List<String> log = h.site.requestLog().subList(requests, h.site.requestLog().size());
        long conditional304 = log.stream().filter(l -> l.contains(" 304 ") && l.contains("If-None-Match")).count();
        assertTrue(conditional304 >= 12, () -> "conditional GETs answered 304: " + log);
    }

    @Test
    @Order(5)
    void chromeChangesAreUnchangedEditsRevisedRepublishedDuplicate() {
        h.site.setRound(2);
        long puts = h.stack.s3Puts();
        HarvestReport report = harvester.harvest(List.of(), ProgressListener.NONE);
        Map<Outcome, List<String>> byOutcome = report.outcomes().stream().collect(Collectors.groupingBy(ArticleOutcome::outcome,
                Collectors.mapping(ArticleOutcome::url, Collectors.toList())));
        assertEquals(List.of(h.url("unn", HEATING)), byOutcome.get(Outcome.REVISED), () -> "outcomes: " + report.outcomes());
        assertEquals(List.of(h.url("agg", AGG_GRAIN)), byOutcome.get(Outcome.DUPLICATE), () -> "outcomes: " + report.outcomes());
        assertEquals(11, byOutcome.get(Outcome.UNCHANGED).size(), () -> "outcomes: " + report.outcomes());
        assertEquals(0, report.total(Outcome.FAILED) + report.total(Outcome.NEW));
        // The revision stores a raw and a clean copy; the duplicate only its raw page (and the run its health objects).
        assertEquals(3 + HEALTH_OBJECTS, h.stack.s3Puts() - puts);

        ArticleOutcome dup = report.outcomes().stream().filter(o -> o.outcome() == Outcome.DUPLICATE).findFirst().orElseThrow();
        assertEquals(h.url("unn", GRAIN), dup.duplicateOf());
        StoredVersion original = h.index.versions(h.url("unn", GRAIN)).get(0);
        StoredVersion copy = h.index.versions(h.url("agg", AGG_GRAIN)).get(0);
        assertEquals(original.hash(), copy.hash());
        assertEquals(original.copies().cleanKey(), copy.copies().cleanKey(), "the duplicate points at the clean copy already stored");
        assertEquals(h.url("unn", GRAIN), copy.duplicateOf());
        assertEquals(2, h.queries.byHash(original.hash()).size());
    }

    @Test
    @Order(6)
    void revisionKeepsBothVersionsAndDiffShowsTheEdit() {
        List<StoredVersion> versions = h.queries.versions(h.url("unn", HEATING));
        assertEquals(2, versions.size());
        assertTrue(versions.get(0).firstSeen().isAfter(versions.get(1).firstSeen()) || versions.get(0).firstSeen().equals(versions.get(1).firstSeen()));
        assertEquals(versions.get(0).hash(), h.queries.current(h.url("unn", HEATING)).orElseThrow().hash());
        String diff = h.queries.diff(h.url("unn", HEATING), null, null);
        assertTrue(diff.lines().anyMatch(l -> l.startsWith("+") && !l.startsWith("+++")), diff);
        assertTrue(diff.lines().anyMatch(l -> l.startsWith("-") && !l.startsWith("---")), diff);
    }

    @Test
    @Order(7)
    void theTwoDragoneArticlesAreOneStoryButNotDuplicates() {
        List<StoryMatch> story = h.queries.story(h.url("unn", DRAGONE));
        assertFalse(story.isEmpty(), "UP's write-up of the same story is found");
        assertEquals(h.url("up", UP_DRAGONE), story.get(0).version().url());
        assertFalse(story.get(0).sameText());
        assertTrue(story.get(0).score() >= ArticleQueries.STORY_THRESHOLD, () -> "score " + story.get(0).score());
        StoredVersion unn = h.index.versions(h.url("unn", DRAGONE)).get(0);
        assertNotEquals(unn.hash(), story.get(0).version().hash());
        // Unrelated UNN articles are not the same story as the Dragone piece.
        assertTrue(story.stream().noneMatch(m -> m.version().outlet().equals("agg")), () -> "story: " + story);
    }

    @Test
    @Order(8)
    void theRepublishedGrainStoryIsANearCopyAndTheSameStory() {
        List<SimilarMatch> similar = h.queries.similar(h.url("unn", GRAIN), 3);
        assertEquals(List.of(h.url("agg", AGG_GRAIN)), similar.stream().map(m -> m.version().url()).toList());
        assertEquals(0, similar.get(0).distance());
        StoredVersion original = h.index.versions(h.url("unn", GRAIN)).get(0);
        assertTrue(similar.get(0).sameText(original.hash()));
        // by hash too, from the copy's side: the original is its near-copy
        assertEquals(List.of(h.url("unn", GRAIN)),
                h.queries.similar(h.url("agg", AGG_GRAIN), 0).stream().map(m -> m.version().url()).toList());
        List<StoryMatch> story = h.queries.story(h.url("unn", GRAIN));
        assertTrue(story.stream().anyMatch(m -> m.version().url().equals(h.url("agg", AGG_GRAIN)) && m.sameText()), () -> "story: " + story);
    }

    @Test
    @Order(9)
    void reprocessingWithTheSameExtractorReproducesEveryStoredTextAndWritesNothing() {
        long puts = h.stack.s3Puts();
        int requests = h.site.requestLog().size();
        ReprocessReport report = Wiring.reprocessor(h.settings, h.stack.s3(), h.stack.dynamoDb())
                .run(new ReprocessRequest(List.of(), null, true, null), () -> false);
        assertEquals(13, report.examined(), () -> report.toString());
        assertEquals(13, report.unchanged(), () -> "raw copies decode and extract to the stored texts: " + report);
        assertEquals(0, report.revised() + report.duplicates() + report.failed() + report.skipped(), report::toString);
        assertEquals(puts, h.stack.s3Puts(), "no S3 PUT");
        assertEquals(requests, h.site.requestLog().size(), "nothing fetched");
        assertEquals(2, h.queries.versions(h.url("unn", HEATING)).size(), "no new version");
    }

    private static Map<String, Integer> newPerOutlet(HarvestReport report) {
        return report.outlets().stream().collect(Collectors.toMap(o -> o.outlet(), o -> o.count(Outcome.NEW)));
    }
}
