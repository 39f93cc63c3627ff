package dev.newsharvester.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.local.LocalStack;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;

/**
 * {@link ArticleIndex#openTable}, the check a local store runs on every open without DescribeTable: a missing table is
 * created as {@link ArticleIndex#createTable} makes it, an existing one is kept with its items, and a table made by an
 * older version (an index missing) is refused with a line naming the index and the fix.
 */
class OpenTableTest {

    @Test
    void createsChecksAndRefusesATableWithoutAnIndex() {
        try (LocalStack stack = LocalStack.inMemory()) {
            var ddb = stack.dynamoDb();
            ArticleIndex.openTable(ddb, "Fresh");
            Instant t = Instant.parse("2025-08-23T08:00:00Z");
            StoredVersion v = StoredVersion.seenAt(VersionId.of("https://unn.ua/en/news/bridge", "ab".repeat(32), "unn"), t,
                    ReaderFacts.titled("Bridge reopens"), null, new TextSketch(null, null, 120, null));
            assertTrue(new ArticleIndex(ddb, "Fresh").putVersion(v));
            ArticleIndex.openTable(ddb, "Fresh");
            assertEquals(List.of(v.url()), new ArticleIndex(ddb, "Fresh").byOutlet("unn", null, null).stream()
                    .map(StoredVersion::url).toList());

            ddb.createTable(b -> b.tableName("Old").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(IndexSchema.attributeDefinitions().subList(0, 2)).keySchema(IndexSchema.tableKey())
                    .globalSecondaryIndexes(IndexSchema.globalSecondaryIndexes().subList(0, 1)));
            IllegalStateException old = assertThrows(IllegalStateException.class, () -> ArticleIndex.openTable(ddb, "Old"));
            assertEquals("table Old has no index outlet-index, which this version needs: it was created by an older version"
                    + " (a local store: delete its directory and harvest again)", old.getMessage());
        }
    }
}
