package dev.newsharvester.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.fingerprint.MinHash;
import dev.newsharvester.local.LocalStack;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lifecycle entries and headline/byline versions next to body versions, against DynamoDB Local. */
class HistoryEventsTest {

    private static final String URL = "https://kyiv-daily.example/uk/news/2024/05/01/bridge";
    private static final String BODY = "9e3779b97f4a7c15".repeat(4);
    private static final Instant T = Instant.parse("2024-05-01T09:30:00Z");

    private LocalStack stack;
    private ArticleIndex index;
    private HistoryEvents events;

    @BeforeEach
    void start() {
        stack = LocalStack.inMemory();
        index = new ArticleIndex(stack.dynamoDb(), stack.table());
        events = index.events();
    }

    @AfterEach
    void stop() {
        stack.close();
    }

    private static StoredVersion version(String hash, String bodyHash, String title, Instant seen) {
        return StoredVersion.seenAt(new VersionId(URL, hash, bodyHash, "kyiv-daily"), seen,
                new ReaderFacts(title, List.of("Олена Коваль"), "2024-05-01T12:30:00+03:00", null, null, null), null,
                new TextSketch("f0e1d2c3b4a59687", MinHash.of("Міст через Русанівську протоку відкрили після ремонту"), 412,
                        null));
    }

    @Test
    void entriesShareTheUrlsPartitionButAreNeverVersions() {
        StoredVersion first = version(BODY, null, "Міст відкрили", T);   // as written before bodyHash existed
        StoredVersion edit = version(BODY + ":0a1b2c3d", BODY, "Міст через протоку відкрили", T.plusSeconds(3600));
        assertTrue(index.putVersion(first));
        assertTrue(index.putVersion(edit));
        HistoryEvent gone = new HistoryEvent(URL, "kyiv-daily", T.plusSeconds(7200), HistoryEvent.Kind.SUSPECTED_GONE, 404,
                null, false, edit.hash(), "HTTP 404");
        HistoryEvent deleted = new HistoryEvent(URL, "kyiv-daily", T.plusSeconds(10800), HistoryEvent.Kind.DELETED, 404,
                null, false, edit.hash(), "HTTP 404");
        assertTrue(events.put(deleted));
        assertTrue(events.put(gone));
        assertFalse(events.put(gone), "the same entry twice is one entry");

        assertEquals(List.of(edit.hash(), BODY), index.versions(URL).stream().map(StoredVersion::hash).toList());
        assertEquals(List.of(gone, deleted), events.of(URL));
        UrlHistory h = index.history(URL);
        assertEquals(List.of(gone, deleted), h.events());
        assertEquals(edit.hash(), h.current().orElseThrow().hash());
        assertTrue(index.get(URL, deleted.key()).isEmpty());
        assertEquals(List.of(), index.byHash(deleted.key()));
        assertEquals(List.of(BODY), index.byHash(BODY).stream().map(StoredVersion::hash).toList(),
                "the body hash finds the body's first version only");
        assertEquals(List.of(BODY), index.nearDuplicates(0xf0e1d2c3b4a59687L, 0).stream().map(h2 -> h2.key().hash()).toList());
        assertEquals(List.of(BODY), index.storyCandidates(first.sketch().minhash(), T.minusSeconds(86400), T.plusSeconds(86400))
                .stream().map(s -> s.key().hash()).toList());
        assertEquals(List.of(BODY, BODY), index.byOutlet("kyiv-daily", null, null).stream().map(StoredVersion::body).toList());

        assertEquals(BODY, index.get(URL, BODY).orElseThrow().body());
        assertEquals(BODY, index.get(URL, edit.hash()).orElseThrow().body());
    }

    @Test
    void aHeadlineEditsKeyMustStartWithItsBodyHash() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> version(BODY + ":0a1b2c3d", "0".repeat(64), "t", T));
        assertTrue(e.getMessage().contains("bodyHash must be its prefix"), e.getMessage());
        assertEquals(BODY, version(BODY + ":0a1b2c3d", null, "t", T).body(), "a listing row takes it from the key");
        assertEquals(BODY, version(BODY, null, "t", T).body(), "an old item's key is its body hash");
    }
}
