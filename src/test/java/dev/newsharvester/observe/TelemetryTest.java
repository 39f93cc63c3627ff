package dev.newsharvester.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TelemetryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-22T09:15:00Z"), ZoneOffset.UTC);

    private final List<String> lines = new ArrayList<>();

    private List<JsonNode> parsed() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : lines) {
            out.add(JSON.readTree(l));
        }
        return out;
    }

    private void logAtEveryLevel(Map<String, String> env) {
        JsonLog log = JsonLog.of(LogSettings.fromEnvironment(env), lines::add, CLOCK);
        log.debug("d", null);
        log.info("i", null);
        log.warn("w", null);
        log.error("e", null);
    }

    private List<String> messages() throws Exception {
        return parsed().stream().map(n -> n.path("message").asText()).toList();
    }

    @Test
    void logLevelFiltersLinesBelowIt() throws Exception {
        logAtEveryLevel(Map.of());
        assertEquals(List.of("i", "w", "e"), messages(), "INFO by default");
        lines.clear();
        logAtEveryLevel(Map.of("LOG_LEVEL", "warn"));
        assertEquals(List.of("w", "e"), messages());
        lines.clear();
        logAtEveryLevel(Map.of("LOG_LEVEL", "DEBUG"));
        assertEquals(List.of("d", "i", "w", "e"), messages());
        lines.clear();
        logAtEveryLevel(Map.of("LOG_LEVEL", "ERROR"));
        assertEquals(List.of("e"), messages());
        lines.clear();
        logAtEveryLevel(Map.of("AWS_LAMBDA_LOG_LEVEL", "WARN"));
        assertEquals(List.of("w", "e"), messages(), "the function's LoggingConfig level when LOG_LEVEL is unset");
        lines.clear();
        logAtEveryLevel(Map.of("AWS_LAMBDA_LOG_LEVEL", "ERROR", "LOG_LEVEL", "INFO"));
        assertEquals(List.of("i", "w", "e"), messages(), "LOG_LEVEL wins");
    }

    @Test
    void aWrongLevelIsRefusedNamingTheVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogSettings.fromEnvironment(Map.of("LOG_LEVEL", "verbose")));
        assertTrue(e.getMessage().contains("LOG_LEVEL") && e.getMessage().contains("DEBUG, INFO, WARN or ERROR")
                && e.getMessage().contains("'verbose'"), e.getMessage());
    }

    @Test
    void linesHaveThePowertoolsFieldsAndColdStartOnlyOnce() throws Exception {
        Telemetry t = new Telemetry(LogSettings.fromEnvironment(Map.of("POWERTOOLS_SERVICE_NAME", "newsroom-a")), CLOCK,
                new AtomicBoolean(true));
        try (Telemetry.Invocation inv = t.begin("req-1", lines::add)) {
            inv.article(Outcomes.fresh("unn", 1, 230, 41, 61_440), "msg-7");
        }
        try (Telemetry.Invocation inv = t.begin("req-2", lines::add)) {
            inv.article(Outcomes.blocked("up", 2, 90), null);
        }
        List<JsonNode> all = parsed();
        List<JsonNode> logs = all.stream().filter(n -> !n.has("_aws")).toList();
        assertEquals(2, logs.size(), lines.toString());
        JsonNode first = logs.get(0);
        assertEquals(List.of("level", "timestamp", "service", "function_request_id", "cold_start", "message",
                "sqs_message_id", "outlet", "url", "outcome"), names(first).subList(0, 10));
        assertEquals("INFO", first.path("level").asText());
        assertEquals("2025-08-22T09:15:00Z", first.path("timestamp").asText());
        assertEquals("newsroom-a", first.path("service").asText());
        assertEquals("req-1", first.path("function_request_id").asText());
        assertTrue(first.path("cold_start").asBoolean());
        assertEquals("msg-7", first.path("sqs_message_id").asText());
        assertEquals("NEW", first.path("outcome").asText());
        assertEquals(311, first.path("durationMs").asLong());
        assertEquals(61_440, first.path("bytes").asLong());
        assertFalse(first.has("reason"), "null fields are left out: " + first);

        JsonNode second = logs.get(1);
        assertEquals("WARN", second.path("level").asText(), "a FAILED article");
        assertFalse(second.path("cold_start").asBoolean());
        assertEquals("req-2", second.path("function_request_id").asText());
        assertFalse(second.has("sqs_message_id"));
        assertEquals("BLOCKED", second.path("fetch").asText());
        assertEquals(403, second.path("httpStatus").asInt());

        // Each invocation flushed its metrics once, after its log lines, as its own EMF documents.
        // one document per set of dimension values: Service+Outcome, Service+Outlet, Service (the samples)
        assertEquals(List.of(false, true, true, true, false, true, true, true),
                all.stream().map(n -> n.has("_aws")).toList(), lines.toString());
    }

    @Test
    void errorsAreLoggedAtErrorWithTheMessageId() throws Exception {
        Telemetry t = new Telemetry(LogSettings.DEFAULT.withLevel(Level.ERROR), CLOCK, new AtomicBoolean(false));
        try (Telemetry.Invocation inv = t.begin("req-3", lines::add)) {
            inv.article(Outcomes.fresh("unn", 1, 100, 10, 1000), "m-1");   // INFO: filtered out, still counted
            inv.error("message m-2: body is not JSON", "m-2");
        }
        List<JsonNode> logs = parsed().stream().filter(n -> !n.has("_aws")).toList();
        assertEquals(1, logs.size(), lines.toString());
        assertEquals("ERROR", logs.get(0).path("level").asText());
        assertEquals("m-2", logs.get(0).path("sqs_message_id").asText());
        assertTrue(parsed().stream().anyMatch(n -> n.has("_aws")), "metrics do not depend on the log level");
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
