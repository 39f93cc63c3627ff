package dev.newsharvester.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;

/** template.yaml's table against the schema the code creates locally: the two must not drift apart. */
class IndexSchemaTest {

    private static JsonNode table() throws IOException {
        return new YAMLMapper().readTree(Path.of("template.yaml").toFile()).path("Resources").path("ArticlesTable").path("Properties");
    }

    @Test
    void templateDeclaresTheSameAttributesKeysAndIndexes() throws IOException {
        JsonNode t = table();
        Map<String, String> attributes = new TreeMap<>();
        t.path("AttributeDefinitions").forEach(a -> attributes.put(a.path("AttributeName").asText(), a.path("AttributeType").asText()));
        Map<String, String> expectedAttributes = new TreeMap<>();
        IndexSchema.attributeDefinitions().forEach(a -> expectedAttributes.put(a.attributeName(), a.attributeTypeAsString()));
        assertEquals(expectedAttributes, attributes);

        assertEquals(keys(IndexSchema.tableKey()), keysOf(t.path("KeySchema")));

        Map<String, String> declared = new TreeMap<>();
        for (JsonNode g : t.path("GlobalSecondaryIndexes")) {
            List<String> include = new ArrayList<>();
            g.path("Projection").path("NonKeyAttributes").forEach(a -> include.add(a.asText()));
            declared.put(g.path("IndexName").asText(), keysOf(g.path("KeySchema")) + " "
                    + g.path("Projection").path("ProjectionType").asText() + " " + include.stream().sorted().toList());
        }
        Map<String, String> expected = new TreeMap<>();
        for (GlobalSecondaryIndex g : IndexSchema.globalSecondaryIndexes()) {
            expected.put(g.indexName(), keys(g.keySchema()) + " " + g.projection().projectionTypeAsString() + " "
                    + g.projection().nonKeyAttributes().stream().sorted().toList());
        }
        assertEquals(expected, declared);
    }

    @Test
    void projectionsStayWithinDynamoDbLimits() {
        int nonKey = IndexSchema.globalSecondaryIndexes().stream().mapToInt(g -> g.projection().nonKeyAttributes().size()).sum();
        assertTrue(nonKey <= 100, "DynamoDB allows 100 projected non-key attributes over all indexes, got " + nonKey);
        assertTrue(IndexSchema.globalSecondaryIndexes().size() <= 20, "at most 20 GSIs per table");
    }

    private static String keys(List<software.amazon.awssdk.services.dynamodb.model.KeySchemaElement> schema) {
        return schema.stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList().toString();
    }

    private static String keysOf(JsonNode schema) {
        List<String> out = new ArrayList<>();
        schema.forEach(k -> out.add(k.path("AttributeName").asText() + ":" + k.path("KeyType").asText()));
        return out.toString();
    }
}
