package dev.newsharvester.pipeline;

import static dev.newsharvester.pipeline.CityPapers.CITIES;
import static dev.newsharvester.pipeline.CityPapers.HTML;
import static dev.newsharvester.pipeline.CityPapers.outletsYaml;

import dev.newsharvester.change.ChangeEvent;
import dev.newsharvester.change.ChangeKind;
import dev.newsharvester.fleetsim.AwsCounters;
import dev.newsharvester.fleetsim.NewsProse;
import dev.newsharvester.local.LocalStack;
import dev.newsharvester.pipeline.CityPapers.Site;
import dev.newsharvester.pipeline.CityPapers.Topic;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.HealthCounters;
import dev.newsharvester.store.HealthObjects;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An outlet's month on a controlled clock: a city paper on loopback publishes {@code perDay} generated stories a day
 * (evenly over the hours, its feed listing the latest 30), edits some (headlines within 6 hours, bodies within 3
 * days), and deletes some at times spread over the whole run (404, 410 and a soft-404 page in turn); the production
 * harvester (due index, health counters) on the embedded DynamoDB and S3 harvests it every hour. It counts HTTP
 * requests the site answered, DynamoDB calls and the capacity DynamoDB Local reports for them, S3 PUTs, and the
 * billed time of each harvest (its wall time rounded up to the millisecond, as Lambda bills), and records when each
 * deletion was found.
 */
final class ThirtyDays implements AutoCloseable {

    static final Instant DAY0 = Instant.parse("2026-11-20T00:00:00Z");
    static final int FEED_ITEMS = 30;
    static final Duration CONFIRM = Duration.ofHours(1);
    static final String SOFT_404 = "<!doctype html><html><head><title>Page not found — %s</title></head><body>"
            + "<header><a href=\"/\">%s</a></header><main><h1>Sorry, this page was removed</h1>"
            + "<p>Try the search or go to the front page.</p></main></body></html>";

    /** A generated story: where it lives, when it appears, and its text as the site serves it now. */
    static final class Story {
        final int number;
        final String path;
        final Instant published;
        final String section;
        String title;
        final List<String> paragraphs;
        Instant deleted;
        String deletedAs;

        Story(int number, String path, Instant published, NewsProse.Story prose) {
            this.number = number;
            this.path = path;
            this.published = published;
            this.section = prose.section();
            this.title = prose.headline();
            this.paragraphs = new ArrayList<>(prose.paragraphs());
        }
    }

    /** A deletion the site made and when the harvester recorded it DELETED (null if not within the run). */
    record Deletion(String path, String how, Instant at, Instant detected) {
        Duration delay() {
            return detected == null ? null : Duration.between(at, detected);
        }
    }

    /** What the run measured. */
    record Figures(int perDay, int days, int followDays, int harvests, int published, int dayZeroStories, long httpRequests,
            double dayZeroHttpPerStory, long articleFetches, AwsCounters.Snapshot dynamo, long s3Puts, long billedMs,
            Map<Outcome, Integer> outcomes, int headlineEdits, int bodyEdits, int revisedSeen, List<Deletion> deletions) {
    }

    private record Action(Instant at, int order, Runnable run) {
    }

    private final int perDay;
    private final int days;
    /** Days harvested after the last story is published, so the last stories live their whole revisit schedule. */
    private final int followDays;
    private final LocalStack stack;
    private final Site site;
    private final MovableClock clock = new MovableClock(DAY0);
    private final AwsCounters counters = new AwsCounters();
    private final List<Story> stories = new ArrayList<>();
    private final List<Story> live = new ArrayList<>();
    private final PriorityQueue<Action> actions = new PriorityQueue<>(
            Comparator.comparing(Action::at).thenComparingInt(Action::order));
    private final Map<String, Instant> deletedEvents = new ConcurrentHashMap<>();
    private final List<ChangeEvent> revised = Collections.synchronizedList(new ArrayList<>());
    private final Harvester harvester;
    private int order;
    private int headlineEdits;
    private int bodyEdits;

    ThirtyDays(int perDay, int days, double deletedShare, Path tmp) throws Exception {
        this(perDay, days, 0, deletedShare, tmp);
    }

