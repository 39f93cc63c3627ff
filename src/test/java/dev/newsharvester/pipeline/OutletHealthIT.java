package dev.newsharvester.pipeline;

import static dev.newsharvester.pipeline.CityPapers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsharvester.cli.Main;
import dev.newsharvester.health.Flag;
import dev.newsharvester.health.HealthReport;
import dev.newsharvester.health.HealthThresholds;
import dev.newsharvester.health.OutletHealth;
import dev.newsharvester.lambda.HarvestHandler;
import dev.newsharvester.local.LocalStack;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.HealthCounters;
import dev.newsharvester.store.HealthObjects;
import dev.newsharvester.store.StoredVersion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outlet health end to end: two city papers on their own loopback hosts publish five new articles a day and are
 * harvested once a day by the real pipeline (embedded DynamoDB and S3) on a controlled clock. Then one of them is
 * redesigned so that extraction degrades, or its feed goes empty, or its pages answer 403, and the health report —
 * the harvest's own and the {@code status} command's — flags that outlet and only that one.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OutletHealthIT {

    static final Instant DAY0 = Instant.parse("2026-11-20T08:00:00Z");
    static final Duration DELAY = Duration.ofMillis(60);

    @TempDir
    Path tmp;

    private final List<Site> sites = new ArrayList<>();
    private LocalStack stack;
    private final MovableClock clock = new MovableClock(DAY0);

    @AfterEach
    void stop() {
        sites.forEach(Site::close);
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aRedesignThatDegradesExtractionIsFlaggedAsDriftForThatOutletOnly() throws Exception {
        Path data = tmp.resolve("store");
        Path yaml = start(data);
        Site kyiv = sites.get(0);
        Harvester harvester = harvester(yaml);
        HealthReport before = null;
        for (int day = 0; day < 6; day++) {
            clock.set(DAY0.plus(Duration.ofDays(day)));
            sites.forEach(s -> publish(s, clock.instant(), false));
            HarvestReport r = harvester.harvest(List.of(), ProgressListener.NONE);
            assertEquals(10, r.total(Outcome.NEW), r.outcomes()::toString);
            before = r.health();
        }
        assertEquals(0, before.drifting(), before.toJson());
        clock.set(clock.instant().plusSeconds(60));   // a run of its own
        assertEquals(0, driftingGauge(harvester), "the metric the drift alarm watches, before the redesign");
        OutletHealth steady = before.outlets().get(0);
        assertEquals(5, steady.day().count("NEW"));
        assertEquals(30, steady.week().count("NEW"));
        assertEquals(List.of(5L, 5L, 5L), steady.lastRuns());
        assertTrue(steady.completeness().medianWords() >= 150, steady.completeness()::toString);
        assertEquals(steady.completeness().articles(), steady.completeness().authors());

        // the redesign: the story body now arrives as a script's JSON, the byline and author metadata are gone
        clock.set(DAY0.plus(Duration.ofDays(6)));
        publish(kyiv, clock.instant(), true);
        publish(sites.get(1), clock.instant(), false);
        HarvestReport redesigned = harvester.harvest(List.of(), ProgressListener.NONE);
        assertEquals(10, redesigned.total(Outcome.NEW), "degraded pages still pass as articles: "
                + redesigned.outcomes());
        ArticleIndex index = new ArticleIndex(stack.dynamoDb(), stack.table());
        for (String path : kyiv.articlePaths) {
            StoredVersion v = index.latest(kyiv.url(path)).orElseThrow();
            assertTrue(v.sketch().wordCount() < 80 && v.reader().authors().isEmpty(), () -> "the fixture degrades extraction: " + v);
        }
        HealthReport after = redesigned.health();
        assertEquals(1, after.drifting(), after.toJson());
        clock.set(clock.instant().plusSeconds(60));
        assertEquals(1, driftingGauge(harvester), "the metric the drift alarm watches moves");
        assertEquals(Set.of(Flag.DRIFT), after.outlets().get(0).flags());
        assertEquals(Set.of(), after.outlets().get(1).flags(), "lviv kept its markup");
        assertEquals(List.of(0, 0), List.of(after.silent(), after.failing()));
        String reason = after.outlets().get(0).reasons().get(0);
        assertTrue(reason.startsWith("DRIFT: median words") && reason.contains("authors on 0% against 100%"), reason);
        String latest = new HealthObjects(stack.s3(), stack.bucket()).get(HealthObjects.LATEST).orElseThrow();
        assertTrue(latest.contains("\"drifting\" : 1"), latest);
        assertTrue(new HealthObjects(stack.s3(), stack.bucket()).get(HealthObjects.runKey(after.at())).isPresent());
        stack.close();
        stack = null;

        // status, on the same store, as of just before and just after the redesigned run
        JsonNode then = new ObjectMapper().readTree(status("--data", data.toString(), "--config", yaml.toString(),
                "--at", DAY0.plus(Duration.ofDays(5)).plusSeconds(3600).toString(), "--json"));
        assertEquals(0, then.path("drifting").asInt(), then.toString());
        JsonNode now = new ObjectMapper().readTree(status("--data", data.toString(), "--config", yaml.toString(),
                "--at", DAY0.plus(Duration.ofDays(6)).plusSeconds(3600).toString(), "--json"));
        assertEquals(1, now.path("drifting").asInt(), now.toString());
        assertEquals("[\"DRIFT\"]", now.path("outlets").get(0).path("flags").toString());
        assertEquals("[]", now.path("outlets").get(1).path("flags").toString());

        String table = status("--data", data.toString(), "--config", yaml.toString(),
                "--at", DAY0.plus(Duration.ofDays(6)).plusSeconds(3600).toString());
        System.out.println(table);
        List<String> lines = table.lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("kyiv ") && l.contains("**DRIFT**")), table);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("lviv ") && l.contains(" ok ")), table);
        assertTrue(table.contains("flagged: 1 DRIFT, 0 SILENT, 0 FAILING"), table);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[kyiv] DRIFT: median words")), table);
    }

    @Test
    void anEmptyFeedIsSilentAndBlockedPagesAreFailing() throws Exception {
        Path yaml = start(tmp.resolve("store"));
        Harvester harvester = harvester(yaml);
        Site kyiv = sites.get(0);
        Site lviv = sites.get(1);
        clock.set(DAY0);
        sites.forEach(s -> publish(s, clock.instant(), false));
        harvester.harvest(List.of(), ProgressListener.NONE);

        HealthReport report = null;
        for (int run = 1; run <= 3; run++) {
            clock.set(DAY0.plus(Duration.ofHours(run)));
            kyiv.serve("/rss.xml", "application/rss+xml", 200, feed(kyiv, List.of(), List.of()));
            publish(lviv, clock.instant(), false);
            for (String path : lviv.articlePaths) {
                lviv.serve(path, HTML, 403, "<html><body><h1>Forbidden</h1></body></html>");
            }
            report = harvester.harvest(List.of(), ProgressListener.NONE).health();
            assertEquals(run < 3 ? 0 : 1, report.silent(), report.toJson());
        }
        assertEquals(Set.of(Flag.SILENT), report.outlets().get(0).flags(), report.toJson());
        OutletHealth blocked = report.outlets().get(1);
        assertEquals(Set.of(Flag.FAILING), blocked.flags(), report.toJson());
        assertEquals(15, blocked.day().count("FAILED"));
        assertEquals(15, blocked.day().blocked());
        assertEquals(List.of(0, 1, 1), List.of(report.drifting(), report.silent(), report.failing()));
        assertEquals(DAY0, report.outlets().get(0).lastDiscovery(), "kyiv's last discovery that found URLs");

        // a threshold from the environment changes the verdict: four empty runs needed
        HealthReport lenient = new dev.newsharvester.health.HealthEvaluator(
                new HealthCounters(stack.dynamoDb(), stack.table()),
                Settings.fromEnvironment(java.util.Map.of(Settings.HEALTH_SILENT_RUNS, "4")).health())
                .evaluate(List.of("kyiv"), clock.instant());
        assertEquals(0, lenient.silent());
    }

    @Test
    void statusRefusesBadInputInOneLine() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.run("status", "--data", tmp.resolve("s").toString(), "--at", "yesterday");
        } finally {
            System.setErr(old);
        }
        assertEquals(1, code);
        assertEquals("error: --at: 'yesterday' is not an ISO date (2025-08-23) or instant (2025-08-23T08:00:00Z)",
                err.toString(StandardCharsets.UTF_8).strip());
    }

    private Path start(Path data) throws Exception {
        stack = LocalStack.open(data);
        sites.add(new Site(CITIES.get(0)));
        sites.add(new Site(CITIES.get(1)));
        for (Site s : sites) {
            s.serve("/robots.txt", "text/plain", 404, "not found");
        }
        Path yaml = tmp.resolve("outlets.yaml");
        Files.writeString(yaml, outletsYaml(sites, DELAY), StandardCharsets.UTF_8);
        return yaml;
    }

    private Harvester harvester(Path yaml) {
        Settings env = Settings.store(stack.table(), stack.bucket()).withOutletsUri(yaml.toString())
                .withAllowPrivateNetworks("127.0.0.0/8");
        return Harvester.builder()
                .outlets(Wiring.outlets(env, stack.s3()))
                .fetcher(Wiring.fetcher(env))
                .archive(new Archive(stack.s3(), stack.bucket()))
                .index(new ArticleIndex(stack.dynamoDb(), stack.table()))
                .health(new HealthCounters(stack.dynamoDb(), stack.table()), HealthThresholds.DEFAULT,
                        new HealthObjects(stack.s3(), stack.bucket()))
                .clock(clock)
                .build();
    }

    /** The day's five stories on the site and in its feed (only them); {@code degraded}: the redesigned pages. */
    static void publish(Site s, Instant day, boolean degraded) {
        String date = day.atZone(ZoneOffset.UTC).toLocalDate().toString();
        List<Topic> topics = TOPICS.stream().map(t -> new Topic(t.slug() + "-" + date, t.title(), t.lede(),
                List.of(t.paragraphs().get(0), t.paragraphs().get(1), t.paragraphs().get(2),
                        t.paragraphs().get(3) + " The city council will discuss the matter again on " + date + "."),
                t.section())).toList();
        int c = CITIES.indexOf(s.city);
        List<String> titles = new ArrayList<>();
        s.articlePaths.clear();
        for (int t = 0; t < topics.size(); t++) {
            s.articlePaths.add("/news/" + date.replace('-', '/') + "/" + topics.get(t).slug() + "-"
                    + slug(s.city.districts().get(t)));
            titles.add(fill(topics.get(t).title(), s.city, c, t));
        }
        s.serve("/rss.xml", "application/rss+xml", 200, feed(s, s.articlePaths, titles));
        for (int t = 0; t < topics.size(); t++) {
            String html = article(s, topics.get(t), t, titles);
            s.serve(s.articlePaths.get(t), HTML, 200, degraded ? redesign(html) : html);
        }
    }

    private static final Pattern BODY = Pattern.compile(
            "(<div class=\"story-body\">\\s*<p class=\"lede\">.*?</p>\\s*<p>.*?</p>)(.*?)(\\s*</div>)", Pattern.DOTALL);

    /**
     * The page after a redesign the extractor does not know: no byline, no author in the head or JSON-LD, and of the
     * story body only the lede and the first paragraph are in the markup (a teaser); the rest arrives as the JSON a
     * script renders in the browser.
     */
    static String redesign(String html) {
        String out = html.replaceAll("<meta name=\"author\"[^>]*>", "")
                .replaceAll("\"author\": \\[[^\\]]*\\], ", "")
                .replaceAll("(?s)<div class=\"byline\">.*?</div>", "");
        Matcher m = BODY.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no story body in the fixture page");
        }
        String rest = m.group(2).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip().replace("\"", "\\\"");
        return out.substring(0, m.start()) + m.group(1) + m.group(3)
                + "\n<script type=\"application/json\" id=\"story-data\">{\"paragraphs\": \"" + rest + "\"}</script>"
                + out.substring(m.end());
    }

    /**
     * The {@code OutletsDrifting} gauge of a HarvestFunction invocation on this harvester (all outlets, a minute after
     * the last run: nothing is due again, the health is evaluated afresh), from the EMF document it prints.
     */
    private static int driftingGauge(Harvester harvester) throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream old = System.out;
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            new HarvestHandler(harvester).handleRequest(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)),
                    new ByteArrayOutputStream(), null);
        } finally {
            System.setOut(old);
        }
        List<JsonNode> gauges = new ArrayList<>();
        for (String line : stdout.toString(StandardCharsets.UTF_8).lines().toList()) {
            JsonNode n = new ObjectMapper().readTree(line);
            if (n.has("_aws") && n.has("OutletsDrifting")) {
                gauges.add(n);
            }
        }
        assertEquals(1, gauges.size(), stdout::toString);
        return gauges.get(0).path("OutletsDrifting").asInt();
    }

    private static String status(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            String[] all = new String[args.length + 1];
            all[0] = "status";
            System.arraycopy(args, 0, all, 1, args.length);
            code = Main.run(all);
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
