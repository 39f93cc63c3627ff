package dev.newsharvester.local;

import dev.newsharvester.fingerprint.SimHash;
import dev.newsharvester.pipeline.ArticleOutcome;
import dev.newsharvester.pipeline.HarvestReport;
import dev.newsharvester.pipeline.Harvester;
import dev.newsharvester.pipeline.Outcome;
import dev.newsharvester.pipeline.OutletReport;
import dev.newsharvester.pipeline.ProgressListener;
import dev.newsharvester.pipeline.Settings;
import dev.newsharvester.pipeline.Wiring;
import dev.newsharvester.search.IndexUpdater;
import dev.newsharvester.query.ArticleQueries;
import dev.newsharvester.query.Comparison;
import dev.newsharvester.query.SimilarMatch;
import dev.newsharvester.query.StoryMatch;
import dev.newsharvester.query.VersionChange;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.Archive;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The demo: the bundled snapshot site of UNN, Ukrainska Pravda and an aggregator on loopback, the
 * embedded store, and three harvest rounds through the real pipeline. Between the first two the site
 * changes every page's chrome and edits one article; round 3 ({@link DemoLifecycleRound}) edits a headline,
 * deletes an article and moves one, and shows the change feed they make.
 */
public final class Demo {

    /** Marks a data directory as the demo's own, so that a later demo may clear it. */
    static final String MARKER = ".news-harvester-demo";

    /** Everything the demo showed, for tests. */
    public record Result(HarvestReport round1, HarvestReport round2, Map<String, List<StoryMatch>> stories,
            Map<String, String> diffs, Map<String, List<SimilarMatch>> similar, long round2Puts, List<String> round2Requests,
            DemoLifecycleRound.Result round3) {
    }

    private Demo() {
    }

    public static Result run(Path dataDir, PrintStream out, PrintStream progress) throws IOException {
        ProgressListener listener = progress == null ? ProgressListener.NONE : new ProgressListener() {
            @Override
            public void processed(ArticleOutcome o, int done, int total) {
                progress.printf("  [%s] %d/%d %s%n", o.outlet(), done, total, o.outcome());
            }
        };
        return run(dataDir, out, listener, report -> { });
    }

