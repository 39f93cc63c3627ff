package dev.newsharvester.fleetsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.StoredVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The fleet under faults, in one run of the simulation (W = 4 workers over ElasticMQ, DynamoDB Local, s3proxy):
 * h0 answers its first three article requests 429 with Retry-After 2 s; h1's robots.txt asks for a 2 s Crawl-delay;
 * h2 accepts connections and never answers; h3–h5 are ordinary. Two planners run at once, every article is also sent
 * as a message twice (SQS redelivering), and worker 0 dies with the first batch it receives (its messages come back
 * after the 25 s visibility timeout). Each fault has a defined outcome: nothing is lost, nothing is fetched twice, no
 * host is hammered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetFaultsIT {

    static final int ARTICLES = 5;
    static final Duration DELAY = Duration.ofSeconds(1);

    FleetSim sim;
    FleetReport report;

    @BeforeAll
    void run() {
        sim = FleetSim.builder()
                .hosts(h -> h.hosts(6).articlesPerOutlet(ARTICLES).crawlDelay(DELAY).latency(Duration.ofMillis(50))
                        .mode(0, LoopbackHosts.Mode.RATE_LIMITED).rateLimitCount(3)
                        .mode(1, LoopbackHosts.Mode.SLOW_ROBOTS)
                        .mode(2, LoopbackHosts.Mode.SILENT))
                .workers(4)
                .visibilityTimeout(Duration.ofSeconds(25))   // above the 20 s request limit, as the template's 90 s is above 60 s
                .worker(FleetWiring::worker)
                .start();
        var planner = FleetWiring.planner(sim);
        sim.seedWithPlanner(planner);
        sim.seedWithPlanner(planner);   // a second, overlapping schedule
        List<String> twice = new ArrayList<>();
        for (LoopbackHosts.Outlet o : sim.hosts().outlets()) {
            if (o.host() == 2) {
                continue;   // the silent host's articles are never discovered (its robots.txt never answers)
            }
            for (String url : o.articleUrls()) {
                String body = "{\"outlet\":\"" + o.id() + "\",\"url\":\"" + url + "\"}";
                twice.add(body);
                twice.add(body);
            }
        }
        sim.seedMessages(twice);
        Thread killer = new Thread(() -> {   // worker 0 dies with the first batch it takes
            while (sim.poller() == null) {
                Thread.onSpinWait();
            }
            sim.poller().kill(0);
        });
        killer.setDaemon(true);
        killer.start();
        long expected = 5L * ARTICLES;
        report = sim.run(Duration.ofSeconds(90), () -> stored() >= expected);
        System.out.println(report.toText());
    }

    private long stored() {
        ArticleIndex index = new ArticleIndex(sim.stack().dynamoDb(), sim.stack().table());
        long n = 0;
        for (LoopbackHosts.Outlet o : sim.hosts().outlets()) {
            n += index.byOutlet(o.id(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")).size();
        }
        return n;
    }

    @AfterAll
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private List<RequestLog.Request> requestsTo(int host) {
        String name = sim.hosts().hostName(host);
        List<RequestLog.Request> r = new ArrayList<>(sim.hosts().log().requests(q -> q.host().equals(name)));
        r.sort(Comparator.comparingLong(RequestLog.Request::startNanos));
        return r;
    }

    @Test
    void nothingIsLostOrStoredTwiceAndNoHostIsHammered() {
        assertFalse(report.timedOut(), report.toText());
        ArticleIndex index = new ArticleIndex(sim.stack().dynamoDb(), sim.stack().table());
        for (LoopbackHosts.Outlet o : sim.hosts().outlets()) {
            List<StoredVersion> v = index.byOutlet(o.id(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
            assertEquals(o.host() == 2 ? 0 : ARTICLES, v.size(), o.id() + "\n" + report.toText());
        }
        assertEquals(1, report.maxInFlight(), report.toText());
        assertEquals(List.of(), report.duplicateFetches(), "each article fetched once despite duplicate messages\n"
                + report.toText());
        assertEquals(0, sim.dlqDepth(), "nothing in the dead-letter queue");
    }

    @Test
    void aRetryAfterHoldsTheHostForTheWholeFleet() {
        List<RequestLog.Request> r = requestsTo(0);
        int limited = 0;
        for (int i = 0; i + 1 < r.size(); i++) {
            if (r.get(i).status() == 429) {
                limited++;
                long gapMs = TimeUnit.NANOSECONDS.toMillis(r.get(i + 1).startNanos() - r.get(i).endNanos());
                assertTrue(gapMs >= 2000 - FleetReport.GAP_SLACK_MS, "after a 429 with Retry-After 2 s the next request"
                        + " came " + gapMs + " ms later");
            }
        }
        assertEquals(3, limited, "three 429 answers");
    }

    @Test
    void aLongerRobotsCrawlDelayIsKept() {
        List<RequestLog.Request> r = requestsTo(1);
        assertTrue(r.size() >= ARTICLES + 2, "robots.txt, the feed and the articles: " + r.size());
        for (int i = 1; i < r.size(); i++) {
            long gapMs = TimeUnit.NANOSECONDS.toMillis(r.get(i).startNanos() - r.get(i - 1).endNanos());
            assertTrue(gapMs >= 2000 - FleetReport.GAP_SLACK_MS, "gap " + i + " on the 2 s host: " + gapMs + " ms");
        }
    }

    @Test
    void aHostThatNeverAnswersIsAskedOnceAndHoldsNobodyElse() {
        List<RequestLog.Request> silent = requestsTo(2);
        assertEquals(1, silent.size(), "only its robots.txt is asked, once for the fleet (no answer = disallow all, "
                + "kept 10 minutes and shared)");
        Map<String, Integer> perOutletFeeds = new java.util.HashMap<>();
        sim.hosts().log().requests(q -> q.path().startsWith("/feed") && q.answered())
                .forEach(q -> perOutletFeeds.merge(q.host() + q.path(), 1, Integer::sum));
        assertEquals(5, perOutletFeeds.size(), "every other outlet's feed was read");
        perOutletFeeds.forEach((feed, n) -> assertEquals(1, n, feed + ": two planners, one discovery"));
    }

    @Test
    void aDeadWorkersBatchComesBackAndIsDone() {
        assertTrue(sim.poller().dead(0));
        assertFalse(sim.poller().abandoned().isEmpty(), "worker 0 died holding a batch");
    }
}
