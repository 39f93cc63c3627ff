package dev.newsharvester.observe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Map;

/**
 * Writes one JSON object per line in the shape of Powertools for AWS Lambda (Java) logging: {@code level},
 * {@code timestamp} (ISO-8601, UTC), {@code service}, {@code function_request_id} (absent outside an invocation),
 * {@code cold_start}, {@code message}, then the event's own fields (null ones left out). Lines below the configured
 * level are not written. Thread-safe.
 */
public final class JsonLog {

    static final ObjectMapper JSON = new ObjectMapper();

    private final LogSettings settings;
    private final LineSink sink;
    private final Clock clock;
    private final String requestId;
    private final boolean coldStart;

    JsonLog(LogSettings settings, LineSink sink, Clock clock, String requestId, boolean coldStart) {
        this.settings = settings;
        this.sink = sink;
        this.clock = clock;
        this.requestId = requestId;
        this.coldStart = coldStart;
    }

    /** A log outside any invocation (cold_start false, no request id). */
    public static JsonLog of(LogSettings settings, LineSink sink, Clock clock) {
        return new JsonLog(settings, sink, clock, null, false);
    }

    public boolean enabled(Level level) {
        return level.compareTo(settings.level()) >= 0;
    }

    public void debug(String message, Map<String, ?> fields) {
        log(Level.DEBUG, message, fields);
    }

    public void info(String message, Map<String, ?> fields) {
        log(Level.INFO, message, fields);
    }

    public void warn(String message, Map<String, ?> fields) {
        log(Level.WARN, message, fields);
    }

    public void error(String message, Map<String, ?> fields) {
        log(Level.ERROR, message, fields);
    }

    /** Writes the line if {@code level} is enabled. {@code fields} may be null; their order is kept. */
    public void log(Level level, String message, Map<String, ?> fields) {
        if (!enabled(level)) {
            return;
        }
        ObjectNode line = JSON.createObjectNode();
        line.put("level", level.name());
        line.put("timestamp", clock.instant().toString());
        line.put("service", settings.service());
        if (requestId != null) {
            line.put("function_request_id", requestId);
        }
        line.put("cold_start", coldStart);
        line.put("message", message);
        if (fields != null) {
            fields.forEach((k, v) -> {
                if (v != null) {
                    line.set(k, JSON.valueToTree(v));
                }
            });
        }
        sink.line(line.toString());
    }
}
