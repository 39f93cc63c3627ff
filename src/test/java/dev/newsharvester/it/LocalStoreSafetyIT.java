package dev.newsharvester.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import com.almworks.sqlite4java.SQLiteConnection;
import dev.newsharvester.cli.CliRun;
import dev.newsharvester.local.LocalStack;
import dev.newsharvester.local.StoreDirectory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store as a new user meets it: two processes on one {@code --data} directory (real JVMs),
 * commands pointed at folders and files that are not stores, a bad outlets file, {@code extract --out}
 * with pages it rejects.
 */
class LocalStoreSafetyIT {

    @TempDir
    Path tmp;

    /**
     * A harvest in a second JVM holds the store while its feeds hang on a loopback server; a third JVM's harvest
     * and an in-process query are refused with one line naming that process, and work once it has finished.
     */
    @Test
    void aSecondProcessIsRefusedWithTheHoldersPidAndCommand() throws Exception {
        CountDownLatch requested = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", exchange -> {
            try (exchange) {
                if (exchange.getRequestURI().getPath().startsWith("/feed")) {
                    requested.countDown();
                    release.await(80, TimeUnit.SECONDS);
                    byte[] rss = """
                            <?xml version="1.0" encoding="UTF-8"?>
                            <rss version="2.0"><channel><title>Quiet</title><link>http://127.0.0.1/</link></channel></rss>
                            """.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
                    exchange.sendResponseHeaders(200, rss.length);
                    exchange.getResponseBody().write(rss);
                } else {
                    exchange.sendResponseHeaders(404, -1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        site.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        site.start();
        Path data = tmp.resolve("store");
        String origin = "http://127.0.0.1:" + site.getAddress().getPort();
        Path outlets = Files.writeString(tmp.resolve("outlets.yaml"), """
                outlets:
                  - id: quiet
                    feeds: [%1$s/feed1.xml, %1$s/feed2.xml, %1$s/feed3.xml, %1$s/feed4.xml]
                    crawlDelay: PT0S
                """.formatted(origin));
        List<String> harvest = List.of("harvest", "--data", data.toString(), "--config", outlets.toString(),
                "--allow-private", "127.0.0.1/32");
        Process holder = cli(harvest, tmp.resolve("holder.out"), tmp.resolve("holder.err"));
        try {
            assertTrue(requested.await(90, TimeUnit.SECONDS), "the harvest in the second JVM never asked for its feed: "
                    + Files.readString(tmp.resolve("holder.err")));
            String lock = Files.readString(data.resolve(StoreDirectory.LOCK));
            assertTrue(lock.contains("pid=" + holder.pid() + "\n") && lock.contains("command=news-harvester harvest\n"), lock);

            Process second = cli(harvest, tmp.resolve("second.out"), tmp.resolve("second.err"));
            assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the refused process did not exit");
            String refusal = Files.readString(tmp.resolve("second.err"));
            assertEquals(1, second.exitValue(), refusal);
            assertEquals(1, refusal.lines().count(), refusal);
            assertTrue(refusal.startsWith("error: local store " + data + " is in use by process " + holder.pid()
                    + " (news-harvester harvest, since "), refusal);

            CliRun query = CliRun.of("query", "outlet", "quiet", "--data", data.toString());
            assertEquals(1, query.code(), query.err());
            assertEquals(1, query.err().lines().count(), query.err());
            assertTrue(query.err().contains("in use by process " + holder.pid() + " (news-harvester harvest"), query.err());
        } finally {
            release.countDown();
        }
        assertTrue(holder.waitFor(90, TimeUnit.SECONDS), "the holder did not finish");
        String holderErr = Files.readString(tmp.resolve("holder.err"));
        assertFalse(holderErr.contains("Exception") || holderErr.contains("database is locked"), holderErr);
        site.stop(0);

        CliRun after = CliRun.of("query", "outlet", "quiet", "--data", data.toString());
        assertEquals(0, after.code(), after.err());
        assertEquals("", Files.readString(data.resolve(StoreDirectory.LOCK)), "the lock file is emptied on release");
    }

    /** Commands that only use a store refuse a folder that is not one, and leave it exactly as it was. */
    @Test
    void aFolderThatIsNotAStoreIsRefusedAndLeftUnchanged() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("photos"));
        Files.writeString(folder.resolve("notes.txt"), "my notes\n");
        Files.createDirectories(folder.resolve("2024")).resolve("a.jpg").toFile().createNewFile();
        Map<String, String> before = listing(folder);
        for (String[] args : List.of(
                new String[] {"query", "outlet", "unn", "--data", folder.toString()},
                new String[] {"reprocess", "--data", folder.toString()},
                new String[] {"sweep", "--data", folder.toString()},
                new String[] {"export", "--format", "csv", "--out", folder.resolve("a.csv").toString(), "--data", folder.toString()},
                new String[] {"harvest", "--data", folder.toString()})) {
            CliRun r = CliRun.of(args);
            assertEquals(1, r.code(), args[0] + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("--data " + folder + " is not") && r.err().contains("news-harvester store"), r.err());
            assertEquals(before, listing(folder), args[0] + " wrote into a folder that is not a store");
        }
        Path missing = tmp.resolve("no-such-store");
        CliRun r = CliRun.of("query", "outlet", "unn", "--data", missing.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("does not exist"), r.err());
        assertFalse(Files.exists(missing), "a read made the directory");
    }

    /** Another program's SQLite database, given as --data or found where the store's file would be, is not touched. */
    @Test
    void anotherProgramsSqliteFileIsRefusedAndUnchanged() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("app").resolve("dynamodb"));
        Path db = folder.resolve("shared-local-instance.db");
        try (LocalStack loadsTheSqliteLibrary = LocalStack.inMemory()) {
            SQLiteConnection other = new SQLiteConnection(db.toFile());
            other.open(true);
            try {
                other.exec("create table notes(id integer primary key, body text); insert into notes(body) values ('keep me');");
            } finally {
                other.dispose();
            }
        }
        String sum = sha256(db);
        Map<String, String> before = listing(tmp.resolve("app"));
        for (Path data : List.of(db, tmp.resolve("app"))) {
            CliRun r = CliRun.of("query", "outlet", "unn", "--data", data.toString());
            assertEquals(1, r.code(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("error: --data " + data + " is "), r.err());
            assertEquals(sum, sha256(db), "the SQLite file changed");
            assertEquals(before, listing(tmp.resolve("app")));
        }
    }

