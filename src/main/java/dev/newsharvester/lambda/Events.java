package dev.newsharvester.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.newsharvester.pipeline.ArticleTask;
import dev.newsharvester.pipeline.ReprocessRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads and checks the events the two functions accept; every mistake becomes a {@link BadEventException}. */
public final class Events {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Events() {
    }

    static JsonNode read(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        if (bytes.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || node.isMissingNode() || node.isNull()) {
                return JSON.createObjectNode();
            }
            if (!node.isObject()) {
                throw new BadEventException("event must be a JSON object, got " + node.getNodeType().toString().toLowerCase());
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new BadEventException("event is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * The outlet ids a HarvestFunction event asks for; empty means all. Accepted: {@code {}}, the scheduler's
     * {@code {"source":"schedule"}}, an EventBridge "Scheduled Event" envelope, or {@code {"outlets":["unn",…]}}.
     */
    public static List<String> harvestOutlets(JsonNode event) {
        JsonNode outlets = event.get("outlets");
        if (outlets == null || outlets.isNull()) {
            if (event.has("Records")) {
                throw new BadEventException("HarvestFunction got an SQS event; SQS batches go to ArticleFunction");
            }
            if (event.has("url")) {
                throw new BadEventException("HarvestFunction got a single-URL event; send it to ArticleFunction, "
                        + "or give {\"outlets\": [\"id\", …]}");
            }
            return List.of();
        }
        if (!outlets.isArray()) {
            throw new BadEventException("'outlets' must be a list of outlet ids, e.g. {\"outlets\": [\"unn\"]}");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : outlets) {
            if (!id.isTextual() || id.asText().isBlank()) {
                throw new BadEventException("'outlets' must hold outlet ids as strings, got " + id);
            }
            ids.add(id.asText());
        }
        return ids;
    }

    /**
     * A reprocessing request: {@code {"reprocess": {"outlets": ["unn"], "since": "2025-08-01T00:00:00Z",
     * "all": false, "resumeFrom": null}}}; every field optional ({@code {"reprocess": {}}} = every
     * outlet, every article the current extractor did not produce). {@code since} and
     * {@code resumeFrom} are ISO instants or dates (UTC midnight).
     */
    public static ReprocessRequest reprocessRequest(JsonNode event) {
        JsonNode r = event.get("reprocess");
        if (r == null || !r.isObject()) {
            throw new BadEventException("'reprocess' must be an object, e.g. {\"reprocess\": {\"outlets\": [\"unn\"], \"since\": \"2025-08-01\"}}");
        }
        for (var names = r.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!List.of("outlets", "since", "all", "resumeFrom").contains(name)) {
                throw new BadEventException("'reprocess' has an unknown field '" + name + "' (known: outlets, since, all, resumeFrom)");
            }
        }
        JsonNode all = r.path("all");
        if (!all.isMissingNode() && !all.isBoolean()) {
            throw new BadEventException("'reprocess.all' must be true or false, got " + all);
        }
        return new ReprocessRequest(harvestOutlets(r), instant(r, "since"), all.asBoolean(false), instant(r, "resumeFrom"));
    }

    private static Instant instant(JsonNode r, String field) {
        JsonNode v = r.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            String s = v.asText();
            return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new BadEventException("'reprocess." + field + "' must be an ISO date or instant (2025-08-01 or 2025-08-01T00:00:00Z), got " + v);
        }
    }

    /** An article task from a JSON object {@code {"outlet": …, "url": …}}. */
    public static ArticleTask task(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new BadEventException(where + ": expected {\"outlet\": \"id\", \"url\": \"https://…\"}");
        }
        JsonNode outlet = node.get("outlet");
        JsonNode url = node.get("url");
        if (outlet == null || !outlet.isTextual() || outlet.asText().isBlank()) {
            throw new BadEventException(where + ": missing \"outlet\" (an outlet id)");
        }
        if (url == null || !url.isTextual() || url.asText().isBlank()) {
            throw new BadEventException(where + ": missing \"url\"");
        }
        return new ArticleTask(outlet.asText(), url.asText());
    }

    /** An article task from an SQS message body. */
    public static ArticleTask task(String body, String where) {
        try {
            return task(JSON.readTree(body == null ? "" : body), where);
        } catch (JsonProcessingException e) {
            throw new BadEventException(where + ": body is not JSON: " + e.getOriginalMessage());
        }
    }
}
