package dev.newsharvester.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newsharvester.cli.CliRun;
import dev.newsharvester.local.DemoSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/news-harvester} on the packaged jar, on a store harvested from the loopback demo site: its answers are
 * {@code java -jar}'s, byte for byte; the first {@code query} records a start-up cache that a background JVM writes
 * into a cache directory the launcher makes (the jar here is outside a {@code target/} directory); the next run starts
 * from it (classes from the AOT cache, s3proxy's never loaded); {@code NEWS_HARVESTER_CACHE=off} runs plain.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("bin", "news-harvester");
    private static final Path JAR = Path.of("target", "news-harvester.jar");

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    @Test
    void answersAsJavaJarDoesAndStartsFromItsCacheTheSecondTime() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), JAR + " is built by mvn package");
        Path data = tmp.resolve("store");
        try (DemoSite site = DemoSite.start()) {
            Path outlets = Files.writeString(tmp.resolve("outlets.yaml"), site.outletsYaml());
            CliRun harvest = CliRun.of("harvest", "--data", data.toString(), "--config", outlets.toString(),
                    "--allow-private", "127.0.0.1/32", "--outlets", "unn");
            assertEquals(0, harvest.code(), harvest.err() + harvest.out());
        }
        Path app = Files.createDirectories(tmp.resolve("app"));
        Path jar = Files.copy(JAR, app.resolve("news-harvester.jar"));
        Path cacheHome = tmp.resolve("cache");
        List<String> query = List.of("query", "outlet", "unn", "--data", data.toString());
        String expected = CliRun.of(query.toArray(String[]::new)).out();
        assertTrue(expected.endsWith("5 row(s)\n"), expected);

        Run version = launch(List.of("--version"), Map.of("NEWS_HARVESTER_JAR", jar.toString(), "XDG_CACHE_HOME",
                cacheHome.toString()));
        assertEquals(new Run(0, "news-harvester 0.1.0\n", ""), version, "--version trains no cache");

        Map<String, String> env = Map.of("NEWS_HARVESTER_JAR", jar.toString(), "XDG_CACHE_HOME", cacheHome.toString());
        Run first = launch(query, env);
        assertEquals(0, first.code(), first.err());
        assertEquals(expected, first.out());

        Path plainLog = tmp.resolve("plain-classes.txt");
        Run plain = launch(query, Map.of("NEWS_HARVESTER_JAR", jar.toString(), "XDG_CACHE_HOME", cacheHome.toString(),
                "NEWS_HARVESTER_CACHE", "off", "NEWS_HARVESTER_JAVA_OPTS", "-Xlog:class+load:file=" + plainLog));
        assertEquals(new Run(0, expected, ""), plain);
        assertFalse(Files.readString(plainLog).contains("dev.newsharvester.cli.QueryCommand source: shared objects file"),
                "NEWS_HARVESTER_CACHE=off: no AOT cache");

        if (Runtime.version().feature() < 25) {
            return; // JDK 19-24: a CDS archive the JVM makes itself; nothing more to see here
        }
        assertTrue(first.err().contains("records a start-up cache"), first.err());
        Path cache = cacheHome.resolve("news-harvester").resolve("news-harvester.aot");
        for (int i = 0; i < 480 && !Files.exists(cache.resolveSibling("news-harvester.aot.key")); i++) {
            Thread.sleep(500); // the cache is written by a background JVM after the first run
        }
        assertTrue(Files.size(cache) > 1_000_000, "cache written: " + cache);
        try (Stream<Path> files = Files.list(app)) {
            assertEquals(List.of(jar), files.toList(), "nothing written next to a jar outside target/");
        }

        Path classes = tmp.resolve("classes.txt");
        Run second = launch(query, Map.of("NEWS_HARVESTER_JAR", jar.toString(), "XDG_CACHE_HOME", cacheHome.toString(),
                "NEWS_HARVESTER_JAVA_OPTS", "-Xlog:class+load:file=" + classes));
        assertEquals(new Run(0, expected, ""), second);
        String loaded = Files.readString(classes);
        assertTrue(loaded.lines().anyMatch(l -> l.contains("dev.newsharvester.cli.QueryCommand ")
                && l.contains("shared objects file")), "the CLI's classes come from the AOT cache");
        assertFalse(loaded.contains("org.gaul.s3proxy.S3Proxy "), "query outlet never loads s3proxy");
    }

    @Test
    void aJavaOlderThan21IsOneLineBeforeAnyJvmStarts() throws Exception {
        // a JDK as the launcher sees one: bin/java and the release file; this java would say if it were ever run
        Path home = Files.createDirectories(tmp.resolve("jdk-17").resolve("bin")).getParent();
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"17.0.13\"\nJAVA_RUNTIME_VERSION=\"17.0.13+11\"\n");
        Path java = Files.writeString(home.resolve("bin").resolve("java"), "#!/bin/sh\necho ran >&2\nexit 0\n");
        assertTrue(java.toFile().setExecutable(true));
        Run run = launch(List.of("status"), Map.of("JAVA_HOME", home.toString()));
        assertEquals(new Run(2, "", "error: news-harvester needs Java 21 or later, and " + java + " is Java 17: set"
                + " JAVA_HOME to a JDK 21+\n"), run);
    }

    private Run launch(List<String> args, Map<String, String> env) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toAbsolutePath().toString()));
        cmd.addAll(args);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("NEWS_HARVESTER_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(cmd + " did not exit");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
