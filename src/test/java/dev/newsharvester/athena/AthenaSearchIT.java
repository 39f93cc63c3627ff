package dev.newsharvester.athena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsharvester.athena.SearchRequest.CountBy;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecution;

/**
 * AthenaSearch over the wire, against {@code moto_server} (the machine image's, started on a loopback port for this
 * class). Moto speaks Athena's protocol but runs no SQL: each query's rows are the next of a queue the test fills
 * through moto's own API. So this checks the client path (the SQL, workgroup and database sent; waiting for the
 * query; the header row dropped; values and nulls read; CSV quoting), not the SQL's meaning, which AthenaSqlTest
 * pins as text.
 */
class AthenaSearchIT {

    private static final String WORKGROUP = "news-archive";
    private static final String DATABASE = "news_harvester";
    private static Process moto;
    private static URI endpoint;
    private static AthenaClient client;

    @BeforeAll
    static void startMoto() throws Exception {
        String path = System.getenv().getOrDefault("PATH", "");
        boolean present = List.of(path.split(File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "moto_server")));
        Assertions.assertTrue(present, "moto_server is not on PATH: it is on the project's machine image; elsewhere pip install 'moto[server]'");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path log = Files.createDirectories(Path.of("target", "moto")).resolve("athena-it.log");
        moto = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                break;
            } catch (IOException notYet) {
                if (!moto.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("moto_server did not listen on 127.0.0.1:" + port + ", see " + log);
                }
                Thread.sleep(100);
            }
        }
        endpoint = URI.create("http://127.0.0.1:" + port);
        client = AthenaClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        client.createWorkGroup(b -> b.name(WORKGROUP).configuration(c -> c.enforceWorkGroupConfiguration(true)
                .bytesScannedCutoffPerQuery(1_073_741_824L)
                .resultConfiguration(r -> r.outputLocation("s3://my-archive/athena-results/"))));
    }

    @AfterAll
    static void stopMoto() throws Exception {
        if (client != null) {
            client.close();
        }
        if (moto != null) {
            moto.descendants().forEach(ProcessHandle::destroy); // a pyenv shim runs the server as its child
            moto.destroy();
            moto.waitFor();
        }
    }

    /** Queues one result set (a header row of the names, then the rows; null is a missing value) in moto. */
    private static void nextResult(List<String> names, List<List<String>> rows) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode body = json.createObjectNode();
        ObjectNode result = body.putArray("results").addObject();
        ArrayNode out = result.putArray("rows");
        ArrayNode header = out.addObject().putArray("Data");
        names.forEach(n -> header.addObject().put("VarCharValue", n));
        for (List<String> row : rows) {
            ArrayNode data = out.addObject().putArray("Data");
            row.forEach(v -> {
                ObjectNode d = data.addObject();
                if (v != null) {
                    d.put("VarCharValue", v);
                }
            });
        }
        ArrayNode info = result.putArray("column_info");
        names.forEach(n -> info.addObject().put("Name", n).put("Type", "varchar"));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        endpoint.resolve("/moto-api/static/athena/query-results"))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
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
}
