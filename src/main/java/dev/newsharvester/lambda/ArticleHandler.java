package dev.newsharvester.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsharvester.observe.Telemetry;
import dev.newsharvester.outlet.OutletConfigException;
import dev.newsharvester.pipeline.ArticleOutcome;
import dev.newsharvester.pipeline.ArticleTask;
import dev.newsharvester.pipeline.FleetWorker;
import dev.newsharvester.pipeline.Harvester;
import dev.newsharvester.pipeline.ReprocessReport;
import dev.newsharvester.pipeline.ReprocessRequest;
import dev.newsharvester.pipeline.Reprocessor;
import dev.newsharvester.pipeline.Settings;
import dev.newsharvester.pipeline.Wiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import dev.newsharvester.store.AwsClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import java.util.concurrent.CompletableFuture;

/**
 * ArticleFunction, the fleet's worker: handles SQS batches of the task queue, reporting partial batch failures so
 * that only what must be tried again comes back (and unreadable messages end in the dead-letter queue).
 *
 * <p>With a fleet configured (TASK_QUEUE_URL and FLEET_TABLE) the records of a batch are handled in parallel by the
 * {@link FleetWorker}: discovery tasks, host turns and articles, each paced by the host leases; nothing waits. A
 * record is started only while the invocation has more than the worker's margin left (one whole request plus
 * storage); the others are handed back as batch item failures, untouched. Without a fleet each record is one
 * article processed inline (local invokes, old deployments).
 *
 * <p>A direct invoke of one task ({@code {"outlet": …, "url": …}}) is processed inline, or queued for its host in a
 * fleet. A reprocessing run ({@code {"reprocess": {…}}}, see {@link Events#reprocessRequest}) uses the rights this
 * function already holds; it stops {@value #REPROCESS_MARGIN_MS} ms before the deadline and answers with
 * {@code next}, the event that continues it.
 *
 * <p>Each invocation logs a JSON line per article (with its SQS message id), per discovery turn and per error, and
 * writes its metrics once at its end ({@link dev.newsharvester.observe.Telemetry}; where the lines go: {@link Output}).
 */
public final class ArticleHandler implements RequestStreamHandler {

    /** Time left at which a reprocessing run stops and hands back a continuation. */
    static final int REPROCESS_MARGIN_MS = 30_000;
    /** Records handled at once: a batch of SQS is at most ten. */
    private static final int PARALLEL = 10;
    /** Without a Lambda context (a local call), the time an invocation may take. */
    private static final Duration NO_CONTEXT_LIMIT = Duration.ofMinutes(15);

    private final Harvester harvester;
    private final FleetWorker fleet;
    private Reprocessor reprocessor;
    private ExecutorService pool;
    private Output output = new Output(Telemetry.fromEnvironment(System.getenv()), false);

    public ArticleHandler() {
        this(Settings.fromEnvironment());
        output = new Output(output.telemetry(), true);
    }

    private ArticleHandler(Settings settings) {
        this(settings, AwsClients.dynamoDb(settings.aws()), Wiring.sqsIfQueued(settings));
        Priming.register(settings.aws(), harvester.outlets(), fleet);  // SnapStart: primed before, refreshed after
    }

    /** One DynamoDB and one SQS client per execution environment, shared by the harvester and the fleet worker. */
    private ArticleHandler(Settings settings, DynamoDbClient ddb, SqsClient sqs) {
        this(settings, ddb, sqs, Wiring.publishingHarvester(settings, AwsClients.s3(settings.aws()), ddb, sqs));
    }

    private ArticleHandler(Settings settings, DynamoDbClient ddb, SqsClient sqs, Harvester harvester) {
        this(harvester, settings.isFleet() ? Wiring.fleetWorker(settings, harvester, ddb, sqs) : null, null);
    }

    /** Without a fleet: each record is processed inline. Reprocessing, when asked for, is wired from the environment. */
    public ArticleHandler(Harvester harvester) {
        this(harvester, null, null);
    }

    public ArticleHandler(Harvester harvester, Reprocessor reprocessor) {
        this(harvester, null, reprocessor);
    }

    /** A fleet worker (null for inline processing). */
    public ArticleHandler(Harvester harvester, FleetWorker fleet, Reprocessor reprocessor) {
        this.harvester = harvester;
        this.fleet = fleet;
        this.reprocessor = reprocessor;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream out, Context context) throws IOException {
        try (Telemetry.Invocation inv = output.begin(context)) {
            try {
                handle(Events.read(input), out, context, inv);
            } catch (RuntimeException e) {
                inv.error(e.getClass().getSimpleName() + ": " + e.getMessage(), null);
                throw e;
            }
        }
    }