    ThirtyDays(int perDay, int days, int followDays, double deletedShare, Path tmp) throws Exception {
        if (perDay < 1 || days < 1 || followDays < 0) {
            throw new IllegalArgumentException("articles per day and days must be at least 1, were " + perDay + " and " + days);
        }
        this.perDay = perDay;
        this.days = days;
        this.followDays = followDays;
        stack = LocalStack.inMemory();
        site = new Site(CITIES.get(0));
        site.serve("/robots.txt", "text/plain", 404, "not found");
        Path yaml = tmp.resolve("outlets.yaml");
        Files.writeString(yaml, outletsYaml(List.of(site), Duration.ZERO)
                .replace("    revisit: PT48H\n", "    revisitUntil: P30D\n")
                .replace("    minRevisitInterval: PT60M\n", "    minRevisitInterval: PT10M\n"), StandardCharsets.UTF_8);
        Settings env = Settings.store(stack.table(), stack.bucket()).withOutletsUri(yaml.toString())
                .withAllowPrivateNetworks("127.0.0.0/8");
        DynamoDbClient ddb = counters.wrap(stack.dynamoDb());
        harvester = Harvester.builder()
                .outlets(Wiring.outlets(env, stack.s3()))
                .fetcher(Wiring.fetcher(env))
                .archive(new Archive(stack.s3(), stack.bucket()))
                .index(new ArticleIndex(ddb, stack.table()))
                .health(new HealthCounters(ddb, stack.table()), env.health(), new HealthObjects(stack.s3(), stack.bucket()))
                .dueIndex(Wiring.dueIndex(env, ddb))
                .changeSink(this::changed)
                .deletionConfirmAfter(CONFIRM)
                .clock(clock)
                .build();
        plan(deletedShare);
    }

    private void changed(ChangeEvent e) {
        String path = e.url().substring(site.url("").length());
        if (e.kind() == ChangeKind.DELETED) {
            deletedEvents.putIfAbsent(path, e.at());
        } else if (e.kind() == ChangeKind.REVISED) {
            revised.add(e);
        }
    }

    /** Every story of the run, its edits and its deletion, from a fixed seed. */
    private void plan(double deletedShare) {
        Random r = new Random(30);
        Instant end = DAY0.plus(Duration.ofDays(days));
        String[] kinds = {"404", "410", "soft-404"};
        int deletions = 0;
        for (int n = 0; n < perDay * days; n++) {
            Instant published = DAY0.plus(Duration.ofMinutes(24L * 60 * n / perDay));
            NewsProse.Story prose = NewsProse.story(1000 + n);
            String date = published.atZone(ZoneOffset.UTC).toLocalDate().toString().replace('-', '/');
            String slug = String.join("-", List.of(prose.headline().toLowerCase(Locale.ROOT).split("[^a-z]+")).subList(0, 4));
            Story s = new Story(n, "/news/" + date + "/" + slug + "-" + n, published, prose);
            stories.add(s);
            at(published, () -> publish(s));
            if (r.nextInt(10) == 0) {   // one in ten: the headline is sharpened within six hours
                at(published.plus(Duration.ofMinutes(20 + r.nextInt(340))), () -> {
                    s.title = "Update: " + s.title;
                    headlineEdits++;
                    serve(s);
                });
            }
            if (r.nextInt(20) == 0) {   // one in twenty: a paragraph is added within three days
                at(published.plus(Duration.ofMinutes(60 + r.nextInt(3 * 24 * 60 - 60))), () -> {
                    s.paragraphs.add("This article was updated with a statement from the city council.");
                    bodyEdits++;
                    serve(s);
                });
            }
            if (deletions < Math.round(deletedShare * (n + 1))) {
                deletions++;
                long window = Duration.between(published, end).toMinutes();
                Instant when = published.plus(Duration.ofMinutes(30 + (long) (r.nextDouble() * Math.max(1, window - 30))));
                String how = kinds[deletions % 3];
                at(when, () -> delete(s, when, how));
            }
        }
    }

