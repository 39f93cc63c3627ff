package dev.newsharvester.bench;

import dev.newsharvester.local.DemoSite;
import dev.newsharvester.local.LocalStack;
import dev.newsharvester.pipeline.HarvestReport;
import dev.newsharvester.pipeline.Harvester;
import dev.newsharvester.pipeline.Outcome;
import dev.newsharvester.pipeline.ProgressListener;
import dev.newsharvester.pipeline.Settings;
import dev.newsharvester.pipeline.Wiring;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.StoredVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Write cost of the index, measured: the demo's two harvest rounds through the real pipeline into
 * DynamoDB Local, every write asked for its consumed capacity (ReturnConsumedCapacity INDEXES;
 * DynamoDB Local reports it as DynamoDB does), grouped by kind of write. Then the same items under
 * the layout before this index (two GSIs projecting every attribute), and the cost of one
 * article's life (first version, then re-fetches while the outlet's revisit window is open).
 *
 * <pre>
 *   java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) dev.newsharvester.bench.WriteCostBench
 * </pre>
 */
public final class WriteCostBench {

    /** Re-fetches of one article in the bundled profiles: revisit PT48H at most every PT60M. */
    private static final int REVISITS = 48;

    private WriteCostBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("write-cost");
        Map<String, List<ConsumedCapacity>> byKind = new TreeMap<>();
        try (DemoSite site = DemoSite.start(); LocalStack stack = LocalStack.inMemory()) {
            Path outlets = dir.resolve("outlets.yaml");
            Files.writeString(outlets, site.outletsYaml(), StandardCharsets.UTF_8);
            Settings env = Settings.fromEnvironment(Map.of(Settings.ARTICLES_TABLE, stack.table(), Settings.ARCHIVE_BUCKET,
                    stack.bucket(), Settings.OUTLETS_URI, outlets.toString(), Settings.ALLOW_PRIVATE_NETWORKS, "127.0.0.1/32"));
            ArticleIndex index = new ArticleIndex(stack.dynamoDb(), stack.table())
                    .withCapacityListener(c -> byKind.computeIfAbsent(kind(c), k -> new ArrayList<>()).add(c));
            Harvester harvester = Harvester.builder().outlets(Wiring.outlets(env, stack.s3())).fetcher(Wiring.fetcher(env))
                    .archive(new Archive(stack.s3(), stack.bucket())).index(index).build();
            HarvestReport r1 = harvester.harvest(List.of(), ProgressListener.NONE);
            site.setRound(2);
            HarvestReport r2 = harvester.harvest(List.of(), ProgressListener.NONE);
            System.out.printf("demo harvest, two rounds: %d NEW, %d REVISED, %d DUPLICATE, %d UNCHANGED%n%n",
                    r1.total(Outcome.NEW) + r2.total(Outcome.NEW), r1.total(Outcome.REVISED) + r2.total(Outcome.REVISED),
                    r1.total(Outcome.DUPLICATE) + r2.total(Outcome.DUPLICATE), r1.total(Outcome.UNCHANGED) + r2.total(Outcome.UNCHANGED));

            System.out.println("== Write units per write, this layout (table + 14 GSIs; sketch entries sparse)");
            System.out.printf("  %-34s %5s %7s %6s %8s %8s %8s%n", "write", "count", "WRU", "table", "listing", "simhash", "story");
            Map<String, Double> perWrite = new LinkedHashMap<>();
            for (var e : byKind.entrySet()) {
                List<ConsumedCapacity> cs = e.getValue();
                double total = avg(cs, ConsumedCapacity::capacityUnits);
                perWrite.put(e.getKey(), total);
                System.out.printf("  %-34s %5d %7.2f %6.2f %8.2f %8.2f %8.2f%n", e.getKey(), cs.size(), total,
                        avg(cs, c -> c.table().capacityUnits()), avg(cs, c -> gsi(c, "hash-index") + gsi(c, "outlet-index")),
                        avg(cs, c -> gsiPrefix(c, "simhash-")), avg(cs, c -> gsiPrefix(c, "story-")));
            }

            List<Map<String, AttributeValue>> items = new ArrayList<>();
            for (String outlet : List.of("unn", "up", "agg")) {
                for (StoredVersion v : index.byOutlet(outlet, null, null)) {
                    items.add(stack.dynamoDb().getItem(b -> b.tableName(stack.table()).key(Map.of("url", AttributeValue.fromS(v.url()),
                            "hash", AttributeValue.fromS(v.hash())))).item());
                }
            }
            List<Integer> sizes = items.stream().map(WriteCostBench::itemBytes).sorted().toList();
            System.out.printf("%n  item size (bytes, as DynamoDB counts them): min %d, median %d, max %d over %d versions;"
                    + " the 544-byte MinHash signature is the largest attribute%n", sizes.get(0), sizes.get(sizes.size() / 2),
                    sizes.get(sizes.size() - 1), sizes.size());

            double[] before = previousLayout(stack.dynamoDb(), items);
            System.out.println();
            System.out.println("== The layout before (hash-index and outlet-index projecting ALL, no sketch indexes), same items");
            System.out.printf("  %-34s %7.2f%n  %-34s %7.2f%n", "new version (PutItem)", before[0], "seen again (UpdateItem)", before[1]);

            double newVersion = perWrite.getOrDefault(NEW_TEXT, Double.NaN);
            double seen = perWrite.getOrDefault(SEEN, Double.NaN);
            System.out.println();
            System.out.printf("== One article's life: first version + %d re-fetches (revisit PT48H, at most every PT60M)%n", REVISITS);
            System.out.printf("  before: %6.1f WRU   (%.0f + %d x %.0f)%n", before[0] + REVISITS * before[1], before[0], REVISITS, before[1]);
            System.out.printf("  now:    %6.1f WRU   (%.0f + %d x %.0f)%n", newVersion + REVISITS * seen, newVersion, REVISITS, seen);
        }
    }

    static final String NEW_TEXT = "new version, new text (PutItem)";
    static final String DUPLICATE = "new version, duplicate (PutItem)";
    static final String SEEN = "seen again (UpdateItem)";

    private static String kind(ConsumedCapacity c) {
        int gsis = c.globalSecondaryIndexes() == null ? 0 : c.globalSecondaryIndexes().size();
        return gsis == 0 ? SEEN : gsis <= 2 ? DUPLICATE : NEW_TEXT;
    }

    /** The same items in a table of the previous layout: {average PutItem WRU, average markSeen WRU}. */
    private static double[] previousLayout(DynamoDbClient ddb, List<Map<String, AttributeValue>> items) {
        String table = "ArticlesPrevious";
        ddb.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("url").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("hash").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("outlet").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("ts").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("url").keyType(KeyType.HASH), k -> k.attributeName("hash").keyType(KeyType.RANGE))
                .globalSecondaryIndexes(all("hash-index", "hash", "url"), all("outlet-index", "outlet", "ts")));
        double put = 0;
        double update = 0;
        for (Map<String, AttributeValue> item : items) {
            Map<String, AttributeValue> old = new HashMap<>(item);
            old.keySet().removeIf(k -> k.matches("l?sh\\d"));
            put += ddb.putItem(b -> b.tableName(table).item(old).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
                    .consumedCapacity().capacityUnits();
            update += ddb.updateItem(b -> b.tableName(table).key(Map.of("url", old.get("url"), "hash", old.get("hash")))
                    .updateExpression("SET lastSeen = :t, lastFetched = :t")
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("2025-09-01T00:00:00Z")))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();
        }
        return new double[] {put / items.size(), update / items.size()};
    }

    private static GlobalSecondaryIndex all(String name, String pk, String sk) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(k -> k.attributeName(pk).keyType(KeyType.HASH), k -> k.attributeName(sk).keyType(KeyType.RANGE))
                .projection(p -> p.projectionType(ProjectionType.ALL)).build();
    }

    /** Item size as DynamoDB bills it: attribute names plus values (UTF-8 strings, binary, numbers as about their digits). */
    static int itemBytes(Map<String, AttributeValue> item) {
        int n = 0;
        for (var e : item.entrySet()) {
            n += e.getKey().getBytes(StandardCharsets.UTF_8).length;
            AttributeValue v = e.getValue();
            if (v.s() != null) {
                n += v.s().getBytes(StandardCharsets.UTF_8).length;
            } else if (v.b() != null) {
                n += v.b().asByteArray().length;
            } else if (v.n() != null) {
                n += (v.n().length() + 1) / 2 + 1;
            } else if (v.hasL()) {
                n += 3 + v.l().stream().mapToInt(x -> x.s() == null ? 1 : x.s().getBytes(StandardCharsets.UTF_8).length + 1).sum();
            }
        }
        return n;
    }

    private static double gsi(ConsumedCapacity c, String name) {
        var g = c.globalSecondaryIndexes();
        return g == null || !g.containsKey(name) ? 0 : g.get(name).capacityUnits();
    }

    private static double gsiPrefix(ConsumedCapacity c, String prefix) {
        var g = c.globalSecondaryIndexes();
        return g == null ? 0 : g.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToDouble(e -> e.getValue().capacityUnits()).sum();
    }

    private static double avg(List<ConsumedCapacity> cs, java.util.function.ToDoubleFunction<ConsumedCapacity> f) {
        return cs.stream().mapToDouble(f).average().orElse(Double.NaN);
    }
}