    /**
     * The demo with its progress told to {@code listener}; {@code finished} gets each round's report once the round's
     * harvest returned.
     */
    public static Result run(Path dataDir, PrintStream out, ProgressListener listener,
            Consumer<HarvestReport> finished) throws IOException {
        StoreDirectory store = prepare(dataDir);
        try (LocalStack stack = LocalStack.open(store); DemoSite site = DemoSite.start();
                IndexUpdater search = IndexUpdater.forDataDirectory(dataDir, new Archive(stack.s3(), stack.bucket()), true,
                        System.err::println).orElseThrow()) {
            Path outletsFile = dataDir.resolve("outlets.yaml");
            Files.writeString(outletsFile, site.outletsYaml(), StandardCharsets.UTF_8);
            // The guard opens only the demo site's own address.
            Settings settings = Settings.store(stack.table(), stack.bucket()).withOutletsUri(outletsFile.toString())
                    .withAllowPrivateNetworks("127.0.0.1/32").withFeedsDirectory(dataDir.resolve("feeds").toString());
            // Publishes every change (change log, Atom feeds and diff pages, also in <data>/feeds), as the functions do.
            DemoLifecycleRound.Recorder changes = new DemoLifecycleRound.Recorder(Wiring.changeSink(settings, stack.s3(), null, search));
            Harvester harvester = Wiring.harvester(settings, stack.s3(), stack.dynamoDb(), null, changes,
                    DemoLifecycleRound.DELETION_CONFIRM_AFTER);
            Archive archive = new Archive(stack.s3(), stack.bucket());
            ArticleQueries queries = new ArticleQueries(new ArticleIndex(stack.dynamoDb(), stack.table()), archive);

            out.println("Demo site: " + site.origin("unn") + " (UNN), " + site.origin("up") + " (Ukrainska Pravda), "
                    + site.origin("agg") + " (aggregator); store: " + dataDir);
            out.println();
            out.println("== Round 1: first harvest ==");
            HarvestReport round1 = harvester.harvest(List.of(), listener);
            finished.accept(round1);
            print(round1, out);

            site.setRound(2);
            int requestsBefore = site.requestLog().size();
            long putsBefore = stack.s3Puts();
            out.println();
            out.println("== Round 2: the site changed counters, sidebars and ads on every page, and edited one article ==");
            HarvestReport round2 = harvester.harvest(List.of(), listener);
            finished.accept(round2);
            long round2Puts = stack.s3Puts() - putsBefore;
            print(round2, out);
            List<String> round2Requests = List.copyOf(site.requestLog().subList(requestsBefore, site.requestLog().size()));

            out.println();
            out.println("== What round 2 shows ==");
            out.printf("UNCHANGED  %d pages: only their chrome changed, so the clean text and its hash did not%n", round2.total(Outcome.UNCHANGED));
            Map<String, Comparison> edits = new LinkedHashMap<>();
            for (ArticleOutcome o : byOutcome(round2, Outcome.REVISED)) {
                VersionChange latest = queries.history(o.url()).get(0);
                out.println("REVISED    " + path(o.url()) + " — a new version was stored: "
                        + (latest.change() == null ? "" : latest.change().summary()));
                edits.put(o.url(), queries.compare(o.url(), null, null));
            }
            for (ArticleOutcome o : Stream.concat(byOutcome(round1, Outcome.DUPLICATE).stream(), byOutcome(round2, Outcome.DUPLICATE).stream()).toList()) {
                out.println("DUPLICATE  " + o.outlet() + " " + path(o.url()) + " carries the same text as " + o.duplicateOf()
                        + " (indexed, clean copy not stored again)");
            }
            out.printf("S3 PUTs in round 2: %d (one raw and one clean copy per new version, none for unchanged pages)%n", round2Puts);
            long conditional = round2Requests.stream().filter(Demo::isConditional).count();
            long notModified = round2Requests.stream().filter(l -> l.split(" ")[3].equals("304")).count();
            out.printf("HTTP in round 2: %d requests, %d of them conditional (If-None-Match/If-Modified-Since), %d answered"
                    + " 304 Not Modified (what had not changed was neither downloaded nor parsed again; pages whose bytes"
                    + " changed, if only in their chrome, came in full)%n",
                    round2Requests.size(), conditional, notModified);

            out.println();
            out.println("== Near-copies (query similar: SimHash within 3 bits, four 16-bit block lookups) ==");
            Map<String, List<SimilarMatch>> similar = new LinkedHashMap<>();
            for (ArticleOutcome o : byOutcome(round1, Outcome.NEW)) {
                List<SimilarMatch> matches = queries.similar(o.url(), SimHash.MAX_LOOKUP_DISTANCE);
                if (!matches.isEmpty()) {
                    similar.put(o.url(), matches);
                    out.println(o.outlet() + " " + path(o.url()));
                    for (SimilarMatch m : matches) {
                        out.printf("    %d bits  %-4s %s%s%n", m.distance(), m.version().outlet(), path(m.version().url()),
                                m.sameText(o.hash()) ? "  (the same text)" : "");
                    }
                }
            }
            if (similar.isEmpty()) {
                out.println("(none found)");
            }

            out.println();
            out.println("== Same story across outlets (query story: similar word sets, different texts) ==");
            Map<String, List<StoryMatch>> stories = new LinkedHashMap<>();
            for (ArticleOutcome o : byOutcome(round1, Outcome.NEW)) {
                if (!o.outlet().equals("unn")) {
                    continue;
                }
                List<StoryMatch> matches = queries.story(o.url()).stream().filter(m -> !m.sameText()).toList();
                if (!matches.isEmpty()) {
                    stories.put(o.url(), matches);
                    out.println(o.outlet() + " " + path(o.url()));
                    for (StoryMatch m : matches) {
                        out.printf("    %.2f  %-4s %s%n", m.score(), m.version().outlet(), path(m.version().url()));
                    }
                }
            }
            if (stories.isEmpty()) {
                out.println("(none found)");
            }

            out.println();
            out.println("== The edited article, before and after (query diff) ==");
            Map<String, String> diffs = new LinkedHashMap<>();
            for (Map.Entry<String, Comparison> e : edits.entrySet()) {
                String diff = e.getValue().unified();
                diffs.put(e.getKey(), diff);
                out.println(path(e.getKey()));
                diff.lines().forEach(l -> out.println("    " + l));
                Path page = dataDir.resolve("diff.html");
                Files.writeString(page, e.getValue().html(), StandardCharsets.UTF_8);
                out.println("Side by side in a browser: " + page.toAbsolutePath());
            }

            DemoLifecycleRound.Result round3 = DemoLifecycleRound.run(site, harvester, changes, queries, dataDir, out,
                    listener, finished);

            out.println();
            out.println("Query it yourself (the store is in " + dataDir + "):");
            String some = stories.keySet().stream().findFirst().orElse(null);
            String edited = edits.keySet().stream().findFirst().orElse(null);
            out.println("  java -jar target/news-harvester.jar query outlet unn --data " + dataDir);
            if (some != null) {
                out.println("  java -jar target/news-harvester.jar query story " + some + " --data " + dataDir);
            }
            if (edited != null) {
                out.println("  java -jar target/news-harvester.jar query versions " + edited + " --data " + dataDir);
                out.println("  java -jar target/news-harvester.jar query diff " + edited + " --html diff.html --data " + dataDir);
            }
            return new Result(round1, round2, stories, diffs, similar, round2Puts, round2Requests, round3);
        }
    }

