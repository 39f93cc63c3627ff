package dev.newsharvester.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsharvester.cli.CliRun;
import dev.newsharvester.fetch.LoopbackHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Free or paywalled end to end: an outlet on loopback serves a free article, a hard-paywalled teaser and a metered
 * article (the extraction fixture pages) through its feed; {@code harvest} stores them in the embedded store and
 * {@code query outlet} and {@code query versions} show each one's access, as a table and in {@code --json}.
 */
class AccessIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HTML = "text/html; charset=utf-8";
    private static final List<String> PAGES = List.of("ledger-library-reopens", "ledger-harbour-teaser", "ledger-budget-metered");

    @TempDir
    Path tmp;

    @Test
    void accessReachesTheIndexAndTheQueries() throws Exception {
        try (LoopbackHttpServer site = LoopbackHttpServer.start()) {
            StringBuilder items = new StringBuilder();
            for (String page : PAGES) {
                String path = "/news/" + page;
                site.content(path, HTML, fixture(page).replace("https://northgateledger.example/news/2025/10/1", site.base() + "/old/"));
                items.append("<item><title>").append(page).append("</title><link>").append(site.base()).append(path)
                        .append("</link><pubDate>Thu, 16 Oct 2025 07:15:00 GMT</pubDate></item>\n");
            }
            site.content("/rss.xml", "application/rss+xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">"
                    + "<channel><title>Northgate Ledger</title><link>" + site.base() + "/</link>\n" + items + "</channel></rss>\n");
            Path outlets = tmp.resolve("outlets.yaml");
            Files.writeString(outlets, """
                    outlets:
                      - id: ledger
                        name: Northgate Ledger
                        language: en
                        timezone: Europe/London
                        feeds: [%s/rss.xml]
                        sitemaps: []
                        listings: []
                        articlePattern: '^%s/news/'
                    """.formatted(site.base(), Pattern.quote(site.base())));
            String data = tmp.resolve("store").toString();
            CliRun harvest = CliRun.of("harvest", "--config", outlets.toString(), "--allow-private", "127.0.0.1/32",
                    "--data", data, "--json");
            assertEquals(0, harvest.code(), harvest.err() + harvest.out());

            JsonNode rows = JSON.readTree(ok(CliRun.of("query", "outlet", "ledger", "--data", data, "--json")));
            assertEquals(3, rows.size(), rows.toString());
            Map<String, JsonNode> byPage = new HashMap<>();
            rows.forEach(r -> byPage.put(r.path("url").asText().replaceAll(".*/news/", ""), r.path("access")));
            assertAccess(byPage.get("ledger-library-reopens"), "TRUE", false, false);
            assertAccess(byPage.get("ledger-harbour-teaser"), "FALSE", true, true);
            assertAccess(byPage.get("ledger-budget-metered"), "FALSE", true, false);

            String table = ok(CliRun.of("query", "outlet", "ledger", "--data", data));
            assertTrue(table.lines().anyMatch(l -> l.contains("paywalled, cut off") && l.contains("ledger-harbour-teaser")), table);
            assertTrue(table.lines().anyMatch(l -> l.contains(" free ") && l.contains("ledger-library-reopens")), table);

            String teaser = site.base() + "/news/ledger-harbour-teaser";
            JsonNode history = JSON.readTree(ok(CliRun.of("query", "versions", teaser, "--data", data, "--json")));
            assertAccess(history.get(0).path("version").path("access"), "FALSE", true, true);
            String versions = ok(CliRun.of("query", "versions", site.base() + "/news/ledger-budget-metered", "--data", data));
            assertTrue(versions.contains("paywalled") && !versions.contains("cut off"), versions);
        }
    }

    private static void assertAccess(JsonNode access, String free, boolean paywalled, boolean truncated) {
        assertEquals(free, access.path("free").asText(), access::toString);
        assertEquals(paywalled, access.path("paywalled").asBoolean(), access::toString);
        assertEquals(truncated, access.path("truncated").asBoolean(), access::toString);
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = AccessIT.class.getResourceAsStream("/extract/" + name + ".html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String ok(CliRun r) {
        assertEquals(0, r.code(), r.err() + r.out());
        return r.out();
    }
}
