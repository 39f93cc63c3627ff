package dev.newsharvester.fleetsim;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.newsharvester.local.LocalStack;
import dev.newsharvester.store.AwsClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * A fleet simulation: ElasticMQ with the task queue {@code tasks} (redrive to {@code tasks-dlq} after 5 receives),
 * the embedded DynamoDB Local + s3proxy store, {@link LoopbackHosts} article sites, SDK clients with
 * {@link AwsCounters} attached, the environment the functions read, and {@link #run} which drives an
 * {@link EsmPoller} of W workers until the work is done and the queue is empty, then returns a {@link FleetReport}.
 *
 * <p>Handlers are only ever {@link RequestStreamHandler}s made by factories the caller passes (see
 * {@link FleetWiring}); the simulation knows nothing of their internals.
 */
public final class FleetSim implements AutoCloseable {

    public static final String QUEUE = "tasks";
    public static final String DLQ = "tasks-dlq";
    public static final String REGION = "us-east-1";
    /** The planner runs with Lambda's longest timeout; one running longer is reported timed out, billed 15 min. */
    public static final Duration PLANNER_TIMEOUT = Duration.ofMinutes(15);

    private final Builder config;
    private final LoopbackHosts hosts;
    private final SQSRestServer elasticMq;
    private final LocalStack stack;
    private final AwsCounters counters = new AwsCounters();
    private final AwsCounters esmCounters = new AwsCounters();
    private final SqsClient sqs;
    private final SqsClient esmSqs;
    private final SqsClient adminSqs;
    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final String queueUrl;
    private final String dlqUrl;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<Runnable> seeds = new ArrayList<>();
    private final ConcurrentLinkedQueue<EsmPoller.Invocation> plannerInvocations = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> plannerOutput = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> plannerLog = new ConcurrentLinkedQueue<>();
    private EsmPoller lastPoller;

    private FleetSim(Builder b) throws IOException {
        this.config = b;
        // For handlers that build clients from the default credential chain: s3proxy's keys (ElasticMQ takes any).
        System.setProperty("aws.accessKeyId", LocalStack.ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", LocalStack.SECRET_ACCESS_KEY);
        hosts = b.hosts.start();
        elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().withAWSRegion(REGION)
                .withAWSAccountId("000000000000").start();
        stack = LocalStack.inMemory();
        URI sqsEndpoint = URI.create("http://127.0.0.1:" + elasticMq.waitUntilStarted().localAddress().getPort());
        sqs = LocalSqs.client(sqsEndpoint, counters);
        esmSqs = LocalSqs.client(sqsEndpoint, esmCounters);
        adminSqs = LocalSqs.client(sqsEndpoint, null);
        s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(stack.s3Endpoint())
                .forcePathStyle(true).serviceConfiguration(AwsClients.LOCAL_S3).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(LocalStack.credentials()))
                .overrideConfiguration(o -> o.addExecutionInterceptor(counters)).build();
        dynamoDb = counters.wrap(stack.dynamoDb()); // in-process DynamoDB Local: no SDK pipeline to intercept
        dlqUrl = adminSqs.createQueue(q -> q.queueName(DLQ)).queueUrl();
        String dlqArn = adminSqs.getQueueAttributes(a -> a.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        queueUrl = adminSqs.createQueue(q -> q.queueName(QUEUE).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(b.visibilityTimeout.toSeconds()),
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"5\"}")))
                .queueUrl();
        Path outlets = Files.createTempFile("fleetsim-outlets", ".yaml");
        outlets.toFile().deleteOnExit();
        Files.writeString(outlets, hosts.outletsYaml(), StandardCharsets.UTF_8);
        env.put("ARTICLES_TABLE", stack.table());
        env.put("ARCHIVE_BUCKET", stack.bucket());
        env.put("OUTLETS_URI", outlets.toString());
        env.put("ALLOW_PRIVATE_NETWORKS", "127.0.0.0/8");
        env.put("TASK_QUEUE_URL", queueUrl);
        env.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint.toString());
        env.put("AWS_ENDPOINT_URL_S3", stack.s3Endpoint().toString());
        env.put("AWS_REGION", REGION);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** ARTICLES_TABLE, ARCHIVE_BUCKET, OUTLETS_URI, ALLOW_PRIVATE_NETWORKS, TASK_QUEUE_URL, AWS_ENDPOINT_URL_SQS/_S3, AWS_REGION. */
    public Map<String, String> env() {
        return Map.copyOf(env);
    }

    /** The counted clients the functions use. */
    public SqsClient sqs() {
        return sqs;
    }

    public S3Client s3() {
        return s3;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    /** The uncounted store, for the test's own checks (these reads cost the fleet nothing). */
    public LocalStack stack() {
        return stack;
    }

    /** An uncounted SQS client, for the test's own checks. */
    public SqsClient adminSqs() {
        return adminSqs;
    }

    public LoopbackHosts hosts() {
        return hosts;
    }

    public String queueUrl() {
        return queueUrl;
    }

    public String dlqUrl() {
        return dlqUrl;
    }

    public AwsCounters counters() {
        return counters;
    }

    public AwsCounters esmCounters() {
        return esmCounters;
    }

    /** The poller of the last (or running) {@link #run}, for kill() and its invocations. */
    public EsmPoller poller() {
        return lastPoller;
    }

    /** What the planner invocations answered ("ERROR …" when one threw), and the lines they logged. */
    public List<String> plannerOutput() {
        return List.copyOf(plannerOutput);
    }

    public List<String> plannerLog() {
        return List.copyOf(plannerLog);
    }

    /** At the start of the next run (workers already polling): invoke the planner once with {"source":"schedule"}. */
    public FleetSim seedWithPlanner(Supplier<? extends RequestStreamHandler> planner) {
        return seedWithPlanner(planner, "{\"source\":\"schedule\"}");
    }

    /** At the start of the next run: invoke the planner once with {@code event}; its billed time counts. */
    public FleetSim seedWithPlanner(Supplier<? extends RequestStreamHandler> planner, String event) {
        seeds.add(() -> invokePlanner(planner, event));
        return this;
    }

    /** At the start of the next run: one {"outlet":"h<i>","url":…} message per article of every outlet. */
    public FleetSim seedArticles() {
        List<String> bodies = new ArrayList<>();
        for (LoopbackHosts.Outlet o : hosts.outlets()) {
            for (String url : o.articleUrls()) {
                bodies.add("{\"outlet\":\"" + o.id() + "\",\"url\":\"" + url + "\"}");
            }
        }
        return seedMessages(bodies);
    }

    /** At the start of the next run: send these message bodies (in batches of ten, through the counted client). */
    public FleetSim seedMessages(List<String> bodies) {
        seeds.add(() -> send(bodies));
        return this;
    }

    /** Sends message bodies to the task queue now, in batches of ten (through the counted client). */
    public void send(List<String> bodies) {
        for (int from = 0; from < bodies.size(); from += 10) {
            List<String> part = bodies.subList(from, Math.min(bodies.size(), from + 10));
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < part.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(part.get(i)).build());
            }
            var r = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (!r.failed().isEmpty()) {
                throw new IllegalStateException("ElasticMQ refused " + r.failed().size() + " message(s): " + r.failed().get(0));
            }
        }
    }

    private void invokePlanner(Supplier<? extends RequestStreamHandler> planner, String event) {
        SimContext context = new SimContext("HarvestFunction", config.memoryMb, PLANNER_TIMEOUT.toMillis(), "planner",
                plannerLog::add);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EsmPoller.Invocation i = EsmPoller.invokeDirect(-1, planner.get(), event.getBytes(StandardCharsets.UTF_8), context, out);
        if (i.durationNanos() > PLANNER_TIMEOUT.toNanos()) { // Lambda's limit: it would have been stopped (and billed) there
            i = new EsmPoller.Invocation(-1, i.requestId(), i.startNanos(), i.durationNanos(), PLANNER_TIMEOUT.toMillis(), 0, 1,
                    "ran past Lambda's 15 min limit", true);
        }
        plannerInvocations.add(i);
        plannerOutput.add(i.error() != null ? "ERROR " + i.error() : out.toString(StandardCharsets.UTF_8));
    }

    /** Queue depth: visible + in flight + delayed messages (uncounted request). */
    public long queueDepth() {
        Map<QueueAttributeName, String> a = adminSqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return a.values().stream().mapToLong(Long::parseLong).sum();
    }

    /** Messages in the dead-letter queue. */
    public long dlqDepth() {
        return Long.parseLong(adminSqs.getQueueAttributes(r -> r.queueUrl(dlqUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    /** {@link #run(Supplier, Duration, BooleanSupplier)} with the worker factory given to the builder. */
    public FleetReport run(Duration limit, BooleanSupplier done) {
        if (config.worker == null) {
            throw new IllegalStateException("no worker factory: give one to the builder or to run(worker, limit, done)");
        }
        return run(config.worker.apply(this), limit, done);
    }

    /**
     * Starts W workers on the task queue, runs the pending seeds (the planner on this thread while the workers
     * already poll), then waits until {@code done} is true and the queue has been empty (visible, in flight and
     * delayed all 0, and no invocation running) for 1 s, or {@code limit} passes. Stops the workers and reports
     * on this run (the sites' request log is cleared when it starts).
     */
    public FleetReport run(Supplier<? extends RequestStreamHandler> worker, Duration limit, BooleanSupplier done) {
        AwsCounters.Snapshot before = counters.snapshot();
        AwsCounters.Snapshot esmBefore = esmCounters.snapshot();
        int plannersBefore = plannerInvocations.size();
        hosts.log().clear(); // the report covers this run's requests
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        EsmPoller poller = new EsmPoller(esmSqs, queueUrl, worker, config.esmOptions());
        lastPoller = poller;
        long finished = -1;
        boolean timedOut = false;
        try {
            List<Runnable> pending = List.copyOf(seeds);
            seeds.clear();
            pending.forEach(Runnable::run);
            long quietSince = -1;
            while (true) {
                long now = System.nanoTime();
                if (now - deadline > 0) {
                    timedOut = true;
                    finished = now;
                    break;
                }
                boolean idle = done.getAsBoolean() && poller.invoking() == 0 && queueDepth() == 0;
                if (!idle) {
                    quietSince = -1;
                } else if (quietSince < 0) {
                    quietSince = now;
                } else if (now - quietSince >= Duration.ofSeconds(1).toNanos()) {
                    finished = quietSince;
                    break;
                }
                Thread.sleep(config.checkEvery.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = System.nanoTime();
        } finally {
            poller.close();
        }
        List<EsmPoller.Invocation> planners = new ArrayList<>(plannerInvocations).subList(plannersBefore, plannerInvocations.size());
        return FleetReport.of(this, poller, planners, (finished - start) / 1e9, timedOut,
                counters.snapshot().minus(before), esmCounters.snapshot().minus(esmBefore));
    }

    Builder config() {
        return config;
    }

    @Override
    public void close() {
        if (lastPoller != null) {
            lastPoller.close();
        }
        for (AutoCloseable c : new AutoCloseable[] {sqs, esmSqs, adminSqs, s3, hosts, stack}) {
            try {
                c.close();
            } catch (Exception e) {
                // closing anyway
            }
        }
        elasticMq.stopAndWait();
    }

    /** Settings: the sites, W, timeouts, memory; defaults W = 10, visibility 30 s, Lambda timeout 120 s, 1024 MB. */
    public static final class Builder {
        private final LoopbackHosts.Builder hosts = LoopbackHosts.builder();
        private int workers = 10;
        private Duration visibilityTimeout = Duration.ofSeconds(30);
        private Duration lambdaTimeout = Duration.ofSeconds(120);
        private int memoryMb = 1024;
        private Duration checkEvery = Duration.ofMillis(100);
        private java.util.function.Function<FleetSim, Supplier<? extends RequestStreamHandler>> worker;

        /** Configures the sites (hosts, articles, latency, crawl delay, modes). */
        public Builder hosts(Consumer<LoopbackHosts.Builder> settings) {
            settings.accept(hosts);
            return this;
        }

        /** The worker handler factory, made once the simulation (env, clients) exists: e.g. FleetWiring::worker. */
        public Builder worker(java.util.function.Function<FleetSim, Supplier<? extends RequestStreamHandler>> factory) {
            this.worker = factory;
            return this;
        }

        public Builder workers(int w) {
            this.workers = w;
            return this;
        }

        public Builder visibilityTimeout(Duration d) {
            this.visibilityTimeout = d;
            return this;
        }

        public Builder lambdaTimeout(Duration d) {
            this.lambdaTimeout = d;
            return this;
        }

        public Builder memoryMb(int mb) {
            this.memoryMb = mb;
            return this;
        }

        /** How often run() evaluates done and the queue depth (default 100 ms). */
        public Builder checkEvery(Duration d) {
            this.checkEvery = d;
            return this;
        }

        int workers() {
            return workers;
        }

        int memoryMb() {
            return memoryMb;
        }

        EsmPoller.Options esmOptions() {
            return new EsmPoller.Options(workers, lambdaTimeout, memoryMb, "ArticleFunction", 10, 1, REGION);
        }

        public FleetSim start() {
            try {
                return new FleetSim(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
