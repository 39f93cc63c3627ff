package dev.newsharvester.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import dev.newsharvester.observe.LineSink;
import dev.newsharvester.observe.Telemetry;
import dev.newsharvester.pipeline.FleetWorker;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a handler's log lines and EMF documents go. In Lambda (the handlers' no-argument constructors) they go to
 * standard output, which Lambda ships to CloudWatch Logs as they are: JSON already, so the function's
 * {@code LogFormat: JSON} does not wrap them, and CloudWatch extracts the metrics. Constructed by the local invoker or
 * a test, they go to the invocation context's logger ({@code invoke} prints it on stderr), or to standard output
 * without a context.
 *
 * @param stdout whether every line goes to standard output (Lambda)
 */
record Output(Telemetry telemetry, boolean stdout) {

    Telemetry.Invocation begin(Context context) {
        return telemetry.begin(context == null ? null : context.getAwsRequestId(), sink(context));
    }

    private LineSink sink(Context context) {
        if (stdout || context == null) {
            return LineSink.STDOUT;
        }
        return line -> context.getLogger().log(line + "\n");
    }

    /** The line of a fleet message: its article's outcome, its discovery, or its note. */
    static void handled(Telemetry.Invocation inv, FleetWorker.Handled h, String sqsMessageId) {
        if (h.outcome() != null) {
            inv.article(h.outcome(), sqsMessageId);
            return;
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("sqs_message_id", sqsMessageId);
        if (h.discovery() != null) {
            inv.metrics().discovered(h.discovery().outlet(), h.discovery().urls(), h.discovery().problems());
            f.put("outlet", h.discovery().outlet());
            f.put("discovered", h.discovery().urls());
            f.put("problems", h.discovery().problems());
        }
        f.put("note", h.note());
        f.put("retry", h.retry() ? true : null);
        inv.log().info(h.discovery() != null ? "discovery" : "fleet message", f);
    }
}
