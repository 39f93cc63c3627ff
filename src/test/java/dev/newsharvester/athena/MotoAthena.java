package dev.newsharvester.athena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
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
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;

/**
 * The machine image's {@code moto_server} on a loopback port, with the stack's workgroup made in it. Moto speaks
 * Athena's protocol but runs no SQL: each query's rows are the next of a queue filled with {@link #nextResult}, and
 * its queries go from QUEUED to SUCCEEDED unless {@link #holdQueries} keeps them running.
 */
public final class MotoAthena implements AutoCloseable {

    public static final String WORKGROUP = "news-archive";
    public static final String DATABASE = "news_harvester";
    public static final String REGION = "us-east-1";

    private final Process process;
    private final URI endpoint;
    private final AthenaClient client;

    private MotoAthena(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
        this.client = AthenaClient.builder().endpointOverride(endpoint).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        client.createWorkGroup(b -> b.name(WORKGROUP).configuration(c -> c.enforceWorkGroupConfiguration(true)
                .bytesScannedCutoffPerQuery(1_073_741_824L)
                .resultConfiguration(r -> r.outputLocation("s3://my-archive/athena-results/"))));
    }

    /** Starts moto (its log under {@code target/moto/<name>.log}); fails if it is not on PATH. */
    public static MotoAthena start(String name) throws Exception {
        String path = System.getenv().getOrDefault("PATH", "");
        boolean present = List.of(path.split(File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "moto_server")));
        assertTrue(present, "moto_server is not on PATH: it is on the project's machine image; elsewhere pip install 'moto[server]'");
        int port = freePort();
        Path log = Files.createDirectories(Path.of("target", "moto")).resolve(name + ".log");
        Process moto = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                break;
            } catch (IOException notYet) {
                if (!moto.isAlive() || System.nanoTime() > deadline) {
                    stop(moto);
                    throw new IllegalStateException("moto_server did not listen on 127.0.0.1:" + port + ", see " + log);
                }
                Thread.sleep(100);
            }
        }
        return new MotoAthena(moto, URI.create("http://127.0.0.1:" + port));
    }

    /** A loopback port nothing listens on (free a moment ago). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public AthenaClient client() {
        return client;
    }

    /** Queues one result set (a header row of the names, then the rows; null is a missing value). */
    public void nextResult(List<String> names, List<List<String>> rows) throws Exception {
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
        post("/moto-api/static/athena/query-results", json.writeValueAsString(body));
    }

    /**
     * While {@code hold}, a query stays QUEUED however often it is looked at (moto's state manager, manual progression),
     * so that a test can stop it; after, queries succeed at once again.
     */
    public void holdQueries(boolean hold) throws Exception {
        if (hold) {
            post("/moto-api/state-manager/set-transition", "{\"model_name\": \"athena::execution\", \"transition\":"
                    + " {\"progression\": \"manual\", \"times\": 1000000}}");
        } else {
            post("/moto-api/state-manager/unset-transition", "{\"model_name\": \"athena::execution\"}");
        }
    }

    /** The ids of the queries the workgroup ran. */
    public List<String> queries() {
        return client.listQueryExecutions(b -> b.workGroup(WORKGROUP)).queryExecutionIds();
    }

    private void post(String path, String body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), path + ": " + r.body());
    }

    private static void stop(Process moto) throws InterruptedException {
        moto.descendants().forEach(ProcessHandle::destroy); // a pyenv shim runs the server as its child
        moto.destroy();
        moto.waitFor();
    }

    @Override
    public void close() throws Exception {
        client.close();
        stop(process);
    }
}
