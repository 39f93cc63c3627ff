package dev.newsharvester.observe;

import dev.newsharvester.pipeline.ArticleOutcome;
import dev.newsharvester.pipeline.ArticleTiming;
import dev.newsharvester.pipeline.Outcome;
import dev.newsharvester.pipeline.OutletReport;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a handler (or a CLI run) holds to log and count: settings read once, and one {@link Invocation} per
 * invocation. {@code cold_start} is true for the first invocation of the JVM only.
 */
public final class Telemetry {

    /** One per JVM: the first invocation begun anywhere in it is the cold start. */
    private static final AtomicBoolean COLD = new AtomicBoolean(true);

    private final LogSettings settings;
    private final Clock clock;
    private final AtomicBoolean cold;

    public Telemetry(LogSettings settings, Clock clock) {
        this(settings, clock, COLD);
    }

    /** With its own cold-start flag (tests: a fresh JVM's). */
    Telemetry(LogSettings settings, Clock clock, AtomicBoolean cold) {
        this.settings = settings;
        this.clock = clock;
        this.cold = cold;
    }

    public static Telemetry fromEnvironment(Map<String, String> env) {
        return new Telemetry(LogSettings.fromEnvironment(env), Clock.systemUTC());
    }

    public LogSettings settings() {
        return settings;
    }

    /** Starts an invocation writing its lines to {@code sink}; close it to flush its metrics. */
    public Invocation begin(String requestId, LineSink sink) {
        return new Invocation(new JsonLog(settings, sink, clock, requestId, cold.getAndSet(false)),
                new HarvestMetrics(settings.service()), sink, requestId);
    }

    /** One invocation's log and metrics. Thread-safe: the records of a batch are handled in parallel. */
    public final class Invocation implements AutoCloseable {
        private final JsonLog log;
        private final HarvestMetrics metrics;
        private final LineSink sink;
        private final String requestId;

        private Invocation(JsonLog log, HarvestMetrics metrics, LineSink sink, String requestId) {
            this.log = log;
            this.metrics = metrics;
            this.sink = sink;
            this.requestId = requestId;
        }

        public JsonLog log() {
            return log;
        }

        public HarvestMetrics metrics() {
            return metrics;
        }

        /**
         * One line per article (INFO; WARN when FAILED), counted in the metrics.
         *
         * @param sqsMessageId the SQS message it came in, or null
         */
        public void article(ArticleOutcome o, String sqsMessageId) {
            metrics.article(o);
            log.log(o.outcome() == Outcome.FAILED ? Level.WARN : Level.INFO, "article " + o.outcome(),
                    articleFields(o, sqsMessageId));
        }

        /** One line per outlet report of an inline harvest, counted in the metrics. */
        public void outlet(OutletReport r) {
            metrics.outlet(r);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("outlet", r.outlet());
            f.put("discovered", r.discovered());
            f.put("due", r.due());
            f.put("notDue", r.notDue());
            f.put("fetched", r.fetched());
            f.put("dispatched", r.dispatched());
            f.put("counts", r.counts());
            f.put("problems", r.problems());
            log.log(r.problems().isEmpty() ? Level.INFO : Level.WARN, "outlet report", f);
        }

        /** An error that is not an article's outcome (a bad message, an exception), at ERROR. */
        public void error(String message, String sqsMessageId) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("sqs_message_id", sqsMessageId);
            log.error(message, f);
        }

        /** Writes the metrics as EMF documents, once, at the end of the invocation. */
        @Override
        public void close() {
            if (!metrics.isEmpty()) {
                metrics.drain(clock.instant(), requestId).forEach(sink::line);
            }
        }
    }

    /** The fields of an article's line: outlet, url, outcome, reason, durationMs, bytes, sqs_message_id, …. */
    static Map<String, Object> articleFields(ArticleOutcome o, String sqsMessageId) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("sqs_message_id", sqsMessageId);
        f.put("outlet", o.outlet());
        f.put("url", o.url());
        f.put("outcome", o.outcome().name());
        f.put("reason", o.reason());
        ArticleTiming t = o.timing();
        if (t != null) {
            f.put("durationMs", t.durationMs());
            f.put("bytes", t.bytes());
            f.put("fetch", t.fetch() == null ? null : t.fetch().name());
            f.put("httpStatus", t.httpStatus() == 0 ? null : t.httpStatus());
            f.put("fetchMs", t.fetchMs());
            f.put("extractMs", t.extractMs());
        }
        f.put("hash", o.hash());
        f.put("duplicateOf", o.duplicateOf());
        return f;
    }
}
