package dev.newsharvester.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsharvester.pipeline.ArticleOutcome;
import dev.newsharvester.pipeline.ArticleTask;
import dev.newsharvester.pipeline.Harvester;
import dev.newsharvester.pipeline.Wiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * ArticleFunction: processes article tasks, either an SQS batch (reporting partial batch failures so
 * that only retryable failures come back, and unreadable messages end in the dead-letter queue) or
 * one task given directly ({@code {"outlet": …, "url": …}}).
 */
public final class ArticleHandler implements RequestStreamHandler {

    private final Harvester harvester;

    public ArticleHandler() {
        this(Wiring.fromEnvironment(System.getenv()));
    }

    public ArticleHandler(Harvester harvester) {
        this.harvester = harvester;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Events.read(input);
        if (event.has("Records")) {
            Events.JSON.writeValue(output, batch(event.get("Records"), context));
            return;
        }
        if (event.has("url") || event.has("outlet")) {
            ArticleOutcome outcome = harvester.process(Events.task(event, "event"));
            log(context, outcome);
            Events.JSON.writeValue(output, outcome);
            return;
        }
        throw new BadEventException("ArticleFunction expects an SQS event with Records, or {\"outlet\": \"id\", \"url\": \"https://…\"}");
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
