package dev.newsharvester.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsharvester.cli.CliRun;
import dev.newsharvester.local.DemoSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --log-format json}: the functions' log lines and EMF documents on stderr, the report still on stdout. */
class LogFormatIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** The JSON lines of stderr; lines of the embedded store's own logging (not ours) start otherwise. */
    private static List<JsonNode> jsonLines(String err) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : err.split("\n")) {
            if (line.startsWith("{")) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    private static List<JsonNode> withMessage(List<JsonNode> lines, String prefix) {
        return lines.stream().filter(l -> l.path("message").asText().startsWith(prefix)).toList();
    }

    @Test
    void harvestPrintsTheFunctionsLogLinesAndMetricsOnStderr() throws Exception {
        try (DemoSite site = DemoSite.start()) {
            Path outlets = tmp.resolve("outlets.yaml");
            Files.writeString(outlets, site.outletsYaml(), StandardCharsets.UTF_8);
            CliRun r = CliRun.of("harvest", "--log-format", "json", "--outlets", "unn", "--config", outlets.toString(),
                    "--allow-private", "127.0.0.1/32", "--data", tmp.resolve("store").toString(), "--json");
            assertEquals(0, r.code(), r.err());
            JsonNode report = JSON.readTree(r.out()).path("outlets").get(0);   // stdout: the report, as without it
            assertEquals("unn", report.path("outlet").asText());

            List<JsonNode> lines = jsonLines(r.err());
            assertFalse(r.err().contains("harvest: "), "no text progress: " + r.err());
            List<JsonNode> articles = withMessage(lines, "article ");
            assertEquals(report.path("fetched").asInt(), articles.size(), r.err());
            for (JsonNode a : articles) {
                assertEquals("news-harvester", a.path("service").asText());
                assertEquals("unn", a.path("outlet").asText());
                assertTrue(a.path("url").asText().startsWith(site.origin("unn").toString()), a.toString());
                assertEquals("NEW", a.path("outcome").asText(), a.toString());
                assertTrue(a.path("bytes").asLong() > 0 && a.has("durationMs") && a.has("timestamp"), a.toString());
            }
            List<JsonNode> outletLines = withMessage(lines, "outlet report");
            assertEquals(1, outletLines.size());
            assertEquals(report.path("discovered").asInt(), outletLines.get(0).path("discovered").asInt());

            List<JsonNode> emf = lines.stream().filter(l -> l.has("_aws")).toList();
            JsonNode outletDoc = emf.stream().filter(d -> d.path("Outlet").asText().equals("unn")).findFirst().orElseThrow();
            assertEquals(report.path("discovered").asInt(), outletDoc.path("DiscoveredUrls").asInt(), outletDoc.toString());
            assertEquals(articles.size(), outletDoc.path("NewArticles").asInt(), outletDoc.toString());
            assertEquals("NewsHarvester", outletDoc.path("_aws").path("CloudWatchMetrics").get(0).path("Namespace").asText());
        }
    }

    @Test
    void demoLogsEachRoundAsAnInvocation() throws Exception {
        CliRun r = CliRun.of("demo", "--log-format", "json", "--data", tmp.resolve("demo").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("== Round 2"), "stdout keeps the demo's own story: " + r.out());
        List<JsonNode> lines = jsonLines(r.err());
        assertEquals(12, withMessage(lines, "outlet report").size(),
                "three outlets, four harvests (round 3 looks twice): " + r.err());
        List<JsonNode> revised = withMessage(lines, "article REVISED");
        assertEquals(2, revised.size(), r.err());
        assertTrue(revised.get(0).path("url").asText().endsWith(PipelineIT.HEATING), revised.toString());
        assertTrue(revised.get(1).path("url").asText().endsWith(DemoRound3IT.HEADLINED), revised.toString());
        assertEquals(1, withMessage(lines, "article DELETED").size(), r.err());
        assertEquals(1, withMessage(lines, "article REDIRECTED").size(), r.err());
        assertEquals(4, lines.stream().filter(l -> l.has("_aws") && l.path("Outlet").asText().equals("unn")).count(),
                "each round flushed its own metrics: " + r.err());
        int secondRound = lines.indexOf(withMessage(lines, "outlet report").get(3));
        lines.subList(secondRound, lines.size()).stream().filter(l -> !l.has("_aws"))
                .forEach(l -> assertFalse(l.path("cold_start").asBoolean(), "round 2 is warm: " + l));
    }
}
