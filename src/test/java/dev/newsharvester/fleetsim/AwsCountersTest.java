package dev.newsharvester.fleetsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.local.LocalStack;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.s3.S3Client;

/** The counters on the embedded store: calls per operation, and unit estimates next to what DynamoDB Local reports. */
class AwsCountersTest {

    @Test
    void countsCallsAndEstimatesCapacityUnits() {
        try (LocalStack stack = LocalStack.inMemory()) {
            AwsCounters counters = new AwsCounters();
            DynamoDbClient ddb = counters.wrap(stack.dynamoDb());
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("url", AttributeValue.fromS("https://example.com/a"));
            item.put("hash", AttributeValue.fromS("0".repeat(64)));
            item.put("text", AttributeValue.fromS("word ".repeat(1000))); // ~5 KB
            var put = ddb.putItem(b -> b.tableName(stack.table()).item(item).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            var get = ddb.getItem(b -> b.tableName(stack.table()).key(Map.of("url", item.get("url"), "hash", item.get("hash")))
                    .consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            var eventual = ddb.getItem(b -> b.tableName(stack.table()).key(Map.of("url", item.get("url"), "hash", item.get("hash"))));
            assertEquals(null, eventual.consumedCapacity(), "capacity the caller did not ask for is removed again");
            AwsCounters.Snapshot s = counters.snapshot();
            assertEquals(1, s.calls("DynamoDB", "PutItem"));
            assertEquals(2, s.calls("DynamoDB", "GetItem"));
            // 5 KB item: 5-6 WRU estimated (request JSON is a little larger than the item); 2 RRU strong + 1 eventual
            assertTrue(s.dynamoWriteUnits() >= 5 && s.dynamoWriteUnits() <= 6, s.toString());
            assertEquals(3.0, s.dynamoReadUnits(), s.toString());
            assertEquals(6.0, s.reportedWriteUnits(), s.toString());
            assertEquals(3.0, s.reportedReadUnits(), s.toString());
            System.out.println("DynamoDB Local reports: PutItem " + put.consumedCapacity() + ", GetItem " + get.consumedCapacity()
                    + "; estimated " + s.dynamoWriteUnits() + " WRU, " + s.dynamoReadUnits() + " RRU");

            // an item with the outlet-index keys (outlet, ts) also writes an index entry
            Map<String, AttributeValue> indexed = new HashMap<>(item);
            indexed.put("url", AttributeValue.fromS("https://example.com/b"));
            indexed.put("outlet", AttributeValue.fromS("h0"));
            indexed.put("ts", AttributeValue.fromS("2026-12-03T00:00:00Z"));
            var put2 = ddb.putItem(b -> b.tableName(stack.table()).item(indexed).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
            AwsCounters.Snapshot s2 = counters.snapshot().minus(s);
            System.out.println("DynamoDB Local reports: PutItem " + put2.consumedCapacity() + "; estimated "
                    + s2.dynamoWriteUnits() + " WRU + " + s2.dynamoIndexWriteUnits() + " WRU of index entries");
            assertEquals(put2.consumedCapacity().capacityUnits(), s2.dynamoWriteUnits() + s2.dynamoIndexWriteUnits(), 0.0);
            assertEquals(put2.consumedCapacity().capacityUnits(), s2.reportedWriteUnits(), 0.0);
            s = counters.snapshot();
            var q = ddb.query(b -> b.tableName(stack.table()).indexName("outlet-index").keyConditionExpression("#o = :o")
                    .expressionAttributeNames(Map.of("#o", "outlet")).expressionAttributeValues(Map.of(":o", AttributeValue.fromS("h0")))
                    .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
            System.out.println("DynamoDB Local reports: Query " + q.consumedCapacity() + " for " + q.count() + " item(s); estimated "
                    + counters.snapshot().minus(s).dynamoReadUnits() + " RRU");
            s = counters.snapshot();
            var none = ddb.query(b -> b.tableName(stack.table()).indexName("outlet-index").keyConditionExpression("#o = :o")
                    .expressionAttributeNames(Map.of("#o", "outlet")).expressionAttributeValues(Map.of(":o", AttributeValue.fromS("zz")))
                    .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
            AwsCounters.Snapshot empty = counters.snapshot().minus(s);
            System.out.println("DynamoDB Local reports: empty Query " + none.consumedCapacity() + "; counted " + empty.reportedReadUnits());
            assertEquals(0.5, empty.reportedReadUnits(), "an empty query costs DynamoDB's minimum, 0.5 RRU");
            s = counters.snapshot();

            S3Client s3 = S3Client.builder().httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                    .endpointOverride(stack.s3Endpoint()).forcePathStyle(true)
                    .serviceConfiguration(dev.newsharvester.store.AwsClients.LOCAL_S3)
                    .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                    .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(LocalStack.credentials()))
                    .overrideConfiguration(o -> o.addExecutionInterceptor(counters)).build();
            s3.putObject(b -> b.bucket(stack.bucket()).key("k"), RequestBody.fromString("x"));
            s3.getObjectAsBytes(b -> b.bucket(stack.bucket()).key("k"));
            s3.headObject(b -> b.bucket(stack.bucket()).key("k"));
            s3.deleteObject(b -> b.bucket(stack.bucket()).key("k"));
            AwsCounters.Snapshot after = counters.snapshot().minus(s);
            assertEquals(4, after.calls("S3"), after.toString());
            assertEquals(1, after.s3Tier1());
            assertEquals(2, after.s3Tier2(), "GET and HEAD; DELETE is free");
            s3.close();
        }
    }
}
