package dev.newsharvester.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsharvester.local.DemoSite;
import dev.newsharvester.local.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fast answers: on a store harvested from the loopback demo site, the commands answered from the index ({@code query
 * outlet}, {@code query hash}, {@code query versions} of a one-version URL, {@code status}) answer without starting
 * s3proxy; {@code query diff} reads two clean copies from the store's files, without it, and answers the same.
 */
class ReadCommandsStartTest {

    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void harvestTheDemoSite() throws Exception {
        data = tmp.resolve("store");
        try (DemoSite site = DemoSite.start()) {
            Path outlets = Files.writeString(tmp.resolve("outlets.yaml"), site.outletsYaml());
            CliRun harvest = CliRun.of("harvest", "--data", data.toString(), "--config", outlets.toString(),
                    "--allow-private", "127.0.0.1/32", "--outlets", "unn");
            assertEquals(0, harvest.code(), harvest.err() + harvest.out());
        }
    }

    @Test
    void indexOnlyCommandsDoNotStartS3ProxyAndTheArchiveStartsItOnFirstRead() throws Exception {
        long before = LocalStack.s3ProxyStarts();

        CliRun outlet = CliRun.of("query", "outlet", "unn", "--json", "--data", data.toString());
        assertEquals(0, outlet.code(), outlet.err());
        JsonNode rows = Json.MAPPER.readTree(outlet.out());
        assertEquals(5, rows.size(), outlet.out());
        String url = rows.get(0).path("url").asText();
        String hash = rows.get(0).path("hash").asText();

        CliRun byHash = CliRun.of("query", "hash", hash, "--data", data.toString());
        assertEquals(0, byHash.code(), byHash.err());
        assertTrue(byHash.out().contains(url) && byHash.out().endsWith("1 row(s)\n"), byHash.out());

        CliRun versions = CliRun.of("query", "versions", url, "--data", data.toString());
        assertEquals(0, versions.code(), versions.err());
        assertTrue(versions.out().contains("(first version)"), versions.out());

        CliRun status = CliRun.of("status", "--outlets", "unn", "--json", "--data", data.toString());
        assertEquals(0, status.code(), status.err());
        assertEquals(5, Json.MAPPER.readTree(status.out()).path("outlets").get(0).path("day").path("counts").path("NEW").asInt(),
                status.out());

        assertEquals(before, LocalStack.s3ProxyStarts(), "query outlet/hash/versions (one version) and status started s3proxy");

        CliRun diff = CliRun.of("query", "diff", url, "--json", "--data", data.toString());
        assertEquals(0, diff.code(), diff.err());
        JsonNode d = Json.MAPPER.readTree(diff.out());
        assertEquals(hash, d.path("to").asText());
        assertEquals("", d.path("diff").asText(), "one version compared with itself");
        assertEquals(before, LocalStack.s3ProxyStarts(), "query diff reads its clean copies from the store's files:"
                + " no s3proxy");

        CliRun two = CliRun.of("query", "outlet", "unn", "--limit", "2", "--json", "--data", data.toString());
        assertEquals(0, two.code(), two.err());
        assertEquals(2, Json.MAPPER.readTree(two.out()).size(), two.out());
        assertTrue(two.err().contains("the newest 2 articles of unn; there are more: --limit 0 lists them all"), two.err());
        CliRun bad = CliRun.of("query", "outlet", "unn", "--limit", "-1", "--data", data.toString());
        assertEquals("error: --limit must be 0 (all) or more, was -1\n", bad.err());

        CliRun changes = CliRun.of("query", "changes", "--kind", "new", "--json", "--data", data.toString());
        assertEquals(0, changes.code(), changes.err());
        JsonNode news = Json.MAPPER.readTree(changes.out());
        assertEquals(5, news.size(), changes.out());
        news.forEach(e -> assertEquals("unn", e.path("outlet").asText()));
        assertEquals(before, LocalStack.s3ProxyStarts(), "query changes reads the change log from the store's files");

        Path file = tmp.resolve("unn.jsonl");
        CliRun export = CliRun.of("export", "--outlet", "unn", "--format", "jsonl", "--out", file.toString(),
                "--config", tmp.resolve("outlets.yaml").toString(), "--data", data.toString());
        assertEquals(0, export.code(), export.err());
        assertEquals(5, Files.readAllLines(file).size());
        assertTrue(Files.readAllLines(file).stream().allMatch(l -> l.contains("\"text\":\"")), "with the clean copies' text");
        assertEquals(before, LocalStack.s3ProxyStarts(), "export reads its clean copies from the store's files");
    }
}
