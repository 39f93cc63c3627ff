package dev.newsharvester.fleetsim;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.newsharvester.lambda.ArticleHandler;
import dev.newsharvester.lambda.HarvestHandler;
import dev.newsharvester.pipeline.Wiring;
import java.util.function.Supplier;

/**
 * The one place where the simulation meets the project's handlers: factories of the worker (ArticleFunction) and
 * planner (HarvestFunction) instances, built on the simulation's environment and counted clients. Replace the bodies
 * when the handlers change; nothing else in the package knows them.
 */
public final class FleetWiring {

    private FleetWiring() {
    }

    /** A new ArticleFunction instance per call (one per simulated execution environment). */
    public static Supplier<RequestStreamHandler> worker(FleetSim sim) {
        return () -> new ArticleHandler(Wiring.harvester(sim.env(), sim.s3(), sim.dynamoDb(), sim.sqs()));
    }

    /** A new HarvestFunction instance per call; TASK_QUEUE_URL is in the env, so it sends tasks to the queue. */
    public static Supplier<RequestStreamHandler> planner(FleetSim sim) {
        return () -> new HarvestHandler(Wiring.harvester(sim.env(), sim.s3(), sim.dynamoDb(), sim.sqs()));
    }
}
