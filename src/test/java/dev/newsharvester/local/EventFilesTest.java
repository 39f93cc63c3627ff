package dev.newsharvester.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsharvester.pipeline.ArticleTask;
import dev.newsharvester.pipeline.FleetMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample events in events/, as `sam local invoke -e` and the project's invoker read them. */
class EventFilesTest {

    private static final Path EVENTS = Path.of("events");
    /** Exactly {outlet, url}: an unknown field in a task is a mistake, not an extension. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void everyEventFileIsAJsonObject() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(EVENTS)) {
            for (Path file : files.toList()) {
                names.add(file.getFileName().toString());
                JsonNode event = assertDoesNotThrow(() -> JSON.readTree(file.toFile()), file + " is not JSON");
                assertTrue(event.isObject(), file + " is not a JSON object");
            }
        }
        assertTrue(names.containsAll(List.of("schedule.json", "schedule-eventbridge.json", "harvest-outlets.json",
                "sqs-article-tasks.json", "article-url.json", "discover-outlet.json", "host-turn.json")),
                "events/ has " + names);
    }

    @Test
    void everySqsEventHasTheEnvelopeLambdaSends() throws Exception {
        int sqsFiles = 0;
        try (Stream<Path> files = Files.list(EVENTS)) {
            for (Path file : files.sorted().toList()) {
                JsonNode event = JSON.readTree(file.toFile());
                if (!event.has("Records")) {
                    continue;
                }
                sqsFiles++;
                JsonNode records = event.get("Records");
                assertTrue(records.isArray() && !records.isEmpty() && records.size() <= 10, file + ": 1 to 10 records");
                Set<String> messageIds = new TreeSet<>();
                for (JsonNode record : records) {
                    assertEquals("aws:sqs", record.path("eventSource").asText(), file.toString());
                    assertTrue(record.path("eventSourceARN").asText().startsWith("arn:aws:sqs:"), file + ": " + record);
                    assertTrue(messageIds.add(record.path("messageId").asText()), file + ": duplicate messageId in " + record);
                    assertTrue(!record.path("receiptHandle").asText().isEmpty(), file + ": receiptHandle");
                    String body = record.path("body").asText();
                    assertEquals(md5Hex(body), record.path("md5OfBody").asText(), file + ": md5OfBody of " + body);
                    assertDoesNotThrow(() -> FleetMessage.parse(body), file + ": a task queue message: " + body);
                }
            }
        }
        assertEquals(3, sqsFiles, "sqs-article-tasks, discover-outlet, host-turn");
    }

    @Test
    void fleetEventsCarryADiscoveryTaskAndATurnToken() throws IOException {
        FleetMessage discover = FleetMessage.parse(onlyBody("discover-outlet.json"));
        FleetMessage.Discover d = assertInstanceOf(FleetMessage.Discover.class, discover);
        assertEquals("unn", d.outlet());
        assertEquals(0, d.turn(), "the planner's first turn");
        assertTrue(d.sources() == null, "all of the outlet's sources");
        assertDoesNotThrow(() -> Instant.parse(d.run()), "run is the planner's start instant: " + d.run());
        assertEquals(FleetMessage.body(d), onlyBody("discover-outlet.json"), "as the planner writes it");

        FleetMessage.Turn t = assertInstanceOf(FleetMessage.Turn.class, FleetMessage.parse(onlyBody("host-turn.json")));
        assertEquals("unn.ua", t.host());
        assertDoesNotThrow(() -> UUID.fromString(t.token()), "tokens are UUIDs: " + t.token());
        assertEquals(FleetMessage.body(t), onlyBody("host-turn.json"), "as a worker writes it");

        for (JsonNode record : JSON.readTree(EVENTS.resolve("sqs-article-tasks.json").toFile()).path("Records")) {
            assertInstanceOf(FleetMessage.Article.class, FleetMessage.parse(record.path("body").asText()));
        }
    }

    private static String onlyBody(String file) throws IOException {
        JsonNode records = JSON.readTree(EVENTS.resolve(file).toFile()).path("Records");
        assertEquals(1, records.size(), file);
        return records.get(0).path("body").asText();
    }

    @Test
    void sqsRecordsCarryArticleTasks() throws Exception {
        JsonNode records = JSON.readTree(EVENTS.resolve("sqs-article-tasks.json").toFile()).path("Records");
        assertEquals(3, records.size());
        Set<String> messageIds = new TreeSet<>();
        for (JsonNode record : records) {
            assertEquals("aws:sqs", record.path("eventSource").asText());
            assertTrue(record.path("eventSourceARN").asText().startsWith("arn:aws:sqs:"), record.toString());
            assertTrue(messageIds.add(record.path("messageId").asText()), "duplicate messageId in " + record);

            String body = record.path("body").asText();
            assertEquals(md5Hex(body), record.path("md5OfBody").asText(), "md5OfBody of " + body);
            ArticleTask task = assertDoesNotThrow(() -> JSON.readValue(body, ArticleTask.class), body);
            assertArticleTask(task);
        }
    }

    @Test
    void directArticleInvokeIsAnArticleTask() throws IOException {
        assertArticleTask(JSON.readValue(EVENTS.resolve("article-url.json").toFile(), ArticleTask.class));
    }

    @Test
    void harvestEventsMeanAllOrSomeOutlets() throws IOException {
        assertEquals("schedule", JSON.readTree(EVENTS.resolve("schedule.json").toFile()).path("source").asText());

        JsonNode eventBridge = JSON.readTree(EVENTS.resolve("schedule-eventbridge.json").toFile());
        assertEquals("Scheduled Event", eventBridge.path("detail-type").asText());
        assertEquals("aws.events", eventBridge.path("source").asText());
        assertTrue(eventBridge.path("detail").isObject() && eventBridge.path("detail").isEmpty());

        JsonNode outlets = JSON.readTree(EVENTS.resolve("harvest-outlets.json").toFile()).path("outlets");
        assertTrue(outlets.isArray() && !outlets.isEmpty());
        outlets.forEach(o -> assertTrue(o.asText().matches("[a-z0-9-]+"), "outlet id " + o));
    }

    private static void assertArticleTask(ArticleTask task) {
        assertTrue(task.outlet().matches("[a-z0-9-]+"), "outlet id " + task.outlet());
        URI url = URI.create(task.url());
        assertEquals("https", url.getScheme(), task.url());
        assertTrue(url.getHost() != null && !url.getHost().isEmpty(), task.url());
    }

    private static String md5Hex(String s) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
