package dev.newsharvester.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoSiteTest {

    /** The article body element of each outlet (documented in demo-site/README.md). */
    private static final Map<String, String> BODY = Map.of(
            "unn", "article.single-news .news-text",
            "up", "div.post_news_text",
            "agg", "article.story .story__body");
    private static final Map<String, List<String>> FEEDS = Map.of(
            "unn", List.of("/en/rss/news_en.xml", "/sitemaps/news-en.xml"),
            "up", List.of("/eng/rss/", "/sitemap/sitemap-news.xml"),
            "agg", List.of("/feeds/latest.atom", "/sitemap.xml"));
    private static final Map<String, String> SEARCH = Map.of(
            "unn", "/en/search?q=nato", "up", "/eng/search/?search=nato", "agg", "/search?q=nato");
    private static final String EDITED = "/en/news/kyiv-prepares-for-the-heating-season-96-of-boiler-houses-are-ready-the-city-says";
    private static final String REPUBLISHED_UNN = "/en/news/ukraine-has-threshed-over-20-million-tons-of-new-crop-grain-the-pace-of-harvest-is-behind-last-years";
    private static final String REPUBLISHED_AGG = "/story/2025/08/22/ukraine-has-threshed-over-20-million-tons-of-new-crop-grain";

    private static DemoSite site;
    private static HttpClient http;

    @BeforeAll
    static void start() throws IOException {
        site = DemoSite.start();
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @BeforeEach
    void roundOne() {
        site.setRound(1);
    }

    @Test
    void eachOutletHasItsOwnLoopbackOrigin() {
        Set<URI> origins = new LinkedHashSet<>();
        for (String id : DemoSite.OUTLETS) {
            URI o = site.origin(id);
            assertEquals("127.0.0.1", o.getHost());
            assertTrue(o.getPort() > 0);
            assertEquals("", o.getPath());
            origins.add(o);
        }
        assertEquals(3, origins.size());
        assertThrows(IllegalArgumentException.class, () -> site.origin("bbc"));
        assertThrows(IllegalArgumentException.class, () -> site.setRound(4));
        assertThrows(IllegalArgumentException.class, () -> site.setRound(0));
    }

    @Test
    void robotsAllowArticlesAndPointAtSitemaps() throws Exception {
        for (String id : DemoSite.OUTLETS) {
            HttpResponse<byte[]> r = get(id, "/robots.txt");
            assertEquals(200, r.statusCode());
            assertEquals("text/plain; charset=utf-8", contentType(r));
            BaseRobotRules rules = new SimpleRobotRulesParser().parseContent(
                    site.origin(id) + "/robots.txt", r.body(), "text/plain", List.of("newsharvester"));
            assertFalse(rules.getSitemaps().isEmpty(), id);
            for (String sitemap : rules.getSitemaps()) {
                assertTrue(sitemap.startsWith(site.origin(id) + "/"), sitemap);
                assertEquals(200, get(URI.create(sitemap)).statusCode(), sitemap);
            }
            for (String article : articleUrls(id)) {
                assertTrue(rules.isAllowed(article), article);
            }
            assertFalse(rules.isAllowed(site.origin(id) + SEARCH.get(id)), id);
        }
    }

    @Test
    void feedsAndSitemapsListEveryArticleAtTheOutletsOrigin() throws Exception {
        // round 1: the aggregator lists its republished UNN story only from round 2 on
        Map<String, Integer> expected = Map.of("unn", 5, "up", 5, "agg", 2);
        for (String id : DemoSite.OUTLETS) {
            Set<String> seen = null;
            for (String feed : FEEDS.get(id)) {
                HttpResponse<byte[]> r = get(id, feed);
                assertEquals(200, r.statusCode(), feed);
                List<String> urls = xmlLinks(r.body());
                assertEquals(expected.get(id), urls.size(), id + " " + feed);
                for (String u : urls) {
                    assertTrue(u.startsWith(site.origin(id) + "/"), u);
                }
                Set<String> set = new LinkedHashSet<>(urls);
                if (seen != null) {
                    assertEquals(seen, set, "feed and sitemap of " + id + " list the same articles");
                }
                seen = set;
            }
        }
        assertTrue(contentType(get("unn", "/en/rss/news_en.xml")).startsWith("application/rss+xml"));
        assertTrue(contentType(get("up", "/eng/rss/")).startsWith("application/rss+xml"));
        assertTrue(contentType(get("agg", "/feeds/latest.atom")).startsWith("application/atom+xml"));
        assertTrue(contentType(get("up", "/sitemap/sitemap-news.xml")).startsWith("application/xml"));
        String newsSitemap = new String(get("up", "/sitemap/sitemap-news.xml").body(), StandardCharsets.UTF_8);
        assertTrue(newsSitemap.contains("<news:publication_date>2025-08-23T11:07:00+03:00</news:publication_date>"));
    }

    @Test
    void everyArticleIsAFullHtmlPageWithMetadata() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String id : DemoSite.OUTLETS) {
            for (String url : articleUrls(id)) {
                HttpResponse<byte[]> r = get(URI.create(url));
                assertEquals(200, r.statusCode(), url);
                assertEquals("text/html; charset=utf-8", contentType(r), url);
                Document doc = Jsoup.parse(new String(r.body(), StandardCharsets.UTF_8), url);
                assertEquals(url, doc.selectFirst("link[rel=canonical]").attr("href"), url);
                assertTrue(doc.title().contains(" | ") || doc.title().contains(" — "), doc.title());
                assertFalse(doc.select("meta[property=og:site_name]").attr("content").isEmpty(), url);
                assertTrue(doc.select("meta[property=article:published_time]").attr("content")
                        .matches("2025-08-\\d\\dT\\d\\d:\\d\\d:00\\+03:00"), url);
                JsonNode ld = newsArticle(json, doc);
                assertNotNull(ld, "NewsArticle JSON-LD on " + url);
                for (String field : List.of("headline", "author", "datePublished", "dateModified", "publisher", "image")) {
                    assertTrue(ld.hasNonNull(field), field + " on " + url);
                }
                Element body = doc.selectFirst(BODY.get(id));
                assertNotNull(body, url);
                int words = body.text().split("\\s+").length;
                assertTrue(words >= 200, url + " has " + words + " words");
                assertTrue(doc.text().length() > 2 * body.text().length(), "chrome outweighs the article on " + url);
            }
        }
    }

    @Test
    void everyIndexedResourceIsServedWithAllPlaceholdersFilled() throws Exception {
        for (int round = 1; round <= 3; round++) {
            site.setRound(round);
            for (String[] entry : index()) {
                HttpResponse<byte[]> r = get(entry[0], entry[1]);
                String column = entry[Math.min(round + 1, entry.length - 1)];   // a later round keeps the last column
                if (column.equals("-") || column.startsWith("301:")) {
                    assertEquals(column.equals("-") ? 404 : 301, r.statusCode(), "round " + round + " " + entry[1]);
                    continue;
                }
                assertEquals(200, r.statusCode(), "round " + round + " " + entry[0] + " " + entry[1]);
                String body = new String(r.body(), StandardCharsets.UTF_8);
                assertFalse(body.contains("{{"), "unfilled placeholder in " + entry[0] + " " + entry[1]);
                assertFalse(body.contains("@@"), entry[1]);
            }
        }
        String agg = new String(get("agg", REPUBLISHED_AGG).body(), StandardCharsets.UTF_8);
        assertTrue(agg.contains("href=\"" + site.origin("unn") + REPUBLISHED_UNN + "\""), "aggregator credits UNN");
    }

    @Test
    void conditionalRequestsGet304() throws Exception {
        String feed = "/en/rss/news_en.xml";
        HttpResponse<byte[]> first = get("unn", feed);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertTrue(etag.matches("\"[0-9a-f]{32}\""), etag);
        assertEquals("Sat, 23 Aug 2025 12:00:00 GMT", lastModified);

        HttpResponse<byte[]> again = send(request("unn", feed).header("If-None-Match", etag).build());
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        assertEquals(etag, again.headers().firstValue("ETag").orElseThrow());
        assertEquals(304, send(request("unn", feed).header("If-None-Match", "\"other\", W/" + etag).build()).statusCode());
        assertEquals(200, send(request("unn", feed).header("If-None-Match", "\"other\"").build()).statusCode());
        assertEquals(304, send(request("unn", feed).header("If-Modified-Since", lastModified).build()).statusCode());
        assertEquals(200, send(request("unn", feed).header("If-Modified-Since", "Fri, 22 Aug 2025 12:00:00 GMT").build()).statusCode());

        HttpResponse<byte[]> head = send(request("unn", feed).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        assertEquals(String.valueOf(first.body().length), head.headers().firstValue("Content-Length").orElseThrow());
        assertEquals(etag, head.headers().firstValue("ETag").orElseThrow());

        String article = REPUBLISHED_UNN;
        String articleTag = get("unn", article).headers().firstValue("ETag").orElseThrow();
        site.setRound(2);
        // the feed did not change: still 304, still the round-1 date
        assertEquals(304, send(request("unn", feed).header("If-None-Match", etag).build()).statusCode());
        assertEquals(lastModified, get("unn", feed).headers().firstValue("Last-Modified").orElseThrow());
        // the article's chrome did: 200 with a new validator and date
        HttpResponse<byte[]> changed = send(request("unn", article).header("If-None-Match", articleTag).build());
        assertEquals(200, changed.statusCode());
        assertNotEquals(articleTag, changed.headers().firstValue("ETag").orElseThrow());
        assertEquals("Sun, 24 Aug 2025 12:00:00 GMT", changed.headers().firstValue("Last-Modified").orElseThrow());
        assertEquals(304, send(request("unn", article).header("If-Modified-Since", "Sun, 24 Aug 2025 12:00:00 GMT").build()).statusCode());

        List<String> log = site.requestLog();
        assertTrue(log.contains("unn GET " + feed + " 304 If-None-Match"), log.toString());
        assertTrue(log.contains("unn HEAD " + feed + " 200"), log.toString());
        assertTrue(site.requestCount() >= log.size() && log.size() >= 12);
    }

    @Test
    void roundTwoChangesChromeEverywhereButTextOnlyOfTheEditedArticle() throws Exception {
        Map<String, byte[]> pages1 = new LinkedHashMap<>();
        Map<String, String> text1 = new LinkedHashMap<>();
        for (String id : DemoSite.OUTLETS) {
            for (String url : articleUrls(id)) {
                byte[] page = get(URI.create(url)).body();
                pages1.put(url, page);
                text1.put(url, bodyText(id, page, url));
            }
        }
        site.setRound(2);
        assertEquals(2, site.round());
        List<String> changedText = new ArrayList<>();
        List<String> appeared = new ArrayList<>();
        for (String id : DemoSite.OUTLETS) {
            for (String url : articleUrls(id)) {
                if (!pages1.containsKey(url)) {
                    appeared.add(url);
                    continue;
                }
                byte[] page = get(URI.create(url)).body();
                assertFalse(java.util.Arrays.equals(pages1.get(url), page), "round 2 changes the bytes of " + url);
                if (!text1.get(url).equals(bodyText(id, page, url))) {
                    changedText.add(url);
                }
            }
        }
        String edited = site.origin("unn") + EDITED;
        assertEquals(List.of(edited), changedText);
        assertEquals(List.of(site.origin("agg") + "/story/2025/08/22/ukraine-has-threshed-over-20-million-tons-of-new-crop-grain"), appeared);

        Document before = Jsoup.parse(new String(pages1.get(edited), StandardCharsets.UTF_8));
        Document after = Jsoup.parse(new String(get(URI.create(edited)).body(), StandardCharsets.UTF_8));
        List<String> p1 = paragraphs(before, BODY.get("unn"));
        List<String> p2 = paragraphs(after, BODY.get("unn"));
        assertEquals(p1.size(), p2.size());
        int differing = 0;
        for (int i = 0; i < p1.size(); i++) {
            differing += p1.get(i).equals(p2.get(i)) ? 0 : 1;
        }
        assertEquals(2, differing, "one paragraph reworded, one sentence added to another");
        assertEquals("2025-08-21T18:05:00+03:00", before.select("meta[property=article:modified_time]").attr("content"));
        assertEquals("2025-08-24T09:30:00+03:00", after.select("meta[property=article:modified_time]").attr("content"));
        assertTrue(after.select("script[type=application/ld+json]").html().contains("\"dateModified\": \"2025-08-24T09:30:00+03:00\""));

        site.setRound(1);
        assertArrayEquals(pages1.get(edited), get(URI.create(edited)).body(), "round 1 is served again");
    }

    @Test
    void roundThreeEditsAHeadlineDeletesAnArticleAndMovesAnother() throws Exception {
        String headlined = "/eng/news/2025/08/23/7528146/";
        Document before = Jsoup.parse(new String(get("up", headlined).body(), StandardCharsets.UTF_8));
        String deleted = "/en/news/day-of-the-state-flag-of-ukraine-and-kharkiv-city-day-what-else-is-celebrated-on-august-23";
        String oldSlug = "/en/news/ukrzaliznytsia-adds-extra-trains-for-the-independence-day-weekend-list-of-routes";
        String newSlug = "/en/news/ukrzaliznytsia-adds-extra-trains-for-the-independence-day-weekend-full-list-of-routes";
        byte[] moving = get("unn", oldSlug).body();
        assertEquals(404, get("unn", newSlug).statusCode(), "the new slug exists only in round 3");
        site.setRound(2);
        String unnFeed2 = new String(get("unn", FEEDS.get("unn").get(0)).body(), StandardCharsets.UTF_8);
        Map<String, byte[]> pages2 = new LinkedHashMap<>();
        for (String id : DemoSite.OUTLETS) {
            for (String url : articleUrls(id)) {
                pages2.put(url, get(URI.create(url)).body());
            }
        }

        site.setRound(3);
        assertEquals(3, site.round());
        // the headline changes everywhere readers see it; the body does not
        Document after = Jsoup.parse(new String(get("up", headlined).body(), StandardCharsets.UTF_8));
        assertEquals("Russians attack Ukraine with 49 UAVs, 7 locations hit", before.selectFirst("h1").text());
        assertEquals("Russia launches 49 drones at Ukraine overnight, 7 locations hit", after.selectFirst("h1").text());
        assertEquals(after.selectFirst("h1").text(), after.select("meta[property=og:title]").attr("content"));
        assertEquals(after.selectFirst("h1").text(), newsArticle(new ObjectMapper(), after).path("headline").asText());
        assertEquals(paragraphs(before, BODY.get("up")), paragraphs(after, BODY.get("up")));
        // deleted: 404, and gone from the feed
        assertEquals(404, get("unn", deleted).statusCode());
        List<String> unnArticles = articleUrls("unn");
        assertFalse(unnArticles.contains(site.origin("unn") + deleted), unnArticles.toString());
        // moved: 301 to the new slug, which the feed lists instead, with the same text
        HttpResponse<byte[]> redirect = get("unn", oldSlug);
        assertEquals(301, redirect.statusCode());
        assertEquals(site.origin("unn") + newSlug, redirect.headers().firstValue("Location").orElseThrow());
        assertTrue(unnArticles.contains(site.origin("unn") + newSlug) && !unnArticles.contains(site.origin("unn") + oldSlug),
                unnArticles.toString());
        byte[] moved = get("unn", newSlug).body();
        assertEquals(bodyText("unn", moving, oldSlug), bodyText("unn", moved, newSlug));
        assertEquals(site.origin("unn") + newSlug,
                Jsoup.parse(new String(moved, StandardCharsets.UTF_8)).selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("Mon, 25 Aug 2025 12:00:00 GMT", get("unn", newSlug).headers().firstValue("Last-Modified").orElseThrow());
        assertNotEquals(unnFeed2, new String(get("unn", FEEDS.get("unn").get(0)).body(), StandardCharsets.UTF_8));
        // every other page keeps round 2's bytes (chrome included), so revisits get 304
        for (Map.Entry<String, byte[]> e : pages2.entrySet()) {
            if (!e.getKey().endsWith(headlined) && !e.getKey().endsWith(deleted) && !e.getKey().endsWith(oldSlug)) {
                assertArrayEquals(e.getValue(), get(URI.create(e.getKey())).body(), e.getKey());
            }
        }
    }

    @Test
    void aggregatorRepublishesTheUnnArticleWordForWord() throws Exception {
        Document unn = Jsoup.parse(new String(get("unn", REPUBLISHED_UNN).body(), StandardCharsets.UTF_8));
        Document agg = Jsoup.parse(new String(get("agg", REPUBLISHED_AGG).body(), StandardCharsets.UTF_8));
        List<String> original = paragraphs(unn, BODY.get("unn"));
        assertTrue(original.size() >= 8);
        assertEquals(original, paragraphs(agg, BODY.get("agg")));
        assertEquals(site.origin("agg") + REPUBLISHED_AGG, agg.selectFirst("link[rel=canonical]").attr("href"));
        assertNotEquals(unn.select("header").outerHtml(), agg.select("header").outerHtml());
        assertTrue(agg.select("article.single-news, div.news-text").isEmpty(), "different markup");
        // the aggregator's own stories are different texts
        for (String url : articleUrls("agg")) {
            if (!url.endsWith(REPUBLISHED_AGG)) {
                Document own = Jsoup.parse(new String(get(URI.create(url)).body(), StandardCharsets.UTF_8));
                assertNotEquals(original, paragraphs(own, BODY.get("agg")));
            }
        }
    }

    @Test
    void unknownPathsAndTraversalAttemptsGet404() throws Exception {
        for (String path : List.of("/no-such-page", "/en/news/no-such-article", "/../pom.xml", "/%2e%2e/pom.xml",
                "/%2E%2E%2Fpom.xml", "/en/news/..%2F..%2F..%2Fpom.xml", "/en/../../pom.xml", "/index.txt",
                "/demo-site/index.txt", "/unn/robots.txt", "/fragments/round1/recent.html", "/outlets.yaml",
                "/README.md", "/dev/newsharvester/local/DemoSite.class")) {
            HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(site.origin("unn") + path)).build());
            assertEquals(404, r.statusCode(), path);
            assertEquals("text/html; charset=utf-8", contentType(r), path);
            assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("<title>404 Not Found</title>"), path);
        }
        // an article of one outlet does not exist at another's origin
        assertEquals(404, get("up", REPUBLISHED_UNN).statusCode());
        // UP article without its trailing slash is redirected
        HttpResponse<byte[]> moved = get("up", "/eng/news/2025/08/23/7528185");
        assertEquals(301, moved.statusCode());
        assertEquals(site.origin("up") + "/eng/news/2025/08/23/7528185/", moved.headers().firstValue("Location").orElseThrow());
        assertEquals(405, send(request("unn", "/robots.txt").POST(HttpRequest.BodyPublishers.ofString("x")).build()).statusCode());
    }

    @Test
    void outletsYamlDescribesTheThreeOutlets() throws Exception {
        String yaml = site.outletsYaml();
        assertFalse(yaml.contains("{{"));
        JsonNode outlets = new ObjectMapper(new YAMLFactory()).readTree(yaml).get("outlets");
        assertEquals(3, outlets.size());
        for (int i = 0; i < 3; i++) {
            JsonNode o = outlets.get(i);
            String id = o.get("id").asText();
            assertEquals(DemoSite.OUTLETS.get(i), id);
            assertEquals("PT0S", o.get("minRevisitInterval").asText());
            assertEquals("Europe/Kyiv", o.get("timezone").asText());
            Pattern pattern = Pattern.compile(o.get("articlePattern").asText());
            List<String> discovery = new ArrayList<>();
            o.get("feeds").forEach(n -> discovery.add(n.asText()));
            o.get("sitemaps").forEach(n -> discovery.add(n.asText()));
            assertFalse(o.get("feeds").isEmpty());
            for (String u : discovery) {
                assertTrue(u.startsWith(site.origin(id) + "/"), u);
                assertEquals(200, get(URI.create(u)).statusCode(), u);
                assertFalse(pattern.matcher(u).find(), "a feed is not an article: " + u);
            }
            for (String article : articleUrls(id)) {
                assertTrue(pattern.matcher(article).find(), article);
            }
            for (String other : DemoSite.OUTLETS) {
                if (!other.equals(id)) {
                    for (String article : articleUrls(other)) {
                        assertFalse(pattern.matcher(article).find(), id + " must not claim " + article);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static List<String> articleUrls(String id) throws Exception {
        return xmlLinks(get(id, FEEDS.get(id).get(0)).body());
    }

    /** Links of RSS items, Atom entries or sitemap URLs, in document order. */
    private static List<String> xmlLinks(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder b = f.newDocumentBuilder();
        org.w3c.dom.Document d = b.parse(new ByteArrayInputStream(xml));
        List<String> out = new ArrayList<>();
        String root = d.getDocumentElement().getLocalName();
        switch (root) {
            case "rss" -> {
                NodeList items = d.getElementsByTagName("item");
                for (int i = 0; i < items.getLength(); i++) {
                    out.add(((org.w3c.dom.Element) items.item(i)).getElementsByTagName("link").item(0).getTextContent().strip());
                }
            }
            case "feed" -> {
                NodeList entries = d.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
                for (int i = 0; i < entries.getLength(); i++) {
                    NodeList links = ((org.w3c.dom.Element) entries.item(i)).getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link");
                    for (int j = 0; j < links.getLength(); j++) {
                        org.w3c.dom.Element link = (org.w3c.dom.Element) links.item(j);
                        if (link.getAttribute("rel").equals("alternate")) {
                            out.add(link.getAttribute("href"));
                        }
                    }
                }
            }
            case "urlset" -> {
                NodeList locs = d.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
                for (int i = 0; i < locs.getLength(); i++) {
                    out.add(locs.item(i).getTextContent().strip());
                }
            }
            default -> throw new AssertionError("unexpected feed root " + root);
        }
        return out;
    }

    private static String bodyText(String outlet, byte[] page, String url) {
        Element body = Jsoup.parse(new String(page, StandardCharsets.UTF_8), url).selectFirst(BODY.get(outlet));
        assertNotNull(body, url);
        return body.text();
    }

    private static List<String> paragraphs(Document doc, String bodySelector) {
        return doc.select(bodySelector + " p").stream().map(Element::text).collect(Collectors.toList());
    }

    private static JsonNode newsArticle(ObjectMapper json, Document doc) throws IOException {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            JsonNode node = json.readTree(script.data());
            if (node.path("@type").asText().equals("NewsArticle")) {
                return node;
            }
        }
        return null;
    }

    private static List<String[]> index() throws IOException {
        try (InputStream in = DemoSite.class.getClassLoader().getResourceAsStream("demo-site/index.txt")) {
            List<String[]> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.strip().split("\\s+"));
                }
            }
            assertTrue(out.size() >= 22, "index lists every resource");
            return out;
        }
    }

    private static String contentType(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    private static HttpRequest.Builder request(String outlet, String path) {
        return HttpRequest.newBuilder(URI.create(site.origin(outlet) + path));
    }

    private static HttpResponse<byte[]> get(String outlet, String path) throws Exception {
        return send(request(outlet, path).build());
    }

    private static HttpResponse<byte[]> get(URI uri) throws Exception {
        return send(HttpRequest.newBuilder(uri).build());
    }

    private static HttpResponse<byte[]> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
