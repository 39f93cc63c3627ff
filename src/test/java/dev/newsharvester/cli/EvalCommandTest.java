package dev.newsharvester.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval} over small datasets laid out like the shared ones, built from the project's own
 * extraction fixtures (fictional outlets): figures from a run equal the figures of its written
 * outputs scored again, per-page reports rank the worst first, wrong folders are refused.
 */
class EvalCommandTest {

    @TempDir
    Path tmp;

    /** Fixture page, its URL, and the expected metadata the fixture tests state for it. */
    record Fixture(String name, String url, String title, List<String> authors, String published) {
    }

    private static final List<Fixture> FIXTURES = List.of(
            new Fixture("herald-night-train-en", "https://www.uherald.example/eng/news/2025/09/12/7524410/",
                    "Night train to Vienna: Ukrainian Railways to link the two capitals from October",
                    List.of("Mariia Dovzhenko", "Taras Bilyk"), "2025-09-12 15:02:00+03:00"),
            new Fixture("herald-lviv-heating-uk", "https://www.uherald.example/news/2025/10/03/7527702/",
                    "Львів достроково почне опалювальний сезон через похолодання", List.of("Ірина Коваль"), "2025-10-03 09:15:00+03:00"),
            new Fixture("gazette-wind-farm", "https://harbourgazette.example/2025/06/18/council-backs-offshore-wind-farm-plan/",
                    "Council backs offshore wind farm plan", List.of("Jane Doe", "Tom O'Neill"), "2025-06-18 07:30:00+01:00"),
            // A deliberately wrong expectation, so the metadata checks have something to miss.
            new Fixture("cna-night-train", "https://cna.example/en/news/1457392-ukrzaliznytsia-launches-direct-night-train-from-kyiv-to-vienna",
                    "A headline this page does not carry", List.of("Nobody Atall"), "2001-01-01 00:00:00"));

