package dev.newsharvester.pipeline;

import dev.newsharvester.discover.DiscoveredUrl;
import dev.newsharvester.discover.Discoverer;
import dev.newsharvester.discover.Discovery;
import dev.newsharvester.fetch.FetchResult;
import dev.newsharvester.fetch.FetchStatus;
import dev.newsharvester.fetch.HttpFetcher;
import dev.newsharvester.fleet.DiscoveryClaims;
import dev.newsharvester.fleet.FleetPacer;
import dev.newsharvester.fleet.Frontier;
import dev.newsharvester.fleet.HostLeases;
import dev.newsharvester.outlet.Outlet;
import dev.newsharvester.outlet.OutletConfigException;
import dev.newsharvester.outlet.Outlets;
import dev.newsharvester.store.ArticleIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.newsharvester.discover.UrlCanonicalizer;
import java.util.ArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What a fleet worker does with one message of the task queue ({@link FleetMessage}); the one place where the fleet's
 * flow is written. Thread-safe: a worker handles the records of a batch in parallel.
 *
 * <ul>
 *   <li><b>Article</b>: into its host's {@link Frontier} (unless waiting already), and the host gets a turn token if
 *       it has none.</li>
 *   <li><b>Turn</b>: if the token is still the host's and the host is free, the host's next article is fetched
 *       through a {@link FleetPacer} (the host lease); as soon as the fetch returns the token is passed on, delayed
 *       until the host may be asked again, then the article is extracted and stored, and only then leaves the
 *       frontier. A host with nothing queued has its token retired.</li>
 *   <li><b>Discover</b>: the outlet's sources are read (one request per host per turn; sources whose host is not
 *       free come back as a later discovery turn, delayed); URLs due a visit go to their hosts' frontiers.</li>
 * </ul>
 * Nothing waits: whatever is not due is a delayed message.
 */
public final class FleetWorker {

    /**
     * How a message went: {@code retry} hands it back to the queue (a batch item failure); {@code discovery}, for a
     * discovery turn, what it found (else null).
     */
    public record Handled(boolean retry, ArticleOutcome outcome, String note, Discovered discovery) {
        public Handled(boolean retry, ArticleOutcome outcome, String note) {
            this(retry, outcome, note, null);
        }

        static Handled done(String note) {
            return new Handled(false, null, note);
        }
    }

    /** What one discovery turn of an outlet found: article URLs and problems (a run's turns add up). */
    public record Discovered(String outlet, int urls, int problems) {
    }

    /** Tries of an article that failed in a way that may pass (timeouts, 5xx) before it is given up. */
    static final int MAX_ATTEMPTS = 3;
    /** Deferrals of one article (host held by discovery, cross-host redirects) before it is given up. */
    static final int MAX_DEFERRALS = 20;
    /** Discovery turns of one outlet run (one request per host each). */
    static final int MAX_DISCOVERY_TURNS = 60;
    /** Time kept after the last request for extraction and storage. */
    static final Duration STORE_MARGIN = Duration.ofSeconds(10);
    /** A token not passed on for this long is taken as lost (its worker died and SQS dropped it): a new one is made. */
    static final Duration TOKEN_STALE = Duration.ofMinutes(20);

