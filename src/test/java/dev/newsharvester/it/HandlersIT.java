package dev.newsharvester.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsharvester.lambda.ArticleHandler;
import dev.newsharvester.lambda.BadEventException;
import dev.newsharvester.lambda.HarvestHandler;
import dev.newsharvester.pipeline.Harvester;
import dev.newsharvester.pipeline.Wiring;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Every event in events/ run through its handler, against the demo site and the embedded store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandlersIT {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    private JsonNode harvest(String event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HarvestHandler(harvester).handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return JSON.readTree(out.toByteArray());
    }

    private JsonNode article(String event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ArticleHandler(harvester).handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return JSON.readTree(out.toByteArray());
    }

    private String event(String name) throws Exception {
        return h.local(Files.readString(Path.of("events", name)));
    }

    @Test
    void singleUrlEventProcessesOneArticle() throws Exception {
        JsonNode outcome = article(event("article-url.json"));
        assertTrue(outcome.path("outcome").asText().matches("NEW|UNCHANGED"), outcome.toString());
        assertTrue(outcome.path("url").asText().startsWith(h.site.origin("unn").toString()));
        assertEquals(64, outcome.path("hash").asText().length());
    }

    @Test
    void sqsBatchReportsNoFailuresWhenAllTasksSucceed() throws Exception {
        JsonNode response = article(event("sqs-article-tasks.json"));
        assertEquals(0, response.path("batchItemFailures").size(), response.toString());
    }

    @Test
    void sqsBatchReportsUnreadableMessagesAsItemFailures() throws Exception {
        String batch = """
                {"Records": [
                  {"messageId": "m-1", "body": "{\\"outlet\\":\\"unn\\",\\"url\\":\\"%s\\"}", "eventSource": "aws:sqs"},
                  {"messageId": "m-2", "body": "not json", "eventSource": "aws:sqs"},
                  {"messageId": "m-3", "body": "{\\"outlet\\":\\"unn\\"}", "eventSource": "aws:sqs"}
                ]}""".formatted(h.url("unn", PipelineIT.GRAIN));
        JsonNode response = article(batch);
        assertEquals("[{\"itemIdentifier\":\"m-2\"},{\"itemIdentifier\":\"m-3\"}]", response.path("batchItemFailures").toString());
    }

    @Test
    void harvestEventsNameOutletsOrMeanAll() throws Exception {
        JsonNode some = harvest(event("harvest-outlets.json"));
        assertEquals(1, some.size());
        assertEquals("unn", some.get(0).path("outlet").asText());
        assertEquals(5, some.get(0).path("discovered").asInt());

        for (String all : new String[] {"schedule.json", "schedule-eventbridge.json"}) {
            JsonNode report = harvest(event(all));
            assertEquals(3, report.size(), all);
            report.forEach(o -> assertEquals(0, o.path("counts").path("FAILED").asInt(), all + ": " + o));
        }
    }

    @Test
    void reprocessEventReExtractsStoredPagesWithoutFetching() throws Exception {
        article(event("article-url.json")); // something of outlet unn is stored
        int requests = h.site.requestLog().size();
        ArticleHandler handler = new ArticleHandler(harvester, Wiring.reprocessor(h.env, h.stack.s3(), h.stack.dynamoDb()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event("reprocess.json").getBytes(StandardCharsets.UTF_8)), out, null);
        JsonNode report = JSON.readTree(out.toByteArray());

        assertTrue(report.path("examined").asInt() >= 1, report.toString());
        assertEquals(report.path("examined").asInt(), report.path("upToDate").asInt(),
                "every stored version was made by this extractor: nothing to re-extract: " + report);
        assertEquals(0, report.path("failed").asInt(), report.toString());
        assertTrue(report.path("next").isMissingNode(), "finished: no continuation");
        assertEquals(requests, h.site.requestLog().size(), "nothing fetched");

        // near its deadline a run stops at once and hands back the event that continues it
        ByteArrayOutputStream stopped = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream("{\"reprocess\": {\"outlets\": [\"unn\"], \"all\": true}}"
                .getBytes(StandardCharsets.UTF_8)), stopped, deadlineIn(1_000));
        JsonNode partial = JSON.readTree(stopped.toByteArray());
        assertEquals(0, partial.path("examined").asInt(), partial.toString());
        JsonNode next = partial.path("next");
        assertEquals("[\"unn\"]", next.path("reprocess").path("outlets").toString(), partial.toString());
        ByteArrayOutputStream resumed = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(next)), resumed, deadlineIn(600_000));
        JsonNode rest = JSON.readTree(resumed.toByteArray());
        assertTrue(rest.path("examined").asInt() >= 1 && rest.path("next").isMissingNode(), rest.toString());

        BadEventException e = assertThrows(BadEventException.class, () -> handler.handleRequest(
                new ByteArrayInputStream("{\"reprocess\": {\"since\": \"last week\"}}".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), null));
        assertTrue(e.getMessage().startsWith("'reprocess.since' must be an ISO date or instant"), e.getMessage());
        e = assertThrows(BadEventException.class, () -> handler.handleRequest(
                new ByteArrayInputStream("{\"reprocess\": {\"outlets\": [\"nope\"]}}".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), null));
        assertTrue(e.getMessage().startsWith("unknown outlet 'nope'"), e.getMessage());
    }

    /** A Lambda context with this much time left (the rest of its methods are not used here). */
    private static com.amazonaws.services.lambda.runtime.Context deadlineIn(int millis) {
        return (com.amazonaws.services.lambda.runtime.Context) java.lang.reflect.Proxy.newProxyInstance(
                HandlersIT.class.getClassLoader(), new Class<?>[] {com.amazonaws.services.lambda.runtime.Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRemainingTimeInMillis" -> millis;
                    case "getLogger" -> new com.amazonaws.services.lambda.runtime.LambdaLogger() {
                        @Override
                        public void log(String message) {
                        }

                        @Override
                        public void log(byte[] message) {
                        }
                    };
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void eventsOfTheWrongShapeGetAClearError() {
        BadEventException e = assertThrows(BadEventException.class, () -> harvest("{\"outlets\": \"unn\"}"));
        assertEquals("'outlets' must be a list of outlet ids, e.g. {\"outlets\": [\"unn\"]}", e.getMessage());
        assertEquals(0, e.getStackTrace().length, "no stack trace for a bad event");
        e = assertThrows(BadEventException.class, () -> harvest("[1,2]"));
        assertTrue(e.getMessage().startsWith("event must be a JSON object"), e.getMessage());
        e = assertThrows(BadEventException.class, () -> article("{\"hello\": 1}"));
        assertTrue(e.getMessage().startsWith("ArticleFunction expects an SQS event"), e.getMessage());
        e = assertThrows(BadEventException.class, () -> harvest("{not json"));
        assertTrue(e.getMessage().startsWith("event is not valid JSON"), e.getMessage());
        e = assertThrows(BadEventException.class, () -> harvest("{\"outlets\": [\"nope\"]}"));
        assertTrue(e.getMessage().startsWith("unknown outlet 'nope' (configured: unn, up, agg)"), e.getMessage());
    }
}
