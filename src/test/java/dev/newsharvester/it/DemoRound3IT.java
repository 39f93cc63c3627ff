package dev.newsharvester.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.newsharvester.change.AtomFeeds;
import dev.newsharvester.change.ChangeEvent;
import dev.newsharvester.change.ChangeKind;
import dev.newsharvester.cli.CliRun;
import dev.newsharvester.local.Demo;
import dev.newsharvester.local.DemoLifecycleRound;
import dev.newsharvester.pipeline.ArticleOutcome;
import dev.newsharvester.pipeline.Outcome;
import dev.newsharvester.query.StoryMatch;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's round 3 from its real output: a headline-only edit (REVISED, headline changed, body not), a deletion
 * confirmed by the second look (DELETED), a move (REDIRECTED, the same article) whose {@code query versions} shows both
 * addresses, the Atom feeds under the data directory (parsed with Rome) and a diff page; and the seeds' Dragone
 * articles still one story, two texts.
 */
class DemoRound3IT {

    static final String HEADLINED = "/eng/news/2025/08/23/7528146/";
    static final String DELETED = "/en/news/day-of-the-state-flag-of-ukraine-and-kharkiv-city-day-what-else-is-celebrated-on-august-23";
    static final String OLD_SLUG = "/en/news/ukrzaliznytsia-adds-extra-trains-for-the-independence-day-weekend-list-of-routes";
    static final String NEW_SLUG = "/en/news/ukrzaliznytsia-adds-extra-trains-for-the-independence-day-weekend-full-list-of-routes";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Path data;
    static Demo.Result demo;
    static DemoLifecycleRound.Result round3;
    static String out;

    @BeforeAll
    static void runTheDemo() throws Exception {
        data = tmp.resolve("demo");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        demo = Demo.run(data, new PrintStream(bytes, true, StandardCharsets.UTF_8), (PrintStream) null);
        out = bytes.toString(StandardCharsets.UTF_8);
        round3 = demo.round3();
        assertNotNull(round3, out);
    }

    @Test
    void roundThreeHasOneHeadlineEditOneDeletionAndOneMove() {
        assertEquals(List.of(1L, 1L, 1L), List.of(round3.count(Outcome.REVISED), round3.count(Outcome.DELETED),
                round3.count(Outcome.REDIRECTED)), out);
        assertEquals(List.of(HEADLINED), paths(round3.harvest().outcomes(), Outcome.REVISED));
        assertEquals(List.of(OLD_SLUG), paths(round3.harvest().outcomes(), Outcome.REDIRECTED));
        assertEquals(List.of(), paths(round3.harvest().outcomes(), Outcome.DELETED), "a first 404 is only a suspicion");
        ArticleOutcome suspected = round3.harvest().outcomes().stream().filter(o -> o.url().endsWith(DELETED)).findFirst()
                .orElseThrow();
        assertTrue(suspected.reason().startsWith("gone? HTTP 404"), suspected.toString());
        assertEquals(List.of(DELETED), paths(round3.confirm().outcomes(), Outcome.DELETED), "the second look confirms it");
        assertEquals(List.of(NEW_SLUG), paths(round3.harvest().outcomes(), Outcome.DUPLICATE),
                "the new slug carries the text stored under the old one");

        ChangeEvent headline = round3.headlineEdit();
        assertTrue(headline.url().endsWith(HEADLINED), headline.toString());
        assertTrue(headline.changes().headlineChanged() && !headline.changes().bodyChanged() && !headline.changes().bylineChanged(),
                headline.changes().toString());
        assertEquals(List.of("Russians attack Ukraine with 49 UAVs, 7 locations hit",
                "Russia launches 49 drones at Ukraine overnight, 7 locations hit"),
                List.of(headline.changes().headlineBefore(), headline.changes().headlineAfter()));
        assertTrue(round3.deleted().url().endsWith(DELETED), round3.deleted().toString());
        assertTrue(round3.moved().url().endsWith(OLD_SLUG) && round3.moved().redirectTo().endsWith(NEW_SLUG)
                && round3.moved().sameArticle(), round3.moved().toString());
        assertEquals(Set.of(ChangeKind.NEW, ChangeKind.REVISED, ChangeKind.DELETED, ChangeKind.REDIRECTED),
                round3.changes().stream().map(ChangeEvent::kind).collect(Collectors.toSet()));

        String shown = out.substring(out.indexOf("== What round 3 shows =="));
        assertTrue(shown.contains("Outcomes: REVISED 1, DELETED 1, REDIRECTED 1"), shown);
        assertTrue(shown.contains("\u201cRussians attack Ukraine with 49 UAVs, 7 locations hit\u201d \u2192 \u201cRussia launches"),
                shown);
        assertTrue(shown.contains("one article at 2 address(es)"), shown);
        assertTrue(shown.contains("NEW 1, REVISED 1, DELETED 1, REDIRECTED 1"), shown);
    }

