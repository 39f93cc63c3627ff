package dev.newsharvester.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.sun.net.httpserver.HttpServer;
import dev.newsharvester.extract.Article;
import dev.newsharvester.extract.ArticleExtractor;
import dev.newsharvester.fingerprint.Fingerprint;
import dev.newsharvester.fingerprint.Fingerprinter;
import dev.newsharvester.local.LocalStack;
import dev.newsharvester.pipeline.Settings;
import dev.newsharvester.pipeline.Wiring;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.AwsClients;
import dev.newsharvester.store.AwsEndpoints;
import dev.newsharvester.store.ChangeLog;
import dev.newsharvester.store.CleanCopy;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The change sinks end to end on s3proxy (the change log, feeds and pages in the bucket and a local directory) and a
 * real HTTP server on loopback standing in for EventBridge: it parses the PutEvents requests the SDK sends.
 */
class ChangeFeedsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUS = "news-harvester-changes";

    private static LocalStack stack;
    private static Archive archive;
    private static HttpServer eventBridge;
    private static final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private static final List<String> targets = new CopyOnWriteArrayList<>();
    /** What the stand-in answers next: "ok", "refused" (FailedEntryCount 1) or "error" (HTTP 400). */
    private static volatile String answer = "ok";
    private static EventBridgeClient events;

    @BeforeAll
    static void start() throws IOException {
        stack = LocalStack.inMemory();
        archive = new Archive(stack.s3(), stack.bucket());
        eventBridge = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        eventBridge.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            targets.add(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            requests.add(JSON.readTree(body));
            String mode = answer;
            int status = mode.equals("error") ? 400 : 200;
            String reply = switch (mode) {
                case "refused" -> "{\"FailedEntryCount\":1,\"Entries\":[{\"ErrorCode\":\"InternalFailure\",\"ErrorMessage\":\"try later\"}]}";
                case "error" -> "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Event bus " + BUS + " does not exist.\"}";
                default -> "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"" + UUID.randomUUID() + "\"}]}";
            };
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        eventBridge.start();
        URI endpoint = URI.create("http://127.0.0.1:" + eventBridge.getAddress().getPort());
        events = AwsClients.eventBridge(new AwsEndpoints(Region.EU_CENTRAL_1, null, null, null, endpoint),
                UrlConnectionHttpClient.create(), StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")));
    }

    @AfterAll
    static void stop() {
        events.close();
        eventBridge.stop(0);
        stack.close();
    }

    @Test
    void aRevisionIsLoggedPublishedOnceAndFedWithItsDiffPage(@TempDir Path data) throws Exception {
        String outlet = "dnipro-ledger";
        String url = "https://dnipro-ledger.example/economy/grain-corridor-" + UUID.randomUUID().toString().substring(0, 8);
        Article before = fixtureArticle(url);
        Article after = new Article(before.url(), before.canonicalUrl(),
                "Grain corridor traffic falls for first time in four months", before.authors(), before.published(),
                before.modified(), before.language(), before.section(), before.tags(), before.image(),
                before.description(), before.text().replace("rose 14%", "fell 3%").replace("as underwriters", "as Lloyd's underwriters"));
        String keyBefore = putClean(outlet, before);
        String keyAfter = putClean(outlet, after);
        ChangeEvent event = revised(outlet, url, before, after, keyBefore, keyAfter, Instant.parse("2025-08-23T09:15:00Z"));
        Settings settings = Settings.store(stack.table(), stack.bucket()).withEventBus(BUS)
                .withFeedsDirectory(data.resolve("feeds").toString());
        ChangeSink sink = Wiring.changeSink(settings, stack.s3(), events);
        int sent = requests.size();
        long puts = stack.s3Puts();

        sink.publish(event);
        assertEquals(4, stack.s3Puts() - puts, "S3 PUTs of a change: its claim, its log entry, its page, the feed");

        // EventBridge: one PutEvents with one entry of the documented shape
        assertEquals(sent + 1, requests.size());
        assertEquals("AWSEvents.PutEvents", targets.get(targets.size() - 1));
        JsonNode entries = requests.get(requests.size() - 1).path("Entries");
        assertEquals(1, entries.size());
        JsonNode entry = entries.get(0);
        assertEquals("news-harvester", entry.path("Source").asText());
        assertEquals("Article Revised", entry.path("DetailType").asText());
        assertEquals(BUS, entry.path("EventBusName").asText());
        JsonNode detail = JSON.readTree(entry.path("Detail").asText());
        assertEquals(event.id(), detail.path("id").asText());
        assertEquals(outlet, detail.path("outlet").asText());
        assertEquals(url, detail.path("url").asText());
        assertEquals(before.title(), detail.path("titleBefore").asText());
        assertEquals(after.title(), detail.path("titleAfter").asText());
        assertEquals(keyAfter, detail.path("cleanKeyAfter").asText());
        assertEquals(event.versionBefore(), detail.path("versionBefore").asText());
        assertTrue(detail.path("changes").path("headline").asBoolean());
        assertEquals(event, ChangeEventJson.read(entry.path("Detail").asText().getBytes(StandardCharsets.UTF_8)));

        // the change log: one write-once entry
        List<String> logged = new ChangeLog(archive).keys(outlet, LocalDate.parse("2025-08-23"));
        assertEquals(List.of(ChangeLog.key(outlet, event.at(), event.id())), logged);

        // the feed parses back with Rome, in the bucket and locally, its entry linking the page
        for (String atom : List.of(new String(archive.bytes("feeds/" + outlet + ".atom"), StandardCharsets.UTF_8),
                Files.readString(data.resolve("feeds").resolve(outlet + ".atom")))) {
            SyndFeed feed = new SyndFeedInput().build(new StringReader(atom));
            assertEquals(1, feed.getEntries().size());
            SyndEntry e = feed.getEntries().get(0);
            assertEquals("urn:news-harvester:change:" + event.id(), e.getUri());
            assertEquals(outlet + "/" + event.id() + ".html", e.getLink());
            assertTrue(e.getTitle().startsWith("Article Revised: Grain corridor traffic falls"), e.getTitle());
            assertTrue(e.getDescription().getValue().contains(before.title()), e.getDescription().getValue());
        }

        // the diff page: both headlines, the words marked, self-contained
        String page = Files.readString(data.resolve("feeds").resolve(outlet).resolve(event.id() + ".html"));
        assertEquals(page, new String(archive.bytes("feeds/" + outlet + "/" + event.id() + ".html"), StandardCharsets.UTF_8));
        assertTrue(page.contains("Grain corridor traffic <del>climbs</del> for <del>third month as insurers cut war-risk"
                + " premiums</del>"), page);
        assertTrue(page.contains("Grain corridor traffic <ins>falls</ins> for <ins>first time in four months</ins>"), page);
        assertTrue(page.contains("<del>rose 14%</del>") && page.contains("<ins>fell 3%</ins>"), page);
        assertTrue(page.contains("<ins>Lloyd&#39;s</ins>"), page);
        assertTrue(page.contains("<code>" + event.versionBefore().substring(0, 12) + "</code>"), page);
        assertFalse(page.contains("src=") || page.contains("<link") || page.contains("<script"), "fetches nothing");

        // a retried task publishes the same change again, a little later: nothing is sent or logged twice
        puts = stack.s3Puts();
        sink.publish(at(event, "2025-08-23T09:20:00Z"));
        sink.publish(event);
        assertEquals(2, stack.s3Puts() - puts, "a repeat costs its refused claim only");
        assertEquals(sent + 1, requests.size());
        assertEquals(1, new ChangeLog(archive).keys(outlet, null).size());
    }

    @Test
    void aRefusedOrFailedPutEventsIsReportedNotThrown() {
        List<String> reports = new ArrayList<>();
        EventBridgeSink sink = new EventBridgeSink(events, BUS, reports::add);
        ChangeEvent e = deleted("kyiv-post", "https://kyiv-post.example/news/gone-" + UUID.randomUUID());
        try {
            answer = "refused";
            sink.publish(e);
            answer = "error";
            sink.publish(e);
        } finally {
            answer = "ok";
        }
        assertEquals(2, reports.size(), reports.toString());
        assertTrue(reports.get(0).contains("InternalFailure: try later") && reports.get(0).contains(e.id()), reports.get(0));
        assertTrue(reports.get(1).contains("does not exist"), reports.get(1));
        assertEquals("Article Deleted", requests.get(requests.size() - 1).path("Entries").get(0).path("DetailType").asText());
    }

    @Test
    void aFeedHoldsTheOutletsLatestChangesNewestFirst(@TempDir Path data) throws Exception {
        String outlet = "lviv-courier-" + UUID.randomUUID().toString().substring(0, 6);
        ChangeJournal journal = new ChangeJournal(new ChangeLog(archive));
        AtomFeeds feeds = new AtomFeeds(journal, archive, List.of(FeedTarget.directory(data)), 3, reports -> {
            throw new AssertionError(reports);
        });
        ChangePublisher publisher = new ChangePublisher(journal, List.of(feeds));
        List<ChangeEvent> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ChangeEvent e = at(deleted(outlet, "https://" + outlet + ".example/news/" + i), "2025-08-2" + i + "T10:00:00Z");
            publisher.publish(e);
            published.add(e);
        }
        SyndFeed feed = new SyndFeedInput().build(new StringReader(Files.readString(data.resolve(outlet + ".atom"))));
        assertEquals(List.of(published.get(4).id(), published.get(3).id(), published.get(2).id()),
                feed.getEntries().stream().map(x -> x.getUri().substring("urn:news-harvester:change:".length())).toList());
        assertEquals("Article Deleted: A story that was there", feed.getEntries().get(2).getTitle(), "kept from the feed before");
        assertEquals(published.get(2).id() + ".html", feed.getEntries().get(2).getLink().substring(outlet.length() + 1));
        assertEquals(5, Files.list(data.resolve(outlet)).count(), "a page per change");

        // a feed lost or broken (a failed write, a hand edit) is rebuilt from the log with the next change
        Files.writeString(data.resolve(outlet + ".atom"), "not a feed");
        ChangeEvent sixth = at(deleted(outlet, "https://" + outlet + ".example/news/5"), "2025-08-26T10:00:00Z");
        publisher.publish(sixth);
        feed = new SyndFeedInput().build(new StringReader(Files.readString(data.resolve(outlet + ".atom"))));
        assertEquals(List.of(sixth.id(), published.get(4).id(), published.get(3).id()),
                feed.getEntries().stream().map(x -> x.getUri().substring(AtomFeeds.URN.length())).toList());
        assertTrue(Files.readString(data.resolve(outlet).resolve(published.get(0).id() + ".html"))
                .contains("<del>A story that was there</del>"));
    }

    @Test
    void aChangeLogThatCannotBeWrittenPublishesNothingAndThrowsNothing() {
        List<String> reports = new ArrayList<>();
        List<ChangeEvent> downstream = new ArrayList<>();
        ChangeJournal missingBucket = new ChangeJournal(new ChangeLog(new Archive(stack.s3(), "no-such-bucket-" + UUID.randomUUID())));
        ChangePublisher publisher = new ChangePublisher(missingBucket, List.of(downstream::add), reports::add);
        ChangeEvent e = deleted("kyiv-post", "https://kyiv-post.example/news/lost");
        publisher.publish(e);
        assertEquals(List.of(), downstream, "not logged, so not published: a retry could not tell it was");
        assertEquals(1, reports.size());
        assertTrue(reports.get(0).startsWith("{\"level\":\"WARN\",\"message\":\"change event not published to the change log\""),
                reports.get(0));
        assertTrue(reports.get(0).contains(e.id()) && reports.get(0).contains("NoSuchBucket"), reports.get(0));
    }

    @Test
    void theJournalFiltersByOutletTimeAndKind() {
        ChangeJournal journal = new ChangeJournal(new ChangeLog(archive));
        String a = "odesa-journal-" + UUID.randomUUID().toString().substring(0, 6);
        String b = "lviv-post-" + UUID.randomUUID().toString().substring(0, 6);
        ChangeEvent oldDeletion = at(deleted(a, "https://" + a + ".example/a"), "2025-08-20T10:00:00Z");
        ChangeEvent newDeletion = at(deleted(a, "https://" + a + ".example/b"), "2025-08-23T10:00:00Z");
        ChangeEvent added = at(added(a, "https://" + a + ".example/c"), "2025-08-23T11:00:00Z");
        ChangeEvent other = at(deleted(b, "https://" + b + ".example/d"), "2025-08-23T12:00:00Z");
        for (ChangeEvent e : List.of(oldDeletion, newDeletion, added, other)) {
            assertTrue(journal.record(e));
        }
        assertFalse(journal.record(added), "a second write of one event is refused");

        assertEquals(List.of(added, newDeletion, oldDeletion), journal.read(a, null, Set.of()));
        assertEquals(List.of(added, newDeletion), journal.read(a, Instant.parse("2025-08-21T00:00:00Z"), Set.of()));
        assertEquals(List.of(newDeletion), journal.read(a, Instant.parse("2025-08-23T00:00:00Z"),
                ChangeJournal.kinds("Deleted")));
        List<ChangeEvent> all = journal.read(null, Instant.parse("2025-08-23T00:00:00Z"), ChangeJournal.kinds("deleted,new"));
        assertTrue(all.containsAll(List.of(other, added, newDeletion)) && !all.contains(oldDeletion), all.toString());
        assertEquals(List.of(added, newDeletion), journal.latest(a, 2, Instant.parse("2025-08-01T00:00:00Z")));

        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ChangeJournal.kinds("revised,moved"));
        assertEquals("--kind: 'moved' is not a change kind: give one or more of new,revised,deleted,redirected,restored"
                + " (comma-separated)", bad.getMessage());
    }

    // --- fixtures

    private static Article fixtureArticle(String url) throws IOException {
        try (InputStream in = ChangeFeedsTest.class.getResourceAsStream("/fixtures/fetch/article-en.html")) {
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Article a = new ArticleExtractor().extract(html, url).article();
            assertNotNull(a, "the fixture is an article");
            return a;
        }
    }

    private static String putClean(String outlet, Article a) {
        Fingerprint fp = Fingerprinter.of(a.text() + "\n" + a.title());
        String key = Archive.cleanKey(outlet, a.url(), fp.sha256(), LocalDate.parse("2025-08-23"));
        archive.putClean(key, CleanCopy.toJson(a, fp, new CleanCopy.Capture(outlet, "raw/x", Instant.now(), "test")));
        return key;
    }

    private static ChangeEvent revised(String outlet, String url, Article before, Article after, String keyBefore,
            String keyAfter, Instant at) {
        String vb = Fingerprinter.of(before.text()).sha256();
        String va = Fingerprinter.of(after.text()).sha256();
        Changes changes = new Changes(before.title(), after.title(), List.of(), List.of(),
                before.text().split("\\s+").length, after.text().split("\\s+").length, 1);
        return new ChangeEvent(ChangeEvent.idOf(ChangeKind.REVISED, url, vb, va, null), ChangeKind.REVISED, outlet, url,
                at, vb, va, before.title(), after.title(), keyBefore, keyAfter, changes, null, false);
    }

    private static ChangeEvent deleted(String outlet, String url) {
        String v = Fingerprinter.of(url).sha256();
        return new ChangeEvent(ChangeEvent.idOf(ChangeKind.DELETED, url, v, null, null), ChangeKind.DELETED, outlet, url,
                Instant.parse("2025-08-23T08:00:00Z"), v, null, "A story that was there", null, null, null, null, null,
                false);
    }

    private static ChangeEvent added(String outlet, String url) {
        String v = Fingerprinter.of(url + " text").sha256();
        return new ChangeEvent(ChangeEvent.idOf(ChangeKind.NEW, url, null, v, null), ChangeKind.NEW, outlet, url,
                Instant.parse("2025-08-23T08:00:00Z"), null, v, null, "A new story", null, null, null, null, false);
    }

    private static ChangeEvent at(ChangeEvent e, String time) {
        return new ChangeEvent(e.id(), e.kind(), e.outlet(), e.url(), Instant.parse(time), e.versionBefore(),
                e.versionAfter(), e.titleBefore(), e.titleAfter(), e.cleanKeyBefore(), e.cleanKeyAfter(), e.changes(),
                e.redirectTo(), e.sameArticle());
    }
}
