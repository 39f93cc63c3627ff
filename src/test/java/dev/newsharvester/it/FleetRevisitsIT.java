package dev.newsharvester.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsharvester.fleet.FleetTable;
import dev.newsharvester.lambda.ArticleHandler;
import dev.newsharvester.pipeline.Harvester;
import dev.newsharvester.pipeline.Planner;
import dev.newsharvester.pipeline.Settings;
import dev.newsharvester.pipeline.Wiring;
import dev.newsharvester.store.DueIndex;
import dev.newsharvester.store.StoredVersion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Revisits in the fleet, wired as template.yaml wires it (DynamoDB Local, s3proxy, ElasticMQ, the demo site): a
 * worker's visit schedules the URL's next one in the fleet table's due index; the planner sends the due URLs as
 * article tasks, which the workers put in their host's frontier and fetch again (conditional GETs).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class FleetRevisitsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    DemoHarness h;
    ElasticMq mq;
    SqsClient sqs;

    @BeforeAll
    void start() throws Exception {
        h = new DemoHarness(tmp);
        mq = new ElasticMq();
        sqs = mq.sqs;
    }

    @AfterAll
    void stop() {
        mq.close();
        h.close();
    }

    @Test
    void aWorkersVisitSchedulesTheNextAndThePlannerSendsItThroughTheHostsFrontier() throws Exception {
        String table = "fleet-revisits";
        FleetTable.create(h.stack.dynamoDb(), table);
        String queueUrl = sqs.createQueue(b -> b.queueName("tasks-revisits")).queueUrl();
        Settings env = h.settings.withFleet(queueUrl, table);
        Harvester harvester = Wiring.harvester(env, h.stack.s3(), h.stack.dynamoDb(), sqs);
        ArticleHandler worker = new ArticleHandler(harvester, Wiring.fleetWorker(env, harvester, h.stack.dynamoDb(), sqs), null);

        work(worker, h.local(Files.readString(Path.of("events", "discover-outlet.json"))));
        drain(worker, queueUrl);
        List<String> urls = h.index.byOutlet("unn", null, null).stream().map(StoredVersion::url).toList();
        assertEquals(5, urls.size(), urls::toString);

        DueIndex due = Wiring.dueIndex(env, h.stack.dynamoDb());
        for (String url : urls) {
            DueIndex.Pointer p = due.pointer(url);
            assertNotNull(p, "the worker's visit scheduled the next one: " + url);
            assertEquals("unn", p.outlet());
            assertTrue(p.dueAt().isAfter(p.firstSeen()), p::toString);
        }

        // the demo's schedule (every 1 ms after first sight) makes all five due at once
        int requests = h.site.requestLog().size();
        Planner planner = Wiring.planner(env, Wiring.outlets(env, h.stack.s3()), sqs, h.stack.s3(), h.stack.dynamoDb());
        Planner.Plan plan = planner.plan(List.of("unn"));
        assertEquals(List.of(), plan.failed());
        assertEquals(5, plan.revisits(), plan::toString);
        drain(worker, queueUrl);
        List<String> log = h.site.requestLog().subList(requests, h.site.requestLog().size());
        for (String url : urls) {
            String path = url.substring(h.site.origin("unn").toString().length());
            assertEquals(1, log.stream().filter(l -> l.contains(" " + path + " ")).count(),
                    () -> "fetched once again, through the frontier: " + path + " in " + log);
        }
        assertTrue(log.stream().filter(l -> l.contains(" 304 ")).count() >= 5, log::toString);
    }

    private static JsonNode work(ArticleHandler worker, String event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        worker.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        JsonNode r = JSON.readTree(out.toByteArray());
        assertEquals("[]", r.path("batchItemFailures").toString(), r.toString());
        return r;
    }

    /** Works every message as it comes due, in batches, until the queue is quiet. */
    private void drain(ArticleHandler worker, String queueUrl) throws Exception {
        for (int round = 0; round < 60; round++) {
            List<Message> got = new ArrayList<>();
            while (true) {
                List<Message> m = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                        .waitTimeSeconds(got.isEmpty() ? 1 : 0)).messages();
                if (m.isEmpty()) {
                    break;
                }
                m.forEach(x -> sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(x.receiptHandle())));
                got.addAll(m);
            }
            if (got.isEmpty()) {
                return;
            }
            ObjectNode event = JSON.createObjectNode();
            ArrayNode records = event.putArray("Records");
            for (Message m : got) {
                records.addObject().put("messageId", m.messageId()).put("receiptHandle", m.receiptHandle())
                        .put("body", m.body()).put("eventSource", "aws:sqs");
            }
            work(worker, JSON.writeValueAsString(event));
        }
        throw new AssertionError("the queue never went quiet");
    }
}
