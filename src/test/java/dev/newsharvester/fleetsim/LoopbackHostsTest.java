package dev.newsharvester.fleetsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.extract.Article;
import dev.newsharvester.extract.ArticleExtractor;
import dev.newsharvester.outlet.Outlet;
import dev.newsharvester.outlet.Outlets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The simulated sites and the request-log analysis, without AWS parts. */
class LoopbackHostsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void sitesServeDistinctArticlesTheOutletProfilesMatch() throws Exception {
        try (LoopbackHosts hosts = LoopbackHosts.builder().hosts(3).articlesPerOutlet(4).latency(Duration.ofMillis(20))
                .mode(1, LoopbackHosts.Mode.RATE_LIMITED).rateLimitCount(2).mode(2, LoopbackHosts.Mode.SLOW_ROBOTS).start()) {
            assertTrue(hosts.origin(0).startsWith("http://127.0.0.10:"), hosts.origin(0));
            assertTrue(hosts.origin(2).startsWith("http://127.0.0.12:"), hosts.origin(2));
            Outlets outlets = Outlets.parse(hosts.outletsYaml(), "fleetsim");
            assertEquals(3, outlets.all().size());
            Set<String> bodies = new HashSet<>();
            ArticleExtractor extractor = new ArticleExtractor();
            for (LoopbackHosts.Outlet o : hosts.outlets()) {
                Outlet profile = outlets.get(o.id());
                assertEquals(Duration.ofSeconds(1), profile.crawlDelay());
                assertTrue(get(o.feedUrl()).body().contains("<pubDate>"));
                for (String url : o.articleUrls()) {
                    assertTrue(profile.isArticleUrl(url), url);
                    assertFalse(profile.isArticleUrl(url.replace("/news/", "/video/")), url);
                    HttpResponse<String> page = get(url);
                    while (o.host() == 1 && page.statusCode() == 429) {
                        assertEquals("2", page.headers().firstValue("Retry-After").orElse(""));
                        page = get(url);
                    }
                    assertEquals(200, page.statusCode(), url);
                    Article a = extractor.extract(page.body(), url).article();
                    assertTrue(a.text().split("\\s+").length > 150, a.text());
                    assertFalse(a.text().contains("cookies") || a.text().contains("Related stories"), a.text());
                    assertTrue(bodies.add(a.text()), "every article's text is different");
                }
            }
            assertTrue(get(hosts.origin(2) + "/robots.txt").body().contains("Crawl-delay: 2"));
            assertFalse(get(hosts.origin(0) + "/robots.txt").body().contains("Crawl-delay"));
            assertEquals(Duration.ofSeconds(2), hosts.delayOf("h2"));
            Map<String, RequestLog.HostStats> stats = hosts.log().byHost();
            assertEquals(2, hosts.log().requests(r -> r.host().equals("h1") && r.status() == 429).size());
            assertTrue(stats.get("h0").duplicateArticleFetches().isEmpty());
        }
    }

    @Test
    void concurrentRequestsToOneHostAreSeenInFlightTogether() throws Exception {
        try (LoopbackHosts hosts = LoopbackHosts.builder().hosts(1).articlesPerOutlet(2).latency(Duration.ofMillis(200)).start()) {
            List<String> urls = hosts.articleUrls();
            CompletableFuture<?> a = HTTP.sendAsync(HttpRequest.newBuilder(URI.create(urls.get(0))).build(),
                    HttpResponse.BodyHandlers.ofString());
            CompletableFuture<?> b = HTTP.sendAsync(HttpRequest.newBuilder(URI.create(urls.get(0))).build(),
                    HttpResponse.BodyHandlers.ofString());
            CompletableFuture.allOf(a, b).join();
            get(urls.get(1));
            RequestLog.HostStats s = hosts.log().byHost().get("h0");
            assertEquals(2, s.maxInFlight());
            assertEquals(List.of(urls.get(0).substring(hosts.origin(0).length())), s.duplicateArticleFetches());
            assertTrue(s.minGapMs() < 0, "an overlap is a negative gap: " + s.gapsMs());
            assertTrue(s.politeBound(Duration.ofSeconds(1)).compareTo(Duration.ofMillis(2600)) >= 0);
        }
    }

    @Test
    void silentHostNeverAnswers() throws Exception {
        try (LoopbackHosts hosts = LoopbackHosts.builder().hosts(1).mode(0, LoopbackHosts.Mode.SILENT).start()) {
            HttpClient c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpRequest r = HttpRequest.newBuilder(URI.create(hosts.origin(0) + "/feed.xml")).timeout(Duration.ofMillis(300)).build();
            try {
                c.send(r, HttpResponse.BodyHandlers.ofString());
                throw new AssertionError("a SILENT host answered");
            } catch (java.net.http.HttpTimeoutException expected) {
                // connection accepted, no answer
            }
            assertEquals(1, hosts.log().byHost().get("h0").unanswered());
        }
    }

    @Test
    void lambdaReadsPartialBatchResponsesLikeLambda() {
        Set<String> ids = Set.of("a", "b");
        assertEquals(Set.of(), SqsEvents.failedIds(new byte[0], ids).orElseThrow());
        assertEquals(Set.of(), SqsEvents.failedIds("{\"batchItemFailures\":[]}".getBytes(), ids).orElseThrow());
        assertEquals(Set.of("b"), SqsEvents.failedIds("{\"batchItemFailures\":[{\"itemIdentifier\":\"b\"}]}".getBytes(), ids)
                .orElseThrow());
        assertTrue(SqsEvents.failedIds("{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}".getBytes(), ids).isEmpty());
        assertTrue(SqsEvents.failedIds("{\"batchItemFailures\":[{\"itemIdentifier\":\"zz\"}]}".getBytes(), ids).isEmpty());
        assertTrue(SqsEvents.failedIds("{not json".getBytes(), ids).isEmpty());
    }
}
