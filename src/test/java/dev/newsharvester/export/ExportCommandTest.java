package dev.newsharvester.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsharvester.cli.CliRun;
import dev.newsharvester.pipeline.ExportArchiveFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export} on a store harvested from a loopback city paper (one article revised, one deleted): the rows and
 * columns of each format, the version and time selection, and the one-line errors.
 */
class ExportCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path data;
    static ExportArchiveFixture site;

    @BeforeAll
    static void harvest() throws Exception {
        data = dir.resolve("store");
        site = ExportArchiveFixture.build(data, dir);
    }

    static CliRun export(String... args) {
        List<String> all = new ArrayList<>(List.of("export", "--data", data.toString(), "--config", site.outletsFile().toString()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    /** Exports to a new file in {@code dir} and returns its path, failing on a non-zero exit. */
    static Path exported(String name, String... args) {
        Path out = dir.resolve(name);
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--out", out.toString()));
        CliRun run = export(all.toArray(String[]::new));
        assertEquals(0, run.code(), run.err());
        return out;
    }

    static List<JsonNode> jsonl(Path file) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            rows.add(JSON.readTree(line));
        }
        return rows;
    }

    static JsonNode rowOf(List<JsonNode> rows, int topic) {
        return rows.stream().filter(r -> r.path("url").asText().equals(site.urls().get(topic))).reduce((a, b) -> b).orElseThrow();
    }

    static List<String> names() {
        return ExportColumns.all().stream().map(Column::name).toList();
    }

    @Test
    void latestVersionsCarryEveryFieldWhatChangedAndTheirState() throws Exception {
        Path out = dir.resolve("latest.jsonl");
        CliRun run = export("--format", "jsonl", "--out", out.toString(), "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode summary = JSON.readTree(run.out());
        assertEquals(5, summary.path("rows").asInt());
        assertEquals(Files.size(out), summary.path("bytes").asLong());

        List<JsonNode> rows = jsonl(out);
        assertEquals(5, rows.size());
        for (JsonNode r : rows) {
            List<String> keys = new ArrayList<>();
            r.fieldNames().forEachRemaining(keys::add);
            assertEquals(names(), keys, "every column, in order, in every row");
            assertEquals(site.outlet(), r.path("outlet").asText());
            assertTrue(r.path("is_latest").asBoolean());
            assertTrue(r.path("text").asText().length() > 500, r.path("text").asText());
        }
        JsonNode revised = rowOf(rows, 0);
        assertEquals(List.of(2, 2), List.of(revised.path("version_number").asInt(), revised.path("version_count").asInt()));
        assertEquals(site.revisedTitle(), revised.path("title").asText());
        assertEquals(site.titles().get(0), revised.path("headline_before").asText());
        assertEquals(site.revisedTitle(), revised.path("headline_after").asText());
        assertEquals(List.of(ExportArchiveFixture.AUTHOR_AFTER), strings(revised.path("authors")));
        assertEquals(List.of(ExportArchiveFixture.AUTHOR_AFTER), strings(revised.path("authors_added")));
        assertEquals(List.of(ExportArchiveFixture.AUTHOR_BEFORE), strings(revised.path("authors_removed")));
        int added = revised.path("words_added").asInt();
        int removed = revised.path("words_removed").asInt();
        assertTrue(added > 0 && removed > 0, revised::toString);
        assertEquals(6, added - removed, "'A pensioner waiting' became 'An elderly woman ..., who asked not to be named,'");
        assertEquals(1, revised.path("paragraphs_added").asInt());
        assertTrue(revised.path("previous_hash").isTextual());
        assertEquals("live", revised.path("state").asText());
        assertEquals("2025-11-10T05:15:00Z", revised.path("published").asText());

        JsonNode deleted = rowOf(rows, 2);
        assertEquals("deleted", deleted.path("state").asText());
        assertEquals(410, deleted.path("state_http_status").asInt());
        assertNotNull(Instant.parse(deleted.path("state_since").asText()));
        assertEquals(site.titles().get(2), deleted.path("title").asText(), "a deleted article keeps its last text");
        for (int t : new int[] {1, 2, 3, 4}) {
            JsonNode r = rowOf(rows, t);
            assertEquals(1, r.path("version_number").asInt());
            assertTrue(r.path("previous_hash").isNull() && r.path("words_added").isNull() && r.path("headline_before").isNull());
        }
        assertTrue(rowOf(rows, 1).path("state").asText().equals("live") && rowOf(rows, 1).path("state_since").isNull());
    }

    @Test
    void allVersionsAndTimeRanges() throws Exception {
        List<JsonNode> all = jsonl(exported("all.jsonl", "--format", "jsonl", "--versions", "all", "--outlet", site.outlet()));
        assertEquals(6, all.size());
        List<JsonNode> first = all.stream().filter(r -> r.path("url").asText().equals(site.urls().get(0))).toList();
        assertEquals(List.of(1, 2), first.stream().map(r -> r.path("version_number").asInt()).toList(), "oldest first");
        assertEquals(List.of(false, true), first.stream().map(r -> r.path("is_latest").asBoolean()).toList());
        assertTrue(first.get(0).path("previous_hash").isNull());
        assertEquals(first.get(0).path("version_hash").asText(), first.get(1).path("previous_hash").asText());
        assertEquals(site.titles().get(0), first.get(0).path("title").asText());
        assertEquals(List.of(ExportArchiveFixture.AUTHOR_BEFORE), strings(first.get(0).path("authors")));

        // published 10..14 November, 07:15..09:15 Kyiv time
        List<JsonNode> late = jsonl(exported("since.jsonl", "--format", "jsonl", "--since", "2025-11-12"));
        assertEquals(site.urls().subList(2, 5), late.stream().map(r -> r.path("url").asText()).sorted().toList());
        List<JsonNode> firstDay = jsonl(exported("day.jsonl", "--format", "jsonl", "--versions", "all",
                "--since", "2025-11-10", "--until", "2025-11-10"));
        assertEquals(2, firstDay.size(), "--until DATE takes the whole day");
        List<JsonNode> none = jsonl(exported("none.jsonl", "--format", "jsonl", "--since", "2025-11-10T05:15:00.001Z",
                "--until", "2025-11-11T06:15:00Z"));
        assertEquals(List.of(site.urls().get(1)), none.stream().map(r -> r.path("url").asText()).toList(), "bounds inclusive");
    }

    @Test
    void csvHasTheSameRowsAsJsonlQuotedAsRfc4180Says() throws Exception {
        List<JsonNode> rows = jsonl(exported("cmp.jsonl", "--format", "jsonl", "--versions", "all"));
        Path csv = exported("cmp.csv", "--format", "csv", "--versions", "all");
        String raw = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(raw.contains("\"" + site.revisedTitle() + "\""), "a headline with a comma is quoted");
        List<List<String>> records = Rfc4180.parse(raw);
        assertEquals(names(), records.get(0), "the header row");
        assertEquals(rows.size() + 1, records.size());
        assertTrue(raw.endsWith("\r\n") && raw.split("\r\n", -1).length > records.size(), "CRLF; bodies keep their newlines");
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < names().size(); c++) {
                assertEquals(text(rows.get(i).get(names().get(c))), records.get(i + 1).get(c), names().get(c) + " of row " + i);
            }
        }
        assertTrue(rows.stream().anyMatch(r -> r.path("text").asText().contains("\n")), "bodies with newlines were tested");
    }

    @Test
    void parquetHasTheSameRowsAsJsonlWithTypedColumns() throws Exception {
        List<JsonNode> rows = jsonl(exported("cmp2.jsonl", "--format", "jsonl", "--versions", "all"));
        Path parquet = exported("cmp.parquet", "--format", "parquet", "--versions", "all");
        List<Column> columns = ExportColumns.all();
        String select = columns.stream().map(c -> c.type() == Column.Type.TIMESTAMP ? "epoch_ms(" + c.name() + ") AS " + c.name()
                : c.name()).collect(Collectors.joining(", "));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            List<String> types = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + parquet + "')")) {
                while (rs.next()) {
                    types.add(rs.getString("column_type"));
                }
            }
            assertEquals(columns.stream().map(c -> switch (c.type()) {
                case STRING, STRINGS -> "VARCHAR";
                case INT -> "INTEGER";
                case BOOLEAN -> "BOOLEAN";
                case TIMESTAMP -> "TIMESTAMP WITH TIME ZONE";
            }).toList(), types);
            int i = 0;
            try (ResultSet rs = st.executeQuery("SELECT " + select + " FROM read_parquet('" + parquet
                    + "', file_row_number = true) ORDER BY file_row_number")) {
                while (rs.next()) {
                    JsonNode row = rows.get(i);
                    for (Column c : columns) {
                        JsonNode v = row.get(c.name());
                        Object expected = v.isNull() ? null : switch (c.type()) {
                            case STRING, STRINGS -> text(v);
                            case INT -> v.asInt();
                            case BOOLEAN -> v.asBoolean();
                            case TIMESTAMP -> Instant.parse(v.asText()).toEpochMilli();
                        };
                        assertEquals(expected, rs.getObject(c.name()), c.name() + " of row " + i);
                    }
                    i++;
                }
            }
            assertEquals(rows.size(), i);
        }
    }

    @Test
    void badInputIsOneLineAndWritesNothing() throws Exception {
        Path existing = Files.writeString(dir.resolve("keep.csv"), "keep me");
        assertError("error: --out: " + existing + " exists; export never overwrites: give a new file name or remove the"
                + " file first", "--format", "csv", "--out", existing.toString());
        assertEquals("keep me", Files.readString(existing));
        Path out = dir.resolve("never.csv");
        assertError("error: --format: 'xml' is not a format: give jsonl, csv or parquet", "--format", "xml", "--out", out.toString());
        assertError("error: --since 2025-11-14T00:00:00Z is after --until 2025-11-10T23:59:59.999Z: give the earlier time"
                + " to --since", "--format", "csv", "--since", "2025-11-14", "--until", "2025-11-10", "--out", out.toString());
        assertError("error: unknown outlet 'nowhere' (configured: " + site.outlet() + ")", "--format", "csv", "--outlet",
                "nowhere", "--out", out.toString());
        assertError("error: --versions: 'some' is not latest or all", "--format", "csv", "--versions", "some", "--out",
                out.toString());
        CliRun noIndex = export("--format", "csv", "--query", "tram", "--out", out.toString());
        assertEquals(1, noIndex.code(), noIndex.out());
        assertTrue(noIndex.err().startsWith("error: no search index in ") && noIndex.err().contains("reindex")
                && noIndex.err().strip().lines().count() == 1, noIndex.err());
        assertError("error: --out FILE is required (or --aws --unload s3://BUCKET/FOLDER/ to have Athena write the export)",
                "--format", "csv");
        assertFalse(Files.exists(out));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".part")).toList(),
                    "no temporary file is left behind");
        }
    }

    private static void assertError(String expected, String... args) {
        CliRun run = export(args);
        assertEquals(1, run.code(), run.out());
        assertEquals(expected + "\n", run.err());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** A JSONL value as CSV and Parquet carry it: null empty, lists joined. */
    private static String text(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        return v.isArray() ? String.join(ExportColumns.LIST_SEPARATOR, strings(v)) : v.asText();
    }
}
