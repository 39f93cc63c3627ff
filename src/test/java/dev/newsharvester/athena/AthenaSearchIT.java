package dev.newsharvester.athena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.athena.SearchRequest.CountBy;
import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecution;

/**
 * AthenaSearch over the wire, against {@code moto_server} (the machine image's, started on a loopback port for this
 * class, {@link MotoAthena}). Moto speaks Athena's protocol but runs no SQL: each query's rows are the next of a queue the test fills
 * through moto's own API. So this checks the client path (the SQL, workgroup and database sent; waiting for the
 * query; the header row dropped; values and nulls read; CSV quoting), not the SQL's meaning, which AthenaSqlTest
 * pins as text.
 */
class AthenaSearchIT {

    private static final String WORKGROUP = MotoAthena.WORKGROUP;
    private static final String DATABASE = MotoAthena.DATABASE;
    private static MotoAthena moto;
    private static AthenaClient client;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoAthena.start("athena-it");
        client = moto.client();
    }

    @AfterAll
    static void stopMoto() throws Exception {
        if (moto != null) {
            moto.close();
        }
    }

    private static void nextResult(List<String> names, List<List<String>> rows) throws Exception {
        moto.nextResult(names, rows);
    }

    /** The most recent query the workgroup ran. */
    private static QueryExecution lastQuery(String sql) {
        for (String id : client.listQueryExecutions(b -> b.workGroup(WORKGROUP)).queryExecutionIds()) {
            QueryExecution q = client.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution();
            if (q.query().equals(sql)) {
                return q;
            }
        }
        throw new AssertionError("the workgroup ran no query " + sql);
    }

    private static AthenaSearch search() {
        return new AthenaSearch(client, WORKGROUP, DATABASE, Duration.ofSeconds(30));
    }

    @Test
    void aSearchSendsItsSqlToTheWorkgroupAndReadsTheHits() throws Exception {
        SearchRequest r = SearchRequest.of("\"night buses\" -strike").withOutlets(List.of("kyiv-daily"))
                .withDays(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")).withLimit(5);
        nextResult(List.of("outlet", "dt", "published", "title", "url", "snippet"), List.of(
                List.of("kyiv-daily", "2026-11-30", "2026-11-30T18:40+02:00", "Night buses reach the left bank",
                        "https://kyiv-daily.example/news/night-buses", "The city council voted to extend the night buses"),
                java.util.Arrays.asList("kyiv-daily", "2026-11-29", null, "Night buses: the routes",
                        "https://kyiv-daily.example/news/routes", null)));
        List<AthenaSearch.Hit> hits = search().search(r);
        assertEquals(List.of(
                new AthenaSearch.Hit("kyiv-daily", "2026-11-30", "2026-11-30T18:40+02:00", "Night buses reach the left bank",
                        "https://kyiv-daily.example/news/night-buses", "The city council voted to extend the night buses"),
                new AthenaSearch.Hit("kyiv-daily", "2026-11-29", null, "Night buses: the routes",
                        "https://kyiv-daily.example/news/routes", null)), hits, "the header row is not a hit");
        String sql = new AthenaSql(DATABASE).search(r);
        QueryExecution q = lastQuery(sql);
        assertEquals(WORKGROUP, q.workGroup());
        assertEquals(DATABASE, q.queryExecutionContext().database());
    }

    @Test
    void countsAndCsvExportsReadEveryRow() throws Exception {
        SearchRequest r = SearchRequest.of("buses").withCountBy(CountBy.DAY);
        nextResult(List.of("bucket", "articles"), List.of(List.of("2026-11-29", "1"), List.of("2026-11-30", "3")));
        assertEquals(List.of(new AthenaSearch.Count("2026-11-29", 1), new AthenaSearch.Count("2026-11-30", 3)),
                search().count(r));
        lastQuery(new AthenaSql(DATABASE).count(r));

        nextResult(List.of("outlet", "title", "text"), List.of(
                List.of("kyiv-daily", "Buses, trams and \"night\" lines", "First line.\nSecond line."),
                java.util.Arrays.asList("kyiv-daily", "Plain", null)));
        StringWriter csv = new StringWriter();
        assertEquals(2, search().exportCsv(SearchRequest.of("buses"), csv));
        assertEquals("outlet,title,text\r\nkyiv-daily,\"Buses, trams and \"\"night\"\" lines\",\"First line.\nSecond "
                + "line.\"\r\nkyiv-daily,Plain,\r\n", csv.toString());
        assertTrue(lastQuery(new AthenaSql(DATABASE).exportFlat(SearchRequest.of("buses"))).query()
                .contains("array_join(authors, '|')"));
    }

    /**
     * Results and counts from one query: rows up to the limit are hits, every row carries its bucket's count and the
     * total, and counts per outlet come largest first.
     */
    @Test
    void oneQueryAnswersTheHitsAndTheCounts() throws Exception {
        SearchRequest r = SearchRequest.of("buses").withCountBy(CountBy.OUTLET).withLimit(2);
        int before = moto.queries().size();
        nextResult(List.of("outlet", "dt", "published", "title", "url", "snippet", "bucket", "articles", "total", "hit"),
                List.of(List.of("kyiv-daily", "2026-11-30", "2026-11-30T18:40+02:00", "Night buses reach the left bank",
                                "https://kyiv-daily.example/news/night-buses", "extend the night buses", "kyiv-daily", "2", "4", "1"),
                        List.of("odesa-news", "2026-11-29", "2026-11-29T09:00Z", "Buses on Deribasivska",
                                "https://odesa-news.example/buses", "buses return", "odesa-news", "1", "4", "2"),
                        List.of("lviv-post", "2026-11-28", "2026-11-28T07:00Z", "Bus lanes",
                                "https://lviv-post.example/lanes", "new lanes for buses", "lviv-post", "1", "4", "3")));
        AthenaSearch.Answer a = search().searchAndCount(r);
        assertEquals(4, a.total());
        assertEquals(List.of(new AthenaSearch.Count("kyiv-daily", 2), new AthenaSearch.Count("lviv-post", 1),
                new AthenaSearch.Count("odesa-news", 1)), a.counts());
        assertEquals(List.of("https://kyiv-daily.example/news/night-buses", "https://odesa-news.example/buses"),
                a.hits().stream().map(AthenaSearch.Hit::url).toList(), "the third row only carries lviv-post's count");
        assertEquals(before + 1, moto.queries().size(), "one query for both");
        lastQuery(new AthenaSql(DATABASE).searchAndCount(r));
    }
}
