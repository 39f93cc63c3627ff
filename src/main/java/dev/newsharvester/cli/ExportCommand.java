package dev.newsharvester.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsharvester.export.ArchiveExport;
import dev.newsharvester.export.ExportColumns;
import dev.newsharvester.export.ExportFile;
import dev.newsharvester.export.Format;
import dev.newsharvester.export.RowSink;
import dev.newsharvester.outlet.Outlet;
import dev.newsharvester.pipeline.Settings;
import dev.newsharvester.pipeline.Wiring;
import dev.newsharvester.query.ArticleQueries;
import dev.newsharvester.search.SearchIndex;
import dev.newsharvester.search.SearchRequest;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.Archive;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import dev.newsharvester.store.TimeRange;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the archive's articles to a file, one row per version: every article field, the version and"
                + " what changed since the one before, the URL's state (live, deleted, redirected). Streams: rows are"
                + " written as they are read. Never overwrites: the file appears, whole, when the export is done.")
final class ExportCommand implements Callable<Integer> {

    /** How often a long export reports progress on standard error. */
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

    @Mixin
    OutletsOption outletsFile;

    @Mixin
    StoreOptions store;

    @Option(names = "--outlet", split = ",", paramLabel = "ID", description = "Only these outlets (default: all configured).")
    List<String> outlets = new ArrayList<>();

    @Option(names = "--since", paramLabel = "T", description = "URLs with a version published (else first seen) at or"
            + " after this ISO date or instant (default: the beginning).")
    String since;

    @Option(names = "--until", paramLabel = "T", description = "... and at or before this ISO instant, or the end of this"
            + " ISO date (default: no end).")
    String until;

    @Option(names = "--versions", paramLabel = "latest|all", defaultValue = "latest",
            description = "latest: each URL as it was last seen (default); all: every version of the URL in the range.")
    String versions;

    @Option(names = "--query", paramLabel = "TEXT", description = "Only articles matching this search (the search command's"
            + " syntax; the embedded store's search index, or Athena with --aws --unload).")
    String query;

    @Option(names = "--stories", description = "Fill the story_id column: articles of one story across outlets share it"
            + " (the same-story lookup of `query story`, a dozen index Queries more per URL).")
    boolean stories;

    @Option(names = "--unload", paramLabel = "S3_FOLDER", description = "With --aws: Athena writes the selection under this"
            + " s3:// folder (UNLOAD; jsonl or parquet), instead of this machine writing --out.")
    String unload;

    @Option(names = "--format", required = true, paramLabel = "jsonl|csv|parquet", description = "The file's format.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "The file to write; must not exist.")
    Path out;

    @Option(names = "--json", description = "Print what was written as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Format fmt = Format.parse(format);
        ArchiveExport.Versions which = versions(versions);
        TimeRange range = TimeRange.parse(since, until, "--since", "--until");  // before the store opens
        Instant from = range.since();
        Instant to = range.until();
        if (unload != null) {
            if (stories) {
                throw new IllegalArgumentException("--stories needs the index's same-story lookup, which Athena's UNLOAD"
                        + " does not have: drop --stories, or export with --out FILE");
            }
            return AthenaExport.unload(store, fmt, unload, query, outlets, from, to, which == ArchiveExport.Versions.ALL,
                    json, System.out);
        }
        if (out == null) {
            throw new IllegalArgumentException("--out FILE is required (or --aws --unload s3://BUCKET/FOLDER/ to have"
                    + " Athena write the export)");
        }
        ExportFile.checkTarget(out);
        Set<String> matching = query == null ? null : matching(from, to, which);
        long started = System.nanoTime();
        // --aws without --unload reads the account's table and bucket the same way (Queries, no Scan)
        try (StoreOptions.Store s = store.open()) {   // the embedded store's s3proxy starts only if something asks S3
            Settings settings = outletsFile.applyTo(s.settings(), store);
            List<String> ids = Wiring.outlets(settings, s.s3ForOutlets(settings)).select(outlets).stream().map(Outlet::id).toList();
            // on the embedded store clean copies are read from its files, not through its S3 server
            ArticleQueries queries = new ArticleQueries(new ArticleIndex(s.dynamoDb(), settings.articlesTableRequired()),
                    () -> new Archive(s.s3(), settings.archiveBucketRequired()), s.objectFiles());
            ArchiveExport.Selection selection = new ArchiveExport.Selection(ids, from, to, which, matching);
            Progress progress = new Progress(System.err);
            ArchiveExport.Result r = ExportFile.write(out, os -> {
                try (RowSink sink = fmt.open(os, ExportColumns.all())) {
                    return new ArchiveExport(queries, stories).run(selection, sink, progress);
                }
            });
            print(r, fmt, Duration.ofNanos(System.nanoTime() - started), System.out);
            return 0;
        }
    }

    private void print(ArchiveExport.Result r, Format fmt, Duration took, PrintStream stdout) throws Exception {
        long bytes = Files.size(out);
        if (json) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("file", out.toString()).put("format", fmt.name().toLowerCase(Locale.ROOT)).put("rows", r.rows())
                    .put("urls", r.urls()).put("bytes", bytes).put("columns", ExportColumns.all().size())
                    .put("seconds", took.toMillis() / 1000.0);
            ObjectNode per = o.putObject("rowsPerOutlet");
            r.rowsPerOutlet().forEach(per::put);
            stdout.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o));
        } else {
            r.rowsPerOutlet().forEach((outlet, n) -> stdout.printf("%-20s %,d row(s)%n", outlet, n));
            stdout.printf("wrote %,d row(s) of %d columns (%,d URLs) to %s: %s, %,d bytes, in %.1f s%n", r.rows(),
                    ExportColumns.all().size(), r.urls(), out, fmt.name().toLowerCase(Locale.ROOT), bytes,
                    took.toMillis() / 1000.0);
        }
    }

    /** The URLs the embedded store's search index matches for --query (read before the store is opened). */
    private Set<String> matching(Instant from, Instant to, ArchiveExport.Versions which) {
        Path data = store.embeddedOnly("--query selects through the embedded store's search index; on AWS add"
                + " --unload s3://BUCKET/FOLDER/ to have Athena run it");
        try (SearchIndex index = SearchIndex.open(data)) {
            return index.urls(new SearchRequest(query, outlets, from, to == null ? null : to.plusMillis(1), 1,
                    which == ArchiveExport.Versions.ALL ? SearchRequest.Versions.ALL : SearchRequest.Versions.LATEST));
        }
    }

    private static ArchiveExport.Versions versions(String value) {
        try {
            return ArchiveExport.Versions.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--versions: '" + value + "' is not latest or all");
        }
    }

    /** Progress on standard error, at most every {@link #PROGRESS_EVERY}: the outlet, index rows read, rows written. */
    private static final class Progress implements ArchiveExport.Progress {
        private final PrintStream err;
        private long last = System.nanoTime();

        Progress(PrintStream err) {
            this.err = err;
        }

        @Override
        public void update(String outlet, long read, long written) {
            long now = System.nanoTime();
            if (now - last >= PROGRESS_EVERY.toNanos()) {
                last = now;
                err.printf("export: %s: %,d index rows read, %,d rows written%n", outlet, read, written);
            }
        }
    }
}
