package dev.newsharvester.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsharvester.cli.CliRun;
import dev.newsharvester.local.DemoSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as users call it: demo, query, invoke, extract, with their outputs and errors. */
class CliIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void demoShowsTheFourOutcomesAndQueryListsWhatItStored() throws Exception {
        Path data = tmp.resolve("demo");
        CliRun demo = run("demo", "--data", data.toString(), "--quiet");
        assertEquals(0, demo.code(), demo.err());
        String round2 = demo.out().substring(demo.out().indexOf("== Round 2"));
        assertTrue(round2.contains("UNCHANGED"), demo.out());
        assertTrue(round2.contains("REVISED    /en/news/kyiv-prepares-for-the-heating-season"), demo.out());
        assertTrue(round2.contains("DUPLICATE  agg /story/2025/08/22/ukraine-has-threshed"), demo.out());
        String story = demo.out().substring(demo.out().indexOf("== Same story"));
        assertTrue(story.contains("/en/news/head-of-nato-military-committee") && story.contains("/eng/news/2025/08/23/7528185/"), demo.out());

        CliRun query = run("query", "outlet", "unn", "--data", data.toString(), "--json");
        assertEquals(0, query.code(), query.err());
        JsonNode rows = JSON.readTree(query.out());
        assertEquals(6, rows.size(), "five articles, one of them at two addresses since round 3: " + query.out());
        rows.forEach(r -> assertEquals("unn", r.path("outlet").asText()));