    /** Due checks and frontier puts of discovered URLs run this many at once (their latency, not CPU, is the cost). */
    private static final ExecutorService CHECKS = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "due-checks");
        t.setDaemon(true);
        return t;
    });

    private final Outlets outlets;
    private final HttpFetcher fetcher;
    private final ArticleProcessor processor;
    private final Discoverer discoverer;
    private final ArticleIndex index;
    private final HostLeases leases;
    private final Frontier frontier;
    private final DiscoveryClaims claims;
    private final TaskQueue queue;
    private final Clock clock;
    /** Names this worker's leases; renewed after a SnapStart restore, so that restored copies do not share it. */
    private volatile String instance = newInstanceId();
    private final HealthMonitor health;
    /** The long revisits ({@link Revisits#NONE}: none): a final outcome schedules the URL's next visit. */
    private final Revisits revisits;

    FleetWorker(Outlets outlets, HttpFetcher fetcher, ArticleProcessor processor, Discoverer discoverer,
            ArticleIndex index, HostLeases leases, Frontier frontier, DiscoveryClaims claims, TaskQueue queue,
            HealthMonitor health, Revisits revisits) {
        this.outlets = outlets;
        this.fetcher = fetcher;
        this.processor = processor;
        this.discoverer = discoverer;
        this.index = index;
        this.leases = leases;
        this.frontier = frontier;
        this.claims = claims;
        this.queue = queue;
        this.clock = leases.clock();
        this.health = health;
        this.revisits = revisits;
    }

    /** Time a record needs to be started: one whole request plus extraction and storage. */
    public Duration margin() {
        return fetcher.requestLimit().plus(STORE_MARGIN);
    }

    public Outlets outlets() {
        return outlets;
    }

    /** The id naming this worker's leases (with a per-request suffix). */
    public String instance() {
        return instance;
    }

    /** A new {@link #instance()}: every environment restored from one snapshot must hold its own. */
    public void renewInstance() {
        instance = newInstanceId();
    }

    private static String newInstanceId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Handles one message body. Throws {@link IllegalArgumentException} for a body of no known shape (never good on
     * retry) and SDK exceptions for service failures (retry).
     *
     * @param deadline when the invocation ends
     */
    public Handled handle(String body, Instant deadline) {
        FleetMessage m = FleetMessage.parse(body);
        return switch (m) {
            case FleetMessage.Article a -> enqueue(a.task());
            case FleetMessage.Turn t -> turn(t, deadline);
            case FleetMessage.Discover d -> discover(d, deadline);
        };
    }

    /** Puts an article in its host's frontier and makes sure the host has a turn token. */
    Handled enqueue(ArticleTask task) {
        String url;
        try {
            url = UrlCanonicalizer.canonicalize(task.url());
            outlets.get(task.outlet());
        } catch (IllegalArgumentException | OutletConfigException e) {
            return new Handled(false, ArticleOutcome.failed(task, e.getMessage()), null);
        }
        boolean added = frontier.add(task.outlet(), url, clock.instant());
        ensureToken(Frontier.hostOf(url));
        return Handled.done(added ? "queued for its host" : "already queued");
    }

    /** Gives the host a turn token (and sends it) unless a live one exists. */
    void ensureToken(String host) {
        ensureToken(host, null);
    }

    /** The same, the token visible at {@code at} (when the host is known to be free again; null: at once). */
    private void ensureToken(String host, Instant at) {
        String token = UUID.randomUUID().toString();
        if (leases.claimToken(host, token, TOKEN_STALE)) {
            try {
                Instant now = clock.instant();
                queue.send(new FleetMessage.Turn(host, token),
                        at == null || !at.isAfter(now) ? Duration.ZERO : Duration.between(now, at));
            } catch (RuntimeException e) {
                leases.clearToken(host, token);   // so that the next try makes one
                throw e;
            }
        }
    }

    private Handled turn(FleetMessage.Turn t, Instant deadline) {
        Instant now = clock.instant();
        List<Frontier.Job> jobs = frontier.peek(t.host(), 2, now);
        if (jobs.isEmpty()) {
            retire(t);
            return Handled.done("nothing queued for " + t.host());
        }
        Frontier.Job job = jobs.get(0);
        // The host lease's write also checks the token: a turn costs no separate read.
        FleetPacer pacer = new FleetPacer(leases, instance + "/" + UUID.randomUUID(), deadline.minus(STORE_MARGIN),
                fetcher.requestLimit(), t.host(), t.token());
        try {
            return turn(t, job, jobs.size() > 1, pacer);
        } finally {
            pacer.finish();
        }
    }

    private Handled turn(FleetMessage.Turn t, Frontier.Job job, boolean more, FleetPacer pacer) {
        AtomicBoolean passed = new AtomicBoolean();
        ArticleTask task = new ArticleTask(job.outlet(), job.url());
        ArticleOutcome outcome = processor.process(task, fetcher.pacedBy(pacer), job.queuedAt(), fetched -> {
            if (pacer.stale()) {
                return;   // not this token's turn any more
            }
            // Pass the turn on now, before extraction and storage, so the host's next request is not held up by them.
            if (more || fetched.status() != FetchStatus.OK && fetched.status() != FetchStatus.NOT_MODIFIED) {
                try {
                    passOn(t, resumeAt(fetched, pacer.nextAt(t.host())));
                    passed.set(true);
                    if (fetched.status() != FetchStatus.DEFERRED) {
                        // the next turn comes a delay later at the earliest: plenty of time to mark this job
                        frontier.take(job, clock.instant().plus(STORE_MARGIN).plusSeconds(5));
                    }
                } catch (RuntimeException e) {
                    // not passed: tried again below, after the article is stored (a failure then fails the message)
                }
            }
        });
        if (pacer.stale()) {
            return Handled.done("stale turn token of " + t.host() + ": dropped");
        }
        boolean kept = settle(job, outcome);
        if (!kept && health != null) {
            health.processed(outcome);   // final: neither deferred nor to be tried again
        }
        if (!kept) {
            revisits.visited(outcome);
        }
        if (kept && passed.get()) {
            ensureToken(t.host());   // the token passed on may have been retired meanwhile
        }
        if (!passed.get()) {
            if (kept || more) {
                passOn(t, later(pacer.nextAt(t.host()), clock.instant()));  // throws: the turn message comes back
            } else {
                retire(t);
            }
        }
        return new Handled(false, outcome, null);
    }

    /** Removes the job unless it must be tried again; true when it stays queued. */
    private boolean settle(Frontier.Job job, ArticleOutcome outcome) {
        if (outcome.outcome() == Outcome.DEFERRED) {
            if (frontier.failedOnce(job) < MAX_DEFERRALS) {
                return true;
            }
        } else if (outcome.retryable() && job.attempts() + 1 < MAX_ATTEMPTS) {
            frontier.failedOnce(job);
            return true;
        }
        frontier.remove(job);
        return false;
    }

    private static Instant resumeAt(FetchResult fetched, Instant hostNext) {
        return fetched.status() == FetchStatus.DEFERRED ? later(fetched.retryAt(), hostNext) : hostNext;
    }

    /**
     * Sends the token again, visible when the host may be asked (rounded up to a whole second by SQS). Should a newer
     * token have replaced it meanwhile, the next turn drops it.
     */
    private void passOn(FleetMessage.Turn t, Instant at) {
        Instant now = clock.instant();
        queue.send(t, at == null || !at.isAfter(now) ? Duration.ZERO : Duration.between(now, at));
    }

    /** Retires the token; if an article arrived meanwhile, a new token is made. */
    private void retire(FleetMessage.Turn t) {
        // Jobs another worker is storing are not counted: if it keeps one, it makes sure of a token itself.
        if (leases.clearToken(t.host(), t.token()) && !frontier.peek(t.host(), 1, clock.instant()).isEmpty()) {
            ensureToken(t.host());
        }
    }

    private Handled discover(FleetMessage.Discover d, Instant deadline) {
        Outlet outlet;
        try {
            outlet = outlets.get(d.outlet());
        } catch (OutletConfigException e) {
            return Handled.done("unknown outlet: " + e.getMessage());
        }
        Instant now = clock.instant();
        if (d.turn() == 0 && !claims.claim(outlet.id(), d.run(), now)) {
            return Handled.done("outlet " + outlet.id() + " is being discovered by another run");
        }
        FleetPacer pacer = new FleetPacer(leases, instance + "/discover/" + UUID.randomUUID(),
                deadline.minus(STORE_MARGIN), fetcher.requestLimit());
        try {
            return discover(d, outlet, pacer, now);
        } finally {
            pacer.finish();
        }
    }

    private Handled discover(FleetMessage.Discover d, Outlet outlet, FleetPacer pacer, Instant now) {
        Discovery found = discoverer.discover(outlet, fetcher.pacedBy(pacer),
                d.sources() == null ? Discoverer.sourcesOf(outlet) : d.sources());
        if (health != null) {
            health.discovered(outlet.id(), d.run(), found.urls().size());   // a run's turns add up
        }
        int due = 0;
        int queued = 0;
        Set<String> hosts = new HashSet<>();
        found.urls().forEach(u -> hosts.add(Frontier.hostOf(u.url())));
        // One eventually consistent read per URL (and a conditional put for the due ones), several at once.
        List<Future<Integer>> checks = new ArrayList<>();
        for (DiscoveredUrl u : found.urls()) {
            checks.add(CHECKS.submit(() -> !RevisitPolicy.decide(outlet, index.history(u.url(), false), now).due() ? 0
                    : frontier.add(outlet.id(), u.url(), now) ? 2 : 1));
        }
        for (Future<Integer> c : checks) {
            int r;
            try {
                r = c.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while queueing " + outlet.id() + "'s articles", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            }
            due += r > 0 ? 1 : 0;
            queued += r == 2 ? 1 : 0;
        }
        hosts.forEach(h -> ensureToken(h, pacer.nextAt(h)));   // visible when the host is free again
        Discovered discovered = new Discovered(outlet.id(), found.urls().size(), found.problems().size());
        String note = "discovered " + found.urls().size() + ", due " + due + ", queued " + queued
                + (found.problems().isEmpty() ? "" : "; problems: " + String.join("; ", found.problems()));
        if (!found.deferred().isEmpty()) {
            if (d.turn() + 1 >= MAX_DISCOVERY_TURNS) {
                return new Handled(false, null, note + "; gave up on " + found.deferred().size() + " sources after "
                        + MAX_DISCOVERY_TURNS + " turns", discovered);
            }
            queue.send(new FleetMessage.Discover(d.outlet(), d.run(), d.turn() + 1, found.deferred()),
                    Duration.between(clock.instant(), later(found.retryAt(), clock.instant())));
            note += "; " + found.deferred().size() + " sources on a later turn";
        }
        return new Handled(false, null, note, discovered);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
