package dev.newsharvester.bench;

import dev.newsharvester.export.ArchiveExport;
import dev.newsharvester.export.ExportColumns;
import dev.newsharvester.export.ExportFile;
import dev.newsharvester.export.Format;
import dev.newsharvester.export.RowSink;
import dev.newsharvester.local.LocalStack;
import dev.newsharvester.local.StoreDirectory;
import dev.newsharvester.query.ArticleQueries;
import dev.newsharvester.search.CountBy;
import dev.newsharvester.search.Reindexer;
import dev.newsharvester.search.SearchIndex;
import dev.newsharvester.search.SearchRequest;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.change.ChangeJournal;
import dev.newsharvester.health.HealthEvaluator;
import dev.newsharvester.health.HealthThresholds;
import dev.newsharvester.store.ChangeLog;
import dev.newsharvester.store.HealthCounters;
import dev.newsharvester.web.SearchBackend;
import dev.newsharvester.web.SearchIndexBackend;
import dev.newsharvester.web.WebServer;
import dev.newsharvester.web.WebSources;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The archive at scale (issue 12, point 5): a store of N generated articles ({@link GeneratedStore}: 8 outlets, 90 days,
 * varied text, every tenth article revised, so N × 1.1 versions), then
 * <ul>
 *   <li>the rate the store is written at, through the store's own writers;</li>
 *   <li>the rate the search index is built at from the archive ({@code reindex}: every clean copy read from S3);</li>
 *   <li>search and count latency on the open index (median and 90th percentile of 20 runs after a warm-up), and a
 *   search through the web page ({@code serve}), the whole HTTP round trip;</li>
 *   <li>export time and size in each format (every outlet, latest versions);</li>
 *   <li>the store's size on disk: DynamoDB Local's file, the S3 folder, the search index.</li>
 * </ul>
 * Run (after {@code mvn package} and {@code dependency:build-classpath}, see the README):
 * <pre>java -Xmx2g -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) dev.newsharvester.bench.ScaleBench [N] [DIR] [FORMATS]</pre>
 * N defaults to 100,000, DIR to {@code target/scale-store-N} (kept: a second run reuses the store), FORMATS to
 * {@code jsonl,csv,parquet} ({@code none} skips the exports).
 */
public final class ScaleBench {

    private static final List<String[]> QUESTIONS = List.of(
            new String[] {"word", "electricity"},
            new String[] {"two words", "grain ports"},
            new String[] {"phrase", "\"heating season\""},
            new String[] {"boolean", "(budget OR tariffs) AND NOT corruption"},
            new String[] {"word, one outlet", "evacuation", "unn"},
            new String[] {"word, a month", "shelters", null, "2025-07-01", "2025-07-31"},
            new String[] {"every article", "*"});

