package dev.newsharvester.pipeline;

import static dev.newsharvester.pipeline.CityPapers.CITIES;
import static dev.newsharvester.pipeline.CityPapers.HTML;
import static dev.newsharvester.pipeline.CityPapers.TOPICS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.change.ChangeEvent;
import dev.newsharvester.change.ChangeKind;
import dev.newsharvester.change.Changes;
import dev.newsharvester.extract.ArticleExtractor;
import dev.newsharvester.fetch.AddressGuard;
import dev.newsharvester.fetch.HttpFetcher;
import dev.newsharvester.fetch.LoopbackHttpServer;
import dev.newsharvester.fingerprint.SimHash;
import dev.newsharvester.local.LocalStack;
import dev.newsharvester.outlet.Outlets;
import dev.newsharvester.query.ArticleQueries;
import dev.newsharvester.query.Comparison;
import dev.newsharvester.query.Timeline;
import dev.newsharvester.query.VersionChange;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.HistoryEvent;
import dev.newsharvester.store.StoredVersion;
import dev.newsharvester.store.UrlHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An article's life against a city paper on loopback (the {@link CityPapers} pages), DynamoDB Local and s3proxy, on a
 * clock the test moves: edits readers see and edits they do not, deletions (404, 410, soft 404) confirmed after the
 * delay, redirects to the same and to another article, and restoration.
 */
class ArticleLifeTest {

    static final Duration CONFIRM = Duration.ofHours(1);

    private LocalStack stack;
    private ArticleIndex index;
    private CityPapers.Site site;
    private final MovableClock clock = new MovableClock(Instant.parse("2025-11-10T08:00:00Z"));
    private final List<ChangeEvent> published = Collections.synchronizedList(new ArrayList<>());
    private ArticleProcessor processor;
    private List<String> titles;

    @BeforeEach
    void start() {
        stack = LocalStack.inMemory();
        index = new ArticleIndex(stack.dynamoDb(), stack.table());
        site = CityPapers.site(CITIES.get(0), TOPICS, Duration.ZERO);
        titles = new ArrayList<>();
        for (int t = 0; t < TOPICS.size(); t++) {
            titles.add(CityPapers.fill(TOPICS.get(t).title(), site.city, 0, t));
        }
        Outlets outlets = Outlets.parse(CityPapers.outletsYaml(List.of(site), Duration.ZERO), "test");
        HttpFetcher fetcher = HttpFetcher.builder().addressGuard(AddressGuard.fromSpec("127.0.0.0/8"))
                .minDelay(Duration.ZERO).build();
        processor = new ArticleProcessor(outlets, fetcher, new ArticleExtractor(), new Archive(stack.s3(), stack.bucket()),
                index, clock, published::add, CONFIRM);
    }

    @AfterEach
    void stop() {
        site.close();
        stack.close();
    }

    void advance(Duration d) {
        clock.set(clock.instant().plus(d));
    }

    String page(int t) {
        return CityPapers.article(site, TOPICS.get(t), t, titles);
    }

    void serve(int t, String html) {
        site.serve(site.articlePaths.get(t), HTML, 200, html);
    }

    void serve(int t, int status, String html) {
        site.serve(site.articlePaths.get(t), HTML, status, html);
    }

    ArticleOutcome fetch(int t) {
        advance(Duration.ofMinutes(1));
        return processor.process(new ArticleTask("kyiv", site.url(site.articlePaths.get(t))));
    }

    String url(int t) {
        return site.url(site.articlePaths.get(t));
    }

    List<ChangeKind> kinds() {
        return published.stream().map(ChangeEvent::kind).toList();
    }

    ChangeEvent lastEvent() {
        return published.get(published.size() - 1);
    }

