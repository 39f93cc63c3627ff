package dev.newsharvester.cli;

import dev.newsharvester.observe.LineSink;
import dev.newsharvester.observe.Telemetry;
import dev.newsharvester.pipeline.ArticleOutcome;
import dev.newsharvester.pipeline.HarvestReport;
import dev.newsharvester.pipeline.OutletReport;
import dev.newsharvester.pipeline.ProgressListener;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --log-format json}: a harvest's progress as the functions log it, on stderr (stdout keeps the report): a JSON
 * line per article and per outlet report, then the run's metrics as EMF documents, one harvest being one invocation.
 * {@code LOG_LEVEL} filters as in Lambda. Thread-safe.
 */
final class JsonLogProgress implements ProgressListener {

    private final Telemetry telemetry;
    private final LineSink sink;
    private Telemetry.Invocation current;

    JsonLogProgress(Telemetry telemetry, LineSink sink) {
        this.telemetry = telemetry;
        this.sink = sink;
    }

    private synchronized Telemetry.Invocation invocation() {
        if (current == null) {
            current = telemetry.begin(null, sink);
        }
        return current;
    }

    @Override
    public void discovered(String outlet, int urls, int due) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("outlet", outlet);
        f.put("discovered", urls);
        f.put("due", due);
        invocation().log().debug("discovery", f);
    }

    @Override
    public void processed(ArticleOutcome outcome, int done, int total) {
        invocation().article(outcome, null);
    }

    /** After the harvest returned: a line per outlet report, then the metrics; the next harvest starts afresh. */
    synchronized void finished(HarvestReport report) {
        Telemetry.Invocation inv = invocation();
        for (OutletReport r : report.outlets()) {
            inv.outlet(r);
        }
        inv.close();
        current = null;
    }
}
