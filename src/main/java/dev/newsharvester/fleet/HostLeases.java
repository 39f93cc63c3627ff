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
import java.util.HashMap;

/**
 * One item per host in the fleet table holding what every instance must agree on:
 * <ul>
 *   <li>the <b>lease</b> ({@code holder}, {@code leaseUntil}): taken for one request and given back when it ends, so
 *       at most one request is in flight per host; a holder that dies loses it when {@code leaseUntil} passes;</li>
 *   <li>{@code lastEnd}: when the host's last request ended. A request may start only once its delay (the larger of
 *       the outlet's crawl delay and robots.txt's) has passed since then; the condition compares {@code lastEnd}
 *       with now minus that delay, so each request brings its own delay, as with the in-memory pacer;</li>
 *   <li>{@code notBefore}: a Retry-After (429/503) holds the host until then, for the whole fleet;</li>
 *   <li>the <b>turn token</b> ({@code token}, {@code tokenAt}): the id of the one queue message that carries the
 *       host's turn to a worker, so that queued articles are taken one at a time instead of every worker trying.</li>
 * </ul>
 * Every change is one conditional UpdateItem; nothing waits. Epoch milliseconds from the given clock (instances'
 * clocks are NTP-synchronised; the lease and nextAt tolerate their skew being well below the crawl delay).
 */
public final class HostLeases {

    /** The state of a host as read. */
    public record HostState(String token, Instant tokenAt, Instant lastEnd, Instant notBefore, Instant leaseUntil) {
    }

    /**
     * A try at a host: granted, or refused until {@code notBefore}; {@code stale} when the try was made for a turn
     * token that is not the host's any more (drop that turn).
     */
    public record Grant(boolean granted, Instant notBefore, boolean stale) {
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

    /**
     * Takes the host for one request if nobody holds it, {@code delay} has passed since its last request ended, and
     * no Retry-After holds it.
     */
    public Grant acquire(String host, String holder, Duration delay) {
        return acquire(host, holder, delay, null);
    }

    /**
     * The same, for a request made in the turn of {@code token} (null: not in a turn): the write also checks that the
     * token is still the host's and marks it alive, so a turn costs no separate check.
     */
    public Grant acquire(String host, String holder, Duration delay, String token) {
        long now = clock.millis();
        long d = Math.max(0, delay.toMillis());
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":me", s(holder),
                ":until", n(now + leaseFor.toMillis()), ":now", n(now), ":rested", n(now - d)));
        String condition = "(attribute_not_exists(leaseUntil) OR leaseUntil < :now)"
                + " AND (attribute_not_exists(lastEnd) OR lastEnd <= :rested)"
                + " AND (attribute_not_exists(notBefore) OR notBefore <= :now)";
        String update = "SET holder = :me, leaseUntil = :until";
        if (token != null) {
            values.put(":t", s(token));
            condition += " AND #t = :t";
            update += ", tokenAt = :now";
        }
        String cond = condition;
        String upd = update;
        try {
            ddb.updateItem(b -> {
                b.tableName(table).key(key(hostKey(host), "host")).updateExpression(upd).conditionExpression(cond)
                        .expressionAttributeValues(values)
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
                if (token != null) {
                    b.expressionAttributeNames(Map.of("#t", "token"));
                }
            });
            return new Grant(true, null, false);
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> old = e.item();
            if (token != null && !token.equals(stringOf(old, "token"))) {
                return new Grant(false, Instant.ofEpochMilli(now), true);
            }
            long leaseUntil = longOf(old, "leaseUntil", 0);
            long at = Math.max(longOf(old, "lastEnd", 0) + d, longOf(old, "notBefore", 0));
            if (leaseUntil >= now) {
                // Held: the holder's request ends at an unknown time before leaseUntil; ask again after the delay.
                at = Math.max(at, Math.min(leaseUntil + 1, now + Math.max(d, 200)));
            }
            return new Grant(false, Instant.ofEpochMilli(Math.max(at, now)), false);
        }
    }

    /** Gives the lease back at the end of a request ({@code end}): the host's delay counts from there. */
    public void release(String host, String holder, Instant end) {
        try {
            ddb.updateItem(b -> b.tableName(table).key(key(hostKey(host), "host"))
                    .updateExpression("SET lastEnd = :end REMOVE holder, leaseUntil")
                    .conditionExpression("holder = :me")
                    .expressionAttributeValues(Map.of(":me", s(holder), ":end", n(end.toEpochMilli()))));
        } catch (ConditionalCheckFailedException lapsed) {
            // The lease lapsed and another holder may have the host: still record that a request ended just now.
            try {
                ddb.updateItem(b -> b.tableName(table).key(key(hostKey(host), "host"))
                        .updateExpression("SET lastEnd = :end")
                        .conditionExpression("attribute_not_exists(lastEnd) OR lastEnd < :end")
                        .expressionAttributeValues(Map.of(":end", n(end.toEpochMilli()))));
            } catch (ConditionalCheckFailedException later) {
                // a later request already ended
            }
        }
    }

    /** No request to {@code host} before {@code until}, for every instance (keeps a later value). */
    public void deferUntil(String host, Instant until) {
        try {
            ddb.updateItem(b -> b.tableName(table).key(key(hostKey(host), "host"))
                    .updateExpression("SET notBefore = :until")
                    .conditionExpression("attribute_not_exists(notBefore) OR notBefore < :until")
                    .expressionAttributeValues(Map.of(":until", n(until.toEpochMilli()))));
        } catch (ConditionalCheckFailedException later) {
            // already deferred further
        }
    }

    /** The host's state, strongly consistent. */
    public HostState state(String host) {
        Map<String, AttributeValue> item = ddb.getItem(b -> b.tableName(table).key(key(hostKey(host), "host"))
                .consistentRead(true)).item();
        return new HostState(stringOf(item, "token"), instant(item, "tokenAt"), instant(item, "lastEnd"),
                instant(item, "notBefore"), instant(item, "leaseUntil"));
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