    private ScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "").replace(",", "")) : 100_000;
        if (n < 1) {
            throw new IllegalArgumentException("error: N (first argument) must be at least 1, was " + n);
        }
        Path dir = args.length > 1 ? Path.of(args[1]) : Path.of("target", "scale-store-" + n);
        List<String> formats = args.length > 2 && args[2].equals("none") ? List.of()
                : Arrays.asList((args.length > 2 ? args[2] : "jsonl,csv,parquet").split(","));
        int versions = n + (int) Stream.iterate(0, i -> i + 1).limit(n).filter(GeneratedStore::revised).count();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "store: %,d articles, %,d versions, %d outlets, 90 days (%s)%n", n, versions,
                GeneratedStore.OUTLETS.size(), dir));

        System.err.println("writing the store (reused when " + dir + " holds one of " + n + ")...");
        double writeSeconds = GeneratedStore.ensure(dir, n);
        out.append(writeSeconds == 0 ? "written: reused from an earlier run\n" : String.format(Locale.ROOT,
                "written: %.0f s = %,.0f versions/s (index item + clean copy each, 4 threads)%n", writeSeconds,
                versions / writeSeconds));

        try (LocalStack stack = LocalStack.open(StoreDirectory.open(dir, "scale-bench"))) {
            Archive archive = new Archive(stack.s3(), stack.bucket());
            System.err.println("building the search index from the archive...");
            Reindexer.Report r = new Reindexer(archive, stack::readObjectFile, System.err::println).rebuild(dir);
            int docs = r.documentsFromLog() + r.documentsFromCopies();
            out.append(String.format(Locale.ROOT, "search index built from the archive: %,d clean copies -> %,d documents in"
                    + " %.1f s = %,.0f documents/s%n", r.cleanCopies(), docs, r.millis() / 1000.0, docs * 1000.0 / r.millis()));

            ArticleQueries queries = new ArticleQueries(new ArticleIndex(stack.dynamoDb(), stack.table()), () -> archive,
                    stack::readObjectFile);   // as `export` reads them: from the store's files
            for (String f : formats) {
                Format format = Format.parse(f.strip());
                Path file = Files.createTempDirectory("scale-export").resolve("articles." + f.strip());
                System.err.println("exporting " + f + "...");
                long start = System.nanoTime();
                ArchiveExport.Result result = ExportFile.write(file, os -> {
                    try (RowSink sink = format.open(os, ExportColumns.all())) {
                        return new ArchiveExport(queries).run(new ArchiveExport.Selection(GeneratedStore.OUTLETS, null, null,
                                ArchiveExport.Versions.LATEST), sink, ArchiveExport.Progress.NONE);
                    }
                });
                double seconds = (System.nanoTime() - start) / 1e9;
                out.append(String.format(Locale.ROOT, "export %-8s %,d rows, %,.1f MB in %.1f s = %,.0f rows/s%n", f.strip(),
                        result.rows(), Files.size(file) / 1e6, seconds, result.rows() / seconds));
                Files.delete(file);
                Files.delete(file.getParent());
            }
            out.append(servedSearch(stack, queries, dir));
        }

        try (SearchIndex index = SearchIndex.open(dir)) {
            out.append(String.format(Locale.ROOT, "%-28s %10s %10s %10s%n", "search (top 20, snippets)", "matches", "median", "p90"));
            for (String[] q : QUESTIONS) {
                SearchRequest request = request(q);
                long total = index.search(request).total();
                double[] ms = time(() -> index.search(request));
                out.append(String.format(Locale.ROOT, "%-28s %,10d %8.1f ms %7.1f ms%n", q[0], total, ms[0], ms[1]));
            }
            out.append(String.format(Locale.ROOT, "%-28s %10s %10s %10s%n", "counts of \"electricity\"", "groups", "median", "p90"));
            for (CountBy by : CountBy.values()) {
                SearchRequest request = SearchRequest.of("electricity");
                int groups = index.count(request, by).size();
                double[] ms = time(() -> index.count(request, by));
                out.append(String.format(Locale.ROOT, "%-28s %,10d %8.1f ms %7.1f ms%n", "by " + by.name().toLowerCase(Locale.ROOT),
                        groups, ms[0], ms[1]));
            }
        }

        out.append(String.format(Locale.ROOT, "on disk: DynamoDB Local %,.1f MB, S3 folder %,.1f MB, search index %,.1f MB,"
                + " total %,.1f MB%n", mb(dir.resolve("dynamodb")), mb(dir.resolve("s3")), mb(dir.resolve("search")), mb(dir)));
        System.out.print(out);
    }

    /** A search through the web page: the whole HTTP round trip of {@code /search?q=…} (results, counts chart, page). */
    private static String servedSearch(LocalStack stack, ArticleQueries queries, Path dir) throws Exception {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-28s %10s %10s %10s%n",
                "search through serve (HTTP)", "bytes", "median", "p90"));
        SearchBackend search = SearchIndexBackend.forDataDirectory(dir);
        WebSources sources = new WebSources(queries, new ChangeJournal(new ChangeLog(new Archive(stack.s3(), stack.bucket()))),
                new HealthEvaluator(new HealthCounters(stack.dynamoDb(), stack.table()), HealthThresholds.DEFAULT),
                () -> GeneratedStore.OUTLETS, search, Clock.systemUTC());
        HttpClient http = HttpClient.newHttpClient();
        try (WebServer server = WebServer.bind(WebServer.loopback("127.0.0.1"), 0).start(sources)) {
            for (String[] q : List.of(new String[] {"word", "electricity"}, new String[] {"phrase", "\"heating season\""},
                    new String[] {"word, counts by week", "electricity&count-by=week"})) {
                String query = q[1].contains("&") ? URLEncoder.encode(q[1].substring(0, q[1].indexOf('&')), StandardCharsets.UTF_8)
                        + q[1].substring(q[1].indexOf('&')) : URLEncoder.encode(q[1], StandardCharsets.UTF_8);
                HttpRequest get = HttpRequest.newBuilder(server.uri().resolve("/search?q=" + query)).build();
                int[] bytes = {0};
                double[] ms = time(() -> {
                    try {
                        HttpResponse<String> r = http.send(get, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException(get.uri() + " answered " + r.statusCode());
                        }
                        bytes[0] = r.body().length();
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                out.append(String.format(Locale.ROOT, "%-28s %,10d %8.1f ms %7.1f ms%n", q[0], bytes[0], ms[0], ms[1]));
            }
        } finally {
            if (search instanceof AutoCloseable c) {
                c.close();
            }
        }
        return out.toString();
    }

    private static SearchRequest request(String[] q) {
        List<String> outlets = q.length > 2 && q[2] != null ? List.of(q[2]) : List.of();
        Instant since = q.length > 3 ? dev.newsharvester.store.TimeRange.bound(q[3], false, "--since") : null;
        Instant until = q.length > 4 ? dev.newsharvester.store.TimeRange.bound(q[4], true, "--until") : null;
        return new SearchRequest(q[1], outlets, since, until, 20, SearchRequest.Versions.LATEST);
    }

    /** Median and 90th percentile, in ms, of 20 runs after 3 warm-up runs. */
    private static double[] time(Runnable question) {
        for (int i = 0; i < 3; i++) {
            question.run();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            question.run();
            ms.add((System.nanoTime() - start) / 1e6);
        }
        ms.sort(null);
        return new double[] {ms.get(ms.size() / 2), ms.get((int) Math.ceil(0.9 * ms.size()) - 1)};
    }

    private static double mb(Path p) throws IOException {
        if (!Files.exists(p)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(p)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum() / 1e6;
        }
    }
}
