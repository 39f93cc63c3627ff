package dev.newsharvester.store;

import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creating the index table of {@link ArticleIndex} for local stores and tests: the table with its GSIs as
 * {@link IndexSchema} lays them out, and the wait until it and its indexes are ACTIVE. (In AWS the template creates
 * it.)
 */
final class IndexTables {

    private IndexTables() {
    }

    /** See {@link ArticleIndex#createTable}. */
    static void create(DynamoDbClient ddb, String table) {
        if (describe(ddb, table) == null) {
            try {
                ddb.createTable(b -> b.tableName(table)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(IndexSchema.attributeDefinitions())
                        .keySchema(IndexSchema.tableKey())
                        .globalSecondaryIndexes(IndexSchema.globalSecondaryIndexes()));
            } catch (ResourceInUseException raced) {
                // created concurrently by someone else: fine, wait for it below
            }
        }
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            TableDescription d = describe(ddb, table);
            if (d != null && d.tableStatus() == TableStatus.ACTIVE && d.globalSecondaryIndexes().stream()
                    .allMatch(i -> i.indexStatus() == IndexStatus.ACTIVE)) {
                int expected = IndexSchema.globalSecondaryIndexes().size();
                if (d.globalSecondaryIndexes().size() != expected) {
                    throw new IllegalStateException("table " + table + " has " + d.globalSecondaryIndexes().size()
                            + " global secondary indexes, this version needs " + expected
                            + ": it was created by an older version (a local store: delete its directory and harvest again)");
                }
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("table " + table + " not ACTIVE after 2 minutes: "
                        + (d == null ? "missing" : d.tableStatusAsString()));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for table " + table, e);
            }
        }
    }

    private static TableDescription describe(DynamoDbClient ddb, String table) {
        try {
            return ddb.describeTable(b -> b.tableName(table)).table();
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }
}
