package dev.newsharvester.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code search} and {@code reindex} on a store harvested (twice) from loopback sites: the English demo site (round 2
 * revises one article and brings a duplicate) and a Ukrainian and a Russian outlet. The index is the one the harvest
 * kept in step through its change events; the last test rebuilds it from the archive and finds the same answers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Path data;
    static Path outletsFile;

    @BeforeAll
    static void harvestTwice() throws Exception {
        data = tmp.resolve("store");
        try (DemoSite site = DemoSite.start(); CyrillicOutlets cyrillic = new CyrillicOutlets()) {
            Path outlets = tmp.resolve("outlets.yaml");
            outletsFile = outlets;
            Files.writeString(outlets, site.outletsYaml().stripTrailing() + "\n" + cyrillic.outletsYaml(), StandardCharsets.UTF_8);
            String[] harvest = {"harvest", "--config", outlets.toString(), "--allow-private", "127.0.0.1/32", "--data", data.toString()};
            CliRun first = CliRun.of(harvest);
            assertEquals(0, first.code(), first.out() + first.err());
            site.setRound(2);
            CliRun second = CliRun.of(harvest);
            assertEquals(0, second.code(), second.out() + second.err());
            site.setRound(3);   // a headline edit, an article moved (301 to a new slug), one gone (a first 404: only a suspicion)
            CliRun third = CliRun.of(harvest);
            assertTrue(third.code() <= 1, third.out() + third.err());
        }
    }

    private static JsonNode search(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("search"));
        all.addAll(List.of(args));
        all.addAll(List.of("--json", "--data", data.toString()));
        CliRun r = CliRun.of(all.toArray(String[]::new));
        assertEquals(0, r.code(), String.join(" ", all) + ": " + r.err());
        return JSON.readTree(r.out());
    }

    private static List<String> urls(JsonNode results) {
        List<String> out = new ArrayList<>();
        results.path("hits").forEach(h -> out.add(h.path("url").asText()));
        return out;
    }

    private static Map<String, Long> counts(String query, String by, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of(query, "--count-by", by));
        args.addAll(List.of(more));
        Map<String, Long> out = new TreeMap<>();
        search(args.toArray(String[]::new)).forEach(c -> out.put(c.path(by).asText(), c.path("count").asLong()));
        return out;
    }

    private static String path(CyrillicOutlets.Page p) {
        return p.path();
    }

    @Test
    @Order(1)
    void englishWordsAreStemmedAndDuplicatesAreArticlesOfTheirOwnUrl() throws Exception {
        JsonNode r = search("threshing");   // the text says "threshed"
        List<String> urls = urls(r);
        assertTrue(urls.stream().anyMatch(u -> u.contains("/en/news/ukraine-has-threshed")), r.toString());
        assertTrue(urls.stream().anyMatch(u -> u.contains("/story/2025/08/22/ukraine-has-threshed")),
                "the aggregator's duplicate is found under its own URL: " + r);
        JsonNode dup = r.path("hits").get(urls.indexOf(urls.stream().filter(u -> u.contains("/story/")).findFirst().orElseThrow()));
        assertEquals("agg", dup.path("outlet").asText(), dup.toString());
        for (JsonNode h : r.path("hits")) {
            assertTrue(h.path("snippet").asText().contains("«threshed»"), h.toString());
            assertTrue(h.path("snippetHtml").asText().contains("<mark>threshed</mark>"), h.toString());
            assertFalse(h.path("title").asText().isBlank(), h.toString());
            assertTrue(h.path("date").asText().startsWith("2025-08-2"), h.toString());
        }
        assertEquals(1, counts("threshing", "outlet").get("agg"));
    }

    @Test
    @Order(2)
    void ukrainianAndRussianInflectionsMeetAtOneStem() throws Exception {
        CyrillicOutlets.Page ukElections = CyrillicOutlets.PAGES.get(0);
        CyrillicOutlets.Page ruElections = CyrillicOutlets.PAGES.get(2);
        for (String form : List.of("вибори", "виборах", "виборів")) {
            JsonNode r = search(form);
            assertEquals(List.of(true), urls(r).stream().map(u -> u.endsWith(path(ukElections))).toList(), form + ": " + r);
            assertEquals("uk", r.path("hits").get(0).path("language").asText());
            assertTrue(r.path("hits").get(0).path("snippet").asText().matches(".*«вибор[а-яіїє]*».*"), r.toString());
        }
        for (String form : List.of("выборы", "выборах", "выборов")) {
            JsonNode r = search(form);
            assertEquals(List.of(true), urls(r).stream().map(u -> u.endsWith(path(ruElections))).toList(), form + ": " + r);
            assertEquals("ru", r.path("hits").get(0).path("language").asText());
        }
        // a Russian word stemmed by the Russian analyzer finds the Russian grain report, not the English ones
        JsonNode grain = search("зерно");
        assertEquals(1, grain.path("total").asInt(), grain.toString());
        assertEquals("vesti", grain.path("hits").get(0).path("outlet").asText());
    }

    @Test
    @Order(3)
    void phrasesAndBooleanOperators() throws Exception {
        assertTrue(search("\"boiler houses\"").path("total").asInt() >= 1);
        assertEquals(0, search("\"houses boiler\"").path("total").asInt());
        long heating = search("heating").path("total").asLong();
        long grain = search("grain").path("total").asLong();
        long both = search("heating AND grain").path("total").asLong();
        assertTrue(heating > 0 && grain > 0, heating + " " + grain);
        assertEquals(heating + grain - both, search("heating OR grain").path("total").asLong());
        assertEquals(heating - both, search("heating NOT grain").path("total").asLong());
        assertEquals(both, search("heating grain").path("total").asLong(), "words without an operator are all required");
        assertEquals(List.of("hromada"), search("title:котельні").path("hits").findValuesAsText("outlet"));
        assertEquals(2, search("outlet:vesti").path("total").asInt());
    }

    @Test
    @Order(4)
    void outletAndDateFilters() throws Exception {
        assertEquals(4, search("*", "--outlet", "hromada,vesti").path("total").asInt());
        JsonNode day = search("*", "--since", "2025-08-20", "--until", "2025-08-20");
        assertEquals(new TreeSet<>(List.of("hromada", "vesti")), new TreeSet<>(day.path("hits").findValuesAsText("outlet")), day.toString());
        assertEquals(2, day.path("total").asInt(), day.toString());
        JsonNode later = search("*", "--since", "2025-08-23T00:00:00Z");
        later.path("hits").forEach(h -> assertTrue(h.path("date").asText().compareTo("2025-08-23") >= 0, h.toString()));
    }

    @Test
    @Order(5)
    void countsPerDayWeekAndOutlet() throws Exception {
        long all = search("*").path("total").asLong();
        Map<String, Long> perOutlet = counts("*", "outlet");
        assertEquals(2, perOutlet.get("hromada"));
        assertEquals(2, perOutlet.get("vesti"));
        assertEquals(all, perOutlet.values().stream().mapToLong(Long::longValue).sum());
        Map<String, Long> perDay = counts("*", "day");
        assertEquals(all, perDay.values().stream().mapToLong(Long::longValue).sum());
        assertEquals(2, perDay.get("2025-08-20"), perDay.toString());
        Map<String, Long> perWeek = counts("*", "week");
        assertEquals(1, perWeek.get("2025-08-25"), "the Russian grain report is the only one from the week of 25 August: " + perWeek);
        assertEquals(all - 1, perWeek.get("2025-08-18"), perWeek.toString());
        assertEquals(Map.of("2025-08-20", 1L), counts("вибори", "day"));
    }

    @Test
    @Order(6)
    void theLatestVersionByDefaultEveryVersionOnRequest() throws Exception {
        // round 2 of the demo site rewrote a paragraph of the heating article: "purchased" went, "submitted" came
        JsonNode now = search("submitted");
        assertEquals(1, now.path("total").asInt(), now.toString());
        assertTrue(now.path("hits").get(0).path("latest").asBoolean());
        assertEquals(0, search("purchased").path("total").asInt());
        JsonNode before = search("purchased", "--versions", "all");
        assertEquals(1, before.path("total").asInt(), before.toString());
        assertFalse(before.path("hits").get(0).path("latest").asBoolean(), before.toString());
        assertEquals(now.path("hits").get(0).path("url"), before.path("hits").get(0).path("url"));
        // two revisions: the heating article's body (round 2) and a headline (round 3)
        assertEquals(search("*").path("total").asLong() + 2, search("*", "--versions", "all").path("total").asLong());
    }

    @Test
    @Order(7)
    void aMovedArticleIsFoundAtBothAddressesTheOldOneMarkedRedirected() throws Exception {
        JsonNode r = search("ukrzaliznytsia extra trains");
        Map<String, String> status = new TreeMap<>();
        r.path("hits").forEach(h -> status.put(h.path("url").asText().replaceAll("^http://[^/]+", ""), h.path("status").asText()));
        assertEquals("redirected", status.get("/en/news/ukrzaliznytsia-adds-extra-trains-for-the-independence-day-weekend-list-of-routes"), r.toString());
        assertEquals("published", status.get("/en/news/ukrzaliznytsia-adds-extra-trains-for-the-independence-day-weekend-full-list-of-routes"), r.toString());
    }

    @Test
    @Order(9)
    void anExportByQueryHoldsExactlyTheUrlsTheSearchFinds() throws Exception {
        Set<String> found = new TreeSet<>(urls(search("ukrzaliznytsia OR threshing", "--limit", "100")));
        assertTrue(found.size() >= 3, found.toString());
        Path out = tmp.resolve("by-query.jsonl");
        CliRun r = CliRun.of("export", "--query", "ukrzaliznytsia OR threshing", "--format", "jsonl", "--out", out.toString(),
                "--json", "--config", outletsFile.toString(), "--data", data.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        Set<String> exported = new TreeSet<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            exported.add(JSON.readTree(line).path("url").asText());
        }
        assertEquals(found, exported, r.out());
        CliRun aws = CliRun.of("export", "--query", "grain", "--format", "csv", "--unload", "s3://bucket/x/", "--out",
                tmp.resolve("never.csv").toString(), "--data", data.toString());
        assertTrue(aws.code() != 0 && aws.err().startsWith("error: ") && aws.err().contains("--aws"), aws.err());
    }

    @Test
    @Order(8)
    void badInputIsOneErrorLine() {
        Map<String[], String> cases = Map.of(
                new String[] {"search", "\"boiler houses", "--data", data.toString()}, "unbalanced quote",
                new String[] {"search", "foo:bar", "--data", data.toString()}, "unknown field 'foo'",
                new String[] {"search", "grain", "--since", "2025-08-24", "--until", "2025-08-20", "--data", data.toString()}, "--since",
                new String[] {"search", "grain", "--count-by", "month", "--data", data.toString()}, "--count-by",
                new String[] {"search", "grain", "--data", tmp.resolve("no-store").toString()}, "reindex");
        cases.forEach((args, says) -> {
            CliRun r = CliRun.of(args);
            assertNotEquals(0, r.code(), String.join(" ", args));
            assertTrue(r.err().startsWith("error: ") && r.err().strip().lines().count() == 1 && r.err().contains(says),
                    String.join(" ", args) + " -> " + r.err());
        });
    }

    @Test
    @Order(100)
    void reindexFromTheArchiveGivesTheSameAnswers() throws Exception {
        List<String[]> questions = List.of(new String[] {"*", "--limit", "100"}, new String[] {"*", "--versions", "all", "--limit", "100"},
                new String[] {"threshing"}, new String[] {"вибори"}, new String[] {"выборах"}, new String[] {"purchased", "--versions", "all"},
                new String[] {"*", "--count-by", "outlet"}, new String[] {"*", "--count-by", "day", "--versions", "all"});
        List<String> live = new ArrayList<>();
        for (String[] q : questions) {
            live.add(comparable(search(q)));
        }
        CliRun reindex = CliRun.of("reindex", "--json", "--data", data.toString());
        assertEquals(0, reindex.code(), reindex.err());
        JsonNode report = JSON.readTree(reindex.out());
        assertTrue(report.path("events").asInt() > 0 && report.path("cleanCopies").asInt() > 0, report.toString());
        for (int i = 0; i < questions.size(); i++) {
            assertEquals(live.get(i), comparable(search(questions.get(i))), String.join(" ", questions.get(i)));
        }
        try (Stream<Path> folders = Files.list(data.resolve("search"))) {
            assertEquals(1, folders.filter(p -> p.getFileName().toString().startsWith("index-")).count(), "the old index is gone");
        }
    }

    /** An answer without its scores (the statistics of a rebuilt index differ), hits in a stable order. */
    private static String comparable(JsonNode answer) {
        if (answer.isArray()) {
            return answer.toString();
        }
        List<String> hits = new ArrayList<>();
        answer.path("hits").forEach(h -> {
            ((com.fasterxml.jackson.databind.node.ObjectNode) h).remove("score");
            hits.add(h.toString());
        });
        hits.sort(null);
        return answer.path("total").asText() + hits;
    }
}