    /** An outlets file with a key given twice is refused with its line, before any store is made. */
    @Test
    void aDuplicateKeyInTheOutletsFileIsReportedWithItsLineAndNoStoreIsMade() throws Exception {
        Path outlets = Files.writeString(tmp.resolve("outlets.yaml"), """
                outlets:
                  - id: unn
                    feeds: [https://unn.ua/en/rss/news_en.xml]
                    revisit: PT24H
                    feeds: [https://unn.ua/en/rss/politics_en.xml]
                """);
        Path data = tmp.resolve("new-store");
        CliRun r = CliRun.of("harvest", "--config", outlets.toString(), "--data", data.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(outlets + ": line 5: ") && r.err().contains("'feeds' is given twice"), r.err());
        assertFalse(Files.exists(data), "a store was made before the outlets file was read");
    }

    /** {@code extract --out} writes a file for each page it accepted and none for a page it rejected. */
    @Test
    void extractWritesNothingForARejectedPage() throws Exception {
        Path article = copy("/fixtures/fetch/article-en.html", "article.html");
        Path listing = copy("/extract/cna-economy-listing.html", "listing.html");
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("extract", "--out", out.toString(), article.toString(), listing.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("not an article: " + listing), r.err());
        assertEquals(List.of("article.txt"), names(out));
        assertFalse(Files.readString(out.resolve("article.txt")).isBlank());

        Path none = tmp.resolve("none");
        CliRun json = CliRun.of("extract", "--json", "--out", none.toString(), listing.toString());
        assertEquals(1, json.code(), json.err());
        assertFalse(Files.exists(none) && !names(none).isEmpty(), "files written for a rejected page: " + (Files.exists(none) ? names(none) : ""));
    }

    private Path copy(String resource, String name) throws IOException {
        try (var in = LocalStoreSafetyIT.class.getResourceAsStream(resource)) {
            Path p = tmp.resolve("pages").resolve(name);
            Files.createDirectories(p.getParent());
            Files.write(p, in.readAllBytes());
            return p;
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Every path under {@code dir} with its size and modification time. */
    static Map<String, String> listing(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                out.put(dir.relativize(p).toString(), Files.isDirectory(p) ? "dir"
                        : Files.size(p) + " " + Files.getLastModifiedTime(p));
            }
        }
        return out;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** The command line in a JVM of its own (the test classpath), as a user's second terminal would run it. */
    private static Process cli(List<String> args, Path stdout, Path stderr) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), "dev.newsharvester.cli.Main"));
        command.addAll(args);
        return new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    }
}
