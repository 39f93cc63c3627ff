package dev.newsharvester.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Fast answers, measured (README "Fast answers"): the whole-process wall time of {@code query}, {@code status} and
 * {@code search} on
 * embedded stores of 10 and 10,000 generated articles ({@link GeneratedStore}), each command a fresh process, run as
 * users type it: {@code java -jar target/news-harvester.jar} and {@code bin/news-harvester} (AOT cache, C1, serial GC);
 * median of N runs. Then where the time goes in a read command's JVM ({@link StartupPhases}, plain {@code java}).
 *
 * <pre>
 *   mvn -B -q -o package -DskipTests &amp;&amp; mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
 *   java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) dev.newsharvester.bench.FastAnswersBench 5 10,10000
 * </pre>
 * The stores are kept under {@code target/fast-answers-bench/} and reused by the next run (delete it to rebuild).
 */
public final class FastAnswersBench {

    private static final Path JAR = Path.of("target", "news-harvester.jar");
    private static final Path LAUNCHER = Path.of("bin", "news-harvester");
    private static final Path WORK = Path.of("target", "fast-answers-bench");

    private FastAnswersBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Integer> sizes = args.length > 1 ? List.of(args[1].split(",")).stream().map(Integer::parseInt).toList()
                : List.of(10, 10_000);
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run mvn -B -q -o package -DskipTests first");
        }
        Map<Integer, Path> stores = new LinkedHashMap<>();
        for (int size : sizes) {
            Path dir = WORK.resolve("store-" + size);
            double seconds = GeneratedStore.ensure(dir, size);
            System.out.printf("store of %,d articles in %s: %s%n", size, dir,
                    seconds == 0 ? "reused" : String.format("written in %.1f s", seconds));
            stores.put(size, dir);
            if (!Files.isDirectory(dir.resolve("search"))) {   // the search index, as `reindex` builds it
                Result r = run(javaJar(List.of("reindex", "--data", dir.toString())));
                System.out.printf("search index of %,d articles built by reindex in %,d ms%n", size, r.ms());
            }
        }
        // the launcher's cache: one recording run, then wait for the background JVM that writes it
        Path cache = JAR.resolveSibling("news-harvester.aot");
        Files.deleteIfExists(cache);
        Files.deleteIfExists(JAR.resolveSibling("news-harvester.aot.key"));
        run(launcher(List.of("query", "outlet", "unn", "--data", stores.values().iterator().next().toString())));
        for (int i = 0; i < 600 && !Files.exists(JAR.resolveSibling("news-harvester.aot.key")); i++) {
            Thread.sleep(500);
        }
        System.out.println("launcher cache: " + (Files.exists(cache) ? cache + " (" + Files.size(cache) / 1_000_000 + " MB)"
                : "none (this JVM cannot make one: the launcher runs plain java -jar)"));

        System.out.println();
        System.out.printf("whole-process wall time, median of %d (ms)%n", runs);
        System.out.printf("%-34s %9s %12s %12s %8s%n", "command", "articles", "java -jar", "launcher", "lines");
        for (var store : stores.entrySet()) {
            String data = store.getValue().toString();
            int size = store.getKey();
            int lastRevised = (size - 4) / 10 * 10 + 3; // the last i < size with two versions (GeneratedStore.revised)
            String revisedUrl = GeneratedStore.article(lastRevised, 0).url();
            Map<String, List<String>> commands = new LinkedHashMap<>();
            commands.put("query outlet unn", List.of("query", "outlet", "unn", "--data", data));
            commands.put("query outlet unn --limit 0 (all)", List.of("query", "outlet", "unn", "--limit", "0", "--data", data));
            commands.put("query outlet unn --since (1 day)", List.of("query", "outlet", "unn", "--since", "2025-06-05",
                    "--until", "2025-06-05", "--data", data));
            commands.put("query versions URL (2 versions)", List.of("query", "versions", revisedUrl, "--data", data));
            commands.put("query diff URL", List.of("query", "diff", revisedUrl, "--data", data));
            commands.put("status", List.of("status", "--data", data));
            commands.put("search electricity", List.of("search", "electricity", "--data", data));
            commands.put("search electricity --count-by day", List.of("search", "electricity", "--count-by", "day",
                    "--data", data));
            for (var c : commands.entrySet()) {
                List<Long> plain = new ArrayList<>();
                List<Long> fast = new ArrayList<>();
                int lines = 0;
                for (int i = 0; i < runs; i++) {
                    Result p = run(javaJar(c.getValue()));
                    Result f = run(launcher(c.getValue()));
                    plain.add(p.ms());
                    fast.add(f.ms());
                    lines = f.lines();
                }
                System.out.printf("%-34s %,9d %12d %12d %8d%n", c.getKey(), size, median(plain), median(fast), lines);
            }
        }

        System.out.println();
        System.out.println("where the time goes: one read command's JVM (java -cp, no cache, default JIT), median of " + runs);
        Map<String, List<Long>> ms = new LinkedHashMap<>();
        Map<String, Long> classes = new LinkedHashMap<>();
        Path big = stores.get(sizes.get(sizes.size() - 1));
        for (int i = 0; i < runs; i++) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String cp = JAR + File.pathSeparator + Path.of("target", "test-classes");
            Result r = run(List.of(java, "-cp", cp, StartupPhases.class.getName(), big.toString()));
            r.out().lines().filter(l -> l.startsWith("PHASE\t")).forEach(l -> {
                String[] f = l.split("\t");
                ms.computeIfAbsent(f[1], k -> new ArrayList<>()).add(Long.parseLong(f[2]));
                classes.put(f[1], Long.parseLong(f[3]));
            });
        }
        System.out.printf("%-34s %8s %16s%n", "phase", "ms", "classes loaded");
        ms.forEach((phase, values) -> System.out.printf("%-34s %8d %16d%n", phase, median(values), classes.get(phase)));
        System.exit(0);
    }

    private record Result(long ms, int lines, String out) {
    }

    private static List<String> javaJar(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        cmd.addAll(args);
        return cmd;
    }

    private static List<String> launcher(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString()));
        cmd.addAll(args);
        return cmd;
    }

    private static Result run(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        long start = System.nanoTime();
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed (exit " + p.exitValue() + "):\n" + out);
        }
        return new Result((System.nanoTime() - start) / 1_000_000, (int) out.lines().count(), out);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
