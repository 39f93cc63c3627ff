package dev.newsharvester.pipeline;

import static dev.newsharvester.pipeline.CityPapers.CITIES;
import static dev.newsharvester.pipeline.CityPapers.HTML;
import static dev.newsharvester.pipeline.CityPapers.TOPICS;

import dev.newsharvester.change.ChangeJournal;
import dev.newsharvester.fetch.AddressGuard;
import dev.newsharvester.fetch.HttpFetcher;
import dev.newsharvester.health.HealthThresholds;
import dev.newsharvester.local.LocalStack;
import dev.newsharvester.outlet.Outlets;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.ChangeLog;
import dev.newsharvester.store.HealthCounters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An archive harvested through the real pipeline from three city papers on loopback (the {@link CityPapers} sites of
 * Kyiv, Lviv and Odesa, five stories each, told by every paper of its own city: the same stories across outlets), on a
 * clock the fixture moves: round 1 stores all fifteen articles; then Kyiv's tram story is revised (headline and a
 * paragraph, the new paragraph quoting markup as text) and its bridge story answers 410; round 2 stores the
 * revision and suspects the deletion, round 3 (past the confirmation delay) confirms it. Changes go to the change log,
 * outcomes to the health counters. For tests of other packages (the web page); closing stops the sites and the store.
 */
public final class PapersArchive implements AutoCloseable {

    /** The paragraph the revision adds: markup written as text, which every page must show as text. */
    public static final String HOSTILE = "Update: the <script>alert('x')</script> line & <b>night trams</b> start in December.";

    public final LocalStack stack;
    public final ChangeJournal journal;
    public final HealthCounters health;
    public final List<String> outlets;
    /** Kyiv's revised article, its deleted article, and Lviv's telling of the revised story. */
    public final String revised, deleted, sameStory;
    /** The revised article's headlines before and after. */
    public final String headlineBefore, headlineAfter;
    private final MovableClock clock = new MovableClock(Instant.parse("2025-11-15T08:00:00Z"));
    private final List<CityPapers.Site> sites = new ArrayList<>();
    /** The outcomes of the three rounds, for the test to check the fixture is what it says. */
    public final List<HarvestReport> rounds = new ArrayList<>();

    public PapersArchive() {
        stack = LocalStack.inMemory();
        try {
            for (int c = 0; c < 3; c++) {
                sites.add(CityPapers.site(CITIES.get(c), TOPICS, Duration.ZERO));
            }
            Settings settings = Settings.store(stack.table(), stack.bucket());
            Archive archive = new Archive(stack.s3(), stack.bucket());
            journal = new ChangeJournal(new ChangeLog(archive));
            health = new HealthCounters(stack.dynamoDb(), stack.table());
            Harvester harvester = Harvester.builder()
                    .outlets(Outlets.parse(CityPapers.outletsYaml(sites, Duration.ZERO), "papers"))
                    .fetcher(HttpFetcher.builder().addressGuard(AddressGuard.fromSpec("127.0.0.0/8")).minDelay(Duration.ZERO).build())
                    .archive(archive).index(new ArticleIndex(stack.dynamoDb(), stack.table()))
                    .changeSink(Wiring.changeSink(settings, stack.s3(), null))
                    .health(health, HealthThresholds.DEFAULT, null).clock(clock).build();
            outlets = sites.stream().map(s -> s.city.id()).toList();
            CityPapers.Site kyiv = sites.get(0);
            List<String> titles = new ArrayList<>();
            for (int t = 0; t < TOPICS.size(); t++) {
                titles.add(CityPapers.fill(TOPICS.get(t).title(), kyiv.city, 0, t));
            }
            revised = kyiv.url(kyiv.articlePaths.get(0));
            deleted = kyiv.url(kyiv.articlePaths.get(3));
            sameStory = sites.get(1).url(sites.get(1).articlePaths.get(0));
            headlineBefore = titles.get(0);
            headlineAfter = "'Trams are back': " + headlineBefore;
            rounds.add(harvester.harvest(List.of(), ProgressListener.NONE));

            String page = CityPapers.article(kyiv, TOPICS.get(0), 0, titles);
            String edited = page.replace(headlineBefore, headlineAfter)
                    .replace("          <p>Trams will run", "          <p>" + escape(HOSTILE) + "</p>\n          <p>Trams will run")
                    .replace("the city transport app.", "the city transport app, which now shows trams live.");
            kyiv.serve(kyiv.articlePaths.get(0), HTML, 200, edited);
            kyiv.serve(kyiv.articlePaths.get(3), HTML, 410, "<!doctype html><html><head><title>Gone</title></head>"
                    + "<body><h1>This page has been removed</h1></body></html>");
            clock.advance(Duration.ofHours(2));
            rounds.add(harvester.harvest(List.of(), ProgressListener.NONE));
            clock.advance(Duration.ofHours(2));
            rounds.add(harvester.harvest(List.of(), ProgressListener.NONE));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The clock the archive was made on, standing at the end of the last round. */
    public Clock clock() {
        return clock;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        sites.forEach(CityPapers.Site::close);
        stack.close();
    }
}
