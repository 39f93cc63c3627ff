package dev.newsharvester.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsharvester.fingerprint.Fingerprint;
import dev.newsharvester.fingerprint.Fingerprinter;
import dev.newsharvester.fingerprint.SimHash;
import dev.newsharvester.local.LocalStack;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.Copies;
import dev.newsharvester.store.LastVisit;
import dev.newsharvester.store.ReaderFacts;
import dev.newsharvester.store.StoredVersion;
import dev.newsharvester.store.TextSketch;
import dev.newsharvester.store.VersionId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every query against DynamoDB Local and s3proxy, on articles stored the way the pipeline stores them. */
class ArticleQueriesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T = Instant.parse("2025-08-23T09:00:00Z");

    private static LocalStack stack;
    private static ArticleIndex index;
    private static Archive archive;
    private static ArticleQueries queries;

    @BeforeAll
    static void start() {
        stack = LocalStack.inMemory();
        index = new ArticleIndex(stack.dynamoDb(), stack.table());
        archive = new Archive(stack.s3(), stack.bucket());
        queries = new ArticleQueries(index, archive);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void historyListsVersionsNewestFirstWithWhatChanged() throws IOException {
        String url = url("kyiv-post", "night-train");
        String v1 = fixture("story-train-cna.txt") + "\n\n" + unique();
        String[] paragraphs = v1.split("\n\n");
        paragraphs[1] = paragraphs[1].replace("19:40", "20:15").replace("next afternoon", "next day at noon");
        String v2 = String.join("\n\n", paragraphs) + "\n\nUpdate: the ministry confirmed the timetable on Saturday.";
        StoredVersion first = store("kyiv-post", url, v1, T, null);
        StoredVersion second = store("kyiv-post", url, v2, T.plusSeconds(3600), null);

        assertEquals(List.of(second, first), queries.versions(url));
        List<VersionChange> history = queries.history(url);
        assertEquals(List.of(second, first), history.stream().map(VersionChange::version).toList());
        assertNull(history.get(1).change(), "the first version has nothing before it");
        VersionChange.Change change = history.get(0).change();
        assertEquals(first.hash(), change.previousHash());
        assertEquals(2, change.paragraphsAdded(), "one edited, one new");
        assertEquals(1, change.paragraphsRemoved());
        assertEquals(TextDiff.wordDelta(v1, v2)[0], change.wordsAdded());
        assertTrue(change.wordsAdded() > change.wordsRemoved() && change.wordsRemoved() > 0, change.toString());
        assertTrue(change.simhashDistance() >= 0 && change.simhashDistance() <= 64);
        assertFalse(change.reExtracted());
        assertTrue(change.summary().startsWith("+" + change.wordsAdded() + "/-" + change.wordsRemoved() + " words, 1 paragraph edited, 1 added"),
                change.summary());
        assertEquals(List.of(), queries.history(url("kyiv-post", "never-stored")));
    }

    @Test
    void byHashFindsEveryUrlWithTheTextAndByOutletListsOneRowPerUrl() throws IOException {
        String outlet = "o" + unique();
        String text = fixture("wind-farm.txt") + "\n\n" + unique();
        StoredVersion original = store(outlet, url(outlet, "wind"), text, T, null);
        StoredVersion copy = store("mirror", url("mirror", "wind"), text, T.plusSeconds(60), original.url());
        StoredVersion revised = store(outlet, url(outlet, "wind"), text + "\n\nCorrection: the turbines are 4.2 MW each.",
                T.plusSeconds(7200), null);

        assertEquals(Set.of(original.url(), copy.url()), queries.byHash(original.hash()).stream().map(StoredVersion::url).collect(Collectors.toSet()));
        assertEquals(Set.of(original.url(), copy.url()),
                queries.byHash(original.hash().toUpperCase()).stream().map(StoredVersion::url).collect(Collectors.toSet()), "case-insensitive");
        var e = assertThrows(IllegalArgumentException.class, () -> queries.byHash("abc123"));
        assertEquals("'abc123' is not a SHA-256 (64 hex digits)", e.getMessage());

        List<StoredVersion> listing = queries.byOutlet(outlet, T.minusSeconds(60), T.plusSeconds(86_400));
        assertEquals(List.of(revised.hash()), listing.stream().map(StoredVersion::hash).toList(), "one row per URL: the newest");
        assertEquals(List.of(), queries.byOutlet(outlet, T.plusSeconds(86_400 * 10), null));
    }

    @Test
    void aListingWithALimitGivesTheNewestUrlsAndOneMoreWhenThereAreMore() throws IOException {
        String outlet = "l" + unique();
        String text = fixture("wind-farm.txt");
        List<String> urls = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String url = url(outlet, "story-" + i);
            urls.add(url);
            store(outlet, url, text + "\n\nStory " + i + " of the day.", T.plusSeconds(600L * i), null);
        }
        store(outlet, urls.get(6), text + "\n\nStory 6 of the day, corrected.", T.plusSeconds(600L * 6 + 60), null);
        List<String> newest = List.of(urls.get(6), urls.get(5), urls.get(4));
        assertEquals(newest, queries.byOutlet(outlet, null, null, 3).stream().limit(3).map(StoredVersion::url).toList());
        assertEquals(4, queries.byOutlet(outlet, null, null, 3).size(), "one more row says there are more");
        assertEquals(7, queries.byOutlet(outlet, null, null, 7).size(), "exactly the limit: nothing more");
        assertEquals(queries.byOutlet(outlet, null, null), queries.byOutlet(outlet, null, null, 0), "0 lists all");
        assertEquals(7, queries.byOutlet(outlet, null, null, 0).size(), "one row per URL, the corrected one once");
    }

    @Test
    void similarFindsNearCopiesAndCopiesButNotUnrelatedTexts() throws IOException {
        String id = unique();
        String text = fixture("city-budget-report.txt") + "\n\n" + id;
        // A one-word edit. The random id makes the text unique per run, and with word-weighted SimHash a
        // single edit may move 0 to 3 bits (or more); take the first insertion of one of several words that
        // moves 1 to 3 bits, so the near copy is distinguishable from the exact copy at distance 0.
        Fingerprint a = Fingerprinter.of(text);
        String nearText = null;
        Fingerprint b = null;
        int bits = -1;
        search:
        for (String inserted : List.of("city", "new", "local", "annual", "public", "extra", "regional")) {
            for (String word : text.split("\\s+")) {
                if (!word.matches("\\p{L}{6,}")) {
                    continue;
                }
                String candidate = text.replaceFirst("\\b" + word + "\\b", inserted + " " + word);
                Fingerprint f = Fingerprinter.of(candidate);
                int d = SimHash.hammingDistance(a.simhash(), f.simhash());
                if (d >= 1 && d <= 3) {
                    nearText = candidate;
                    b = f;
                    bits = d;
                    break search;
                }
            }
        }
        assertNotEquals(null, nearText, "some one-word edit moves the SimHash");
        assertNotEquals(a.sha256(), b.sha256());
        assertTrue(bits > 0 && bits <= 3, "precondition: a one-word edit of a 500-word text is within 3 bits, was " + bits);

        StoredVersion original = store("lviv-news", url("lviv-news", id), text, T, null);
        StoredVersion copy = store("agg", url("agg", id), text, T.plusSeconds(600), original.url());
        StoredVersion near = store("mirror", url("mirror", id), nearText, T.plusSeconds(900), null);
        store("other", url("other", id), fixture("wind-farm.txt") + "\n\n" + id, T, null);

        List<SimilarMatch> fromUrl = queries.similar(original.url(), 3);
        assertEquals(List.of(copy.url(), near.url()), fromUrl.stream().map(m -> m.version().url()).toList(), "closest first");
        assertEquals(0, fromUrl.get(0).distance());
        assertTrue(fromUrl.get(0).sameText(original.hash()));
        assertEquals(bits, fromUrl.get(1).distance());
        assertTrue(fromUrl.get(1).similarity() >= ArticleQueries.NEAR_DUPLICATE_MIN_SIMILARITY, fromUrl.toString());

        assertEquals(List.of(copy.url()), queries.similar(original.url(), 0).stream().map(m -> m.version().url()).toList());
        assertEquals(Set.of(original.url(), copy.url(), near.url()),
                queries.similar(original.hash(), 3).stream().map(m -> m.version().url()).collect(Collectors.toSet()),
                "by hash: every URL with the text or a near copy");
        assertEquals(Set.of(original.url(), near.url()),
                queries.similar(copy.url(), 3).stream().map(m -> m.version().url()).collect(Collectors.toSet()),
                "a duplicate has no SimHash entries of its own; its original answers for it");
        var e = assertThrows(IllegalArgumentException.class, () -> queries.similar(original.url(), 5));
        assertTrue(e.getMessage().contains("0..3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> queries.similar("0".repeat(64), 3));
        assertTrue(e.getMessage().contains("no stored text has the SHA-256"), e.getMessage());
    }

    @Test
    void storyRanksOtherOutletsCoverageWithinTheWindow() throws IOException {
        String id = unique();
        String cna = fixture("story-train-cna.txt") + "\n\n" + id;
        String herald = fixture("story-train-herald.txt");
        Instant t = Instant.parse("2025-03-10T09:00:00Z"); // a week of its own: other tests store similar texts in August
        StoredVersion self = store("cna", url("cna", id), cna, t, "2025-03-10T12:00:00+02:00", null);
        StoredVersion other = store("herald", url("herald", id), herald, t.plusSeconds(3600), "2025-03-11T08:00:00+02:00", null);
        StoredVersion sameOutlet = store("cna", url("cna", id + "-follow-up"), herald + "\n\nFollow-up by CNA.", t,
                "2025-03-10T15:00:00+02:00", null);
        StoredVersion tooLate = store("late", url("late", id), herald + "\n\nLate.", t, "2025-03-17T08:00:00+02:00", null);
        StoredVersion republished = store("agg", url("agg", id), cna, t.plusSeconds(60), null, self.url());
        store("gazette", url("gazette", id), fixture("wind-farm.txt") + "\n\n" + id, t, "2025-03-10T10:00:00+02:00", null);

        List<StoryMatch> story = queries.story(self.url());
        assertEquals(List.of(republished.url(), other.url()), story.stream().map(m -> m.version().url()).toList(), story.toString());
        assertTrue(story.get(0).sameText());
        assertEquals(1.0, story.get(0).score());
        assertFalse(story.get(1).sameText());
        double expected = self.sketch().minhash().similarity(index.get(other.url(), other.hash()).orElseThrow().sketch().minhash());
        assertEquals(expected, story.get(1).score(), 1e-9);
        assertTrue(expected >= ArticleQueries.STORY_THRESHOLD, "fixture pair " + expected);
        assertTrue(story.stream().noneMatch(m -> m.version().url().equals(sameOutlet.url())), "the outlet's own articles are not other coverage");
        assertTrue(story.stream().noneMatch(m -> m.version().url().equals(tooLate.url())), "outside the window");

        var e = assertThrows(IllegalArgumentException.class, () -> queries.story(url("cna", "never-stored")));
        assertTrue(e.getMessage().startsWith("URL not in the index"), e.getMessage());
    }

    @Test
    void compareGivesAUnifiedDiffAndASideBySidePage() throws IOException {
        String url = url("kyiv-post", "heating-" + unique());
        String before = "Kyiv prepares for the heating season.\n\nThe city says 96% of boiler houses are ready.\n\nReserves <b>unchanged</b>.";
        String after = "Kyiv prepares for the heating season.\n\nThe city says 98% of boiler houses are ready.\n\nReserves <b>unchanged</b>.";
        StoredVersion v1 = store("kyiv-post", url, before, T, null);
        StoredVersion v2 = store("kyiv-post", url, after, T.plusSeconds(60), null);

        Comparison c = queries.compare(url, null, null);
        assertEquals(v1, c.from());
        assertEquals(v2, c.to());
        assertEquals("--- " + Comparison.label(v1) + "\n+++ " + Comparison.label(v2) + "\n@@ -1,3 +1,3 @@\n"
                + " Kyiv prepares for the heating season.\n-The city says 96% of boiler houses are ready.\n"
                + "+The city says 98% of boiler houses are ready.\n Reserves <b>unchanged</b>.\n", c.unified());
        assertEquals(c.unified(), queries.diff(url, v1.hash().substring(0, 8), v2.hash().substring(0, 8)));
        assertEquals("", queries.compare(url, v2.hash(), v2.hash()).unified());

        String html = c.html();
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<del>96%</del>") && html.contains("<ins>98%</ins>"), html);
        assertTrue(html.contains("Reserves &lt;b&gt;unchanged&lt;/b&gt;."), "text is escaped: " + html);
        assertFalse(html.contains("<b>unchanged"), html);

        var e = assertThrows(IllegalArgumentException.class, () -> queries.compare(url, "zzzz", null));
        assertTrue(e.getMessage().startsWith("no version of this URL has a hash starting with"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> queries.compare(url, "", null));
        assertTrue(e.getMessage().startsWith("more than one version"), e.getMessage());
    }

    // ------------------------------------------------------------------ fixtures

    /** Stores a version the way the pipeline does: a clean copy (unless a duplicate), then the index item. */
    private static StoredVersion store(String outlet, String url, String text, Instant seen, String duplicateOf) {
        return store(outlet, url, text, seen, null, duplicateOf);
    }

    private static StoredVersion store(String outlet, String url, String text, Instant seen, String published, String duplicateOf) {
        Fingerprint fp = Fingerprinter.of(text);
        LocalDate day = LocalDate.ofInstant(seen, ZoneOffset.UTC);
        String cleanKey = duplicateOf != null ? index.latest(duplicateOf).orElseThrow().copies().cleanKey()
                : Archive.cleanKey(outlet, url, fp.sha256(), day);
        if (duplicateOf == null) {
            archive.putClean(cleanKey, JSON.createObjectNode().put("text", text).toString().getBytes(StandardCharsets.UTF_8));
        }
        String title = text.substring(0, Math.min(60, text.indexOf('.') > 0 ? text.indexOf('.') : text.length()));
        StoredVersion v = new StoredVersion(VersionId.of(url, fp.sha256(), outlet), seen, LastVisit.at(seen),
                new ReaderFacts(title, List.of(), published, null, null, null),
                new Copies(Archive.rawKey(outlet, url, fp.sha256(), day), cleanKey),
                new TextSketch(fp.simhashHex(), fp.minhash(), text.split("\\s+").length, "1"), duplicateOf);
        assertTrue(index.putVersion(v));
        return v;
    }

    private static String url(String outlet, String slug) {
        return "https://" + outlet + ".example/news/" + slug;
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = ArticleQueriesTest.class.getResourceAsStream("/fingerprint/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
