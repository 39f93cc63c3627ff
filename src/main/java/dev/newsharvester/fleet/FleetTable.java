package dev.newsharvester.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The fleet table: partition key {@code pk}, sort key {@code sk}, both strings; TTL attribute {@code expires}
 * (epoch seconds). Items, all under the host's partition {@code host#<host>} except the outlet claims:
 * <ul>
 *   <li>{@code sk = "host"}: the lease ({@code holder}, {@code leaseUntil}), {@code nextAt} (epoch ms before which no
 *       request may start) and the turn token ({@code token}, {@code tokenAt});</li>
 *   <li>{@code sk = "job#<url>"}: an article waiting for its host's turn ({@code outlet}, {@code url},
 *       {@code queuedAt}, {@code attempts});</li>
 *   <li>{@code sk = "robots#<origin>"}: the origin's robots.txt answer, gzip ({@code expires} after a week);</li>
 *   <li>{@code pk = "outlet#<id>", sk = "discovery"}: the last discovery run's claim ({@code run}, {@code startedAt}).</li>
 * </ul>
 * Mirrored by {@code template.yaml} ({@code FleetTable}).
 */
public final class FleetTable {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String EXPIRES = "expires";

    private FleetTable() {
    }

    static String hostKey(String host) {
        return "host#" + host;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    static long longOf(Map<String, AttributeValue> item, String name, long dflt) {
        AttributeValue v = item == null ? null : item.get(name);
        return v == null || v.n() == null ? dflt : Long.parseLong(v.n());
    }

    static String stringOf(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item == null ? null : item.get(name);
        return v == null ? null : v.s();
    }

    /** Creates the table (on-demand) unless it exists, and waits until it is ACTIVE. Local stores and tests. */
    public static void create(DynamoDbClient ddb, String table) {
        try {
            ddb.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName(PK).attributeType(ScalarAttributeType.S),
                            a -> a.attributeName(SK).attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName(PK).keyType(KeyType.HASH),
                            k -> k.attributeName(SK).keyType(KeyType.RANGE)));
        } catch (ResourceInUseException exists) {
            // made earlier or concurrently: wait for it below
        }
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            try {
                if (ddb.describeTable(b -> b.tableName(table)).table().tableStatus() == TableStatus.ACTIVE) {
                    return;
                }
            } catch (ResourceNotFoundException notYet) {
                // eventually consistent control plane
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("fleet table " + table + " not ACTIVE after 1 minute");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for table " + table, e);
            }
        }
    }
}
