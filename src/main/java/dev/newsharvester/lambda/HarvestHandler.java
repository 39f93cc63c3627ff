package dev.newsharvester.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.newsharvester.outlet.OutletConfigException;
import dev.newsharvester.pipeline.HarvestReport;
import dev.newsharvester.pipeline.Harvester;
import dev.newsharvester.pipeline.OutletReport;
import dev.newsharvester.pipeline.ProgressListener;
import dev.newsharvester.pipeline.Wiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * HarvestFunction: on the schedule (or a direct invoke naming outlets) discovers article URLs and
 * sends one task per article to the queue, or processes them inline when no queue is configured.
 * Returns the per-outlet report as JSON.
 */
public final class HarvestHandler implements RequestStreamHandler {

    private final Harvester harvester;

    /** Lambda's constructor: wiring happens once per execution environment (and before a SnapStart snapshot). */
    public HarvestHandler() {
        this(Wiring.fromEnvironment(System.getenv()));
    }

    public HarvestHandler(Harvester harvester) {
        this.harvester = harvester;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        List<String> outlets = Events.harvestOutlets(Events.read(input));
        try {
            harvester.outlets().select(outlets);
        } catch (OutletConfigException e) {
            throw new BadEventException(e.getMessage());
        }
        HarvestReport report = harvester.harvest(outlets, ProgressListener.NONE);
        for (OutletReport r : report.outlets()) {
            // One structured line per outlet: the counts the design asks every run to log.
            Events.log(context, Events.JSON.writeValueAsString(r));
        }
        Events.JSON.writeValue(output, report.outlets());
    }
}