    private void at(Instant when, Runnable run) {
        actions.add(new Action(when, order++, run));
    }

    private void publish(Story s) {
        serve(s);
        live.add(s);
        List<Story> latest = live.subList(Math.max(0, live.size() - FEED_ITEMS), live.size());
        site.serve("/rss.xml", "application/rss+xml", 200, CityPapers.feed(site, latest.stream().map(x -> x.path).toList(),
                latest.stream().map(x -> x.title).toList()));
    }

    /** The story's page as the city paper renders it, with the four stories it was published with as related links. */
    private void serve(Story s) {
        if (s.deleted != null) {
            return;
        }
        int t = s.number % 5;
        List<String> paths = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (int i = s.number - t; i < s.number - t + 5; i++) {
            Story o = i < stories.size() ? stories.get(i) : s;
            paths.add(o.path);
            titles.add(o.title);
        }
        site.articlePaths.clear();
        site.articlePaths.addAll(paths);
        Topic topic = new Topic("story-" + s.number, s.title, s.paragraphs.get(0),
                s.paragraphs.subList(1, s.paragraphs.size()), s.section);
        site.serve(s.path, HTML, 200, CityPapers.article(site, topic, t, titles));
    }

    private void delete(Story s, Instant when, String how) {
        s.deleted = when;
        s.deletedAs = how;
        switch (how) {
            case "404" -> site.serve(s.path, HTML, 404, "<html><body><h1>Not found</h1></body></html>");
            case "410" -> site.serve(s.path, HTML, 410, "<html><body><h1>Gone</h1></body></html>");
            default -> site.serve(s.path, HTML, 200, SOFT_404.formatted(site.city.paper(), site.city.paper()));
        }
    }

    /** Harvests every hour from day 0 to the end of the last day, doing the site's changes due before each run. */
    Figures run(java.util.function.IntConsumer afterDay) {
        long billedMs = 0;
        int harvests = 0;
        Map<Outcome, Integer> outcomes = new java.util.EnumMap<>(Outcome.class);
        Instant end = DAY0.plus(Duration.ofDays(days + followDays));
        for (Instant t = DAY0.plusSeconds(30); t.isBefore(end); t = t.plus(Duration.ofHours(1))) {
            while (!actions.isEmpty() && !actions.peek().at().isAfter(t)) {
                actions.poll().run().run();
            }
            clock.set(t);
            long start = System.nanoTime();
            HarvestReport report = harvester.harvest(List.of(), ProgressListener.NONE);
            billedMs += (System.nanoTime() - start + 999_999) / 1_000_000;
            harvests++;
            for (Outcome o : Outcome.values()) {
                outcomes.merge(o, report.total(o), Integer::sum);
            }
            if (harvests % 24 == 0) {
                afterDay.accept(harvests / 24);
            }
        }
        return figures(harvests, billedMs, outcomes);
    }

    private Figures figures(int harvests, long billedMs, Map<Outcome, Integer> outcomes) {
        List<CityPapers.Request> log = site.requests();
        Map<String, Long> byPath = new java.util.HashMap<>();
        log.forEach(q -> byPath.merge(q.path(), 1L, Long::sum));
        long articleFetches = log.stream().filter(q -> q.path().startsWith("/news/")).count();
        // day 0's stories, never deleted: the longest lives in the run
        List<Story> full = stories.stream().filter(s -> s.published.isBefore(DAY0.plus(Duration.ofDays(1)))
                && s.deleted == null).toList();
        double fullHttp = full.stream().mapToLong(s -> byPath.getOrDefault(s.path, 0L)).average().orElse(Double.NaN);
        List<Deletion> deletions = stories.stream().filter(s -> s.deleted != null)
                .map(s -> new Deletion(s.path, s.deletedAs, s.deleted, deletedEvents.get(s.path))).toList();
        return new Figures(perDay, days, followDays, harvests, stories.size(), full.size(), log.size(), fullHttp, articleFetches,
                counters.snapshot(), stack.s3Puts(), billedMs, outcomes, headlineEdits, bodyEdits, revised.size(), deletions);
    }

    @Override
    public void close() {
        site.close();
        stack.close();
    }
}
