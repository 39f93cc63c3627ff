package dev.newsharvester.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
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

    /** See {@link ArticleIndex#openTable}. */
    static void open(DynamoDbClient ddb, String table) {
        if (!exists(ddb, table)) {
            create(ddb, table);
            return;
        }
        for (GlobalSecondaryIndex gsi : IndexSchema.globalSecondaryIndexes()) {
            String key = gsi.keySchema().get(0).attributeName();
            try {
                ddb.query(b -> b.tableName(table).indexName(gsi.indexName()).limit(1).keyConditionExpression("#k = :v")
                        .expressionAttributeNames(Map.of("#k", key)).expressionAttributeValues(Map.of(":v", AttributeValue.fromS("-"))));
            } catch (DynamoDbException e) {
                boolean invalid = e.statusCode() == 400
                        || e.awsErrorDetails() != null && "ValidationException".equals(e.awsErrorDetails().errorCode());
                if (!invalid) {
                    throw e;
                }
                throw new IllegalStateException("table " + table + " has no index " + gsi.indexName() + ", which this version needs"
                        + ": it was created by an older version (a local store: delete its directory and harvest again)", e);
            }
        }
    }

    /** By ListTables, not DescribeTable: DynamoDB Local counts every item of the table and its indexes to describe it. */
    private static boolean exists(DynamoDbClient ddb, String table) {
        String start = null;
        do {
            String from = start;
            ListTablesResponse r = ddb.listTables(b -> b.exclusiveStartTableName(from));
            if (r.tableNames().contains(table)) {
                return true;
            }
            start = r.lastEvaluatedTableName();
        } while (start != null);
        return false;
    }

    private static TableDescription describe(DynamoDbClient ddb, String table) {
        try {
            return ddb.describeTable(b -> b.tableName(table)).table();
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }
}