        // A second demo in the same directory starts afresh (the directory is the demo's own).
        CliRun again = run("demo", "--data", data.toString(), "--quiet");
        assertEquals(0, again.code(), again.err());
        assertEquals(6, JSON.readTree(run("query", "outlet", "unn", "--data", data.toString(), "--json").out()).size());
    }

    /** The query subcommands (JSON and table) and reprocess, on the store the demo leaves. */
    @Test
    void queriesAndReprocessAnswerOnTheDemoStore() throws Exception {
        Path data = tmp.resolve("demo-queries");
        assertEquals(0, run("demo", "--data", data.toString(), "--quiet").code());
        String d = data.toString();
        JsonNode unnRows = JSON.readTree(ok(run("query", "outlet", "unn", "--data", d, "--json")));
        String nato = url(unnRows, PipelineIT.DRAGONE);
        String heating = url(unnRows, PipelineIT.HEATING);
        String grain = url(unnRows, PipelineIT.GRAIN);

        JsonNode story = JSON.readTree(ok(run("query", "story", nato, "--json", "--data", d)));
        assertTrue(story.get(0).path("article").path("url").asText().endsWith(PipelineIT.UP_DRAGONE), story.toString());
        assertTrue(story.get(0).path("score").asDouble() >= 0.2, story.toString());

        JsonNode similar = JSON.readTree(ok(run("query", "similar", grain, "--json", "--data", d)));
        assertEquals(1, similar.size(), similar.toString());
        assertEquals(0, similar.get(0).path("distance").asInt());
        assertTrue(similar.get(0).path("article").path("url").asText().endsWith(PipelineIT.AGG_GRAIN), similar.toString());

        String versions = ok(run("query", "versions", heating, "--data", d));
        assertTrue(versions.contains("(first version)") && versions.contains("paragraphs edited"), versions);

        Path page = tmp.resolve("diff.html");
        JsonNode diff = JSON.readTree(ok(run("query", "diff", heating, "--html", page.toString(), "--json", "--data", d)));
        assertTrue(diff.path("diff").asText().lines().anyMatch(l -> l.startsWith("+") && !l.startsWith("+++")), diff.toString());
        String html = Files.readString(page);
        assertTrue(html.contains("<ins>") && html.contains("<del>"), html);

        // story ids in an export: the two outlets' Dragone reports share one, a copy shares its original's, others differ
        Path stories = tmp.resolve("stories.jsonl");
        ok(run("export", "--stories", "--format", "jsonl", "--out", stories.toString(), "--config",
                data.resolve("outlets.yaml").toString(), "--data", d));
        Map<String, String> storyOf = new HashMap<>();
        for (String line : Files.readAllLines(stories)) {
            JsonNode row = JSON.readTree(line);
            assertTrue(row.path("story_id").asText().matches("[0-9a-f]{16}"), row.toString());
            storyOf.put(row.path("url").asText(), row.path("story_id").asText());
        }
        String upNato = storyOf.keySet().stream().filter(u -> u.endsWith(PipelineIT.UP_DRAGONE)).findFirst().orElseThrow();
        String aggGrain = storyOf.keySet().stream().filter(u -> u.endsWith(PipelineIT.AGG_GRAIN)).findFirst().orElseThrow();
        assertEquals(storyOf.get(nato), storyOf.get(upNato), storyOf.toString());
        assertEquals(storyOf.get(grain), storyOf.get(aggGrain), storyOf.toString());
        assertNotEquals(storyOf.get(nato), storyOf.get(grain));
        assertEquals(dev.newsharvester.store.Archive.urlKey(heating), storyOf.get(heating), "a story of its own");
        Path plain = tmp.resolve("plain.jsonl");
        ok(run("export", "--format", "jsonl", "--out", plain.toString(), "--data", d));
        assertTrue(JSON.readTree(Files.readAllLines(plain).get(0)).path("story_id").isNull(), "filled only when asked");
        assertEquals(storyOf.size(), Files.readAllLines(plain).size(), "without --config the demo's own outlets.yaml: agg too");

        JsonNode reprocess = JSON.readTree(ok(run("reprocess", "--all", "--config", data.resolve("outlets.yaml").toString(),
                "--json", "--data", d)));
        // 13 URLs and round 3's new address; the headline-only edit's body is unchanged too
        assertEquals(14, reprocess.path("examined").asInt(), reprocess.toString());
        assertEquals(14, reprocess.path("unchanged").asInt(), reprocess.toString());
    }

    private static String url(JsonNode rows, String path) {
        for (JsonNode r : rows) {
            if (r.path("url").asText().endsWith(path)) {
                return r.path("url").asText();
            }
        }
        throw new AssertionError("no row for " + path + " in " + rows);
    }

    private static String ok(CliRun r) {
        assertEquals(0, r.code(), r.err() + r.out());
        return r.out();
    }

    @Test
    void demoRefusesADirectoryItDidNotMake() throws Exception {
        Path data = tmp.resolve("precious");
        Files.createDirectories(data);
        Files.writeString(data.resolve("notes.txt"), "mine");
        CliRun demo = run("demo", "--data", data.toString(), "--quiet");
        assertEquals(1, demo.code());
        assertTrue(demo.err().contains("holds files the demo did not make"), demo.err());
        assertTrue(Files.exists(data.resolve("notes.txt")));
    }

    @Test
    void invokeRunsAFunctionOfTheTemplateWithAnEventFile() throws Exception {
        try (DemoSite site = DemoSite.start()) {
            Path outlets = tmp.resolve("outlets.yaml");
            Files.writeString(outlets, site.outletsYaml());
            Path envVars = tmp.resolve("env.json");
            Files.writeString(envVars, JSON.createObjectNode().set("HarvestFunction", JSON.createObjectNode()
                    .put("OUTLETS_URI", outlets.toString()).put("ALLOW_PRIVATE_NETWORKS", "127.0.0.1/32")).toString());
            Path data = tmp.resolve("store");
            CliRun r = run("invoke", "HarvestFunction", "events/harvest-outlets.json", "--env-vars", envVars.toString(),
                    "--data", data.toString());
            assertEquals(0, r.code(), r.err() + r.out());
            JsonNode report = JSON.readTree(r.out());
            assertEquals("unn", report.get(0).path("outlet").asText());
            assertEquals(5, report.get(0).path("counts").path("NEW").asInt(), r.out());
            assertTrue(r.err().contains("dev.newsharvester.lambda.HarvestHandler.handleRequest"), r.err());

            CliRun unknown = run("invoke", "NoSuchFunction", "events/harvest-outlets.json", "--data", data.toString());
            assertEquals(1, unknown.code());
            assertTrue(unknown.err().contains("HarvestFunction, ArticleFunction"), unknown.err());

            CliRun badEvent = run("invoke", "ArticleFunction", "pom.xml", "--data", data.toString());
            assertEquals(1, badEvent.code());
            assertTrue(badEvent.out().contains("event is not valid JSON"), badEvent.out());
        }
    }

    @Test
    void extractPrintsTextOrJsonAndWritesOneFilePerPage() throws Exception {
        Path page = tmp.resolve("page.html");
        try (DemoSite site = DemoSite.start()) {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(site.origin("unn") + PipelineIT.DRAGONE)).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            Files.write(page, response.body());
        }
        CliRun text = run("extract", page.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("Giuseppe Cavo Dragone"));
        assertTrue(text.out().contains("\n\n"), "paragraphs separated by a blank line");

        CliRun json = run("extract", "--json", "--url", "https://unn.ua/en/news/x", page.toString());
        JsonNode o = JSON.readTree(json.out());
        for (String field : new String[] {"url", "title", "authors", "published", "modified", "language", "text", "wordCount", "access", "sha256", "simhash"}) {
            assertTrue(o.has(field), field);
        }
        assertEquals(64, o.path("sha256").asText().length());

        Path out = tmp.resolve("out");
        Path empty = tmp.resolve("empty.html");
        Files.writeString(empty, "");
        CliRun batch = run("extract", "--out", out.toString(), page.toString(), empty.toString());
        assertEquals(1, batch.code(), "one page is not an article");
        assertTrue(batch.err().contains("not an article: " + empty), batch.err());
        assertTrue(Files.readString(out.resolve("page.txt")).contains("Giuseppe Cavo Dragone"));
        assertFalse(Files.exists(out.resolve("empty.txt")), "nothing is written for a page rejected as not an article");

        CliRun several = run("extract", page.toString(), empty.toString());
        assertEquals(1, several.code());
        assertTrue(several.err().contains("several files need --out DIR"), several.err());
        CliRun missing = run("extract", tmp.resolve("nope.html").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    @Test
    void badConfigNamesTheOutletAndTheField() throws Exception {
        Path config = tmp.resolve("bad.yaml");
        Files.writeString(config, "outlets:\n  - id: unn\n    feeds: [https://unn.ua/en/rss/politics_en.xml]\n    revisit: two days\n");
        CliRun r = run("harvest", "--config", config.toString(), "--data", tmp.resolve("s").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("outlet 'unn': field 'revisit'"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(tmp.resolve("s")), "no store is made for a bad outlets file");
    }
}
