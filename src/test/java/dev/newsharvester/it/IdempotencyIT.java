package dev.newsharvester.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.local.LocalStack;
import dev.newsharvester.pipeline.ArticleOutcome;
import dev.newsharvester.pipeline.ArticleTask;
import dev.newsharvester.pipeline.Harvester;
import dev.newsharvester.pipeline.Outcome;
import dev.newsharvester.pipeline.Wiring;
import dev.newsharvester.store.StoredVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A task delivered many times, one after another or all at once (an SQS message redelivered while
 * still being worked on, a batch retried): one version, one raw and one clean object, each written
 * once. DynamoDB's conditional PutItem and S3's If-None-Match settle every race; the S3 client here
 * counts which PUTs succeeded and which were refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyIT {

    @TempDir
    static Path tmp;

    DemoHarness h;
    S3Client s3;
    final AtomicInteger putsWritten = new AtomicInteger();
    final AtomicInteger putsRefused = new AtomicInteger();

    @BeforeAll
    void start() throws Exception {
        h = new DemoHarness(tmp);
        s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(h.stack.s3Endpoint())
                .forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(LocalStack.credentials()))
                .serviceConfiguration(dev.newsharvester.store.AwsClients.LOCAL_S3)
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof PutObjectRequest) {
                            putsWritten.incrementAndGet();
                        }
                    }

                    @Override
                    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof PutObjectRequest) {
                            putsRefused.incrementAndGet();
                        }
                    }
                }))
                .build();
    }

    @AfterAll
    void stop() {
        s3.close();
        h.close();
    }

    /** A worker as a Lambda instance would be: its own fetcher and pipeline, shared store. */
    private Harvester worker() {
        return Wiring.harvester(h.settings, s3, h.stack.dynamoDb(), null);
    }

    @Test
    void aTaskDeliveredTwiceInARowStoresOnceAndPutsNothingTheSecondTime() {
        Harvester worker = worker();
        ArticleTask task = new ArticleTask("unn", h.url("unn", PipelineIT.GRAIN));
        int written = putsWritten.get();
        int refused = putsRefused.get();

        assertEquals(Outcome.NEW, worker.process(task).outcome());
        assertEquals(2, putsWritten.get() - written, "one raw and one clean copy");
        int after = putsWritten.get() + putsRefused.get();
        for (int i = 0; i < 3; i++) {
            ArticleOutcome again = worker().process(task);
            assertEquals(Outcome.UNCHANGED, again.outcome(), again::toString);
        }
        assertEquals(after, putsWritten.get() + putsRefused.get(), "no PUT request at all for a redelivery");
        assertEquals(refused, putsRefused.get());
        assertEquals(1, h.index.versions(task.url()).size());
    }

    @Test
    void aHundredConcurrentDeliveriesStoreOneVersionAndWriteEachObjectOnce() throws Exception {
        ArticleTask task = new ArticleTask("up", h.url("up", PipelineIT.UP_DRAGONE));
        List<Harvester> workers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            workers.add(worker());
        }
        int written = putsWritten.get();
        int refused = putsRefused.get();
        long requests = h.stack.s3Puts();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<ArticleOutcome> outcomes = new ArrayList<>();
        try {
            List<Future<ArticleOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                Harvester w = workers.get(i % workers.size());
                futures.add(pool.submit(() -> {
                    go.await();
                    return w.process(task);
                }));
            }
            go.countDown();
            for (Future<ArticleOutcome> f : futures) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        System.out.printf("100 concurrent deliveries: %d PUTs written, %d refused by If-None-Match%n",
                putsWritten.get() - written, putsRefused.get() - refused);
        Map<Outcome, Long> counts = outcomes.stream().collect(Collectors.groupingBy(ArticleOutcome::outcome, Collectors.counting()));
        assertEquals(Map.of(Outcome.NEW, 1L, Outcome.UNCHANGED, 99L), counts, () -> "outcomes: " + outcomes);
        List<StoredVersion> versions = h.index.versions(task.url());
        assertEquals(1, versions.size());
        assertEquals(2, putsWritten.get() - written, "each object written exactly once; refused: " + (putsRefused.get() - refused));
        
        StoredVersion v = versions.get(0);
        Function<String, List<String>> keys = prefix -> s3.listObjectsV2Paginator(b -> b.bucket(h.stack.bucket()).prefix(prefix))
                .contents().stream().map(S3Object::key).toList();
        String rawKey = v.copies().rawKey();
        String urlKey = rawKey.substring(rawKey.lastIndexOf('/') + 1, rawKey.lastIndexOf('-'));
        assertEquals(List.of(rawKey), keys.apply("raw/outlet=up/").stream().filter(k -> k.contains(urlKey)).toList());
        assertEquals(List.of(v.copies().cleanKey()),
                keys.apply("clean/outlet=up/").stream().filter(k -> k.contains(urlKey)).toList());
        assertTrue(outcomes.stream().allMatch(o -> v.hash().equals(o.hash())), "every delivery saw the same text");
    }
}