    @Test
    void onlyEditsReadersSeeMakeVersions() {
        String page = page(0);
        String title = titles.get(0);
        assertEquals(Outcome.NEW, fetch(0).outcome());
        String firstBody = index.versions(url(0)).get(0).hash();
        assertEquals(Outcome.UNCHANGED, fetch(0).outcome());

        // counters, chrome and a `modified` bump alone
        String chrome = page.replace(">1000 views<", ">1874 views<").replace(">3 comments<", ">41 comments<")
                .replace("© 2025", "© 2026").replace("<meta name=\"viewport\"",
                        "<meta property=\"article:modified_time\" content=\"2025-11-10T12:40:00+02:00\" />\n<meta name=\"viewport\"");
        serve(0, chrome);
        ArticleOutcome o = fetch(0);
        assertEquals(Outcome.UNCHANGED, o.outcome(), o::toString);

        // the headline alone
        String quoted = "'Trams are back': " + title;
        String headlineEdit = chrome.replace(title, quoted);
        serve(0, headlineEdit);
        o = fetch(0);
        assertEquals(Outcome.REVISED, o.outcome(), o::toString);
        assertTrue(o.hash().startsWith(firstBody + ":"), o.hash());
        Changes c = lastEvent().changes();
        assertEquals(List.of(title, quoted), List.of(c.headlineBefore(), c.headlineAfter()));
        assertFalse(c.bylineChanged());
        assertFalse(c.bodyChanged(), c::toString);

        // quote style and whitespace only, in headline and body
        String restyled = headlineEdit.replace("'Trams are back'", "\u2018Trams  are back\u2019")
                .replace("the city transport company said", "the city\n   transport company  said");
        serve(0, restyled);
        o = fetch(0);
        assertEquals(Outcome.UNCHANGED, o.outcome(), o::toString);

        // the byline alone (another author; case does not count)
        String byline = restyled.replace("Andrii Lysenko", "Olena Shevchuk");
        serve(0, byline);
        o = fetch(0);
        assertEquals(Outcome.REVISED, o.outcome(), o::toString);
        c = lastEvent().changes();
        assertEquals(List.of(List.of("Olena Shevchuk"), List.of("Andrii Lysenko")), List.of(c.authorsAdded(), c.authorsRemoved()));
        assertFalse(c.headlineChanged());
        serve(0, byline.replace("Olena Shevchuk", "OLENA SHEVCHUK"));
        assertEquals(Outcome.UNCHANGED, fetch(0).outcome());

        // one body paragraph
        serve(0, byline.replace("A pensioner waiting at the terminus said", "An elderly woman at the terminus, who"
                + " asked not to be named, said"));
        o = fetch(0);
        assertEquals(Outcome.REVISED, o.outcome(), o::toString);
        c = lastEvent().changes();
        assertEquals(1, c.paragraphsChanged());
        assertEquals(c.wordsBefore() + 6, c.wordsAfter(), c::toString);
        assertFalse(c.headlineChanged() || c.bylineChanged());

        List<StoredVersion> versions = index.versions(url(0));
        assertEquals(4, versions.size(), versions::toString);
        assertEquals(List.of(ChangeKind.NEW, ChangeKind.REVISED, ChangeKind.REVISED, ChangeKind.REVISED), kinds());
        for (ChangeEvent e : published) {
            assertEquals(ChangeEvent.idOf(e.kind(), e.url(), e.versionBefore(), e.versionAfter(), null), e.id());
        }
        // a headline edit keeps its body's first version as the one the body hash and the similarity indexes find
        assertEquals(List.of(firstBody), index.byHash(firstBody).stream().map(StoredVersion::hash).toList());
        StoredVersion first = index.get(url(0), firstBody).orElseThrow();
        assertTrue(index.nearDuplicates(SimHash.parseHex(first.sketch().simhash()), 0).stream()
                .noneMatch(h -> h.key().hash().contains(":")));
        assertEquals(3, versions.stream().filter(v -> v.body().equals(firstBody)).count(), "first, headline and byline");
    }

    @Test
    void anItemWrittenBeforeVersionsCoveredHeadlinesStillReadsAndIsRevised() {
        assertEquals(Outcome.NEW, fetch(1).outcome());
        String body = index.versions(url(1)).get(0).hash();
        // the item as the code before this change wrote it: no bodyHash attribute
        stack.dynamoDb().updateItem(b -> b.tableName(stack.table())
                .key(Map.of("url", AttributeValue.fromS(url(1)), "hash", AttributeValue.fromS(body)))
                .updateExpression("REMOVE bodyHash"));
        StoredVersion old = index.get(url(1), body).orElseThrow();
        assertNull(old.id().bodyHash());
        assertEquals(body, old.body());
        assertEquals(Outcome.UNCHANGED, fetch(1).outcome());

        String title = titles.get(1);
        serve(1, page(1).replace(title, title + ", city says"));
        ArticleOutcome o = fetch(1);
        assertEquals(Outcome.REVISED, o.outcome(), o::toString);
        StoredVersion edit = index.get(url(1), o.hash()).orElseThrow();
        assertEquals(body, edit.body());
        assertEquals(old.copies().cleanKey().equals(edit.copies().cleanKey()), false, "a headline edit has its own clean copy");
        assertEquals(old.copies().rawKey().equals(edit.copies().rawKey()), false, "and its own raw copy");

        serve(1, page(1));
        o = fetch(1);
        assertEquals(Outcome.REVISED, o.outcome(), o::toString);
        assertEquals(body, o.hash(), "back to the old item's version");
        assertEquals(2, index.versions(url(1)).size());
    }

