package dev.newsharvester.local;

import static dev.newsharvester.local.TemplateNodes.RESOURCES;
import static dev.newsharvester.local.TemplateNodes.TREE;
import static dev.newsharvester.local.TemplateNodes.evaluate;
import static dev.newsharvester.local.TemplateNodes.list;
import static dev.newsharvester.local.TemplateNodes.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsharvester.athena.AthenaTables;
import dev.newsharvester.extract.Access;
import dev.newsharvester.extract.Article;
import dev.newsharvester.fingerprint.Fingerprinter;
import dev.newsharvester.outlet.Outlet;
import dev.newsharvester.outlet.Outlets;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.CleanCopy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Athena side of template.yaml: the tables' columns are store.CleanCopy's fields, the projection follows
 * store.Archive's keys, the workgroup enforces its results prefix and scan limit, the compaction is idempotent and
 * its role scoped, and the named queries read columns that exist.
 */
class TemplateAthenaTest {

    private static final JsonNode CLEAN = RESOURCES.path("CleanTable").path("Properties").path("TableInput");
    private static final JsonNode COMPACT = RESOURCES.path("CompactTable").path("Properties").path("TableInput");
    private static final Map<String, String> PARAMETERS = Map.of("ArchiveBucket", "my-archive", "ArchiveStartDate",
            "2025-01-01", "AthenaWorkGroup", "news-archive", "GlueDatabase", "news_harvester", "CompactDays", "35");

    /** A clean copy with every field set, as the store writes it. */
    private static JsonNode cleanCopy() throws Exception {
        Article a = new Article("https://kyiv-daily.example/news/night-buses", "https://kyiv-daily.example/news/night-buses",
                "Night buses reach the left bank", List.of("Olena Koval"), OffsetDateTime.parse("2026-11-30T18:40+02:00"),
                OffsetDateTime.parse("2026-11-30T19:00+02:00"), "en", "City", List.of("transport"),
                "https://kyiv-daily.example/img/bus.jpg", "Night buses from March.",
                "The city council voted on Tuesday to extend the night bus network to the left-bank districts.",
                new Access(Access.Free.TRUE, false, false, List.of("jsonld:free=true")));
        byte[] json = CleanCopy.toJson(a, Fingerprinter.of(a.text()), new CleanCopy.Capture("kyiv-daily",
                "raw/outlet=kyiv-daily/dt=2026-11-30/x.html.gz", Instant.parse("2026-11-30T17:00:00Z"), "extract-7"));
        return new ObjectMapper().readTree(json);
    }

    /** The Hive type a JSON value reads as. */
    private static String hiveType(String field, JsonNode v) {
        if (v.isTextual()) {
            return "string";
        }
        if (v.isInt()) {
            return "int";
        }
        if (v.isBoolean()) {
            return "boolean";
        }
        if (v.isArray()) {
            return "array<" + hiveType(field, v.path(0)) + ">";
        }
        if (v.isObject()) {
            List<String> parts = new ArrayList<>();
            v.properties().forEach(e -> parts.add(e.getKey().toLowerCase(Locale.ROOT) + ":" + hiveType(e.getKey(), e.getValue())));
            return "struct<" + String.join(",", parts) + ">";
        }
        throw new AssertionError("clean copy field " + field + " has a value Athena's table does not describe: " + v);
    }

    private static Map<String, String> columns(JsonNode table, String list) {
        Map<String, String> out = new LinkedHashMap<>();
        table.path(list).forEach(c -> out.put(c.path("Name").asText(), c.path("Type").asText()));
        return out;
    }

    @Test
    void theCleanTableReadsEveryFieldOfTheCleanCopyWithItsType() throws Exception {
        Map<String, String> fromCopy = new LinkedHashMap<>();
        cleanCopy().properties().forEach(e -> fromCopy.put(e.getKey().toLowerCase(Locale.ROOT),
                hiveType(e.getKey(), e.getValue())));
        Map<String, String> table = new LinkedHashMap<>(columns(CLEAN.path("StorageDescriptor"), "Columns"));
        Map<String, String> partitions = columns(CLEAN, "PartitionKeys");
        assertEquals(Map.of("outlet", "string", "dt", "string"), partitions);
        table.put("outlet", partitions.get("outlet")); // the copy's outlet field is the key's outlet=<id>
        assertEquals(new TreeSet<>(fromCopy.keySet()), new TreeSet<>(table.keySet()),
                "CleanCopy's fields and the CleanTable's columns (add a field to both, or to neither)");
        assertEquals(new java.util.TreeMap<>(fromCopy), new java.util.TreeMap<>(table), "the columns' types");
        assertEquals(AthenaTables.CLEAN_COLUMNS, List.copyOf(columns(CLEAN.path("StorageDescriptor"), "Columns").keySet()),
                "AthenaTables.CLEAN_COLUMNS");
        assertEquals(AthenaTables.CLEAN, CLEAN.path("Name").asText());
        Set<String> known = new TreeSet<>(table.keySet());
        known.add("dt");
        assertTrue(known.containsAll(AthenaTables.EXPORT_COLUMNS), "exports read existing columns");
    }

