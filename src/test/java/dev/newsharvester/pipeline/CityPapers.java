package dev.newsharvester.pipeline;

import static dev.newsharvester.fetch.LoopbackHttpServer.respond;

import static dev.newsharvester.fetch.LoopbackHttpServer.respond;
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
 * The fixture of {@link HarvesterParallelTest}: five city papers, each a real HTTP server on its own loopback address
 * (127.0.0.21–25) with a feed and full article pages (head metadata, JSON-LD, menus, related lists, counters), and
 * a log of every request it answered.
 */
final class CityPapers {

    private CityPapers() {
    }

    static final String HTML = "text/html; charset=utf-8";
    static final long SERVER_LATENCY_MS = 20;

    /** A city paper: the outlet id, its name, its address, and five districts its stories are set in. */
    record City(String id, String paper, String address, String official, List<String> districts) {
    }

    /** A story the five papers each tell about their own city. */
    record Topic(String slug, String title, String lede, List<String> paragraphs, String section) {
    }

    /** One request as the server saw it, from the start of its handling to the end of the response. */
    record Request(String path, long start, long end) {
    }

    /** A paper on its own loopback host, with the log of every request it answered. */
    static final class Site implements AutoCloseable {
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

    static final List<City> CITIES = List.of(
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

    static final List<Topic> TOPICS = List.of(
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

    static Site site(City city, List<Topic> topics, Duration delay) {
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

    static String slug(String s) {
        return s.toLowerCase().replace(' ', '-');
    }

    /** The topic's text told of this city: its district, its official, and numbers of its own. */
    static String fill(String template, City city, int c, int t) {
        return template.replace("{city}", city.id().substring(0, 1).toUpperCase() + city.id().substring(1))
                .replace("{district}", city.districts().get(t))
                .replace("{official}", city.official())
                .replace("{n}", Integer.toString(3 + 2 * c + t))
                .replace("{m}", Integer.toString(140 + 37 * c + 11 * t))
                .replace("{k}", Integer.toString(12 + 9 * c + 4 * t))
                .replace("{cost}", Integer.toString(4 + 3 * c + t) + "." + (c + t) % 10)
                .replace("{interval}", Integer.toString(6 + (c + t) % 5));
    }

    static String feed(Site s, List<String> paths, List<String> titles) {
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
    static String article(Site s, Topic topic, int t, List<String> titles) {
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

    static String outletsYaml(List<Site> sites, Duration delay) {
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

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
