package dev.newsharvester.it;

import dev.newsharvester.store.AwsEndpoints;
import dev.newsharvester.store.AwsClients;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsharvester.lambda.ArticleHandler;
import dev.newsharvester.lambda.HarvestHandler;
import dev.newsharvester.store.StoredVersion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * The fan-out path: HarvestFunction sends one SQS message per article task to a real SQS-compatible
 * server (ElasticMQ, in-process on loopback), and ArticleFunction processes the batches it receives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueueIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    DemoHarness h;
    SQSRestServer server;
    SqsClient sqs;
    String queueUrl;

    @BeforeAll
    void start() throws Exception {
        h = new DemoHarness(tmp);
        server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        int port = server.waitUntilStarted().localAddress().getPort();
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:" + port);
        env.put("AWS_REGION", "us-east-1");
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        sqs = AwsClients.sqs(AwsEndpoints.fromEnvironment(env));
        queueUrl = sqs.createQueue(b -> b.queueName("article-tasks")).queueUrl();
    }

    @AfterAll
    void stop() {
        sqs.close();
        server.stopAndWait();
        h.close();
    }

    @Test
    void harvestFansOutThroughTheQueueAndWorkersIndexEveryArticle() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HarvestHandler(h.queueingHarvester(sqs, queueUrl))
                .handleRequest(new ByteArrayInputStream("{\"source\":\"schedule\"}".getBytes(StandardCharsets.UTF_8)), out, null);
        JsonNode report = JSON.readTree(out.toByteArray());
        int dispatched = 0;
        for (JsonNode o : report) {
            dispatched += o.path("dispatched").asInt();
        }
        assertEquals(12, dispatched, report.toString());

        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 20 && messages.size() < 12; i++) {
            ReceiveMessageResponse r = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1));
            messages.addAll(r.messages());
        }
        assertEquals(12, messages.size(), "one message per article task");

        ArticleHandler worker = new ArticleHandler(h.harvester());
        for (int from = 0; from < messages.size(); from += 10) {
            ObjectNode event = JSON.createObjectNode();
            ArrayNode records = event.putArray("Records");
            for (Message m : messages.subList(from, Math.min(messages.size(), from + 10))) {
                records.addObject().put("messageId", m.messageId()).put("receiptHandle", m.receiptHandle())
                        .put("body", m.body()).put("eventSource", "aws:sqs");
            }
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            worker.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), response, null);
            assertEquals("[]", JSON.readTree(response.toByteArray()).path("batchItemFailures").toString());
        }
        List<StoredVersion> unn = h.queries.byOutlet("unn", Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
        assertEquals(5, unn.size());
        assertTrue(unn.stream().allMatch(v -> URI.create(v.url()).getHost().equals("127.0.0.1")));
    }
}
