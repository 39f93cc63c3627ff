package dev.newsharvester.fleet;

import dev.newsharvester.fetch.Pacer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link Pacer} of one unit of fleet work (a host's turn, a discovery turn): each request takes the host's lease
 * in the fleet table and gives it back when it ends, setting the host's {@code nextAt} to the end plus the delay. It
 * never waits: a host that is held, or whose {@code nextAt} has not come, is refused with the instant to try again,
 * and so is any request that could not finish before {@code budgetEnd} (the invocation's deadline less its margin).
 * Not shared between units of work; thread-safe all the same.
 */
public final class FleetPacer implements Pacer {

    private final HostLeases leases;
    private final String holder;
    private final Instant budgetEnd;
    private final Duration requestLimit;
    private final Map<String, Instant> deferred = new ConcurrentHashMap<>();
    private final Map<String, Instant> nextAt = new ConcurrentHashMap<>();

    /**
     * @param holder       names this unit of work in the lease (an invocation and record id)
     * @param requestLimit the longest one request may take; no request starts unless it fits before {@code budgetEnd}
     */
    public FleetPacer(HostLeases leases, String holder, Instant budgetEnd, Duration requestLimit) {
        this.leases = Objects.requireNonNull(leases, "leases");
        this.holder = Objects.requireNonNull(holder, "holder");
        this.budgetEnd = Objects.requireNonNull(budgetEnd, "budgetEnd");
        this.requestLimit = Objects.requireNonNull(requestLimit, "requestLimit");
    }

    @Override
    public Slot acquire(String host, Duration delay) {
        Instant now = leases.clock().instant();
        if (now.plus(requestLimit).isAfter(budgetEnd)) {
            return Slot.refused(now.plusSeconds(1)); // not enough time left in this invocation
        }
        Instant own = nextAt.get(host);
        if (own != null && own.isAfter(now)) {
            return Slot.refused(own);   // this unit already asked the host: its delay runs
        }
        HostLeases.Grant grant = leases.acquire(host, holder);
        if (!grant.granted()) {
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
                Instant next = leases.clock().instant().plus(delay).plusMillis(1);
                Instant later = deferred.remove(host);
                if (later != null && later.isAfter(next)) {
                    next = later;
                }
                nextAt.put(host, next);
                leases.release(host, holder, next);
            }
        };
    }

    @Override
    public void defer(String host, Duration wait) {
        Instant until = leases.clock().instant().plus(wait);
        deferred.merge(host, until, (a, b) -> a.isAfter(b) ? a : b);
        nextAt.merge(host, until, (a, b) -> a.isAfter(b) ? a : b);
        leases.deferUntil(host, until);
    }

    /** When this unit of work last let {@code host} go: the instant its next request may start; null if never. */
    public Instant nextAt(String host) {
        return nextAt.get(host);
    }
}
