package dev.newsharvester.pipeline;

import static dev.newsharvester.fetch.LoopbackHttpServer.respond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.fetch.LoopbackHttpServer;
import dev.newsharvester.local.LocalStack;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.Archive;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The inline harvest works on different hosts at once and keeps each host's pace: five city papers, each on its own
 * loopback address (127.0.0.21–25) with a feed of five full article pages and a crawl delay of one second, harvested
 * by the real pipeline (embedded DynamoDB and S3). The servers' own request logs show one request at a time per host,
 * at least the crawl delay apart, and the whole harvest in little more than one host's time.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HarvesterParallelTest {

    private static final String HTML = "text/html; charset=utf-8";
    private static final long SERVER_LATENCY_MS = 20;

    /** A city paper: the outlet id, its name, its address, and five districts its stories are set in. */
    private record City(String id, String paper, String address, String official, List<String> districts) {
    }

    /** A story the five papers each tell about their own city. */
    private record Topic(String slug, String title, String lede, List<String> paragraphs, String section) {
    }

    /** One request as the server saw it, from the start of its handling to the end of the response. */
    private record Request(String path, long start, long end) {
    }

    /** A paper on its own loopback host, with the log of every request it answered. */
    private static final class Site implements AutoCloseable {
        final City city;
        final LoopbackHttpServer server;
        final List<Request> log = Collections.synchronizedList(new ArrayList<>());
        final List<String> articlePaths = new ArrayList<>();

        Site(City city) {
            this.city = city;
            this.server = LoopbackHttpServer.start(city.address());
        }

        void serve(String path, String contentType, int status, String body) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            server.route(path, ex -> {
                long start = System.nanoTime();
                sleep(SERVER_LATENCY_MS);
                respond(ex, status, contentType, bytes);
                log.add(new Request(path, start, System.nanoTime()));
            });
        }

        String url(String path) {
            return server.base() + path;
        }

        List<Request> requests() {
            synchronized (log) {
                return log.stream().sorted((a, b) -> Long.compare(a.start(), b.start())).toList();
            }
        }

        @Override
        public void close() {
            server.close();
        }
    }

    private static final List<City> CITIES = List.of(
            new City("kyiv", "Kyiv Evening Courier", "127.0.0.21", "Oksana Hrytsenko",
                    List.of("Podil", "Obolon", "Darnytsia", "Sviatoshyn", "Pechersk")),
            new City("lviv", "Lviv Post Daily", "127.0.0.22", "Taras Melnyk",
                    List.of("Sykhiv", "Levandivka", "Riasne", "Halytskyi", "Zaliznychnyi")),
            new City("odesa", "Odesa Harbour Herald", "127.0.0.23", "Iryna Kovalchuk",
                    List.of("Moldavanka", "Peresyp", "Arcadia", "Cheryomushki", "Tairova")),
            new City("kharkiv", "Kharkiv Morning Star", "127.0.0.24", "Dmytro Savchenko",
                    List.of("Saltivka", "Kholodna Hora", "Oleksiivka", "Pavlove Pole", "Nemyshlia")),
            new City("dnipro", "Dnipro River Gazette", "127.0.0.25", "Halyna Bondar",
                    List.of("Peremoha", "Sobornyi", "Amur", "Tsentralnyi", "Novokodatskyi")));

    private static final List<Topic> TOPICS = List.of(
            new Topic("tram-line-restored", "Tram line to {district} runs again after {n} weeks of repairs",
                    "Trams returned to the {district} line on Tuesday morning, {n} weeks after a shell damaged the overhead wires.",
                    List.of("The first tram left the depot at 5:40 and reached {district} twenty minutes later with {m} passengers on"
                                    + " board, the city transport company said. Crews had replaced {k} metres of contact wire and two traction"
                                    + " substations since the spring.",
                            "Deputy mayor {official} said the repairs cost {cost} million hryvnias, most of it paid from the reserve fund"
                                    + " of {city}. Buses that replaced the trams on the route will be moved to the night network from Friday.",
                            "Residents of {district} had complained about crowded buses and a journey that took up to an hour at peak"
                                    + " times. A pensioner waiting at the terminus said she had missed the tram more than the bus drivers"
                                    + " had missed her.",
                            "Trams will run every {interval} minutes on weekdays until the end of the year. The company asked"
                                    + " passengers to use the new validators, which now accept bank cards and the city transport app."),
                    "City"),
            new Topic("school-shelters-repaired", "{k} schools in {city} finish their shelters before the winter term",
                    "Builders handed over the last of {k} school basements converted into shelters, the education department of {city} said.",
                    List.of("The shelters hold {m} pupils between them and have ventilation, water, toilets and a reserve of food for"
                                    + " two days. The largest, under School No. {n} in {district}, can take a whole shift of pupils at once.",
                            "{official}, who heads the department, said lessons would no longer stop for air raid alerts in those schools:"
                                    + " classes move downstairs and carry on. Teachers have been trained to run lessons in the basements.",
                            "Parents in {district} had raised {cost} thousand hryvnias for furniture and lighting, and a local bakery"
                                    + " offered to keep the shelters stocked with bread. The work was paid for by the city and a grant"
                                    + " from the regional administration.",
                            "Inspectors will check every shelter again in {interval} weeks. Schools without a shelter of their own will"
                                    + " keep teaching part of the week online, the department said."),
                    "Education"),
            new Topic("water-main-replaced", "{district} gets a new water main after a month of night works",
                    "Water utility crews in {city} have finished replacing a {k}-metre section of the main that serves {district}.",
                    List.of("The old cast iron pipe, laid in the nineteen sixties, had burst {n} times since January and left"
                                    + " about {m} households without water for days at a time, the utility said.",
                            "The new polyethylene pipe was pulled through the old one, so only {interval} pits had to be dug instead of"
                                    + " a trench along the whole street. Traffic on the avenue was limited to one lane at night only.",
                            "{official} of the utility said leaks in {district} should now fall sharply and that pressure on the upper"
                                    + " floors of high-rise blocks would improve from next week, once the valves are balanced.",
                            "The project cost {cost} million hryvnias. The utility plans to replace another two kilometres of mains in"
                                    + " the neighbouring districts next year if the city council approves the money."),
                    "Utilities"),
            new Topic("bridge-reopens", "Footbridge over the railway in {district} reopens to pedestrians",
                    "The footbridge linking {district} with the station reopened on Monday after engineers replaced its deck.",
                    List.of("The bridge had been closed for {n} months after an inspection found corroded beams. Pedestrians had to"
                                    + " walk a detour of about {k} metres through an underpass that floods after heavy rain.",
                            "The contractor laid a new steel deck, added ramps for wheelchairs and prams, and installed lighting"
                                    + " powered by solar panels, {official} of the city infrastructure department said.",
                            "Around {m} people cross the railway here every day, most of them on their way to the station and the"
                                    + " market. Shop owners in {district} said the closure had cut their trade by a third.",
                            "The works cost {cost} million hryvnias. The city will check the bridge every {interval} months, and"
                                    + " cameras on both ends will send pictures to the control room of {city}."),
                    "City"),
            new Topic("library-opens", "A library in {district} reopens as a community hub",
                    "The district library in {district} has reopened after a year of repairs, with a shelter, a coworking room and a cafe.",
                    List.of("Its collection of about {m} books was moved to a school during the works and has now been brought"
                                    + " back and catalogued again. Volunteers gave {n} weekends to the move.",
                            "The basement was turned into a shelter for {k} people, so that readings and children's clubs can carry on"
                                    + " during alerts. The coworking room has generators and internet by satellite.",
                            "{official}, who spoke at the opening, said the city of {city} wanted a place in every district where"
                                    + " people could come to work, charge their phones and meet when the power is cut.",
                            "The library is open every day from nine until eight. Membership is free, and courses in English and"
                                    + " computer skills for older residents start in {interval} weeks."),
                    "Culture"));

    @TempDir
    Path tmp;

    private final List<Site> sites = new ArrayList<>();
    private LocalStack stack;

    /** The embedded store, started by the tests that harvest. */
    private LocalStack stack() {
        if (stack == null) {
            stack = LocalStack.inMemory();
        }
        return stack;
    }

    @AfterEach
    void stop() {
        sites.forEach(Site::close);
        if (stack != null) {
            stack.close();
        }
    }

    /** What a listener saw, and from which threads. */
    private static final class Recorder implements ProgressListener {
        final Map<String, List<Integer>> doneByOutlet = new ConcurrentHashMap<>();
        final List<HarvestProgress> overall = Collections.synchronizedList(new ArrayList<>());
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final Map<String, Integer> discovered = new ConcurrentHashMap<>();

        @Override
        public void discovered(String outlet, int urls, int due) {
            discovered.put(outlet, due);
        }

        @Override
        public void processed(ArticleOutcome outcome, int done, int total) {
            threads.add(Thread.currentThread().getName());
            doneByOutlet.computeIfAbsent(outcome.outlet(), o -> Collections.synchronizedList(new ArrayList<>())).add(done);
        }

        @Override
        public void progress(HarvestProgress p) {
            overall.add(p);
        }
    }

    @Test
    void differentHostsAreHarvestedInParallelAndEachHostKeepsItsCrawlDelay() throws IOException {
        Duration delay = Duration.ofSeconds(1);
        for (City c : CITIES) {
            sites.add(site(c, TOPICS, delay));
        }
        Harvester harvester = Wiring.harvester(env(outletsYaml(sites, delay)), stack().s3(), stack().dynamoDb(), null);
        Recorder recorder = new Recorder();

        long t0 = System.nanoTime();
        HarvestReport report = harvester.harvest(List.of(), recorder);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        // The report is the sequential one: outlets in configured order, outcomes in outlet and then feed order.
        assertEquals(CITIES.stream().map(City::id).toList(), report.outlets().stream().map(OutletReport::outlet).toList());
        for (OutletReport r : report.outlets()) {
            assertEquals(List.of(5, 5, 0, 5, 0, 5, 0), List.of(r.discovered(), r.due(), r.notDue(), r.fetched(), r.dispatched(),
                    r.count(Outcome.NEW), r.count(Outcome.FAILED)), () -> r + "\n" + report.outcomes());
            assertEquals(List.of(), r.problems());
        }
        assertEquals(25, report.total(Outcome.NEW), report.outcomes()::toString);
        assertEquals(sites.stream().flatMap(s -> s.articlePaths.stream().map(s::url)).toList(),
                report.outcomes().stream().map(ArticleOutcome::url).toList());

        // Per host: one request at a time, and the crawl delay between the end of one and the start of the next.
        long sequentialNanos = 0;
        for (Site s : sites) {
            List<Request> requests = s.requests();
            assertEquals(s.server.hits().size(), requests.size(), "every request of " + s.city.id() + " was logged");
            assertEquals(7, requests.size(), () -> s.city.id() + ": robots.txt, the feed and five articles: " + requests);
            assertEquals(Set.of("/robots.txt", "/rss.xml"), Set.of(requests.get(0).path(), requests.get(1).path()));
            assertGapsAtLeast(s, requests, delay.minusMillis(50));
            sequentialNanos += (requests.size() - 1) * delay.toNanos();
        }
        // One host after another would take at least 5 hosts × 6 delays = 30 s; in parallel it is about one host's 6 s.
        Duration sequential = Duration.ofNanos(sequentialNanos);
        System.out.printf("HarvesterParallelTest: %d hosts, %d requests, sequential bound %d ms, harvest took %d ms (%.0f %%)%n",
                sites.size(), sites.stream().mapToInt(s -> s.log.size()).sum(), sequential.toMillis(), took.toMillis(),
                100.0 * took.toNanos() / sequential.toNanos());
        assertTrue(took.toNanos() < sequential.toNanos() * 6 / 10, () -> "took " + took.toMillis() + " ms; host after host: "
                + sequential.toMillis() + " ms");

        // Progress: per outlet 1..5 in order, overall 1..25, from more than one thread, several hosts busy at once.
        for (City c : CITIES) {
            assertEquals(List.of(1, 2, 3, 4, 5), recorder.doneByOutlet.get(c.id()), c.id());
            assertEquals(5, recorder.discovered.get(c.id()));
        }
        List<HarvestProgress> overall = List.copyOf(recorder.overall);
        assertEquals(25, overall.size());
        for (int i = 0; i < overall.size(); i++) {
            assertEquals(i + 1, overall.get(i).done());
            assertEquals(25, overall.get(i).total());
            assertEquals(5, overall.get(i).hosts());
        }
        assertTrue(overall.stream().mapToInt(HarvestProgress::hostsBusy).max().orElse(0) >= 2, overall::toString);
        assertTrue(recorder.threads.size() >= 2, recorder.threads::toString);
    }

    @Test
    void aBoundedPoolAndAnOutletThatFailsAlone() throws IOException {
        Duration delay = Duration.ofMillis(300);
        for (City c : CITIES) {
            sites.add(site(c, TOPICS.subList(0, 3), delay));
        }
        // The fifth outlet's discovery throws: the index fails every look-up of its URLs.
        Site broken = sites.get(4);
        Map<String, String> env = env(outletsYaml(sites, delay));
        Harvester harvester = Harvester.builder()
                .outlets(Wiring.outlets(env, stack().s3()))
                .fetcher(Wiring.fetcher(env))
                .archive(new Archive(stack.s3(), stack.bucket()))
                .index(new ArticleIndex(failingFor(stack.dynamoDb(), broken.server.base()), stack.table()))
                .parallelism(2)
                .build();
        Recorder recorder = new Recorder();

        HarvestReport report = harvester.harvest(List.of(), recorder);

        Map<String, OutletReport> byOutlet = report.outlets().stream().collect(Collectors.toMap(OutletReport::outlet, r -> r,
                (a, b) -> a, LinkedHashMap::new));
        assertEquals(List.of("kyiv", "lviv", "odesa", "kharkiv", "dnipro"), List.copyOf(byOutlet.keySet()));
        for (String id : List.of("kyiv", "lviv", "odesa", "kharkiv")) {
            OutletReport r = byOutlet.get(id);
            assertEquals(List.of(3, 3, 3), List.of(r.discovered(), r.fetched(), r.count(Outcome.NEW)), () -> r + "\n" + report.outcomes());
        }
        OutletReport failed = byOutlet.get("dnipro");
        assertEquals(List.of(0, 0), List.of(failed.fetched(), failed.count(Outcome.NEW)));
        assertEquals(List.of("outlet failed: DynamoDbException: the index is unavailable"), failed.problems());
        assertEquals(List.of("/robots.txt", "/rss.xml"), broken.requests().stream().map(Request::path).sorted().toList());
        assertEquals(12, report.outcomes().size());

        assertTrue(recorder.threads.size() <= 2, recorder.threads::toString);
        assertTrue(recorder.overall.stream().allMatch(p -> p.hostsBusy() <= 2 && p.hosts() == 4), recorder.overall::toString);
        for (Site s : sites) {
            assertGapsAtLeast(s, s.requests(), delay.minusMillis(50));
        }
    }

    @Test
    void parallelismBelowOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Harvester.builder().parallelism(0));
        assertEquals("parallelism must be at least 1 (threads working on different hosts at once), was 0", e.getMessage());
    }

    @Test
    void hostsAreGroupedByNameWithoutPortOrUserInfo() {
        assertEquals("127.0.0.21", Harvester.host("http://127.0.0.21:8080/news/a"));
        assertEquals("www.example.com", Harvester.host("https://user@WWW.Example.com/a"));
        assertEquals("[::1]", Harvester.host("http://[::1]:8080/a"));
        assertEquals("kyiv_news.example", Harvester.host("https://kyiv_news.example:8443/a"));
        assertEquals("url:not a url", Harvester.host("not a url"));
    }

    /** A DynamoDB client that fails every query whose request mentions {@code text}. */
    private static DynamoDbClient failingFor(DynamoDbClient real, String text) {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("query") && args != null && args.length == 1
                            && args[0] instanceof QueryRequest q && q.toString().contains(text)) {
                        throw DynamoDbException.builder().message("the index is unavailable").build();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Per host: no request starts before the previous one ended, and every gap is at least {@code least}. */
    private static void assertGapsAtLeast(Site s, List<Request> requests, Duration least) {
        for (int i = 1; i < requests.size(); i++) {
            Request prev = requests.get(i - 1);
            Request next = requests.get(i);
            long gap = next.start() - prev.end();
            assertTrue(gap >= least.toNanos(), () -> s.city.id() + ": " + prev.path() + " → " + next.path() + " only "
                    + TimeUnit.NANOSECONDS.toMillis(gap) + " ms apart");
        }
    }

    /** A city paper serving robots.txt (404), a feed and one full article page per topic. */
    private static Site site(City city, List<Topic> topics, Duration delay) {
        Site s = new Site(city);
        List<String> titles = new ArrayList<>();
        for (int t = 0; t < topics.size(); t++) {
            s.articlePaths.add("/news/2025/11/" + (10 + t) + "/" + topics.get(t).slug() + "-" + slug(city.districts().get(t)));
            titles.add(fill(topics.get(t).title(), city, CITIES.indexOf(city), t));
        }
        s.serve("/robots.txt", "text/plain", 404, "not found");
        s.serve("/rss.xml", "application/rss+xml", 200, feed(s, s.articlePaths, titles));
        for (int t = 0; t < topics.size(); t++) {
            s.serve(s.articlePaths.get(t), HTML, 200, article(s, topics.get(t), t, titles));
        }
        return s;
    }

    private static String slug(String s) {
        return s.toLowerCase().replace(' ', '-');
    }

    /** The topic's text told of this city: its district, its official, and numbers of its own. */
    private static String fill(String template, City city, int c, int t) {
        return template.replace("{city}", city.id().substring(0, 1).toUpperCase() + city.id().substring(1))
                .replace("{district}", city.districts().get(t))
                .replace("{official}", city.official())
                .replace("{n}", Integer.toString(3 + 2 * c + t))
                .replace("{m}", Integer.toString(140 + 37 * c + 11 * t))
                .replace("{k}", Integer.toString(12 + 9 * c + 4 * t))
                .replace("{cost}", Integer.toString(4 + 3 * c + t) + "." + (c + t) % 10)
                .replace("{interval}", Integer.toString(6 + (c + t) % 5));
    }

    private static String feed(Site s, List<String> paths, List<String> titles) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < paths.size(); i++) {
            items.append("    <item>\n      <title>").append(titles.get(i)).append("</title>\n      <link>").append(s.url(paths.get(i)))
                    .append("</link>\n      <guid isPermaLink=\"true\">").append(s.url(paths.get(i)))
                    .append("</guid>\n      <pubDate>").append(10 + i).append(" Nov 2025 0").append(7 + i % 3)
                    .append(":15:00 +0200</pubDate>\n    </item>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n  <channel>\n    <title>" + s.city.paper()
                + "</title>\n    <link>" + s.url("/") + "</link>\n    <description>News from " + s.city.paper()
                + "</description>\n    <language>en</language>\n" + items + "  </channel>\n</rss>\n";
    }

    /** A full page: head metadata and JSON-LD, masthead and navigation, byline, counters, the text, related links, footer. */
    private static String article(Site s, Topic topic, int t, List<String> titles) {
        City city = s.city;
        int c = CITIES.indexOf(city);
        String url = s.url(s.articlePaths.get(t));
        String title = titles.get(t);
        String lede = fill(topic.lede(), city, c, t);
        String published = "2025-11-" + (10 + t) + "T0" + (7 + t % 3) + ":15:00+02:00";
        String author = List.of("Andrii Lysenko", "Mariia Tkachenko", "Yurii Petrenko", "Sofiia Marchenko", "Bohdan Kravets").get((c + t) % 5);
        StringBuilder body = new StringBuilder("          <p class=\"lede\"><strong>" + lede + "</strong></p>\n");
        for (String p : topic.paragraphs()) {
            body.append("          <p>").append(fill(p, city, c, t)).append("</p>\n");
        }
        StringBuilder related = new StringBuilder();
        for (int i = 0; i < titles.size(); i++) {
            if (i != t) {
                related.append("          <li><a href=\"").append(s.url(s.articlePaths.get(i))).append("\">").append(titles.get(i))
                        .append("</a> <span class=\"views\">").append(300 + 17 * i).append(" views</span></li>\n");
            }
        }
        return """
                <!doctype html>
                <html lang="en">
                  <head>
                    <meta charset="utf-8" />
                    <meta name="viewport" content="width=device-width, initial-scale=1" />
                    <title>%1$s — %2$s</title>
                    <meta name="description" content="%3$s" />
                    <link rel="canonical" href="%4$s" />
                    <meta property="og:site_name" content="%2$s" />
                    <meta property="og:type" content="article" />
                    <meta property="og:title" content="%1$s" />
                    <meta property="og:url" content="%4$s" />
                    <meta property="article:published_time" content="%5$s" />
                    <meta property="article:section" content="%6$s" />
                    <meta name="author" content="%7$s" />
                    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
                      "headline": "%1$s", "description": "%3$s", "url": "%4$s", "datePublished": "%5$s",
                      "author": [{"@type": "Person", "name": "%7$s"}], "articleSection": "%6$s",
                      "publisher": {"@type": "Organization", "name": "%2$s"}, "inLanguage": "en"}</script>
                    <link rel="stylesheet" href="%8$s/assets/site.css" />
                  </head>
                  <body>
                    <div class="cookie-banner">We use cookies to count visits and remember your settings. <button>Accept</button></div>
                    <header class="masthead">
                      <a class="brand" href="%8$s/">%2$s</a>
                      <nav class="primary">
                        <a href="%8$s/city">City</a> <a href="%8$s/politics">Politics</a> <a href="%8$s/business">Business</a>
                        <a href="%8$s/education">Education</a> <a href="%8$s/culture">Culture</a> <a href="%8$s/sport">Sport</a>
                        <a href="%8$s/weather">Weather</a> <a href="%8$s/subscribe">Subscribe</a>
                      </nav>
                    </header>
                    <main>
                      <article class="story">
                        <div class="breadcrumbs"><a href="%8$s/">Home</a> › <a href="%8$s/%9$s">%6$s</a></div>
                        <h1>%1$s</h1>
                        <div class="byline">By <a href="%8$s/authors/%10$s">%7$s</a> · <time datetime="%5$s">%11$s</time></div>
                        <div class="counters"><span class="views">%12$d views</span> · <span class="comments">%13$d comments</span></div>
                        <div class="story-body">
                %14$s        </div>
                        <div class="share">Share: <a href="#">Facebook</a> <a href="#">Telegram</a> <a href="#">X</a></div>
                        <div class="tags">Tags: <a href="%8$s/tags/%9$s">%6$s</a> <a href="%8$s/tags/city-life">City life</a></div>
                      </article>
                      <aside class="related">
                        <h2>More from %2$s</h2>
                        <ul>
                %15$s        </ul>
                      </aside>
                    </main>
                    <footer class="site-footer">
                      <p>© 2025 %2$s. All rights reserved.</p>
                      <a href="%8$s/about">About us</a> <a href="%8$s/privacy">Privacy</a> <a href="%8$s/contact">Contact the newsroom</a>
                    </footer>
                  </body>
                </html>
                """.formatted(title, city.paper(), lede, url, published, topic.section(), author, s.url(""),
                topic.section().toLowerCase(), slug(author), (10 + t) + " November 2025, 0" + (7 + t % 3) + ":15",
                1000 + 97 * c + 31 * t, 3 + c + t, body, related);
    }

    private static String outletsYaml(List<Site> sites, Duration delay) {
        StringBuilder y = new StringBuilder("outlets:\n");
        for (Site s : sites) {
            y.append("  - id: ").append(s.city.id()).append('\n')
                    .append("    name: ").append(s.city.paper()).append('\n')
                    .append("    language: en\n")
                    .append("    timezone: Europe/Kyiv\n")
                    .append("    feeds: [").append(s.url("/rss.xml")).append("]\n")
                    .append("    sitemaps: []\n")
                    .append("    listings: []\n")
                    .append("    articlePattern: '^").append(Pattern.quote(s.server.base())).append("/news/'\n")
                    .append("    revisit: PT48H\n")
                    .append("    minRevisitInterval: PT60M\n")
                    .append("    crawlDelay: ").append(delay).append('\n');
        }
        return y.toString();
    }

    private Map<String, String> env(String outletsYaml) throws IOException {
        Path file = tmp.resolve("outlets.yaml");
        Files.writeString(file, outletsYaml, StandardCharsets.UTF_8);
        Map<String, String> env = new HashMap<>();
        env.put(Wiring.ARTICLES_TABLE, stack().table());
        env.put(Wiring.ARCHIVE_BUCKET, stack.bucket());
        env.put(Wiring.OUTLETS_URI, file.toString());
        env.put(Wiring.ALLOW_PRIVATE_NETWORKS, "127.0.0.0/8");
        return env;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
