package dev.newsharvester.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsharvester.pipeline.ArticleOutcome;
import dev.newsharvester.pipeline.ArticleTask;
import dev.newsharvester.outlet.OutletConfigException;
import dev.newsharvester.pipeline.Harvester;
import dev.newsharvester.pipeline.ReprocessReport;
import dev.newsharvester.pipeline.ReprocessRequest;
import dev.newsharvester.pipeline.Reprocessor;
import dev.newsharvester.pipeline.Wiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * ArticleFunction: processes article tasks, either an SQS batch (reporting partial batch failures so
 * that only retryable failures come back, and unreadable messages end in the dead-letter queue) or
 * one task given directly ({@code {"outlet": …, "url": …}}).
 *
 * <p>It also reprocesses stored raw copies on a direct invoke ({@code {"reprocess": {…}}}, see
 * {@link Events#reprocessRequest}): this function already holds the rights that takes (read raw
 * copies, write clean copies and index items), which the harvest function deliberately lacks. A run
 * stops {@value #REPROCESS_MARGIN_MS} ms before the deadline and answers with {@code next}, the
 * event that continues it.
 */
public final class ArticleHandler implements RequestStreamHandler {

    /** Time left at which a reprocessing run stops and hands back a continuation. */
    static final int REPROCESS_MARGIN_MS = 30_000;

    private final Harvester harvester;
    private Reprocessor reprocessor;

    public ArticleHandler() {
        this(Wiring.fromEnvironment(System.getenv()));
    }

    /** Reprocessing, when asked for, is wired from the process environment. */
    public ArticleHandler(Harvester harvester) {
        this(harvester, null);
    }

    public ArticleHandler(Harvester harvester, Reprocessor reprocessor) {
        this.harvester = harvester;
        this.reprocessor = reprocessor;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Events.read(input);
        if (event.has("Records")) {
            Events.JSON.writeValue(output, batch(event.get("Records"), context));
            return;
        }
        if (event.has("reprocess")) {
            Events.JSON.writeValue(output, reprocess(Events.reprocessRequest(event), context));
            return;
        }
        if (event.has("url") || event.has("outlet")) {
            ArticleOutcome outcome = harvester.process(Events.task(event, "event"));
            log(context, outcome);
            Events.JSON.writeValue(output, outcome);
            return;
        }
        throw new BadEventException("ArticleFunction expects an SQS event with Records, {\"outlet\": \"id\", \"url\": \"https://…\"}"
                + " or {\"reprocess\": {…}}");
    }

    private ObjectNode reprocess(ReprocessRequest request, Context context) throws IOException {
        if (reprocessor == null) {
            reprocessor = Wiring.reprocessorFromEnvironment(System.getenv()); // first reprocess event of this instance
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
        Events.log(context, Events.JSON.writeValueAsString(out));
        return out;
    }

    private ObjectNode batch(JsonNode records, Context context) throws IOException {
        if (!records.isArray()) {
            throw new BadEventException("'Records' must be a list of SQS messages");
        }
        ObjectNode response = Events.JSON.createObjectNode();
        ArrayNode failures = response.putArray("batchItemFailures");
        for (JsonNode record : records) {
            String id = record.path("messageId").asText("");
            try {
                ArticleTask task = Events.task(record.path("body").asText(null), "message " + id);
                ArticleOutcome outcome = harvester.process(task);
                log(context, outcome);
                if (outcome.retryable()) {
                    failures.addObject().put("itemIdentifier", id);
                }
            } catch (BadEventException e) {
                // Never succeeds on retry, but is not dropped: after maxReceiveCount it lands in the DLQ.
                Events.log(context, "{\"level\":\"ERROR\",\"message\":" + Events.JSON.valueToTree(e.getMessage()) + "}");
                failures.addObject().put("itemIdentifier", id);
            }
        }
        return response;
    }

    private static void log(Context context, ArticleOutcome outcome) throws IOException {
        Events.log(context, Events.JSON.writeValueAsString(outcome));
    }
}