    private static String resource(String path) throws IOException {
        try (InputStream in = EvalCommandTest.class.getResourceAsStream("/extract/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path aebDataset() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("aeb"));
        for (Fixture f : FIXTURES) {
            Files.writeString(dir.resolve(f.name() + ".html"), resource(f.name() + ".html"));
            ObjectNode o = Json.MAPPER.createObjectNode().put("url", f.url()).put("articleBody", resource(f.name() + ".expected.txt"));
            Json.MAPPER.writeValue(dir.resolve(f.name() + ".json").toFile(), o);
        }
        // A section front: nothing to extract, an empty expected body.
        Files.writeString(dir.resolve("cna-economy-listing.html"), resource("cna-economy-listing.html"));
        Json.MAPPER.writeValue(dir.resolve("cna-economy-listing.json").toFile(),
                Json.MAPPER.createObjectNode().put("url", "https://cna.example/en/economy/").put("articleBody", ""));
        return dir;
    }

    private Path fundusDataset() throws IOException {
        Path dir = tmp.resolve("news");
        int i = 0;
        for (Fixture f : FIXTURES) {
            Path pub = Files.createDirectories(dir.resolve(i % 2 == 0 ? "ua" : "uk").resolve("Publisher" + i));
            String name = "Publisher" + i++ + "_2025_09_12";
            Files.writeString(pub.resolve(name + ".html"), resource(f.name() + ".html"));
            ObjectNode o = Json.MAPPER.createObjectNode().put("url", f.url()).put("title", f.title()).put("published", f.published())
                    .put("body_text", resource(f.name() + ".expected.txt"));
            f.authors().forEach(o.putArray("authors")::add);
            Json.MAPPER.writeValue(pub.resolve(name + ".json").toFile(), o);
        }
        Files.writeString(dir.resolve("SCHEMA.md"), "# not a page\n");
        return dir;
    }

    private static JsonNode json(CliRun run) throws IOException {
        assertEquals(0, run.code(), run.err());
        return Json.MAPPER.readTree(run.out());
    }

    private static void assertSameFigures(JsonNode a, JsonNode b, String... fields) {
        for (String f : fields) {
            assertTrue(a.has(f), f + " in " + a);
            assertEquals(a.path(f).asDouble(), b.path(f).asDouble(), 1e-12, f);
        }
    }

    @Test
    void aebFiguresOfARunEqualThoseOfItsOutputsScoredAgain() throws IOException {
        Path data = aebDataset();
        Path out = tmp.resolve("ours");
        Path perPage = tmp.resolve("worst.json");
        JsonNode run = json(CliRun.of("eval", "aeb", data.toString(), "--out", out.toString(), "--per-page", perPage.toString(),
                "--bootstrap", "200", "--json"));
        assertEquals(5, run.path("pages").asInt());
        assertEquals(0, run.path("missing").asInt());
        assertEquals(1, run.path("threads").asInt());
        assertTrue(run.path("pages_per_second").asDouble() > 0);
        for (Fixture f : FIXTURES) {
            assertTrue(Files.isRegularFile(out.resolve(f.name() + ".txt")), f.name());
        }

        JsonNode again = json(CliRun.of("eval", "aeb", data.toString(), "--score-only", out.toString(), "--bootstrap", "200", "--json"));
        assertEquals("ours", again.path("name").asText());
        assertFalse(again.has("pages_per_second"), "scoring alone times nothing");
        assertSameFigures(run, again, "precision", "recall", "f1", "accuracy", "precision_std", "recall_std", "f1_std",
                "accuracy_std", "empty");

        JsonNode rows = Json.MAPPER.readTree(perPage.toFile());
        assertEquals(5, rows.size());
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i - 1).path("f1").asDouble() <= rows.get(i).path("f1").asDouble(), "worst first: " + rows);
        }
        JsonNode listing = rows.get(0);
        assertEquals("cna-economy-listing", listing.path("id").asText(), "nothing expected, so F1 0: " + rows);
        assertTrue(listing.path("recall").isNull(), "no truth, no recall");
        assertTrue(Files.isRegularFile(Path.of(listing.path("path").asText())));
    }

    @Test
    void aebTextIsThePythonScorersLineWithSpeedAndTargets() throws IOException {
        CliRun run = CliRun.of("eval", "aeb", aebDataset().toString(), "--bootstrap", "0");
        assertEquals(0, run.code(), run.err());
        String[] lines = run.out().split("\n");
        assertTrue(lines[0].matches("news-harvester {11}P=\\d\\.\\d{3}  R=\\d\\.\\d{3}  F1=\\d\\.\\d{3}  acc=\\d\\.\\d{3}"
                + "  pages=5 missing=0 empty=\\d"), lines[0]);
        assertTrue(run.out().contains("pages/s (1 thread, 2 timed passes after 2 warm-up passes)"), run.out());
        assertTrue(run.out().contains("total wall time: "), run.out());
        assertTrue(run.out().contains("targets: body F1 ≥ 0.975: "), run.out());
    }

    @Test
    void fundusComparesMetadataAndReportsExpectedAgainstExtracted() throws IOException {
        Path data = fundusDataset();
        Path out = tmp.resolve("news-out");
        Path perPage = tmp.resolve("news-worst.json");
        JsonNode run = json(CliRun.of("eval", "fundus", data.toString(), "--out", out.toString(), "--per-page", perPage.toString(),
                "--json"));
        assertEquals(4, run.path("pages").asInt());
        assertEquals(4, run.path("authors_pages").asInt());
        assertEquals(4, run.path("published_pages").asInt());
        assertTrue(run.path("title").asDouble() <= 0.75, "one expected title is wrong: " + run);

        JsonNode again = json(CliRun.of("eval", "fundus", data.toString(), "--score-only", out.toString(), "--json"));
        assertSameFigures(run, again, "body_precision", "body_recall", "body_f1", "title", "authors", "published");

        JsonNode rows = Json.MAPPER.readTree(perPage.toFile());
        assertEquals(4, rows.size());
        JsonNode wrong = null;
        for (JsonNode row : rows) {
            JsonNode written = Json.MAPPER.readTree(out.resolve(row.path("id").asText() + ".json").toFile());
            assertEquals(written.path("title"), row.path("got").path("title"), "got is what extract --json wrote");
            assertEquals(written.path("authors"), row.path("got").path("authors"));
            if (row.path("expected").path("title").asText().equals("A headline this page does not carry")) {
                wrong = row;
            }
        }
        assertFalse(wrong.path("titleOk").asBoolean());
        assertFalse(wrong.path("authorsOk").asBoolean());
        assertFalse(wrong.path("publishedOk").asBoolean());
    }

    @Test
    void threadsChangeTheSpeedNotTheFigures() throws IOException {
        Path data = aebDataset();
        JsonNode one = json(CliRun.of("eval", "aeb", data.toString(), "--bootstrap", "0", "--json"));
        JsonNode two = json(CliRun.of("eval", "aeb", data.toString(), "--bootstrap", "0", "--threads", "2", "--json"));
        assertEquals(2, two.path("threads").asInt());
        assertSameFigures(one, two, "precision", "recall", "f1", "accuracy");
    }

    @Test
    void refusesFoldersThatAreNotSuchADataset() throws IOException {
        Path aeb = aebDataset();
        Path news = fundusDataset();
        CliRun asAeb = CliRun.of("eval", "aeb", news.toString());
        assertEquals(1, asAeb.code());
        assertTrue(asAeb.err().contains("is not an AEB dataset: no ID.json files in it"), asAeb.err());

        CliRun asFundus = CliRun.of("eval", "fundus", aeb.toString());
        assertEquals(1, asFundus.code());
        assertTrue(asFundus.err().contains("is not a fundus dataset: ") && asFundus.err().contains("has no body_text"), asFundus.err());

        CliRun none = CliRun.of("eval", "aeb", tmp.resolve("nowhere").toString());
        assertEquals(1, none.code());
        assertTrue(none.err().contains("no such directory: "), none.err());

        Files.delete(aeb.resolve("gazette-wind-farm.html"));
        CliRun incomplete = CliRun.of("eval", "aeb", aeb.toString());
        assertTrue(incomplete.err().contains("gazette-wind-farm.json has no gazette-wind-farm.html beside it"), incomplete.err());

        CliRun both = CliRun.of("eval", "aeb", aeb.toString(), "--score-only", tmp.toString(), "--out", tmp.resolve("x").toString());
        assertEquals(1, both.code());
        assertTrue(both.err().contains("--score-only scores existing outputs"), both.err());

        CliRun kind = CliRun.of("eval", "cleaneval", aeb.toString());
        assertEquals(2, kind.code());
        assertTrue(kind.err().contains("expected one of [aeb, fundus]"), kind.err());
    }
}
