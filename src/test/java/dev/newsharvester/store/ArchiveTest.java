package dev.newsharvester.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.local.LocalStack;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Archive against the embedded s3proxy, in memory and on disk. */
class ArchiveTest {
    private static final String URL = "https://kyiv-daily.example/uk/news/2024/05/01/mist-rusanivska-protoka";
    private static final String HASH = "9f2c4e1ab07d3c55e8a1f0b2c3d4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7";
    private static LocalStack memory;
    private static LocalStack disk;
    private static Path diskDir;

    @BeforeAll
    static void start() throws IOException {
        memory = LocalStack.inMemory();
        diskDir = Files.createTempDirectory("archive-test");
        disk = LocalStack.open(diskDir);
    }

    @AfterAll
    static void stop() {
        memory.close();
        disk.close();
    }

    static Stream<String> stores() {
        return Stream.of("memory", "disk");
    }

    private static Archive archive(String store) {
        LocalStack stack = store.equals("memory") ? memory : disk;
        return new Archive(stack.s3(), stack.bucket());
    }

    private static byte[] page() throws IOException {
        try (InputStream in = ArchiveTest.class.getResourceAsStream("/store/kyiv-daily-article.html")) {
            return in.readAllBytes();
        }
    }

    /** Each test writes under its own outlet so the shared stores do not interfere. */
    private static String outlet() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void keysFollowTheLayout() {
        LocalDate day = LocalDate.of(2024, 5, 1);
        String urlKey = Archive.sha256Hex(URL.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        assertEquals("raw/outlet=kyiv-daily/dt=2024-05-01/" + urlKey + "-9f2c4e1ab07d3c55.html.gz",
                Archive.rawKey("kyiv-daily", URL, HASH, day));
        assertEquals("clean/outlet=kyiv-daily/dt=2024-05-01/" + urlKey + "-9f2c4e1ab07d3c55.json",
                Archive.cleanKey("kyiv-daily", URL, HASH, day));
        // deterministic: a retry computes the same key; another URL or hash or day does not
        assertEquals(Archive.rawKey("kyiv-daily", URL, HASH, day), Archive.rawKey("kyiv-daily", URL, HASH, day));
        assertNotEquals(Archive.rawKey("kyiv-daily", URL, HASH, day), Archive.rawKey("kyiv-daily", URL + "?a", HASH, day));
        assertNotEquals(Archive.rawKey("kyiv-daily", URL, HASH, day),
                Archive.rawKey("kyiv-daily", URL, "0" + HASH.substring(1), day));
        assertNotEquals(Archive.rawKey("kyiv-daily", URL, HASH, day), Archive.rawKey("kyiv-daily", URL, HASH, day.plusDays(1)));
    }

    @Test
    void keysRejectBadInputNamingIt() {
        LocalDate day = LocalDate.of(2024, 5, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> Archive.rawKey("Kyiv Daily", URL, HASH, day));
        assertTrue(e.getMessage().contains("Kyiv Daily"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Archive.rawKey("kyiv", URL, "abc", day));
        assertTrue(e.getMessage().contains("abc"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Archive.cleanKey("kyiv", " ", HASH, day));
        assertThrows(NullPointerException.class, () -> Archive.cleanKey("kyiv", URL, HASH, null));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aWalkFolderByFolderFindsWhatAFlatListingFindsInKeyOrder(String store) {
        Archive archive = archive(store);
        String root = "walk-" + outlet() + "/";
        List<String> keys = new ArrayList<>();
        for (String o : List.of("zn", "up", "lb")) {
            for (int day = 3; day >= 1; day--) {
                for (int i = 0; i < 3; i++) {
                    String key = root + "outlet=" + o + "/dt=2025-06-0" + day + "/" + i + "-" + o + ".json";
                    archive.putOnce(key, "{}".getBytes(StandardCharsets.UTF_8), "application/json");
                    keys.add(key);
                }
            }
        }
        archive.putOnce(root + "top.json", "{}".getBytes(StandardCharsets.UTF_8), "application/json");
        keys.add(root + "top.json");
        keys.sort(null);
        List<Archive.Entry> walked = archive.walk(root);
        assertEquals(keys, walked.stream().map(Archive.Entry::key).toList());
        assertEquals(archive.list(root), walked);
        assertEquals(List.of(), archive.walk("walk-nothing-here/"));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void rawRoundTripsExactBytesAndMetadata(String store) throws IOException {
        Archive archive = archive(store);
        byte[] body = page();
        String key = Archive.rawKey(outlet(), URL, HASH, LocalDate.of(2024, 5, 1));
        // a redirect target with Cyrillic in the path and a quoted ETag: not plain header material
        RawMetadata meta = new RawMetadata("https://kyiv-daily.example/uk/новини/міст?utm=rss", 200,
                "text/html; charset=utf-8", "W/\"5e1f-18f3a\"", "Wed, 01 May 2024 11:05:00 GMT",
                Instant.parse("2024-05-01T11:07:13.482Z"));

        assertTrue(archive.putRaw(key, body, meta));

        assertArrayEquals(body, archive.getRaw(key));
        assertEquals(meta, archive.rawMetadata(key));
        var head = (store.equals("memory") ? memory : disk).s3()
                .headObject(b -> b.bucket(archive.bucket()).key(key));
        assertEquals("gzip", head.contentEncoding());
        // s3proxy's Jetty drops the space after ';' (S3 keeps it); the metadata copy above is verbatim
        assertEquals("text/html;charset=utf-8", head.contentType().replace(" ", ""));
        assertTrue(head.contentLength() < body.length / 2, "stored compressed: " + head.contentLength());
    }

    @ParameterizedTest
    @MethodSource("stores")
    void rawKeepsNonUtf8BytesAndOmitsNullMetadata(String store) {
        Archive archive = archive(store);
        byte[] body = "<html><head><meta charset=windows-1251><title>Новини</title></head><body><p>Київ</p></body></html>"
                .getBytes(Charset.forName("windows-1251"));
        String key = Archive.rawKey(outlet(), URL, HASH, LocalDate.of(2024, 5, 2));
        assertTrue(archive.putRaw(key, body, new RawMetadata(null, 200, null, null, null, null)));

        assertArrayEquals(body, archive.getRaw(key));
        assertEquals(new RawMetadata(null, 200, null, null, null, null), archive.rawMetadata(key));
        var head = (store.equals("memory") ? memory : disk).s3().headObject(b -> b.bucket(archive.bucket()).key(key));
        assertEquals(java.util.Set.of("status"), head.metadata().keySet());
    }

    @ParameterizedTest
    @MethodSource("stores")
    void secondPutOfAKeyIsRefusedAndCounted(String store) throws IOException {
        Archive archive = archive(store);
        String key = Archive.rawKey(outlet(), URL, HASH, LocalDate.of(2024, 5, 1));
        RawMetadata first = new RawMetadata(URL, 200, "text/html", "\"a1\"", null, Instant.parse("2024-05-01T10:00:00Z"));
        RawMetadata second = new RawMetadata(URL, 200, "text/html", "\"b2\"", null, Instant.parse("2024-05-01T11:00:00Z"));

        assertTrue(archive.putRaw(key, page(), first));
        assertFalse(archive.putRaw(key, "<html>other bytes</html>".getBytes(StandardCharsets.UTF_8), second));

        assertEquals(2, archive.putCount(), "both PUT requests counted, the refused one included");
        assertArrayEquals(page(), archive.getRaw(key), "never overwritten");
        assertEquals("\"a1\"", archive.rawMetadata(key).etag());
    }

    @ParameterizedTest
    @MethodSource("stores")
    void cleanIsJsonAndWrittenOnce(String store) {
        Archive archive = archive(store);
        String key = Archive.cleanKey(outlet(), URL, HASH, LocalDate.of(2024, 5, 1));
        byte[] json = """
                {"schemaVersion":1,"url":"%s","title":"У Києві відкрили оновлений міст","authors":["Олена Коваль"]}
                """.formatted(URL).getBytes(StandardCharsets.UTF_8);

        assertFalse(archive.exists(key));
        assertTrue(archive.putClean(key, json));
        assertTrue(archive.exists(key));
        assertFalse(archive.putClean(key, "{}".getBytes(StandardCharsets.UTF_8)));

        assertArrayEquals(json, archive.getClean(key));
        assertEquals(2, archive.putCount());
        var head = (store.equals("memory") ? memory : disk).s3().headObject(b -> b.bucket(archive.bucket()).key(key));
        assertEquals("application/json", head.contentType());
        assertNull(head.contentEncoding());
    }

    /**
     * Regression: with aws-chunked bodies, s3proxy broke the kept-alive connection after some
     * PUTs, the SDK retried a PUT that had succeeded, and "new" objects came back as "existed".
     */
    @ParameterizedTest
    @MethodSource("stores")
    void alternatingNewAndRepeatedPutsAnswerExactly(String store) {
        Archive archive = archive(store);
        String outlet = outlet();
        byte[] json = "{\"schemaVersion\":1}".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 40; i++) {
            String key = Archive.cleanKey(outlet, URL + "?page=" + i, HASH, LocalDate.of(2024, 5, 1));
            assertTrue(archive.putClean(key, json), "new key " + i);
            assertFalse(archive.putClean(key, json), "repeated key " + i);
        }
        assertEquals(80, archive.putCount());
    }

    @ParameterizedTest
    @MethodSource("stores")
    void missingObjectsAreNamed(String store) {
        Archive archive = archive(store);
        String key = Archive.rawKey(outlet(), URL, HASH, LocalDate.of(2024, 5, 1));
        var e = assertThrows(NoSuchElementException.class, () -> archive.getRaw(key));
        assertTrue(e.getMessage().contains(key), e.getMessage());
        assertThrows(NoSuchElementException.class, () -> archive.rawMetadata(key));
        assertThrows(NoSuchElementException.class, () -> archive.getClean(key));
        assertEquals(0, archive.putCount());
    }
}