    @Test
    void theAtomFeedsAndTheDiffPageAreUnderTheDataDirectory() throws Exception {
        Map<String, SyndFeed> feeds = new java.util.HashMap<>();
        for (Path file : round3.feeds()) {
            assertTrue(file.startsWith(data.toAbsolutePath()), file.toString());
            assertTrue(out.contains("Atom feed: " + file), out);
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            SyndFeed feed = input.build(new StringReader(Files.readString(file)));
            assertEquals("atom_1.0", feed.getFeedType());
            feeds.put(file.getFileName().toString(), feed);
        }
        assertEquals(Set.of("unn.atom", "up.atom", "agg.atom"), feeds.keySet());
        Set<String> ids = new HashSet<>();
        feeds.values().forEach(f -> f.getEntries().forEach(e -> ids.add(e.getUri())));
        for (ChangeEvent e : round3.changes()) {
            assertTrue(ids.contains(AtomFeeds.URN + e.id()), e.kind() + " " + e.url() + " in the feeds");
        }
        SyndEntry edit = feeds.get("up.atom").getEntries().stream()
                .filter(e -> e.getUri().equals(AtomFeeds.URN + round3.headlineEdit().id())).findFirst().orElseThrow();
        assertTrue(edit.getDescription().getValue().contains("headline"), edit.getDescription().getValue());
        assertTrue(edit.getDescription().getValue().contains("Russia launches 49 drones"), edit.getDescription().getValue());
        List<String> unnTitles = feeds.get("unn.atom").getEntries().stream().map(SyndEntry::getTitle).toList();
        assertTrue(unnTitles.stream().anyMatch(t -> t.contains("Day of the State Flag")), unnTitles.toString());

        Path page = round3.diffPage();
        assertTrue(page.startsWith(data.toAbsolutePath().resolve("feeds")), page.toString());
        assertEquals(page.getFileName().toString(), Path.of(edit.getLink()).getFileName().toString());
        String html = Files.readString(page);
        assertTrue(html.contains("Russians attack Ukraine") && html.contains("Russia launches 49 drones"), html);
        assertTrue(out.contains("side by side in a browser: " + page), out);
    }

    @Test
    void queryVersionsOfEitherAddressShowsBoth() throws Exception {
        String oldUrl = round3.moved().url();
        String newUrl = round3.moved().redirectTo();
        for (String url : List.of(oldUrl, newUrl)) {
            CliRun json = CliRun.of("query", "versions", url, "--data", data.toString(), "--json");
            assertEquals(0, json.code(), json.err());
            List<String> versionUrls = new ArrayList<>();
            List<String> events = new ArrayList<>();
            for (JsonNode row : JSON.readTree(json.out())) {
                if (!row.path("version").isNull() && !row.path("version").isMissingNode()) {
                    versionUrls.add(row.path("version").path("url").asText());
                } else {
                    events.add(row.path("event").path("kind").asText() + " " + row.path("event").path("url").asText());
                }
            }
            assertEquals(Set.of(oldUrl, newUrl), Set.copyOf(versionUrls), json.out());
            assertEquals(Set.of("REDIRECTED " + oldUrl, "MOVED_FROM " + newUrl), Set.copyOf(events), json.out());
            CliRun table = CliRun.of("query", "versions", url, "--data", data.toString());
            assertTrue(table.out().contains("one article at 2 addresses: "), table.out());
        }
        assertEquals(round3.movedTimeline().addresses(), List.of(oldUrl, newUrl));
    }

    @Test
    void theDragoneArticlesStayOneStoryTwoTexts() {
        Map.Entry<String, List<StoryMatch>> nato = demo.stories().entrySet().stream()
                .filter(e -> e.getKey().endsWith(PipelineIT.DRAGONE)).findFirst().orElseThrow();
        assertTrue(nato.getValue().stream().anyMatch(m -> m.version().url().endsWith(PipelineIT.UP_DRAGONE) && !m.sameText()),
                nato.getValue().toString());
        // round 3 touched neither
        assertFalse(Stream.of(round3.harvest(), round3.confirm()).flatMap(r -> r.outcomes().stream())
                .anyMatch(o -> (o.url().endsWith(PipelineIT.DRAGONE) || o.url().endsWith(PipelineIT.UP_DRAGONE))
                        && o.outcome() != Outcome.UNCHANGED), out);
    }

    private static List<String> paths(List<ArticleOutcome> outcomes, Outcome outcome) {
        return outcomes.stream().filter(o -> o.outcome() == outcome)
                .map(o -> java.net.URI.create(o.url()).getRawPath()).toList();
    }
}
