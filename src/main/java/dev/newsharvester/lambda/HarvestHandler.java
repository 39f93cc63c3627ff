package dev.newsharvester.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.newsharvester.health.HealthReport;
import dev.newsharvester.observe.Telemetry;
import dev.newsharvester.outlet.OutletConfigException;
import dev.newsharvester.pipeline.ArticleOutcome;
import dev.newsharvester.pipeline.HarvestReport;
import dev.newsharvester.pipeline.Harvester;
import dev.newsharvester.pipeline.OutletReport;
import dev.newsharvester.pipeline.Planner;
import dev.newsharvester.pipeline.ProgressListener;
import dev.newsharvester.pipeline.Settings;
import dev.newsharvester.pipeline.Wiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import dev.newsharvester.store.AwsClients;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * HarvestFunction. In a fleet (TASK_QUEUE_URL and FLEET_TABLE set) it is the schedule's planner: one discovery task
 * per outlet on the task queue, answered with the {@link Planner.Plan}; the workers discover. Without a fleet it
 * harvests inline (or, with only a queue, discovers and sends one task per article, as before fleets) and answers
 * with the per-outlet reports, logging a JSON line per article and per outlet report and writing the run's metrics
 * ({@link dev.newsharvester.observe.Telemetry}).
 */
public final class HarvestHandler implements RequestStreamHandler {

    private final Harvester harvester;
    private final Planner planner;
    private Output output = new Output(Telemetry.fromEnvironment(System.getenv()), false);

    /** Lambda's constructor: wiring happens once per execution environment (and before a SnapStart snapshot). */
    public HarvestHandler() {
        this(Settings.fromEnvironment());
        output = new Output(output.telemetry(), true);
    }

    private HarvestHandler(Settings settings) {
        this.planner = settings.isFleet() ? planner(settings, AwsClients.s3(settings.aws())) : null;
        this.harvester = planner == null ? Wiring.fromSettings(settings) : null;
        Priming.register(settings.aws(), planner != null ? planner.outlets() : harvester.outlets(), null);
    }

    /** The fleet's planner; it evaluates outlet health at the start of each run. */
    private static Planner planner(Settings settings, S3Client s3) {
        return Wiring.planner(settings, Wiring.outlets(settings, s3), AwsClients.sqs(settings.aws()), s3,
                AwsClients.dynamoDb(settings.aws()));
    }

    public HarvestHandler(Harvester harvester) {
        this.harvester = harvester;
        this.planner = null;
    }

    /** The planner of a fleet. */
    public HarvestHandler(Planner planner) {
        this.harvester = null;
        this.planner = planner;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream out, Context context) throws IOException {
        try (Telemetry.Invocation inv = output.begin(context)) {
            try {
                handle(input, out, inv);
            } catch (RuntimeException e) {
                inv.error(e.getClass().getSimpleName() + ": " + e.getMessage(), null);
                throw e;
            }
        }
    }

    private void handle(InputStream input, OutputStream output, Telemetry.Invocation inv) throws IOException {
        List<String> outlets = Events.harvestOutlets(Events.read(input));
        try {
            (planner != null ? planner.outlets() : harvester.outlets()).select(outlets);
        } catch (OutletConfigException e) {
            throw new BadEventException(e.getMessage());
        }
        if (planner != null) {
            Planner.Plan plan = planner.plan(outlets);
            health(inv, plan.health());
            inv.log().info("plan", Events.JSON.convertValue(plan, Map.class));
            Events.JSON.writeValue(output, plan);
            return;
        }
        HarvestReport report = harvester.harvest(outlets, ProgressListener.NONE);
        for (ArticleOutcome o : report.outcomes()) {
            inv.article(o, null);
        }
        for (OutletReport r : report.outlets()) {
            // One structured line per outlet: the counts the design asks every run to log.
            inv.outlet(r);
        }
        health(inv, report.health());
        Events.JSON.writeValue(output, report.outlets());
    }

    /** The health gauges the alarms watch, once per run (none when the run kept no health). */
    private static void health(Telemetry.Invocation inv, HealthReport health) {
        if (health != null) {
            inv.metrics().health(health.drifting(), health.silent(), health.failing());
        }
    }
}
