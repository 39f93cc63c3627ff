package dev.newsharvester.fleetsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The emulated event source mapping against ElasticMQ: event shape, partial batch failures, throws, kill. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EsmPollerIT {

    SQSRestServer server;
    SqsClient sqs;

    @BeforeAll
    void start() {
        server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        int port = server.waitUntilStarted().localAddress().getPort();
        sqs = SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }

    @AfterAll
    void stop() {
        sqs.close();
        server.stopAndWait();
    }

    private String queue(String name) {
        return sqs.createQueue(b -> b.queueName(name).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1"))).queueUrl();
    }

    private long depth(String url) {
        return sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes().values().stream()
                .mapToLong(Long::parseLong).sum();
    }

    private static void await(java.util.function.BooleanSupplier condition, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + limit);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void partialFailuresComeBackAndThrowsFailTheWholeBatch() throws Exception {
        String url = queue("esm-partial");
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<JsonNode> events = new ConcurrentLinkedQueue<>();
        RequestStreamHandler handler = (in, out, ctx) -> {
            JsonNode event = SqsEvents.JSON.readTree(in);
            events.add(event);
            assertTrue(ctx.getRemainingTimeInMillis() > 0 && ctx.getAwsRequestId() != null);
            StringBuilder failures = new StringBuilder();
            for (JsonNode r : event.get("Records")) {
                String body = r.get("body").asText();
                int n = seen.computeIfAbsent(body, k -> new AtomicInteger()).incrementAndGet();
                if (body.equals("throw") && n == 1) {
                    throw new IllegalStateException("boom");
                }
                if (body.equals("fail") && n < 3) {
                    failures.append(failures.isEmpty() ? "" : ",").append("{\"itemIdentifier\":\"")
                            .append(r.get("messageId").asText()).append("\"}");
                }
            }
            ctx.getLogger().log("done");
            out.write(("{\"batchItemFailures\":[" + failures + "]}").getBytes(StandardCharsets.UTF_8));
        };
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("ok"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("fail"));
        try (EsmPoller poller = new EsmPoller(sqs, url, () -> handler, EsmPoller.Options.defaults(1))) {
            await(() -> seen.containsKey("fail") && seen.get("fail").get() >= 3 && depth(url) == 0, Duration.ofSeconds(15));
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("throw"));
            await(() -> seen.containsKey("throw") && seen.get("throw").get() >= 2 && depth(url) == 0, Duration.ofSeconds(15));
            assertEquals(1, seen.get("ok").get(), "a success is deleted, never redelivered");
            assertEquals(3, seen.get("fail").get(), "a listed failure comes back until it succeeds");
            assertTrue(poller.invocations().stream().anyMatch(i -> i.error() != null && i.failed() == i.records()));
            assertTrue(poller.billedMs() >= poller.invocations().size());
            assertTrue(poller.logLines().contains("done"));
        }
        JsonNode r = events.peek().get("Records").get(0);
        for (String field : List.of("messageId", "receiptHandle", "body", "attributes", "messageAttributes", "md5OfBody",
                "eventSource", "eventSourceARN", "awsRegion")) {
            assertTrue(r.has(field), field + " in " + r);
        }
        assertEquals("aws:sqs", r.get("eventSource").asText());
        assertEquals("arn:aws:sqs:us-east-1:000000000000:esm-partial", r.get("eventSourceARN").asText());
        assertTrue(r.get("attributes").has("ApproximateReceiveCount"), r.toString());
        assertTrue(r.get("attributes").has("SentTimestamp"), r.toString());
    }

    @Test
    void aKilledWorkerAbandonsItsBatchAndAnotherProcessesItAfterTheVisibilityTimeout() throws Exception {
        String url = queue("esm-kill");
        ConcurrentLinkedQueue<String> processed = new ConcurrentLinkedQueue<>();
        RequestStreamHandler handler = (in, out, ctx) -> {
            for (JsonNode r : SqsEvents.JSON.readTree(in).get("Records")) {
                processed.add(r.get("body").asText());
            }
        };
        try (EsmPoller poller = new EsmPoller(sqs, url, () -> handler, EsmPoller.Options.defaults(1))) {
            poller.kill(0);
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("orphan"));
            await(() -> poller.dead(0), Duration.ofSeconds(5));
            assertEquals(1, poller.abandoned().size());
            assertTrue(processed.isEmpty());
            long abandonedAt = poller.abandoned().get(0).atNanos();
            poller.addWorker();
            await(() -> processed.contains("orphan") && depth(url) == 0, Duration.ofSeconds(10));
            double after = (poller.invocations().get(0).startNanos() - abandonedAt) / 1e9;
            assertTrue(after >= 0.9, "back only after the 1 s visibility timeout: " + after);
            assertEquals(1, poller.alive());
        }
    }
}
