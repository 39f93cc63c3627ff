package dev.newsharvester.it;

import dev.newsharvester.store.AwsEndpoints;
import dev.newsharvester.store.AwsClients;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsharvester.lambda.ArticleHandler;
import dev.newsharvester.lambda.BadEventException;
import dev.newsharvester.lambda.HarvestHandler;
import dev.newsharvester.pipeline.Harvester;
import dev.newsharvester.pipeline.Settings;
import dev.newsharvester.pipeline.Wiring;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsharvester.fleet.FleetTable;
import dev.newsharvester.fleet.Frontier;
import dev.newsharvester.fleet.HostLeases;
import dev.newsharvester.pipeline.FleetMessage;
import dev.newsharvester.pipeline.FleetWorker;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every event in events/ run through its handler, against the demo site and the embedded store: inline (no fleet),
 * and as the deployed stack runs them, a planner and a fleet worker on a fleet table and a task queue (ElasticMQ,
 * in-process on loopback).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandlersIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    DemoHarness h;
    Harvester harvester;
    SQSRestServer server;
    SqsClient sqs;

    @BeforeAll
    void start() throws Exception {
        h = new DemoHarness(tmp);
        harvester = h.harvester();
        server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        int port = server.waitUntilStarted().localAddress().getPort();
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        sqs = AwsClients.sqs(AwsEndpoints.fromEnvironment(Map.of("AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:" + port, "AWS_REGION", "us-east-1")));
    }

    @AfterAll
    void stop() {
        sqs.close();
        server.stopAndWait();
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
        ArticleHandler handler = new ArticleHandler(harvester, Wiring.reprocessor(h.settings, h.stack.s3(), h.stack.dynamoDb()));
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

    // ------------------------------------------------------------------ the fleet, as template.yaml wires it

    /** A fleet of its own (fleet table, task queue): the planner and a worker as Lambda builds them. */
    private final class Fleet {
        final String table;
        final String queueUrl;
        final Settings env;
        final Harvester harvester;
        final ArticleHandler worker;
        final Frontier frontier;
        final HostLeases leases;

        Fleet(String name) {
            table = "fleet-" + name;
            FleetTable.create(h.stack.dynamoDb(), table);
            queueUrl = sqs.createQueue(b -> b.queueName("tasks-" + name)).queueUrl();
            env = h.settings.withFleet(queueUrl, table);
            assertTrue(env.isFleet());
            harvester = Wiring.harvester(env, h.stack.s3(), h.stack.dynamoDb(), sqs);
            FleetWorker fleetWorker = Wiring.fleetWorker(env, harvester, h.stack.dynamoDb(), sqs);
            worker = new ArticleHandler(harvester, fleetWorker, null);
            frontier = new Frontier(h.stack.dynamoDb(), table);
            leases = new HostLeases(h.stack.dynamoDb(), table, Clock.systemUTC(), Duration.ofSeconds(30));
        }

        JsonNode work(String event) throws Exception {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            worker.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
            return JSON.readTree(out.toByteArray());
        }

        JsonNode plan(String event) throws Exception {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new HarvestHandler(Wiring.planner(env, Wiring.outlets(env, h.stack.s3()), sqs))
                    .handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
            return JSON.readTree(out.toByteArray());
        }

        /** The messages visible now (waiting up to a second for the first), deleted from the queue. */
        List<Message> take() {
            List<Message> all = new ArrayList<>();
            while (true) {
                List<Message> got = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                        .waitTimeSeconds(all.isEmpty() ? 1 : 0)).messages();
                if (got.isEmpty()) {
                    return all;
                }
                got.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
                all.addAll(got);
            }
        }

        /** The batch Lambda would build of these messages. */
        String batch(List<Message> messages) throws Exception {
            ObjectNode event = JSON.createObjectNode();
            ArrayNode records = event.putArray("Records");
            for (Message m : messages) {
                records.addObject().put("messageId", m.messageId()).put("receiptHandle", m.receiptHandle())
                        .put("body", m.body()).put("eventSource", "aws:sqs");
            }
            return JSON.writeValueAsString(event);
        }

        List<Frontier.Job> waiting(String host) {
            return frontier.peek(host, 100, Instant.now());
        }
    }

    private static List<FleetMessage> parsed(List<Message> messages) {
        return messages.stream().map(m -> FleetMessage.parse(m.body())).toList();
    }

    @Test
    void discoveryEventQueuesTheOutletsArticlesForTheirHostAndTheFleetFetchesThem() throws Exception {
        Fleet fleet = new Fleet("discover");
        String host = Frontier.hostOf(h.site.origin("unn").toString());

        JsonNode response = fleet.work(event("discover-outlet.json"));
        assertEquals("[]", response.path("batchItemFailures").toString(), response.toString());

        List<Frontier.Job> jobs = fleet.waiting(host);
        assertEquals(5, jobs.size(), "the five articles of the demo feed wait for their host: " + jobs);
        jobs.forEach(j -> assertEquals("unn", j.outlet()));
        List<Message> due = fleet.take();
        assertEquals(List.of(new FleetMessage.Turn(host, fleet.leases.state(host).token())), parsed(due),
                "one turn token for the host, the one the fleet table holds");

        // the rest as Lambda would run it: every message as it comes due, in batches, until the queue is quiet
        for (int round = 0; round < 60 && !due.isEmpty(); round++) {
            JsonNode r = fleet.work(fleet.batch(due));
            assertEquals("[]", r.path("batchItemFailures").toString(), r.toString());
            due = fleet.take();
        }
        assertEquals(List.of(), due, "the queue went quiet");
        assertEquals(List.of(), fleet.waiting(host), "every article fetched and settled");
        assertNull(fleet.leases.state(host).token(), "the host's token retired with its frontier empty");
        for (Frontier.Job j : jobs) {
            assertFalse(h.index.versions(j.url()).isEmpty(), "stored: " + j.url());
        }

        // another run's task for the outlet within the claim interval (a second schedule firing): not discovered
        int requests = h.site.requestLog().size();
        response = fleet.work(event("discover-outlet.json").replace("2025-08-23T08:15:00.012Z", Instant.now().toString()));
        assertEquals("[]", response.path("batchItemFailures").toString(), response.toString());
        assertEquals(requests, h.site.requestLog().size(), "nothing fetched");
        assertEquals(List.of(), fleet.waiting(host));
        assertEquals(List.of(), fleet.take());
    }

    @Test
    void turnEventOnAnEmptyFrontierRetiresTheToken() throws Exception {
        Fleet fleet = new Fleet("turn");
        String body = JSON.readTree(event("host-turn.json")).path("Records").get(0).path("body").asText();
        FleetMessage.Turn turn = assertInstanceOf(FleetMessage.Turn.class, FleetMessage.parse(body));
        int requests = h.site.requestLog().size();

        // a token the fleet table does not hold (lost, replaced): dropped, not a failure
        JsonNode response = fleet.work(event("host-turn.json"));
        assertEquals("[]", response.path("batchItemFailures").toString(), response.toString());
        assertEquals(List.of(), fleet.take(), "nothing passed on");

        // the host's live token, with nothing queued: retired
        assertTrue(fleet.leases.claimToken(turn.host(), turn.token(), Duration.ofMinutes(20)));
        response = fleet.work(event("host-turn.json"));
        assertEquals("[]", response.path("batchItemFailures").toString(), response.toString());
        assertNull(fleet.leases.state(turn.host()).token(), "retired");
        assertEquals(List.of(), fleet.take(), "nothing passed on");
        assertEquals(requests, h.site.requestLog().size(), "nothing fetched");
    }

    @Test
    void articleEventsJoinTheirHostsFrontierInAFleet() throws Exception {
        Fleet fleet = new Fleet("articles");
        String host = Frontier.hostOf(h.site.origin("unn").toString());
        JsonNode response = fleet.work(event("sqs-article-tasks.json"));
        assertEquals("[]", response.path("batchItemFailures").toString(), response.toString());
        assertEquals(3, fleet.waiting(host).size(), "the demo outlets share the loopback host");
        List<FleetMessage> sent = parsed(fleet.take());
        assertEquals(1, sent.size(), "one token for the host, however many articles: " + sent);
        assertEquals(host, assertInstanceOf(FleetMessage.Turn.class, sent.get(0)).host());

        JsonNode direct = fleet.work(event("article-url.json"));
        assertEquals("already queued", direct.path("note").asText(), direct.toString());
        assertFalse(direct.path("retry").asBoolean(), direct.toString());
        assertEquals(List.of(), fleet.take(), "the host has its token already");
    }

    @Test
    void plannerSendsOneDiscoveryTaskPerOutlet() throws Exception {
        Fleet fleet = new Fleet("plan");
        int requests = h.site.requestLog().size();
        for (String all : new String[] {"schedule.json", "schedule-eventbridge.json"}) {
            JsonNode plan = fleet.plan(event(all));
            assertEquals(3, plan.path("planned").asInt(), all + ": " + plan);
            assertEquals(0, plan.path("failed").size(), all + ": " + plan);
            Set<String> outlets = new TreeSet<>();
            Set<String> runs = new HashSet<>();
            for (FleetMessage m : parsed(fleet.take())) {
                FleetMessage.Discover d = assertInstanceOf(FleetMessage.Discover.class, m);
                assertTrue(outlets.add(d.outlet()), "one task per outlet: " + d);
                assertEquals(0, d.turn());
                assertNull(d.sources(), "all of its sources");
                runs.add(d.run());
            }
            assertEquals(new TreeSet<>(List.of("unn", "up", "agg")), outlets, all);
            assertEquals(Set.of(plan.path("run").asText()), runs, all + ": the tasks carry the plan's run");
        }
        JsonNode some = fleet.plan(event("harvest-outlets.json"));
        assertEquals(1, some.path("planned").asInt(), some.toString());
        List<FleetMessage> sent = parsed(fleet.take());
        assertEquals(1, sent.size());
        assertEquals("unn", assertInstanceOf(FleetMessage.Discover.class, sent.get(0)).outlet());
        assertEquals(requests, h.site.requestLog().size(), "the planner fetches nothing itself");
    }

    /** A Lambda context with this much time left (the rest of its methods are not used here). */
    private static com.amazonaws.services.lambda.runtime.Context deadlineIn(int millis) {
        return (com.amazonaws.services.lambda.runtime.Context) java.lang.reflect.Proxy.newProxyInstance(
                HandlersIT.class.getClassLoader(), new Class<?>[] {com.amazonaws.services.lambda.runtime.Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRemainingTimeInMillis" -> millis;
                    case "getAwsRequestId" -> "request-with-" + millis + "-ms";
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
