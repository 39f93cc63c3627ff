package dev.newsharvester.fleetsim;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.newsharvester.fleet.FleetTable;
import dev.newsharvester.lambda.ArticleHandler;
import dev.newsharvester.lambda.HarvestHandler;
import dev.newsharvester.pipeline.Harvester;
import dev.newsharvester.pipeline.Settings;
import dev.newsharvester.pipeline.Wiring;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one place where the simulation meets the project's handlers: factories of the worker (ArticleFunction) and
 * planner (HarvestFunction) instances, wired as template.yaml wires them (TASK_QUEUE_URL and FLEET_TABLE set: the
 * planner sends one discovery task per outlet, the workers run the fleet), on the simulation's counted clients.
 */
public final class FleetWiring {

    /** The fleet table's name in the simulation. */
    public static final String FLEET_TABLE = "Fleet";

    private FleetWiring() {
    }

    /** The simulation's environment plus FLEET_TABLE; creates the fleet table (uncounted). */
    public static Settings env(FleetSim sim) {
        FleetTable.create(sim.stack().dynamoDb(), FLEET_TABLE);
        Map<String, String> env = new HashMap<>(sim.env());
        env.put(Settings.FLEET_TABLE, FLEET_TABLE);
        return Settings.fromEnvironment(env);
    }

    /** A new ArticleFunction instance per call (one per simulated execution environment). */
    public static Supplier<RequestStreamHandler> worker(FleetSim sim) {
        Settings env = env(sim);
        return () -> {
            Harvester h = Wiring.harvester(env, sim.s3(), sim.dynamoDb(), sim.sqs());
            return new ArticleHandler(h, Wiring.fleetWorker(env, h, sim.dynamoDb(), sim.sqs()), null);
        };
    }

    /** A new HarvestFunction instance per call: the fleet's planner (it evaluates outlet health first, as in AWS). */
    public static Supplier<RequestStreamHandler> planner(FleetSim sim) {
        Settings env = env(sim);
        return () -> new HarvestHandler(Wiring.planner(env, Wiring.outlets(env, sim.s3()), sim.sqs(), sim.s3(),
                sim.dynamoDb()));
    }
}
