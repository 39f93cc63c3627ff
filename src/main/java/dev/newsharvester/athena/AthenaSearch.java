package dev.newsharvester.athena;

import dev.newsharvester.pipeline.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.Row;

/**
 * {@code search --aws} and {@code export --aws}: the questions of {@link AthenaSql} run in the stack's workgroup
 * (which holds the result location and the scan limit) and read back page by page, so memory does not grow with the
 * answer. The SDK's own {@code AWS_ENDPOINT_URL_ATHENA} points it at another endpoint.
 */
public final class AthenaSearch implements AutoCloseable {

    /** One matching article. */
    public record Hit(String outlet, String day, String published, String title, String url, String snippet) {
    }

    /** Matching articles in one day, week or outlet. */
    public record Count(String bucket, long articles) {
    }

    /** How many articles match, their counts per bucket (in bucket order), and the newest up to the limit. */
    public record Answer(long total, List<Count> counts, List<Hit> hits) {
        public Answer {
            counts = List.copyOf(counts);
            hits = List.copyOf(hits);
        }
    }

    private static final Duration FIRST_POLL = Duration.ofMillis(200);
    private static final Duration MAX_POLL = Duration.ofSeconds(2);

    private final AthenaClient athena;
    private final String workgroup;
    private final String database;
    private final AthenaSql sql;
    private final Duration timeout;

    /** Queries through the given client in the workgroup, over the database's tables, each waited for up to timeout. */
    public AthenaSearch(AthenaClient athena, String workgroup, String database, Duration timeout) {
        if (workgroup == null || workgroup.isBlank()) {
            throw new IllegalArgumentException("ATHENA_WORKGROUP is not set: set it to the stack's AthenaWorkGroupName"
                    + " output");
        }
        this.athena = athena;
        this.workgroup = workgroup;
        this.database = database;
        this.sql = new AthenaSql(database);
        this.timeout = timeout;
    }

    /** The workgroup and database the settings name (ATHENA_WORKGROUP, GLUE_DATABASE), on the URL-connection client. */
    public static AthenaSearch fromSettings(Settings settings) {
        return fromSettings(settings, Duration.ofMinutes(10));
    }

    /** {@link #fromSettings(Settings)} with each query waited for up to {@code timeout}, then stopped. */
    public static AthenaSearch fromSettings(Settings settings, Duration timeout) {
        String workgroup = settings.athenaWorkgroupRequired();
        String database = settings.glueDatabaseRequired();
        AthenaClient client = AthenaClient.builder().httpClient(UrlConnectionHttpClient.create())
                .region(settings.aws().region()).credentialsProvider(DefaultCredentialsProvider.builder().build()).build();
        return new AthenaSearch(client, workgroup, database, timeout);
    }

    /** The workgroup the queries run in. */
    public String workgroup() {
        return workgroup;
    }

    /** Matching articles, newest first, at most the request's limit. */
    public List<Hit> search(SearchRequest r) {
        List<Hit> hits = new ArrayList<>();
        rows(run(sql.search(r)), row -> hits.add(new Hit(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4),
                row.get(5))));
        return hits;
    }

    /** Matching articles per day, week or outlet ({@link SearchRequest#countBy()}). */
    public List<Count> count(SearchRequest r) {
        List<Count> counts = new ArrayList<>();
        rows(run(sql.count(r)), row -> counts.add(new Count(row.get(0), Long.parseLong(row.get(1)))));
        return counts;
    }

    /**
     * Matching articles (newest first, at most the limit) and their counts per {@link SearchRequest#countBy()}, from
     * one query ({@link AthenaSql#searchAndCount}): the data is read once for both.
     */
    public Answer searchAndCount(SearchRequest r) {
        List<Hit> hits = new ArrayList<>();
        Map<String, Long> perBucket = new HashMap<>();
        long[] total = {0};
        rows(run(sql.searchAndCount(r)), row -> {
            if (Long.parseLong(row.get(9)) <= r.limit()) {
                hits.add(new Hit(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4), row.get(5)));
            }
            perBucket.put(row.get(6), Long.parseLong(row.get(7)));
            total[0] = Long.parseLong(row.get(8));
        });
        Comparator<Count> order = r.countBy() == SearchRequest.CountBy.OUTLET
                ? Comparator.comparingLong(Count::articles).reversed().thenComparing(Count::bucket)
                : Comparator.comparing(Count::bucket);
        List<Count> counts = perBucket.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).sorted(order)
                .toList();
        return new Answer(total[0], counts, hits);
    }

    /**
     * Has Athena write the matching articles under an S3 folder (JSON lines, gzip, or Parquet) and returns the query's
     * id; the files are the folder's objects once it returns.
     */
    public String unload(SearchRequest r, AthenaSql.UnloadFormat format, String s3Prefix) {
        return run(sql.unload(r, format, s3Prefix)).queryExecutionId();
    }

    /** Streams the matching articles as CSV (a header, then one quoted line per article) and returns the row count. */
    public long exportCsv(SearchRequest r, Writer out) {
        long[] n = {-1};
        rows(run(sql.exportFlat(r)), true, row -> {
            try {
                out.write(Csv.line(row));
                n[0]++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return Math.max(0, n[0]);
    }

    /** Starts a query and waits for it to succeed. */
    QueryExecution run(String query) {
        String id = athena.startQueryExecution(b -> b.queryString(query).workGroup(workgroup)
                .queryExecutionContext(c -> c.database(database))).queryExecutionId();
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration pause = FIRST_POLL;
        while (true) {
            QueryExecution q = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution();
            QueryExecutionState state = q.status().state();
            if (state == QueryExecutionState.SUCCEEDED) {
                return q;
            }
            if (state == QueryExecutionState.FAILED || state == QueryExecutionState.CANCELLED) {
                throw new IllegalStateException(failure(q));
            }
            if (System.nanoTime() > deadline) {
                athena.stopQueryExecution(b -> b.queryExecutionId(id));
                throw new IllegalStateException("Athena query " + id + " ran longer than " + timeout.toSeconds()
                        + " s and was stopped: narrow it with --since/--until or --outlet");
            }
            sleep(pause);
            pause = pause.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : pause.multipliedBy(2);
        }
    }

    private static String failure(QueryExecution q) {
        String reason = q.status().stateChangeReason();
        String why = reason == null ? q.status().state().toString() : reason;
        String hint = why.toLowerCase(java.util.Locale.ROOT).contains("bytes scanned")
                ? ": it would read more than the workgroup's limit; narrow it with --since/--until or --outlet, or raise"
                + " the stack's AthenaBytesScannedCutoff"
                : "";
        return "Athena query " + q.queryExecutionId() + " failed: " + why + hint;
    }

    private void rows(QueryExecution q, Consumer<List<String>> each) {
        rows(q, false, each);
    }

    /** Every result row as strings (nulls for missing values), page by page; the header row only if asked for. */
    private void rows(QueryExecution q, boolean header, Consumer<List<String>> each) {
        boolean first = true;
        for (GetQueryResultsResponse page : athena.getQueryResultsPaginator(b -> b.queryExecutionId(q.queryExecutionId()))) {
            for (Row row : page.resultSet().rows()) {
                if (first && !header) {
                    first = false;
                    continue;
                }
                first = false;
                List<String> values = new ArrayList<>(row.data().size());
                for (Datum d : row.data()) {
                    values.add(d.varCharValue());
                }
                each.accept(values);
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Athena", e);
        }
    }

    @Override
    public void close() {
        athena.close();
    }
}
