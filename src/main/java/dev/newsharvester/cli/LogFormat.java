package dev.newsharvester.cli;

import dev.newsharvester.observe.LineSink;
import dev.newsharvester.observe.Telemetry;
import dev.newsharvester.pipeline.HarvestReport;
import dev.newsharvester.pipeline.ProgressListener;
import java.io.PrintStream;
import java.time.Duration;

/** {@code --log-format}: how {@code harvest} and {@code demo} report progress on stderr. */
enum LogFormat {
    /** Readable lines and summaries. */
    text,
    /** The JSON log lines and EMF documents the functions write (Logs Insights and jq read them alike). */
    json;

    /** The listener of one command run; {@code verbose}: a text line per article. */
    ProgressListener listener(PrintStream err, boolean verbose) {
        return this == json ? new JsonLogProgress(Telemetry.fromEnvironment(System.getenv()), LineSink.of(err))
                : new HarvestProgressPrinter(err, Duration.ofSeconds(2), verbose);
    }

    /** Tells the listener a harvest returned (JSON: its outlet lines and metrics). */
    static void finished(ProgressListener listener, HarvestReport report) {
        if (listener instanceof JsonLogProgress j) {
            j.finished(report);
        }
    }
}
