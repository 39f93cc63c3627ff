package dev.newsharvester.fleet;

import static dev.newsharvester.fleet.FleetTable.hostKey;
import static dev.newsharvester.fleet.FleetTable.key;
import static dev.newsharvester.fleet.FleetTable.longOf;
import static dev.newsharvester.fleet.FleetTable.n;
import static dev.newsharvester.fleet.FleetTable.s;
import static dev.newsharvester.fleet.FleetTable.stringOf;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * One item per host in the fleet table holding what every instance must agree on:
 * <ul>
 *   <li>the <b>lease</b> ({@code holder}, {@code leaseUntil}): taken for one request and given back when it ends, so
 *       at most one request is in flight per host; a holder that dies loses it when {@code leaseUntil} passes;</li>
 *   <li>{@code nextAt}: no request may start before it. Giving the lease back sets it to the end of the request plus
 *       the host's delay; a Retry-After (429/503) pushes it further, for the whole fleet;</li>
 *   <li>the <b>turn token</b> ({@code token}, {@code tokenAt}): the id of the one queue message that carries the
 *       host's turn to a worker, so that queued articles are taken one at a time instead of every worker trying.</li>
 * </ul>
 * Every change is one conditional UpdateItem; nothing waits. Epoch milliseconds from the given clock (instances'
 * clocks are NTP-synchronised; the lease and nextAt tolerate their skew being well below the crawl delay).
 */
public final class HostLeases {

    /** The state of a host as read. */
    public record HostState(String token, Instant tokenAt, Instant nextAt, Instant leaseUntil) {
    }

    /** A try at a host: granted, or refused until {@code notBefore}. */
    public record Grant(boolean granted, Instant notBefore) {
    }

    private final DynamoDbClient ddb;
    private final String table;
    private final Clock clock;
    private final Duration leaseFor;

    /**
     * @param leaseFor how long a lease lasts if its holder never gives it back: the longest one request can take
     */
    public HostLeases(DynamoDbClient ddb, String table, Clock clock, Duration leaseFor) {
        this.ddb = Objects.requireNonNull(ddb, "ddb");
        this.table = Objects.requireNonNull(table, "table");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.leaseFor = Objects.requireNonNull(leaseFor, "leaseFor");
    }

    public Clock clock() {
        return clock;
    }

    public Duration leaseFor() {
        return leaseFor;
    }

    /** Takes the host for one request if nobody holds it and its {@code nextAt} has passed. */
    public Grant acquire(String host, String holder) {
        long now = clock.millis();
        try {
            ddb.updateItem(b -> b.tableName(table).key(key(hostKey(host), "host"))
                    .updateExpression("SET holder = :me, leaseUntil = :until")
                    .conditionExpression("(attribute_not_exists(leaseUntil) OR leaseUntil < :now)"
                            + " AND (attribute_not_exists(nextAt) OR nextAt <= :now)")
                    .expressionAttributeValues(Map.of(":me", s(holder), ":until", n(now + leaseFor.toMillis()),
                            ":now", n(now)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new Grant(true, null);
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> old = e.item();
            long leaseUntil = longOf(old, "leaseUntil", 0);
            long nextAt = longOf(old, "nextAt", 0);
            // Held: the holder sets nextAt when it ends, unknown yet; ask again in a second (or when the lease lapses).
            long notBefore = leaseUntil >= now ? Math.min(leaseUntil + 1, now + 1000) : now;
            return new Grant(false, Instant.ofEpochMilli(Math.max(notBefore, nextAt)));
        }
    }

    /** Gives the lease back at the end of a request: no request before {@code nextAt} (end + delay, or later). */
    public void release(String host, String holder, Instant nextAt) {
        long next = nextAt.toEpochMilli();
        try {
            ddb.updateItem(b -> b.tableName(table).key(key(hostKey(host), "host"))
                    .updateExpression("SET nextAt = :next REMOVE holder, leaseUntil")
                    .conditionExpression("holder = :me AND (attribute_not_exists(nextAt) OR nextAt < :next)")
                    .expressionAttributeValues(Map.of(":me", s(holder), ":next", n(next))));
        } catch (ConditionalCheckFailedException e) {
            // Either nextAt is already later (a Retry-After), or the lease lapsed and another holder has it.
            try {
                ddb.updateItem(b -> b.tableName(table).key(key(hostKey(host), "host"))
                        .updateExpression("REMOVE holder, leaseUntil").conditionExpression("holder = :me")
                        .expressionAttributeValues(Map.of(":me", s(holder))));
            } catch (ConditionalCheckFailedException lapsed) {
                deferUntil(host, nextAt);
            }
        }
    }

    /** No request to {@code host} before {@code until}, for every instance (keeps a later value). */
    public void deferUntil(String host, Instant until) {
        try {
            ddb.updateItem(b -> b.tableName(table).key(key(hostKey(host), "host"))
                    .updateExpression("SET nextAt = :until")
                    .conditionExpression("attribute_not_exists(nextAt) OR nextAt < :until")
                    .expressionAttributeValues(Map.of(":until", n(until.toEpochMilli()))));
        } catch (ConditionalCheckFailedException later) {
            // already deferred further
        }
    }

    /** The host's state, strongly consistent. */
    public HostState state(String host) {
        Map<String, AttributeValue> item = ddb.getItem(b -> b.tableName(table).key(key(hostKey(host), "host"))
                .consistentRead(true)).item();
        return new HostState(stringOf(item, "token"), instant(item, "tokenAt"), instant(item, "nextAt"),
                instant(item, "leaseUntil"));
    }

    /**
     * Makes {@code token} the host's turn token unless a live one exists (one touched within {@code stale}).
     *
     * @return true when the caller must now send that token message
     */
    public boolean claimToken(String host, String token, Duration stale) {
        long now = clock.millis();
        try {
            ddb.updateItem(b -> b.tableName(table).key(key(hostKey(host), "host"))
                    .updateExpression("SET #t = :t, tokenAt = :now")
                    .conditionExpression("attribute_not_exists(#t) OR tokenAt < :stale")
                    .expressionAttributeNames(Map.of("#t", "token"))
                    .expressionAttributeValues(Map.of(":t", s(token), ":now", n(now),
                            ":stale", n(now - stale.toMillis()))));
            return true;
        } catch (ConditionalCheckFailedException live) {
            return false;
        }
    }

    /** Marks the token alive (it is being passed on). False when another token replaced it: drop this one. */
    public boolean touchToken(String host, String token) {
        try {
            ddb.updateItem(b -> b.tableName(table).key(key(hostKey(host), "host"))
                    .updateExpression("SET tokenAt = :now").conditionExpression("#t = :t")
                    .expressionAttributeNames(Map.of("#t", "token"))
                    .expressionAttributeValues(Map.of(":t", s(token), ":now", n(clock.millis()))));
            return true;
        } catch (ConditionalCheckFailedException replaced) {
            return false;
        }
    }

    /** Retires the token (the host has nothing queued). False when it was not the host's token any more. */
    public boolean clearToken(String host, String token) {
        try {
            ddb.updateItem(b -> b.tableName(table).key(key(hostKey(host), "host"))
                    .updateExpression("REMOVE #t, tokenAt").conditionExpression("#t = :t")
                    .expressionAttributeNames(Map.of("#t", "token"))
                    .expressionAttributeValues(Map.of(":t", s(token))));
            return true;
        } catch (ConditionalCheckFailedException replaced) {
            return false;
        }
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        long ms = longOf(item, name, Long.MIN_VALUE);
        return ms == Long.MIN_VALUE ? null : Instant.ofEpochMilli(ms);
    }
}
