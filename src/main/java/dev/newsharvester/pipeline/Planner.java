package dev.newsharvester.pipeline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.newsharvester.health.HealthReport;
import dev.newsharvester.outlet.Outlet;
import dev.newsharvester.outlet.Outlets;
import dev.newsharvester.store.DueIndex;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The schedule's small first step in a fleet: one discovery task per outlet on the task queue, sent in batches of
 * ten, then one article task per URL due a revisit (taken from the due index with a claim, so two planners at once
 * never send one URL twice; the worker puts it in its host's frontier, like a discovered one). It reads nothing from the outlets' sites, so it takes seconds for thousands of outlets; workers do the
 * discovery with bounded concurrency (the function's limit). One outlet's task that SQS refuses is reported and
 * never stops the others.
 */
public final class Planner {

    /**
     * What one planning run did.
     *
     * @param run     the run's id (its start instant): two tasks of one run may both discover an outlet (a redelivery)
     * @param planned discovery tasks sent
     * @param failed  outlets whose task could not be sent, each "id: why"
     * @param health  the planned outlets' health as the run started (null without health counters, or when they
     *                could not be read); in the answer only its flag counts appear
     * @param revisits URLs due a revisit sent as article tasks (those SQS refused are in {@code failed})
     */
    public record Plan(String run, int planned, List<String> failed, @JsonIgnore HealthReport health, int revisits) {
        public Plan {
            failed = List.copyOf(failed);
        }

        public Plan(String run, int planned, List<String> failed, HealthReport health) {
            this(run, planned, failed, health, 0);
        }

        /** Outlets flagged DRIFT, SILENT and FAILING when the run started (absent without health). */
        @JsonProperty("health")
        public Map<String, Integer> flagged() {
            return health == null ? null
                    : Map.of("drifting", health.drifting(), "silent", health.silent(), "failing", health.failing());
        }
    }

    private final Outlets outlets;
    private final TaskQueue queue;
    private final Clock clock;
    private final HealthMonitor health;
    private final Revisits revisits;

    public Planner(Outlets outlets, TaskQueue queue, Clock clock) {
        this(outlets, queue, clock, null);
    }

    /** A planner that evaluates the outlets' health at the start of each run (null: it does not). */
    public Planner(Outlets outlets, TaskQueue queue, Clock clock, HealthMonitor health) {
        this(outlets, queue, clock, health, null);
    }

    /** The same, also sending the URLs this due index says are due a revisit (null: none). */
    public Planner(Outlets outlets, TaskQueue queue, Clock clock, HealthMonitor health, DueIndex due) {
        this.outlets = Objects.requireNonNull(outlets, "outlets");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.health = health;
        this.revisits = due == null ? Revisits.NONE : new Revisits(due, null, outlets, clock);
    }

    public Outlets outlets() {
        return outlets;
    }

    /**
     * Plans the outlets with these ids (all when empty); an unknown id fails before anything is sent. First their
     * health is evaluated from the counters the previous runs left (and stored as the run's health object).
     */
    public Plan plan(List<String> outletIds) {
        List<Outlet> selected = outlets.select(outletIds);
        HealthReport report = null;
        if (health != null) {
            try {
                report = health.evaluate(selected.stream().map(Outlet::id).toList());
            } catch (RuntimeException e) {
                // health is an observation: planning goes on
            }
        }
        String run = clock.instant().toString();
        List<FleetMessage.Discover> tasks = selected.stream()
                .map(o -> new FleetMessage.Discover(o.id(), run, 0, null)).toList();
        List<String> failed = new ArrayList<>();
        for (TaskQueue.Refused r : queue.sendAll(tasks)) {
            failed.add(((FleetMessage.Discover) r.message()).outlet() + ": " + r.why());
        }
        int planned = tasks.size() - failed.size();
        return new Plan(run, planned, failed, report, sendRevisits(selected, failed));
    }

    /** Sends the due revisits of these outlets as article tasks; those refused are added to {@code failed}. */
    private int sendRevisits(List<Outlet> selected, List<String> failed) {
        if (revisits == Revisits.NONE) {
            return 0;
        }
        Revisits.Claimed claimed;
        try {
            claimed = revisits.claimDue(selected.stream().map(Outlet::id).toList());
        } catch (RuntimeException e) {
            failed.add("revisits: the due index could not be read: " + e.getMessage());
            return 0;
        }
        List<FleetMessage.Article> articles = claimed.byOutlet().values().stream().flatMap(List::stream)
                .map(FleetMessage.Article::new).toList();
        int refused = 0;
        for (TaskQueue.Refused r : queue.sendAll(articles)) {
            // its claim lapses and a later plan sends it again
            failed.add(((FleetMessage.Article) r.message()).task().url() + ": " + r.why());
            refused++;
        }
        return articles.size() - refused;
    }
}