    @Test
    void a404IsADeletionOnlyOnceASecondCheckAnHourLaterAgrees() {
        assertEquals(Outcome.NEW, fetch(0).outcome());
        serve(0, 404, "<html><head><title>Not found</title></head><body><h1>404</h1></body></html>");
        ArticleOutcome o = fetch(0);
        assertEquals(Outcome.UNCHANGED, o.outcome(), o::toString);
        assertTrue(o.reason().startsWith("gone? HTTP 404"), o.reason());

        // it flaps back: the suspicion lapses, and the next 404 starts a new one
        serve(0, page(0));
        advance(Duration.ofMinutes(30));
        assertEquals(Outcome.UNCHANGED, fetch(0).outcome());
        serve(0, 404, "not here");
        advance(Duration.ofHours(2));
        assertEquals(Outcome.UNCHANGED, fetch(0).outcome());
        advance(Duration.ofMinutes(30));
        assertEquals(Outcome.UNCHANGED, fetch(0).outcome(), "only 31 minutes after the suspicion");
        advance(Duration.ofMinutes(30));
        o = fetch(0);
        assertEquals(Outcome.DELETED, o.outcome(), o::toString);
        assertEquals(ChangeKind.DELETED, lastEvent().kind());
        assertEquals(Outcome.UNCHANGED, fetch(0).outcome(), "still deleted: recorded once");

        serve(0, page(0));
        advance(Duration.ofDays(1));
        o = fetch(0);
        assertEquals(Outcome.RESTORED, o.outcome(), o::toString);
        assertEquals(List.of(ChangeKind.NEW, ChangeKind.DELETED, ChangeKind.RESTORED), kinds());
        assertEquals(Outcome.UNCHANGED, fetch(0).outcome());

        UrlHistory h = index.history(url(0));
        assertEquals(List.of(HistoryEvent.Kind.SUSPECTED_GONE, HistoryEvent.Kind.SUSPECTED_GONE, HistoryEvent.Kind.DELETED,
                HistoryEvent.Kind.RESTORED), h.events().stream().map(HistoryEvent::kind).toList());
        assertEquals(1, h.versions().size());
        assertEquals(1, index.versions(url(0)).size(), "entries are never versions");
        assertTrue(index.byOutlet("kyiv", null, null).stream().noneMatch(v -> v.hash().startsWith("event#")));
    }

    @Test
    void a410AndASoftNotFoundPageAreDeletionsToo() {
        assertEquals(Outcome.NEW, fetch(2).outcome());
        assertEquals(Outcome.NEW, fetch(3).outcome());
        serve(2, 410, "gone");
        serve(3, 200, "<!doctype html><html><head><title>Page not found — Kyiv Evening Courier</title></head><body>"
                + "<header><a href=\"/\">Kyiv Evening Courier</a></header><main><h1>Sorry, this page was removed</h1>"
                + "<p>Try the search or go to the front page.</p></main></body></html>");
        assertEquals(Outcome.UNCHANGED, fetch(2).outcome());
        assertEquals(Outcome.UNCHANGED, fetch(3).outcome());
        advance(CONFIRM);
        ArticleOutcome gone = fetch(2);
        ArticleOutcome soft = fetch(3);
        assertEquals(Outcome.DELETED, gone.outcome(), gone::toString);
        assertTrue(gone.reason().startsWith("HTTP 410"), gone.reason());
        assertEquals(Outcome.DELETED, soft.outcome(), soft::toString);
        assertEquals(200, index.history(url(3)).events().get(1).httpStatus());
    }

    @Test
    void aPageTheExtractorNoLongerReadsButThatStillCarriesTheHeadlineIsNoDeletion() {
        assertEquals(Outcome.NEW, fetch(1).outcome());
        String page = page(1);
        int from = page.indexOf("<div class=\"story-body\">");
        int to = page.indexOf("</div>", from);
        serve(1, page.substring(0, from) + "<div class=\"story-body\">" + page.substring(to));
        ArticleOutcome o = fetch(1);
        assertEquals(Outcome.SKIPPED, o.outcome(), o::toString);
        assertTrue(o.reason().startsWith("not an article"), o.reason());
        assertEquals(List.of(), index.history(url(1)).events());
    }