    private void handle(JsonNode event, OutputStream output, Context context, Telemetry.Invocation inv)
            throws IOException {
        if (event.has("Records")) {
            Events.JSON.writeValue(output, batch(event.get("Records"), context, inv));
            return;
        }
        if (event.has("reprocess")) {
            Events.JSON.writeValue(output, reprocess(Events.reprocessRequest(event), context, inv));
            return;
        }
        if (event.has("url") || event.has("outlet")) {
            ArticleTask task = Events.task(event, "event");
            if (fleet != null) {
                FleetWorker.Handled h = fleet.handle(Events.JSON.writeValueAsString(task), deadline(context));
                Output.handled(inv, h, null);
                Events.JSON.writeValue(output, h);
                return;
            }
            ArticleOutcome outcome = harvester.process(task);
            inv.article(outcome, null);
            Events.JSON.writeValue(output, outcome);
            return;
        }
        throw new BadEventException("ArticleFunction expects an SQS event with Records, {\"outlet\": \"id\", \"url\": \"https://…\"}"
                + " or {\"reprocess\": {…}}");
    }

    private ObjectNode reprocess(ReprocessRequest request, Context context, Telemetry.Invocation inv) {
        if (reprocessor == null) {
            reprocessor = Wiring.reprocessorFromSettings(Settings.fromEnvironment()); // first reprocess event of this instance
        }
        ReprocessReport report;
        try {
            report = reprocessor.run(request, () -> context != null && context.getRemainingTimeInMillis() < REPROCESS_MARGIN_MS);
        } catch (OutletConfigException e) {
            throw new BadEventException(e.getMessage());
        }
        ObjectNode out = Events.JSON.valueToTree(report);
        out.remove("next");
        if (report.next() != null) {
            out.putObject("next").set("reprocess", Events.JSON.valueToTree(report.next()));
        }
        inv.log().info("reprocess report", Events.JSON.convertValue(out, Map.class));
        return out;
    }

    private ObjectNode batch(JsonNode records, Context context, Telemetry.Invocation inv) {
        if (!records.isArray()) {
            throw new BadEventException("'Records' must be a list of SQS messages");
        }
        Instant deadline = deadline(context);
        Duration margin = fleet != null ? fleet.margin() : Duration.ZERO;
        List<String> ids = new ArrayList<>();
        List<Future<Boolean>> failed = new ArrayList<>();
        for (JsonNode record : records) {
            String id = record.path("messageId").asText("");
            String body = record.path("body").asText(null);
            ids.add(id);
            if (fleet != null && Duration.between(Instant.now(), deadline).compareTo(margin) < 0) {
                failed.add(CompletableFuture.completedFuture(true));  // not started: back to the queue
                inv.log().warn("not started: less than " + margin.toSeconds() + " s left", Map.of("sqs_message_id", id));
                continue;
            }
            failed.add(pool().submit(() -> handleRecord(id, body, deadline, inv)));
        }
        ObjectNode response = Events.JSON.createObjectNode();
        ArrayNode failures = response.putArray("batchItemFailures");
        for (int i = 0; i < ids.size(); i++) {
            boolean retry;
            try {
                retry = failed.get(i).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                retry = true;
            } catch (ExecutionException e) {
                retry = true;
            }
            if (retry) {
                failures.addObject().put("itemIdentifier", ids.get(i));
            }
        }
        return response;
    }

    /** True when the message must come back (a batch item failure). Never throws. */
    private boolean handleRecord(String id, String body, Instant deadline, Telemetry.Invocation inv) {
        try {
            if (fleet != null) {
                FleetWorker.Handled h = fleet.handle(body, deadline);
                Output.handled(inv, h, id);
                return h.retry();
            }
            ArticleTask task = Events.task(body, "message " + id);
            ArticleOutcome outcome = harvester.process(task);
            inv.article(outcome, id);
            return outcome.retryable();
        } catch (BadEventException e) {
            // Never succeeds on retry, but is not dropped: after maxReceiveCount it lands in the DLQ.
            inv.error(e.getMessage(), id);
            return true;
        } catch (IllegalArgumentException e) {
            inv.error("message " + id + ": " + e.getMessage(), id);
            return true;
        } catch (RuntimeException e) {
            inv.error(e.getClass().getSimpleName() + ": " + e.getMessage(), id);
            return true;
        }
    }

    private synchronized ExecutorService pool() {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(PARALLEL, r -> {
                Thread t = new Thread(r, "article-worker");
                t.setDaemon(true);
                return t;
            });
        }
        return pool;
    }

    private static Instant deadline(Context context) {
        return context == null ? Instant.now().plus(NO_CONTEXT_LIMIT)
                : Instant.now().plusMillis(context.getRemainingTimeInMillis());
    }
}
