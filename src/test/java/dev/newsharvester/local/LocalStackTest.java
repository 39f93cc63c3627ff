package dev.newsharvester.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.store.Archive;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.ChangeLog;
import dev.newsharvester.store.LastVisit;
import dev.newsharvester.store.RawMetadata;
import dev.newsharvester.store.ReaderFacts;
import dev.newsharvester.store.StoredVersion;
import dev.newsharvester.store.TextSketch;
import dev.newsharvester.store.VersionId;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {
    private static final String OUTLET = "kyiv-daily";
    private static final Instant T0 = Instant.parse("2024-05-01T09:00:00Z");

    private static String url(String path) {
        return "https://kyiv-daily.example/uk/news/2024/05/01/" + path;
    }

    private static String hash(int n) {
        return String.format("%064x", 0x5DEECE66DL * (n + 1));
    }

    private static StoredVersion version(String url, String hash, String outlet, Instant seen) {
        return new StoredVersion(VersionId.of(url, hash, outlet), seen, new LastVisit(seen, seen, "\"e1\"", null),
                new ReaderFacts("Title", List.of("Олена Коваль"), null, null, "uk", null), null,
                new TextSketch("0123456789abcdef", null, 3, "x-1"), null);
    }

    @Test
    void reopeningADataDirectorySeesEarlierData(@TempDir Path dir) {
        StoredVersion v = version(url("persisted"), hash(1), OUTLET, T0);
        String rawKey = Archive.rawKey(OUTLET, v.url(), v.hash(), LocalDate.of(2024, 5, 1));
        byte[] page = "<!DOCTYPE html><html><head><title>Міст</title></head><body><p>Текст</p></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        RawMetadata meta = new RawMetadata(v.url(), 200, "text/html; charset=utf-8", "\"e1\"", null, T0);
        try (LocalStack stack = LocalStack.open(dir)) {
            assertTrue(new ArticleIndex(stack.dynamoDb(), stack.table()).putVersion(v));
            assertTrue(new Archive(stack.s3(), stack.bucket()).putRaw(rawKey, page, meta));
        }
        assertTrue(Files.isRegularFile(dir.resolve("dynamodb").resolve(LocalStack.DYNAMODB_FILE)));
        assertTrue(Files.isDirectory(dir.resolve("s3").resolve(LocalStack.BUCKET)));

        try (LocalStack again = LocalStack.open(dir)) {
            ArticleIndex index = new ArticleIndex(again.dynamoDb(), again.table());
            Archive archive = new Archive(again.s3(), again.bucket());
            assertEquals(Optional.of(v), index.get(v.url(), v.hash()));
            assertEquals(List.of(v.listingView()), index.byHash(v.hash()));
            assertArrayEquals(page, archive.getRaw(rawKey));
            assertEquals(meta, archive.rawMetadata(rawKey));
            assertFalse(index.putVersion(v));
            assertFalse(archive.putRaw(rawKey, page, meta));
        }
    }

    @Test
    void aCleanCopyReadsTheSameFromTheStoresFilesAsThroughS3(@TempDir Path dir) {
        String key = Archive.cleanKey(OUTLET, url("files"), hash(2), LocalDate.of(2024, 5, 1));
        byte[] json = "{\"schemaVersion\":2,\"title\":\"Міст відкрили\"}".getBytes(StandardCharsets.UTF_8);
        try (LocalStack stack = LocalStack.open(dir)) {
            assertTrue(new Archive(stack.s3(), stack.bucket()).putClean(key, json));
        }
        long starts = LocalStack.s3ProxyStarts();
        try (LocalStack again = LocalStack.open(StoreDirectory.open(dir, "test"), LocalStack.S3Start.ON_FIRST_USE)) {
            assertArrayEquals(json, again.readObjectFile(key));
            assertThrows(java.util.NoSuchElementException.class, () -> again.readObjectFile(key.replace(".json", "-x.json")));
            assertThrows(IllegalArgumentException.class, () -> again.readObjectFile("../dynamodb/" + LocalStack.DYNAMODB_FILE));
            assertEquals(starts, LocalStack.s3ProxyStarts(), "read without starting s3proxy");
        }
        try (LocalStack memory = LocalStack.inMemory()) {
            assertThrows(IllegalStateException.class, () -> memory.readObjectFile(key));
        }
    }

    @Test
    void theChangeLogListsTheSameFromTheStoresFilesAsThroughS3(@TempDir Path dir) {
        ChangeLog written;
        List<String> viaS3;
        List<String> outletsViaS3;
        List<String> sinceViaS3;
        String[] ids = {"a1b2c3d4", "0f0f0f0f0f", "deadbeef01", "cafe0123"};
        Instant[] at = {T0, T0.plusSeconds(86_400), T0.plusSeconds(2 * 86_400 + 5), T0.plusSeconds(3600)};
        try (LocalStack stack = LocalStack.open(dir)) {
            written = new ChangeLog(new Archive(stack.s3(), stack.bucket()));
            for (int i = 0; i < ids.length; i++) {
                assertTrue(written.append(i == 3 ? "up" : OUTLET, at[i], ids[i], ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
            }
            outletsViaS3 = written.outlets();
            viaS3 = written.keys(OUTLET, null);
            sinceViaS3 = written.keys(OUTLET, LocalDate.of(2024, 5, 2));
        }
        long starts = LocalStack.s3ProxyStarts();
        try (StoreDirectory store = StoreDirectory.open(dir, "test")) {
            ChangeLog read = new ChangeLog(ObjectFiles.of(store));
            assertEquals(List.of(OUTLET, "up"), read.outlets());
            assertEquals(outletsViaS3, read.outlets());
            assertEquals(3, viaS3.size(), viaS3.toString());
            assertEquals(viaS3, read.keys(OUTLET, null), "the same keys in the same order, claims left out");
            assertEquals(sinceViaS3, read.keys(OUTLET, LocalDate.of(2024, 5, 2)));
            assertEquals(2, sinceViaS3.size());
            assertEquals("{\"n\":2}", new String(read.read(viaS3.get(2)), StandardCharsets.UTF_8));
            assertEquals(List.of(), read.keys("nobody", null));
            assertThrows(IllegalStateException.class, () -> read.append(OUTLET, T0, "abcdef12", new byte[0]),
                    "opened to read only");
            assertThrows(IllegalArgumentException.class, () -> ObjectFiles.of(store).folders("../"));
            assertEquals(starts, LocalStack.s3ProxyStarts(), "read without starting s3proxy");
        }
    }

    @Test
    void aDataDirectoryOpenElsewhereIsRefusedClearly(@TempDir Path dir) {
        try (LocalStack first = LocalStack.open(dir)) {
            var e = assertThrows(IllegalStateException.class, () -> LocalStack.open(dir));
            assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
            // the first stays usable
            assertTrue(new ArticleIndex(first.dynamoDb(), first.table()).putVersion(version(url("still"), hash(2), OUTLET, T0)));
        }
    }

    @Test
    void twoThreadsShareOneStack(@TempDir Path dir) throws Exception {
        try (LocalStack stack = LocalStack.open(dir)) {
            ArticleIndex index = new ArticleIndex(stack.dynamoDb(), stack.table());
            Archive archive = new Archive(stack.s3(), stack.bucket());
            String outlet = "concurrent";
            int own = 25;
            int contested = 10;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<int[]>> results = new ArrayList<>();
                for (int worker = 0; worker < 2; worker++) {
                    int w = worker;
                    Callable<int[]> task = () -> {
                        go.await();
                        int ownWritten = 0;
                        int contestedWon = 0;
                        for (int i = 0; i < own; i++) {
                            String u = url("w" + w + "-" + i);
                            StoredVersion v = version(u, hash(i), outlet, T0.plusSeconds(w * 1000L + i));
                            byte[] json = ("{\"worker\":" + w + ",\"i\":" + i + "}").getBytes(StandardCharsets.UTF_8);
                            if (index.putVersion(v) && archive.putClean(Archive.cleanKey(outlet, u, v.hash(), LocalDate.of(2024, 5, 1)), json)) {
                                ownWritten++;
                            }
                            if (i < contested) {
                                String shared = url("shared-" + i);
                                boolean row = index.putVersion(version(shared, hash(i), outlet, T0.plusSeconds(5000L + i)));
                                boolean object = archive.putClean(Archive.cleanKey(outlet, shared, hash(i), LocalDate.of(2024, 5, 1)), json);
                                contestedWon += (row ? 1 : 0) + (object ? 1000 : 0);
                            }
                        }
                        return new int[] {ownWritten, contestedWon};
                    };
                    results.add(pool.submit(task));
                }
                go.countDown();
                int contestedRows = 0;
                int contestedObjects = 0;
                for (Future<int[]> f : results) {
                    int[] r = f.get(2, TimeUnit.MINUTES);
                    assertEquals(own, r[0], "every uncontested write succeeds");
                    contestedRows += r[1] % 1000;
                    contestedObjects += r[1] / 1000;
                }
                assertEquals(contested, contestedRows, "each contested (url, hash) written exactly once");
                assertEquals(contested, contestedObjects, "each contested key written exactly once");
                assertEquals(2 * own + contested, index.byOutlet(outlet, null, null).size());
                assertEquals(2L * (own + contested), archive.putCount());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void s3ListensOnLoopbackOnlyAndStopsOnClose() throws IOException {
        LocalStack stack = LocalStack.inMemory();
        var endpoint = stack.s3Endpoint();
        try {
            assertEquals("127.0.0.1", endpoint.getHost());
            assertTrue(endpoint.getPort() > 0);
            assertTrue(stack.s3().listBuckets().buckets().stream().anyMatch(b -> b.name().equals(LocalStack.BUCKET)));
            assertEquals(List.of(), new ArticleIndex(stack.dynamoDb(), stack.table()).byOutlet(OUTLET, null, null));
        } finally {
            stack.close();
            stack.close(); // idempotent
        }
        try (Socket s = new Socket()) {
            assertThrows(ConnectException.class, () -> s.connect(new InetSocketAddress("127.0.0.1", endpoint.getPort()), 2000));
        }
    }

    /**
     * {@link LocalStack.S3Start#ON_FIRST_USE}: the index answers without s3proxy; the first {@code s3()} starts it (once,
     * for two threads asking at the same time) and the archive written by an earlier open is there; close stops it.
     */
    @Test
    void s3ProxyStartsOnFirstUseOnlyWhenAskedTo(@TempDir Path dir) throws Exception {
        StoredVersion v = version(url("lazy"), hash(5), OUTLET, T0);
        String key = "clean/outlet=" + OUTLET + "/dt=2024-05-01/lazy.json";
        try (LocalStack stack = LocalStack.open(dir)) {
            assertTrue(stack.s3Started(), "WITH_THE_STORE: started by open");
            new ArticleIndex(stack.dynamoDb(), stack.table()).putVersion(v);
            new Archive(stack.s3(), stack.bucket()).putClean(key, "{\"lazy\":true}".getBytes(StandardCharsets.UTF_8));
        }
        long starts = LocalStack.s3ProxyStarts();
        LocalStack stack = LocalStack.open(StoreDirectory.open(dir, "test"), LocalStack.S3Start.ON_FIRST_USE);
        java.net.URI endpoint;
        try {
            assertEquals(Optional.of(v.hash()), new ArticleIndex(stack.dynamoDb(), stack.table()).get(v.url(), v.hash())
                    .map(StoredVersion::hash));
            assertFalse(stack.s3Started());
            assertEquals(0, stack.s3Puts());
            assertEquals(starts, LocalStack.s3ProxyStarts());
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<byte[]>> reads = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    reads.add(pool.submit(() -> new Archive(stack.s3(), stack.bucket()).getClean(key)));
                }
                for (Future<byte[]> read : reads) {
                    assertEquals("{\"lazy\":true}", new String(read.get(), StandardCharsets.UTF_8));
                }
            } finally {
                pool.shutdown();
            }
            assertTrue(stack.s3Started());
            assertEquals(starts + 1, LocalStack.s3ProxyStarts(), "two threads, one start");
            endpoint = stack.s3Endpoint();
        } finally {
            stack.close();
        }
        assertThrows(IllegalStateException.class, stack::s3, "no start after close");
        try (Socket s = new Socket()) {
            assertThrows(ConnectException.class, () -> s.connect(new InetSocketAddress("127.0.0.1", endpoint.getPort()), 2000));
        }
        try (LocalStack unused = LocalStack.open(StoreDirectory.open(dir, "test"), LocalStack.S3Start.ON_FIRST_USE)) {
            assertFalse(unused.s3Started()); // closed without ever starting s3proxy, and the directory is released
        }
        try (LocalStack again = LocalStack.open(dir)) {
            assertTrue(again.s3Started());
        }
    }

    @Test
    void inMemoryStacksAreIndependent() {
        StoredVersion v = version(url("memory-only"), hash(3), OUTLET, T0);
        try (LocalStack a = LocalStack.inMemory(); LocalStack b = LocalStack.inMemory()) {
            assertTrue(new ArticleIndex(a.dynamoDb(), a.table()).putVersion(v));
            assertEquals(Optional.empty(), new ArticleIndex(b.dynamoDb(), b.table()).get(v.url(), v.hash()));
        }
        try (LocalStack c = LocalStack.inMemory()) {
            assertEquals(Optional.empty(), new ArticleIndex(c.dynamoDb(), c.table()).get(v.url(), v.hash()));
        }
    }

    /**
     * In a fresh JVM (as the CLI runs): the stack must print nothing to stdout or stderr, must not
     * leave DynamoDB Local's telemetry file behind, and a second process sees the first one's data.
     */
    @Test
    void freshJvmStartsQuietlyAndPersists(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path work = Files.createDirectories(dir.resolve("cwd"));
        for (String mode : List.of("write", "check")) {
            Path timing = dir.resolve("open-ms-" + mode);
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    LocalStackProbe.class.getName(), data.toString(), timing.toString(), mode)
                    .directory(work.toFile())
                    .redirectOutput(dir.resolve("stdout-" + mode).toFile())
                    .redirectError(dir.resolve("stderr-" + mode).toFile())
                    .start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("probe (" + mode + ") did not exit: some thread outlived LocalStack.close()");
            }
            String out = Files.readString(dir.resolve("stdout-" + mode));
            String err = Files.readString(dir.resolve("stderr-" + mode));
            assertEquals(0, p.exitValue(), "probe (" + mode + ") failed:\n" + out + err);
            assertEquals("", out, "stdout of " + mode);
            assertEquals("", err, "stderr of " + mode);
            System.out.println("LocalStack.open in a fresh JVM (" + mode + "): " + Files.readString(timing) + " ms");
        }
        try (var files = Files.list(work)) {
            assertEquals(List.of(), files.toList(), "nothing written to the working directory (telemetry off)");
        }
    }
}
