package dev.newsharvester.fleet;

import static dev.newsharvester.fleet.FleetTable.hostKey;
import static dev.newsharvester.fleet.FleetTable.key;
import static dev.newsharvester.fleet.FleetTable.longOf;
import static dev.newsharvester.fleet.FleetTable.n;
import static dev.newsharvester.fleet.FleetTable.s;
import static dev.newsharvester.fleet.FleetTable.stringOf;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import java.util.Base64;

/**
 * The articles waiting for their host's turn: one item per (host, URL) under the host's partition. Adding is a
 * conditional put, so an article already waiting is never queued twice, however many discovery runs overlap; a job
 * leaves only after its outcome is stored, so a worker dying mid-way loses nothing.
 */
public final class Frontier {

    /**
     * An article waiting for its host.
     *
     * @param takenUntil while a worker stores what it fetched, other turns pass it over until this instant
     */
    public record Job(String host, String outlet, String url, Instant queuedAt, int attempts, Instant takenUntil) {
    }

    private static final String PREFIX = "job#";

    private final DynamoDbClient ddb;
    private final String table;

    public Frontier(DynamoDbClient ddb, String table) {
        this.ddb = Objects.requireNonNull(ddb, "ddb");
        this.table = Objects.requireNonNull(table, "table");
    }

    /** The pacing key of a URL: its host, lower case (the fetcher paces by host, whatever the port). */
    public static String hostOf(String url) {
        String host = URI.create(url).getHost();
        if (host == null) {
            throw new IllegalArgumentException("URL has no host: " + url);
        }
        return host.toLowerCase(Locale.ROOT);
    }

    /** A job's sort key: a digest of the URL, as a sort key is limited to 1 KiB and URLs are not. */
    private static String jobKey(String url) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(url.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    /** Queues an article unless it is waiting already. True when it was added. */
    public boolean add(String outlet, String url, Instant now) {
        String host = hostOf(url);
        Map<String, AttributeValue> item = new HashMap<>(key(hostKey(host), jobKey(url)));
        item.put("outlet", s(outlet));
        item.put("url", s(url));
        item.put("queuedAt", n(now.toEpochMilli()));
        item.put("attempts", n(0));
        try {
            ddb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(sk)"));
            return true;
        } catch (ConditionalCheckFailedException waiting) {
            return false;
        }
    }

    /**
     * Up to {@code limit} jobs of the host that no worker is storing at {@code now} (strongly consistent; reads at
     * most {@code limit + 3} items).
     */
    public List<Job> peek(String host, int limit, Instant now) {
        return ddb.query(b -> b.tableName(table).consistentRead(true).limit(limit + 3)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :job)")
                        .expressionAttributeValues(Map.of(":pk", s(hostKey(host)), ":job", s(PREFIX))))
                .items().stream()
                .map(i -> new Job(host, stringOf(i, "outlet"), stringOf(i, "url"),
                        Instant.ofEpochMilli(longOf(i, "queuedAt", 0)), (int) longOf(i, "attempts", 0),
                        Instant.ofEpochMilli(longOf(i, "takenUntil", 0))))
                .filter(j -> !j.takenUntil().isAfter(now))
                .limit(limit)
                .toList();
    }

    /** Marks a fetched job as being stored, so that the host's next turn passes it over until {@code until}. */
    public void take(Job job, Instant until) {
        ddb.updateItem(b -> b.tableName(table).key(key(hostKey(job.host()), jobKey(job.url())))
                .updateExpression("SET takenUntil = :until").conditionExpression("attribute_exists(sk)")
                .expressionAttributeValues(Map.of(":until", n(until.toEpochMilli()))));
    }

    /** Removes a finished job. */
    public void remove(Job job) {
        ddb.deleteItem(b -> b.tableName(table).key(key(hostKey(job.host()), jobKey(job.url()))));
    }

    /** Counts a try that must be repeated and frees the job for the next turn; returns the new count. */
    public int failedOnce(Job job) {
        Map<String, AttributeValue> after = ddb.updateItem(b -> b.tableName(table)
                .key(key(hostKey(job.host()), jobKey(job.url())))
                .updateExpression("ADD attempts :one REMOVE takenUntil").conditionExpression("attribute_exists(sk)")
                .expressionAttributeValues(Map.of(":one", n(1)))
                .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.UPDATED_NEW)).attributes();
        return (int) longOf(after, "attempts", job.attempts() + 1L);
    }
}