    private static List<ArticleOutcome> byOutcome(HarvestReport report, Outcome outcome) {
        return report.outcomes().stream().filter(o -> o.outcome() == outcome).toList();
    }

    /** A harvest's outcomes, a row per article, then its counts per outlet. */
    static void print(HarvestReport report, PrintStream out) {
        List<ArticleOutcome> rows = new ArrayList<>(report.outcomes());
        rows.sort(Comparator.comparing(ArticleOutcome::outlet).thenComparing(ArticleOutcome::url));
        int w = rows.stream().mapToInt(o -> path(o.url()).length()).max().orElse(10);
        for (ArticleOutcome o : rows) {
            String note = switch (o.outcome()) {
                case DUPLICATE -> "same text as " + o.duplicateOf();
                case NEW -> "hash " + o.hash().substring(0, 12);
                case UNCHANGED, REVISED -> (o.hash() == null ? "" : "hash " + o.hash().substring(0, 12) + "  ") + (o.reason() == null ? "" : o.reason());
                default -> o.reason();
            };
            out.printf("  %-4s %-9s %-" + w + "s  %s%n", o.outlet(), o.outcome(), path(o.url()), note);
        }
        out.println();
        out.printf("  %-6s %5s %4s %7s %5s %8s %9s %9s %7s %6s%n", "outlet", "found", "due", "not due", "NEW", "REVISED",
                "UNCHANGED", "DUPLICATE", "SKIPPED", "FAILED");
        for (OutletReport r : report.outlets()) {
            out.printf("  %-6s %5d %4d %7d %5d %8d %9d %9d %7d %6d%n", r.outlet(), r.discovered(), r.due(), r.notDue(),
                    r.count(Outcome.NEW), r.count(Outcome.REVISED),
                    r.count(Outcome.UNCHANGED), r.count(Outcome.DUPLICATE), r.count(Outcome.SKIPPED), r.count(Outcome.FAILED));
            r.problems().forEach(p -> out.println("    problem: " + p));
        }
    }

    /** A request log line ("unn GET /path 304 If-None-Match") of a conditional request. */
    private static boolean isConditional(String logLine) {
        return logLine.endsWith(" If-None-Match") || logLine.contains(" If-Modified-Since");
    }

    private static String path(String url) {
        URI u = URI.create(url);
        return u.getRawPath();
    }

    /**
     * The demo keeps its store in its own directory, locked for the run: a new or empty one, or one an earlier
     * demo made, which it clears (everything but the store's marker and lock).
     */
    private static StoreDirectory prepare(Path dir) throws IOException {
        boolean earlierDemo = Files.exists(dir.resolve(MARKER));
        if (Files.isDirectory(dir) && !earlierDemo) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException(dir + " holds files the demo did not make; give the demo its own --data directory");
                }
            }
        }
        if (earlierDemo && !Files.exists(dir.resolve(StoreDirectory.MARKER))) {
            deleteTree(dir); // made by a version without the store marker
        }
        StoreDirectory store = StoreDirectory.create(dir, "news-harvester demo");
        try {
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path p : entries.toList()) {
                    String name = p.getFileName().toString();
                    if (!name.equals(StoreDirectory.MARKER) && !name.equals(StoreDirectory.LOCK)) {
                        deleteTree(p);
                    }
                }
            }
            Files.writeString(dir.resolve(MARKER), "news-harvester demo store; `demo` clears this directory on each run\n");
            return store;
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
