package dev.newsharvester.fleet;

import static dev.newsharvester.fleet.FleetTable.key;
import static dev.newsharvester.fleet.FleetTable.n;
import static dev.newsharvester.fleet.FleetTable.s;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Which run discovers an outlet: two planners running at once (an overlapping schedule, a retried one, a manual
 * invoke) send the outlet's discovery twice, and only the first to claim it within {@code minInterval} reads the
 * outlet's feeds. A redelivery of the same run's task may claim again (its first try may have died mid-way).
 */
public final class DiscoveryClaims {

    private final DynamoDbClient ddb;
    private final String table;
    private final Duration minInterval;

    public DiscoveryClaims(DynamoDbClient ddb, String table, Duration minInterval) {
        this.ddb = ddb;
        this.table = table;
        this.minInterval = minInterval;
    }

    /** True when {@code run} may discover {@code outlet} now. */
    public boolean claim(String outlet, String run, Instant now) {
        try {
            ddb.updateItem(b -> b.tableName(table).key(key("outlet#" + outlet, "discovery"))
                    .updateExpression("SET #r = :run, startedAt = :now")
                    .conditionExpression("attribute_not_exists(startedAt) OR startedAt < :since OR #r = :run")
                    .expressionAttributeNames(Map.of("#r", "run"))
                    .expressionAttributeValues(Map.of(":run", s(run), ":now", n(now.toEpochMilli()),
                            ":since", n(now.minus(minInterval).toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }
}