    @Test
    void theCompactTableIsTheCleanTableWithOutletAsAColumnAndTheSourceKey() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("outlet", "string");
        expected.putAll(columns(CLEAN.path("StorageDescriptor"), "Columns"));
        expected.remove("minhash");
        expected.put("source", "string");
        assertEquals(expected, columns(COMPACT.path("StorageDescriptor"), "Columns"));
        assertEquals(Map.of("dt", "string"), columns(COMPACT, "PartitionKeys"));
        assertEquals(AthenaTables.COMPACT, COMPACT.path("Name").asText());
        assertEquals("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
                COMPACT.path("StorageDescriptor").path("SerdeInfo").path("SerializationLibrary").asText());
    }

    /** The projected location of a partition holds exactly the keys store.Archive writes for that outlet and day. */
    @Test
    void partitionProjectionFollowsTheArchivesKeys() {
        JsonNode p = CLEAN.path("Parameters");
        assertEquals("true", p.path("projection.enabled").asText());
        assertEquals("enum", p.path("projection.outlet.type").asText());
        JsonNode join = p.path("projection.outlet.values").path("Fn::Join");
        assertEquals(",", join.path(0).asText());
        assertEquals("AthenaOutlets", join.path(1).path("Ref").asText());
        assertEquals(String.join(",", Outlets.bundled().all().stream().map(Outlet::id).toList()),
                TREE.path("Parameters").path("AthenaOutlets").path("Default").asText(), "the bundled outlets by default");
        assertEquals("date", p.path("projection.dt.type").asText());
        assertEquals("yyyy-MM-dd", p.path("projection.dt.format").asText());
        assertEquals("2025-01-01,NOW", evaluate(p.path("projection.dt.range"), PARAMETERS));
        String template = ((String) evaluate(p.path("storage.location.template"), PARAMETERS)).replace("${!", "${");
        String location = template.replace("${outlet}", "unn").replace("${dt}", "2026-11-30");
        String key = Archive.cleanKey("unn", "https://unn.example/news/1", "ab".repeat(32), LocalDate.parse("2026-11-30"));
        assertTrue(("s3://my-archive/" + key).startsWith(location), key + " under " + location);
        assertEquals(key.substring(0, key.lastIndexOf('/') + 1), location.substring("s3://my-archive/".length()));
    }

    @Test
    void theWorkgroupEnforcesItsResultPrefixAndScanLimit() {
        JsonNode c = RESOURCES.path("AthenaWorkGroup").path("Properties").path("WorkGroupConfiguration");
        assertEquals(true, c.path("EnforceWorkGroupConfiguration").asBoolean());
        assertEquals("AthenaBytesScannedCutoff", c.path("BytesScannedCutoffPerQuery").path("Ref").asText());
        assertEquals("s3://my-archive/athena-results/", evaluate(c.path("ResultConfiguration").path("OutputLocation"),
                PARAMETERS));
        JsonNode cutoff = TREE.path("Parameters").path("AthenaBytesScannedCutoff");
        assertTrue(cutoff.path("MinValue").asLong() >= 10_485_760L, "Athena's own minimum is 10 MB");
        boolean expires = false;
        for (JsonNode rule : RESOURCES.path("ArchiveBucket").path("Properties").path("LifecycleConfiguration").path("Rules")) {
            expires |= rule.path("Prefix").asText().equals("athena-results/") && rule.path("ExpirationInDays").asInt() > 0;
        }
        assertTrue(expires, "query results expire");
    }

    @Test
    void theScheduleAppendsOnlyCleanCopiesNotCompactedYet() throws Exception {
        JsonNode target = RESOURCES.path("CompactSchedule").path("Properties").path("Target");
        assertEquals("arn:aws:scheduler:::aws-sdk:athena:startQueryExecution", target.path("Arn").asText());
        JsonNode input = new ObjectMapper().readTree((String) evaluate(target.path("Input"), PARAMETERS));
        assertEquals("news-archive", input.path("WorkGroup").asText());
        assertEquals("news_harvester", input.path("QueryExecutionContext").path("Database").asText());
        String sql = input.path("QueryString").asText();
        assertTrue(sql.startsWith("INSERT INTO " + AthenaTables.COMPACT + " SELECT "), sql);
        assertTrue(sql.contains("interval '35' day") && sql.contains(
                "NOT EXISTS (SELECT 1 FROM articles a WHERE a.dt = c.dt AND a.source = c.\"$path\")"), sql);
        List<String> inserted = new ArrayList<>();
        for (String item : sql.substring(sql.indexOf("SELECT ") + 7, sql.indexOf(" FROM ")).split(", ")) {
            String[] words = item.trim().split(" ");
            inserted.add(words[words.length - 1].replace("c.", ""));
        }
        List<String> expected = new ArrayList<>(columns(COMPACT.path("StorageDescriptor"), "Columns").keySet());
        expected.add("dt");
        assertEquals(expected, inserted, "INSERT INTO fills the compact table's columns in order, partition last");
    }

    @Test
    void theCompactionRoleIsScopedToTheWorkgroupTheTablesAndItsPrefixes() {
        assertEquals(List.of(), TemplateRightsTest.violations(RESOURCES).stream()
                .filter(v -> v.startsWith("CompactScheduleRole")).toList());
        ObjectNode resources = RESOURCES.deepCopy();
        ArrayNode statements = (ArrayNode) resources.path("CompactScheduleRole").path("Properties").path("Policies")
                .path(0).path("PolicyDocument").path("Statement");
        JsonNodeFactory f = JsonNodeFactory.instance;
        statements.addObject().put("Effect", "Allow").put("Action", "glue:GetTable").set("Resource", f.objectNode()
                .put("Fn::Sub", "arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:table/${GlueDatabase}/*"));
        statements.addObject().put("Effect", "Allow").put("Action", "athena:StartQueryExecution")
                .put("Resource", "arn:aws:athena:eu-central-1:123456789012:workgroup/primary");
        statements.addObject().put("Effect", "Allow").put("Action", "s3:PutObject").set("Resource",
                f.objectNode().put("Fn::Sub", "${ArchiveBucket.Arn}/clean/*"));
        String found = String.join("\n", TemplateRightsTest.violations(resources));
        assertTrue(found.contains("CompactScheduleRole grants glue:GetTable on a resource that is not one of this"), found);
        assertTrue(found.contains("CompactScheduleRole grants athena:StartQueryExecution on a resource that is not"), found);
        assertTrue(ofType(RESOURCES, "AWS::Scheduler::Schedule").containsKey("CompactSchedule"));
    }

    @Test
    void theNamedQueriesReadColumnsThatExist() {
        Map<String, JsonNode> queries = ofType(RESOURCES, "AWS::Athena::NamedQuery");
        assertEquals(Set.of("mentions per outlet per day", "revisions per day", "an outlet's articles in a range"),
                new TreeSet<>(queries.values().stream().map(q -> q.path("Properties").path("Name").asText()).toList()));
        Set<String> columns = new TreeSet<>(columns(CLEAN.path("StorageDescriptor"), "Columns").keySet());
        columns.addAll(columns(CLEAN, "PartitionKeys").keySet());
        queries.forEach((id, q) -> {
            JsonNode p = q.path("Properties");
            assertEquals("GlueDatabase", p.path("Database").path("Ref").asText(), id);
            assertEquals("AthenaWorkGroup", p.path("WorkGroup").path("Ref").asText(), id);
            List<String> unknown = NamedQuerySql.unknownIdentifiers(p.path("QueryString").asText(), columns);
            assertEquals(List.of(), unknown, id + " names columns articles_clean does not have");
        });
        assertEquals(List.of("headline", "headline"), NamedQuerySql.unknownIdentifiers(
                "SELECT headline, count(*) AS n FROM articles_clean WHERE dt = ? GROUP BY headline", columns),
                "the check finds a column that does not exist");
    }
}
