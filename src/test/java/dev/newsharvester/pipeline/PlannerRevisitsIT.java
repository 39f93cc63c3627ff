package dev.newsharvester.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.newsharvester.fleet.FleetTable;
import dev.newsharvester.local.LocalStack;
import dev.newsharvester.outlet.Outlets;
import dev.newsharvester.store.DueIndex;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Two planners at once (an overlapping schedule) against DynamoDB Local and ElasticMQ: the due URLs in the fleet
 * table's due index are sent as article tasks exactly once between them, and a third plan right after sends none.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PlannerRevisitsIT {

    private static final Instant T0 = Instant.parse("2026-11-21T10:05:00Z");
    private static final String YAML = """
            outlets:
              - id: kyiv
                feeds: [https://kyiv-herald.example/rss.xml]
              - id: lviv
                feeds: [https://lviv-courier.example/rss.xml]
            """;

    private LocalStack stack;
    private SQSRestServer server;
    private SqsClient sqs;

    @AfterEach
    void stop() {
        if (sqs != null) {
            sqs.close();
        }
        if (server != null) {
            server.stopAndWait();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void twoPlannersAtOnceSendEachDueUrlOnce() throws Exception {
        stack = LocalStack.inMemory();
        FleetTable.create(stack.dynamoDb(), "Fleet");
        server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        int port = server.waitUntilStarted().localAddress().getPort();
        sqs = SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
        String queueUrl = sqs.createQueue(b -> b.queueName("article-tasks")).queueUrl();

        DueIndex setup = DueIndex.inFleetTable(stack.dynamoDb(), "Fleet", DueIndex.DEFAULT_SHARDS);
        List<String> dueUrls = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String outlet = i % 2 == 0 ? "kyiv" : "lviv";
            String url = "https://" + outlet + (outlet.equals("kyiv") ? "-herald" : "-courier") + ".example/news/story-" + i;
            setup.schedule(outlet, url, T0, T0.plus(Duration.ofMinutes(15)).plusSeconds(i), T0);
            dueUrls.add(url);
        }
        for (int i = 0; i < 300; i++) {   // not due for days
            setup.schedule("kyiv", "https://kyiv-herald.example/news/old-" + i, T0, T0.plus(Duration.ofDays(2 + i % 20)), T0);
        }
        setup.schedule("gone", "https://gone.example/news/1", T0, T0.plus(Duration.ofMinutes(20)), T0);

        Clock at = Clock.fixed(T0.plus(Duration.ofMinutes(40)), ZoneOffset.UTC);
        Outlets outlets = Outlets.parse(YAML, "test");
        List<Planner> planners = List.of(
                new Planner(outlets, new TaskQueue(sqs, queueUrl), at, null,
                        DueIndex.inFleetTable(stack.dynamoDb(), "Fleet", DueIndex.DEFAULT_SHARDS)),
                new Planner(outlets, new TaskQueue(sqs, queueUrl), at, null,
                        DueIndex.inFleetTable(stack.dynamoDb(), "Fleet", DueIndex.DEFAULT_SHARDS)));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Planner.Plan>> plans = new ArrayList<>();
        for (Planner p : planners) {
            plans.add(pool.submit(() -> {
                go.await();
                return p.plan(List.of());
            }));
        }
        go.countDown();
        int sent = 0;
        for (Future<Planner.Plan> f : plans) {
            Planner.Plan plan = f.get(60, TimeUnit.SECONDS);
            assertEquals(List.of(), plan.failed());
            sent += plan.revisits();
        }
        pool.shutdown();

        Map<String, Integer> articles = new HashMap<>();
        int discoveries = 0;
        for (String body : drain(queueUrl)) {
            switch (FleetMessage.parse(body)) {
                case FleetMessage.Article a -> articles.merge(a.task().url(), 1, Integer::sum);
                case FleetMessage.Discover d -> discoveries++;
                case FleetMessage.Turn t -> throw new AssertionError("a planner sends no turn: " + body);
            }
        }
        assertEquals(60, sent, "between them, the two plans sent every due URL");
        assertEquals(dueUrls.size(), articles.size());
        assertEquals(Map.of(1, 60), Map.of(1, (int) articles.values().stream().filter(n -> n == 1).count()),
                "each due URL once: " + articles);
        assertEquals(new java.util.TreeSet<>(dueUrls), new java.util.TreeSet<>(articles.keySet()));
        assertEquals(4, discoveries, "each plan still sends one discovery task per outlet");
        assertNull(setup.pointer("https://gone.example/news/1"), "an outlet no longer configured: its schedule ends");

        Planner.Plan third = planners.get(0).plan(List.of());
        assertEquals(0, third.revisits(), "claimed entries are not sent again while their visit is pending");
    }

    private List<String> drain(String queueUrl) {
        List<String> out = new ArrayList<>();
        int empty = 0;
        while (empty < 2) {
            List<Message> got = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages();
            empty = got.isEmpty() ? empty + 1 : 0;
            for (Message m : got) {
                out.add(m.body());
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
        return out;
    }
}
