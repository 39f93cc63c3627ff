package dev.newsharvester.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsharvester.lambda.ArticleHandler;
import dev.newsharvester.lambda.HarvestHandler;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsharvester.fleet.FleetTable;
import dev.newsharvester.pipeline.Harvester;
import dev.newsharvester.pipeline.Settings;
import dev.newsharvester.pipeline.Wiring;
import dev.newsharvester.store.AwsClients;
import dev.newsharvester.store.AwsEndpoints;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The functions' logs and metrics as CloudWatch would get them: the handlers run against the demo site and the
 * embedded store, their output is captured and parsed, JSON log line by line and EMF document by document, and
 * checked against what the articles' outcomes were.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TelemetryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVICE = "news-harvester";

    @TempDir
    static Path tmp;

    DemoHarness h;
    Harvester harvester;

    @BeforeAll
    void start() throws Exception {
        h = new DemoHarness(tmp);
        harvester = h.harvester();
    }

    @AfterAll
    void stop() {
        h.close();
    }

    /** What one invocation wrote: its JSON log lines and its EMF documents, each line parsed. */
    record Written(List<JsonNode> logs, List<JsonNode> emf, JsonNode response) {

        static Written of(String text, byte[] response) throws Exception {
            List<JsonNode> logs = new ArrayList<>();
            List<JsonNode> emf = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);   // every line is one JSON object
                (n.has("_aws") ? emf : logs).add(n);
            }
            return new Written(logs, emf, JSON.readTree(response));
        }

        List<JsonNode> articles() {
            return logs.stream().filter(l -> l.path("message").asText().startsWith("article ")).toList();
        }

        /** "Name{Dim=value,…}" → the sum of its values, checking each document's directive on the way. */
        Map<String, Double> metrics() {
            Map<String, Double> out = new TreeMap<>();
            for (JsonNode d : emf) {
                JsonNode aws = d.path("_aws");
                assertTrue(aws.path("Timestamp").asLong() > 0, d.toString());
                assertEquals(1, aws.path("CloudWatchMetrics").size(), d.toString());
                JsonNode directive = aws.path("CloudWatchMetrics").get(0);
                assertEquals("NewsHarvester", directive.path("Namespace").asText());
                JsonNode dims = directive.path("Dimensions");
                assertEquals(1, dims.size(), d.toString());
                assertEquals("Service", dims.get(0).get(0).asText(), "Service on every metric: " + d);
                StringBuilder key = new StringBuilder();
                for (JsonNode dim : dims.get(0)) {
                    assertTrue(d.path(dim.asText()).isTextual(), "the dimension's value at the root: " + d);
                    key.append(key.isEmpty() ? "" : ",").append(dim.asText()).append('=').append(d.path(dim.asText()).asText());
                }
                assertTrue(directive.path("Metrics").size() <= 100, d.toString());
                for (JsonNode m : directive.path("Metrics")) {
                    JsonNode v = d.path(m.path("Name").asText());
                    assertFalse(v.isMissingNode(), "a value for " + m + " in " + d);
                    double sum = 0;
                    for (JsonNode x : v.isArray() ? v : JSON.createArrayNode().add(v)) {
                        sum += x.asDouble();
                    }
                    out.merge(m.path("Name").asText() + "{" + key + "}", sum, Double::sum);
                }
            }
            return out;
        }
    }

    /** A Lambda context with a request id whose logger collects what the function logs (stderr under invoke). */
    private static Context context(String requestId, StringBuilder log) {
        LambdaLogger logger = new LambdaLogger() {
            @Override
            public synchronized void log(String message) {
                log.append(message);
            }

            @Override
            public synchronized void log(byte[] message) {
                log.append(new String(message, StandardCharsets.UTF_8));
            }
        };
        return (Context) Proxy.newProxyInstance(TelemetryIT.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAwsRequestId" -> requestId;
                    case "getLogger" -> logger;
                    case "getRemainingTimeInMillis" -> 600_000;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    @Order(1)   // on a fresh store: its articles are NEW
    void anSqsBatchLogsALinePerArticleAndItsMetricsMatchTheOutcomes() throws Exception {
        String grain = h.url("unn", PipelineIT.GRAIN);
        String heating = h.url("unn", PipelineIT.HEATING);
        String batch = """
                {"Records": [
                  {"messageId": "m-1", "body": "{\\"outlet\\":\\"unn\\",\\"url\\":\\"%s\\"}", "eventSource": "aws:sqs"},
                  {"messageId": "m-2", "body": "{\\"outlet\\":\\"unn\\",\\"url\\":\\"%s\\"}", "eventSource": "aws:sqs"},
                  {"messageId": "m-3", "body": "not json", "eventSource": "aws:sqs"}
                ]}""".formatted(grain, heating);
        StringBuilder log = new StringBuilder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ArticleHandler(harvester).handleRequest(new ByteArrayInputStream(batch.getBytes(StandardCharsets.UTF_8)), out,
                context("req-batch-1", log));
        Written w = Written.of(log.toString(), out.toByteArray());
        assertEquals("[{\"itemIdentifier\":\"m-3\"}]", w.response().path("batchItemFailures").toString());

        for (JsonNode line : w.logs()) {
            for (String field : List.of("level", "timestamp", "service", "function_request_id", "cold_start", "message")) {
                assertTrue(line.has(field), field + " in " + line);
            }
            assertEquals("req-batch-1", line.path("function_request_id").asText());
            assertEquals(SERVICE, line.path("service").asText());
            assertTrue(line.path("cold_start").isBoolean(), line.toString());
        }
        List<JsonNode> articles = w.articles();
        assertEquals(2, articles.size(), w.logs().toString());
        Map<String, JsonNode> byMessage = new TreeMap<>();
        articles.forEach(a -> byMessage.put(a.path("sqs_message_id").asText(), a));
        assertEquals(grain, byMessage.get("m-1").path("url").asText());
        assertEquals(heating, byMessage.get("m-2").path("url").asText());
        long bytes = 0;
        for (JsonNode a : articles) {
            assertEquals("INFO", a.path("level").asText());
            assertEquals("unn", a.path("outlet").asText());
            assertEquals("NEW", a.path("outcome").asText(), "a fresh store: " + a);
            assertEquals(1, h.index.versions(a.path("url").asText()).size(), "the line tells what was stored: " + a);
            assertEquals("OK", a.path("fetch").asText());
            assertEquals(200, a.path("httpStatus").asInt());
            assertTrue(a.path("bytes").asLong() > 10_000, "a whole page: " + a);
            assertTrue(a.path("durationMs").asLong() >= a.path("fetchMs").asLong() + a.path("extractMs").asLong(), a.toString());
            bytes += a.path("bytes").asLong();
        }
        JsonNode error = w.logs().stream().filter(l -> l.path("level").asText().equals("ERROR")).findFirst().orElseThrow();
        assertEquals("m-3", error.path("sqs_message_id").asText());
        assertTrue(error.path("message").asText().contains("not JSON"), error.toString());

        Map<String, Double> m = w.metrics();
        String unn = "{Service=" + SERVICE + ",Outlet=unn}";
        assertEquals(2.0, m.get("Articles{Service=" + SERVICE + ",Outcome=NEW}"), m.toString());
        assertEquals(2.0, m.get("Articles" + unn));
        assertEquals(2.0, m.get("NewArticles" + unn));
        assertEquals(0.0, m.get("Failed" + unn));
        assertEquals(0.0, m.get("Blocked" + unn));
        assertEquals(0.0, m.get("NotModified" + unn));
        assertEquals((double) bytes, m.get("Bytes{Service=" + SERVICE + "}"), "the bytes the lines report");
        long fetchMs = articles.stream().mapToLong(a -> a.path("fetchMs").asLong()).sum();
        assertEquals((double) fetchMs, m.get("FetchLatency{Service=" + SERVICE + "}"));
        assertNotNull(m.get("ExtractTime{Service=" + SERVICE + "}"));
        assertEquals(9, m.size(), "nothing else: " + m);
        assertEquals(3, w.emf().size(), "one document per set of dimension values (outcome, outlet, fleet): " + w.emf());
        w.emf().forEach(d -> assertEquals("req-batch-1", d.path("function_request_id").asText()));
    }

    @Test
    @Order(2)
    void anInlineHarvestLogsItsArticlesAndOutletReportsOnStdout() throws Exception {
        String event = h.local(Files.readString(Path.of("events", "harvest-outlets.json")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream old = System.out;
        synchronized (TelemetryIT.class) {
            try {
                System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
                new HarvestHandler(harvester).handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                        out, null);
            } finally {
                System.setOut(old);
            }
        }
        Written w = Written.of(stdout.toString(StandardCharsets.UTF_8), out.toByteArray());
        JsonNode report = w.response().get(0);
        assertEquals("unn", report.path("outlet").asText());
        List<JsonNode> outletLines = w.logs().stream().filter(l -> l.path("message").asText().equals("outlet report")).toList();
        assertEquals(1, outletLines.size(), w.logs().toString());
        assertEquals(report.path("discovered").asInt(), outletLines.get(0).path("discovered").asInt());
        assertEquals(report.path("counts"), outletLines.get(0).path("counts"));
        w.logs().forEach(l -> assertFalse(l.has("function_request_id"), "no context, no request id: " + l));

        List<JsonNode> articles = w.articles();
        assertEquals(report.path("fetched").asInt(), articles.size(), "a line per article processed");
        Map<String, Double> m = w.metrics();
        Map<String, Integer> outcomes = new TreeMap<>();
        articles.forEach(a -> outcomes.merge(a.path("outcome").asText(), 1, Integer::sum));
        outcomes.forEach((outcome, n) -> {
            assertEquals(report.path("counts").path(outcome).asInt(), n, outcome);
            assertEquals((double) n, m.get("Articles{Service=" + SERVICE + ",Outcome=" + outcome + "}"), outcome + ": " + m);
        });
        String unn = "{Service=" + SERVICE + ",Outlet=unn}";
        assertEquals(report.path("discovered").asDouble(), m.get("DiscoveredUrls" + unn), m.toString());
        assertEquals(report.path("problems").size(), m.get("Problems" + unn).intValue());
        assertEquals((double) articles.size(), m.get("Articles" + unn));
        assertEquals(report.path("counts").path("NEW").asDouble(), m.get("NewArticles" + unn));
    }

    @Test
    @Order(3)
    void aFleetLogsItsDiscoveryAndEachArticleWithItsMessageId() throws Exception {
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        int port = server.waitUntilStarted().localAddress().getPort();
        try (DemoHarness fresh = new DemoHarness(Files.createDirectories(tmp.resolve("fleet")));
                SqsClient sqs = AwsClients.sqs(AwsEndpoints.fromEnvironment(Map.of("AWS_ENDPOINT_URL_SQS",
                        "http://127.0.0.1:" + port, "AWS_REGION", "us-east-1")))) {
            FleetTable.create(fresh.stack.dynamoDb(), "fleet-telemetry");
            String queue = sqs.createQueue(b -> b.queueName("tasks-telemetry")).queueUrl();
            Settings env = fresh.settings.withFleet(queue, "fleet-telemetry");
            Harvester fleetHarvester = Wiring.harvester(env, fresh.stack.s3(), fresh.stack.dynamoDb(), sqs);
            ArticleHandler worker = new ArticleHandler(fleetHarvester,
                    Wiring.fleetWorker(env, fleetHarvester, fresh.stack.dynamoDb(), sqs), null);

            String discover = fresh.local(Files.readString(Path.of("events", "discover-outlet.json")));
            Written found = work(worker, discover, "req-discover");
            JsonNode line = found.logs().stream().filter(l -> l.path("message").asText().equals("discovery"))
                    .findFirst().orElseThrow(() -> new AssertionError(found.logs().toString()));
            assertEquals("7d1f0c2a-3b4e-4f5a-8c6d-9e0f1a2b3c4d", line.path("sqs_message_id").asText());
            assertEquals("unn", line.path("outlet").asText());
            assertEquals(5, line.path("discovered").asInt(), line.toString());
            Map<String, Double> m = found.metrics();
            assertEquals(Map.of("DiscoveredUrls{Service=" + SERVICE + ",Outlet=unn}", 5.0,
                    "Problems{Service=" + SERVICE + ",Outlet=unn}", 0.0), m);

            // the turns, as Lambda would run them, until the queue is quiet: a line and the metrics per article
            List<JsonNode> articles = new ArrayList<>();
            Map<String, Double> total = new TreeMap<>();
            List<Message> due = take(sqs, queue);
            for (int round = 0; round < 60 && !due.isEmpty(); round++) {
                Written w = work(worker, batch(due), "req-turn-" + round);
                List<String> ids = due.stream().map(Message::messageId).toList();
                w.articles().forEach(a -> assertTrue(ids.contains(a.path("sqs_message_id").asText()), a.toString()));
                articles.addAll(w.articles());
                w.metrics().forEach((k, v) -> total.merge(k, v, Double::sum));
                due = take(sqs, queue);
            }
            assertEquals(5, articles.size(), articles.toString());
            articles.forEach(a -> assertEquals("NEW", a.path("outcome").asText(), a.toString()));
            assertEquals(5.0, total.get("Articles{Service=" + SERVICE + ",Outlet=unn}"), total.toString());
            assertEquals(5.0, total.get("NewArticles{Service=" + SERVICE + ",Outlet=unn}"));
            assertEquals(5.0, total.get("Articles{Service=" + SERVICE + ",Outcome=NEW}"));
        } finally {
            server.stopAndWait();
        }
    }

    private static Written work(ArticleHandler worker, String event, String requestId) throws Exception {
        StringBuilder log = new StringBuilder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        worker.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, context(requestId, log));
        Written w = Written.of(log.toString(), out.toByteArray());
        assertEquals("[]", w.response().path("batchItemFailures").toString(), w.response().toString());
        return w;
    }

    private static List<Message> take(SqsClient sqs, String queue) {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> got = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)
                    .waitTimeSeconds(all.isEmpty() ? 1 : 0)).messages();
            if (got.isEmpty()) {
                return all;
            }
            got.forEach(msg -> sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(msg.receiptHandle())));
            all.addAll(got);
        }
    }

    private static String batch(List<Message> messages) throws Exception {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message msg : messages) {
            records.addObject().put("messageId", msg.messageId()).put("body", msg.body()).put("eventSource", "aws:sqs");
        }
        return JSON.writeValueAsString(event);
    }
}
