package dev.newsharvester.pipeline;

import static dev.newsharvester.pipeline.CityPapers.CITIES;
import static dev.newsharvester.pipeline.CityPapers.HTML;
import static dev.newsharvester.pipeline.CityPapers.outletsYaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.local.LocalStack;
import dev.newsharvester.pipeline.CityPapers.Site;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.DueIndex;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long revisits end to end: a city paper on a loopback host, the real pipeline on the embedded DynamoDB and S3, and a
 * clock the test moves over 31 days. Day 0's five stories leave the feed on day 1 and are revisited all the same on
 * the schedule's rungs (15 min … 7 d … 30 d), and not in between nor after; a story edited on day 4 is visited again
 * a day later instead of three.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class RevisitsIT {

    static final Instant DAY0 = Instant.parse("2026-11-20T08:00:00Z");

    @TempDir
    Path tmp;

    private Site site;
    private LocalStack stack;
    private final MovableClock clock = new MovableClock(DAY0);

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aStoryDroppedFromTheFeedIsRevisitedOnEveryRungForThirtyDaysAndSoonerAfterAnEdit() throws Exception {
        stack = LocalStack.inMemory();
        site = new Site(CITIES.get(0));
        site.serve("/robots.txt", "text/plain", 404, "not found");
        Path yaml = tmp.resolve("outlets.yaml");
        Files.writeString(yaml, outletsYaml(List.of(site), Duration.ofMillis(40))
                .replace("    revisit: PT48H\n", "    revisitUntil: P30D\n")
                .replace("    minRevisitInterval: PT60M\n", "    minRevisitInterval: PT10M\n"), StandardCharsets.UTF_8);
        Settings env = Settings.store(stack.table(), stack.bucket()).withOutletsUri(yaml.toString())
                .withAllowPrivateNetworks("127.0.0.0/8");
        Harvester harvester = Harvester.builder()
                .outlets(Wiring.outlets(env, stack.s3()))
                .fetcher(Wiring.fetcher(env))
                .archive(new Archive(stack.s3(), stack.bucket()))
                .index(new ArticleIndex(stack.dynamoDb(), stack.table()))
                .dueIndex(Wiring.dueIndex(env, stack.dynamoDb()))
                .clock(clock)
                .build();

        OutletHealthIT.publish(site, DAY0, false);
        List<String> day0 = List.copyOf(site.articlePaths);
        String edited = day0.get(2);
        HarvestReport first = harvester.harvest(List.of(), ProgressListener.NONE);
        assertEquals(5, first.total(Outcome.NEW), first.outcomes()::toString);

        // run time (after first sight) -> how many times each of day 0's stories was fetched in that run
        Map<Duration, List<Integer>> fetched = new LinkedHashMap<>();
        List<Duration> runs = List.of(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1),
                Duration.ofHours(2), Duration.ofHours(3), Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(2),
                Duration.ofDays(3), Duration.ofDays(4), Duration.ofDays(5), Duration.ofDays(6), Duration.ofDays(7),
                Duration.ofDays(10), Duration.ofDays(14), Duration.ofDays(20), Duration.ofDays(30), Duration.ofDays(31));
        Map<Duration, HarvestReport> reports = new LinkedHashMap<>();
        for (Duration after : runs) {
            clock.set(DAY0.plus(after).plusSeconds(30));
            if (after.equals(Duration.ofDays(1))) {
                OutletHealthIT.publish(site, clock.instant(), false);   // day 1's stories replace day 0's in the feed
            }
            if (after.equals(Duration.ofDays(4))) {
                edit(edited);
            }
            if (after.equals(Duration.ofDays(20))) {
                site.serve(day0.get(4), HTML, 404, "<html><body><h1>Not found</h1></body></html>");
            }
            List<Integer> before = counts(day0);
            reports.put(after, harvester.harvest(List.of(), ProgressListener.NONE));
            List<Integer> now = counts(day0);
            List<Integer> delta = new ArrayList<>();
            for (int i = 0; i < day0.size(); i++) {
                delta.add(now.get(i) - before.get(i));
            }
            fetched.put(after, delta);
        }

        List<Integer> all = List.of(1, 1, 1, 1, 1);
        List<Integer> none = List.of(0, 0, 0, 0, 0);
        List<Integer> editedOnly = List.of(0, 0, 1, 0, 0);
        Map<Duration, List<Integer>> expected = new LinkedHashMap<>();
        for (Duration after : runs) {
            expected.put(after, DEFAULT_RUNGS.contains(after) ? all : none);
        }
        expected.put(Duration.ofDays(5), editedOnly);   // edited on day 4: the next interval is 1 d, not 3 d
        // gone on day 20, first seen gone at the last rung (30 d): one more check, past the window, confirms it
        expected.put(Duration.ofDays(31), List.of(0, 0, 0, 0, 1));
        assertEquals(expected, fetched, "fetches of day 0's stories per run (once each, though the feed listed them"
                + " in the first runs and the due index held them too)");
        assertEquals(1, reports.get(Duration.ofDays(4)).total(Outcome.REVISED), reports.get(Duration.ofDays(4)).outcomes()::toString);
        assertEquals(1, reports.get(Duration.ofDays(31)).total(Outcome.DELETED), reports.get(Duration.ofDays(31)).outcomes()::toString);
        OutletReport day7 = reports.get(Duration.ofDays(7)).outlets().get(0);
        assertTrue(day7.due() >= 5 && day7.notDue() >= 0, day7::toString);
    }

    private static final List<Duration> DEFAULT_RUNGS = dev.newsharvester.outlet.Outlet.DEFAULT_REVISIT_SCHEDULE;

    /** Times each path was requested so far. */
    private List<Integer> counts(List<String> paths) {
        List<CityPapers.Request> log = site.requests();
        return paths.stream().map(p -> (int) log.stream().filter(r -> r.path().equals(p)).count()).toList();
    }

    /** The story's last paragraph now says more: a new text, so the visit finds it REVISED. */
    private void edit(String path) throws Exception {
        String html;
        int logged = counts(List.of(path)).get(0);
        try (HttpClient http = HttpClient.newHttpClient()) {
            html = http.send(HttpRequest.newBuilder(URI.create(site.url(path))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        // the site logs a request once it has answered it, which may be after the client has the answer: wait for the
        // log, so that this read is not counted as the harvest's
        long until = System.nanoTime() + 5_000_000_000L;
        while (counts(List.of(path)).get(0) == logged && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        String changed = html.replace("The city council will discuss the matter again on",
                "After new objections from residents, the city council will discuss the matter again on");
        assertTrue(!changed.equals(html), "the fixture's last paragraph");
        site.serve(path, HTML, 200, changed);
    }
}
