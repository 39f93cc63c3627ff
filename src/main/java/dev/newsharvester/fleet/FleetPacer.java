package dev.newsharvester.fleet;

import dev.newsharvester.fetch.Pacer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The {@link Pacer} of one unit of fleet work (a host's turn, a discovery turn): each request takes the host's lease
 * in the fleet table ({@link HostLeases}) and gives it back when it ends, recording the end. It never waits: a host
 * that is held, whose delay since its last request has not passed, or that a Retry-After holds, is refused with the
 * instant to try again, and so is any request that could not finish before {@code budgetEnd} (the invocation's
 * deadline less its margin). Not shared between units of work; thread-safe all the same.
 */
public final class FleetPacer implements Pacer {

    private final HostLeases leases;
    private final String holder;
    private final Instant budgetEnd;
    private final Duration requestLimit;
    private final String turnHost;
    private final String token;
    private volatile boolean stale;
    private final List<CompletableFuture<Void>> releases =
            Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Instant> lastEnd = new ConcurrentHashMap<>();
    private final Map<String, Instant> nextAt = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> releasing = new ConcurrentHashMap<>();

    /**
     * @param holder       names this unit of work in the lease (an invocation and record id)
     * @param requestLimit the longest one request may take; no request starts unless it fits before {@code budgetEnd}
     */
    public FleetPacer(HostLeases leases, String holder, Instant budgetEnd, Duration requestLimit) {
        this(leases, holder, budgetEnd, requestLimit, null, null);
    }

    /**
     * For a host's turn: requests to {@code turnHost} also check that {@code token} is still its turn token (see
     * {@link HostLeases#acquire(String, String, Duration, String)}); {@link #stale()} tells when it was not.
     */
    public FleetPacer(HostLeases leases, String holder, Instant budgetEnd, Duration requestLimit, String turnHost,
            String token) {
        this.turnHost = turnHost;
        this.token = token;
        this.leases = Objects.requireNonNull(leases, "leases");
        this.holder = Objects.requireNonNull(holder, "holder");
        this.budgetEnd = Objects.requireNonNull(budgetEnd, "budgetEnd");
        this.requestLimit = Objects.requireNonNull(requestLimit, "requestLimit");
    }

    @Override
    public Slot acquire(String host, Duration delay) {
        CompletableFuture<Void> release = releasing.get(host);
        if (release != null) {
            // This unit's own last request to the host may still be giving the lease back; until it has, the fleet
            // table says the host is held (by us), so wait for that write rather than defer the request to a later turn.
            release.join();
        }
        Instant now = leases.clock().instant();
        if (now.plus(requestLimit).isAfter(budgetEnd)) {
            return Slot.refused(now.plusSeconds(1)); // not enough time left in this invocation
        }
        Instant ended = lastEnd.get(host);
        Instant held = nextAt.get(host);
        Instant own = ended == null ? held : later(ended.plus(delay), held);
        if (own != null && own.isAfter(now)) {
            nextAt.merge(host, own, FleetPacer::later);
            return Slot.refused(own);   // this unit already asked the host: its delay runs
        }
        HostLeases.Grant grant = leases.acquire(host, holder, delay, host.equals(turnHost) ? token : null);
        if (grant.stale()) {
            stale = true;
        }
        if (!grant.granted()) {
            nextAt.merge(host, grant.notBefore(), FleetPacer::later);
            return Slot.refused(grant.notBefore());
        }
        return new Slot() {
            private boolean closed;

            @Override
            public boolean granted() {
                return true;
            }

            @Override
            public Instant notBefore() {
                return null;
            }

            @Override
            public synchronized void close() {
                if (closed) {
                    return;
                }
                closed = true;
                Instant end = leases.clock().instant();
                lastEnd.put(host, end);
                nextAt.merge(host, end.plus(delay).plusMillis(1), FleetPacer::later);
                // Given back off the request's path: the caller passes the turn on meanwhile. The next request to
                // the host is a delay away; finish() waits for it before the invocation ends.
                CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
                    try {
                        leases.release(host, holder, end);
                    } catch (RuntimeException e) {
                        // the lease lapses by itself; lastEnd is then the lease's end, later than the real one
                    }
                }, RELEASES);
                releasing.put(host, release);
                releases.add(release);
            }
        };
    }

    @Override
    public void defer(String host, Duration wait) {
        Instant until = leases.clock().instant().plus(wait);
        nextAt.merge(host, until, FleetPacer::later);
        leases.deferUntil(host, until);
    }

    /** True when a request of this turn found that its token is not the host's any more. */
    public boolean stale() {
        return stale;
    }

    /** Waits until every lease this unit took is given back (before its invocation returns and is frozen). */
    public void finish() {
        List<CompletableFuture<Void>> all;
        synchronized (releases) {
            all = List.copyOf(releases);
        }
        all.forEach(CompletableFuture::join);
    }

    private static final ExecutorService RELEASES = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lease-release");
        t.setDaemon(true);
        return t;
    });

    /**
     * The earliest instant this unit of work knows the host may be asked again (its last request's end plus that
     * request's delay, a Retry-After, or a refusal's instant); null if it never asked the host.
     */
    public Instant nextAt(String host) {
        return nextAt.get(host);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