    @Test
    void aMovedSlugLinksBothAddressesAndARedirectElsewhereRecordsItsTarget() {
        assertEquals(Outcome.NEW, fetch(3).outcome());
        assertEquals(Outcome.NEW, fetch(4).outcome());
        String moved = site.articlePaths.get(3) + "-updated";
        site.serve(moved, HTML, 200, page(3).replace("</p>\n        </div>", " Updated at noon.</p>\n        </div>"));
        site.server.route(site.articlePaths.get(3), ex -> LoopbackHttpServer.redirect(ex, 301, site.url(moved)));
        site.server.route(site.articlePaths.get(4), ex -> LoopbackHttpServer.redirect(ex, 302, url(0)));

        ArticleOutcome same = fetch(3);
        assertEquals(Outcome.REDIRECTED, same.outcome(), same::toString);
        ChangeEvent e = lastEvent();
        assertEquals(List.of(site.url(moved), true), List.of(e.redirectTo(), e.sameArticle()));
        ArticleOutcome other = fetch(4);
        assertEquals(Outcome.REDIRECTED, other.outcome(), other::toString);
        assertEquals(List.of(url(0), false), List.of(lastEvent().redirectTo(), lastEvent().sameArticle()));
        assertEquals(Outcome.UNCHANGED, fetch(3).outcome(), "still redirects: recorded once");

        assertEquals(List.of(site.url(moved)), index.history(url(3)).otherAddresses());
        assertEquals(List.of(url(3)), index.history(site.url(moved)).otherAddresses());
        assertEquals(List.of(), index.history(url(4)).otherAddresses());
        assertEquals(url(0), index.history(url(4)).events().get(0).target());

        // `query versions` of either address: both addresses, the old one's version and both entries
        assertEquals(Outcome.NEW, processor.process(new ArticleTask("kyiv", site.url(moved))).outcome());
        ArticleQueries queries = new ArticleQueries(index, new Archive(stack.s3(), stack.bucket()));
        for (String address : List.of(url(3), site.url(moved))) {
            Timeline t = queries.timeline(address);
            assertEquals(Set.of(url(3), site.url(moved)), Set.copyOf(t.addresses()));
            assertEquals(Set.of(url(3), site.url(moved)), t.versions().stream().map(v -> v.version().url()).collect(Collectors.toSet()));
            assertEquals(List.of("MOVED here from " + url(3) + ": moved here from " + url(3) + " [HTTP 200]",
                    "REDIRECTED to " + site.url(moved) + " (the same article) [HTTP 200]"),
                    t.entries().stream().filter(x -> x.event() != null).map(x -> Timeline.describe(x.event())).sorted().toList());
        }
        assertEquals(List.of(url(4)), queries.timeline(url(4)).addresses());
    }

    @Test
    void aUrlThatAlwaysRedirectedThereIsNotMoved() {
        String link = site.articlePaths.get(2) + "-from-feed";
        site.server.route(link, ex -> LoopbackHttpServer.redirect(ex, 301, url(2)));
        ArticleTask task = new ArticleTask("kyiv", site.url(link));
        assertEquals(Outcome.NEW, processor.process(task).outcome());
        advance(Duration.ofHours(3));
        ArticleOutcome o = processor.process(task);
        assertEquals(Outcome.UNCHANGED, o.outcome(), o::toString);
        assertEquals(List.of(), index.history(site.url(link)).events());
    }

    @Test
    void versionsAndDiffShowAHeadlineEdit() {
        assertEquals(Outcome.NEW, fetch(2).outcome());
        String title = titles.get(2);
        serve(2, page(2).replace(title, "Night works end: " + title));
        assertEquals(Outcome.REVISED, fetch(2).outcome());
        ArticleQueries queries = new ArticleQueries(index, new Archive(stack.s3(), stack.bucket()));
        VersionChange.Change change = queries.timeline(url(2)).versions().get(0).change();
        assertTrue(change.summary().startsWith("headline was \"" + title + "\"; +0/-0 words"), change.summary());
        String diff = "headline: -" + title + "\nheadline: +Night works end: " + title + "\n(body text unchanged)\n";
        assertEquals(diff, queries.diff(url(2), null, null));
        // the two versions by the keys `query versions` shows: 12 digits of the body hash, then the view hash
        List<String> shown = queries.timeline(url(2)).versions().stream().map(v -> Comparison.shortKey(v.version().hash())).toList();
        assertTrue(shown.get(0).matches("[0-9a-f]{12}:[0-9a-f]{8}") && shown.get(1).matches("[0-9a-f]{12}"), shown::toString);
        assertEquals(diff, queries.diff(url(2), shown.get(1), shown.get(0)));
    }
}
