package dev.newsharvester.pipeline;

import static dev.newsharvester.pipeline.CityPapers.CITIES;
import static dev.newsharvester.pipeline.CityPapers.HTML;
import static dev.newsharvester.pipeline.CityPapers.TOPICS;

import dev.newsharvester.extract.ArticleExtractor;
import dev.newsharvester.fetch.AddressGuard;
import dev.newsharvester.fetch.HttpFetcher;
import dev.newsharvester.local.LocalStack;
import dev.newsharvester.outlet.Outlets;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.Archive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An embedded store harvested from a city paper on loopback (the {@link CityPapers} pages), for tests of the read side
 * in other packages: five articles published 10–14 November 2025; the first revised once (headline, byline and a
 * paragraph), the third deleted (410, confirmed an hour later). The store is closed when {@link #build} returns.
 *
 * @param outletsFile the outlets YAML the store was harvested with (for {@code --config})
 * @param urls        the five article URLs, by topic
 * @param titles      their first headlines
 * @param revisedTitle the first article's headline after the revision
 */
public record ExportArchiveFixture(Path outletsFile, String outlet, List<String> urls, List<String> titles,
        String revisedTitle) {

    /** The author of the first article before and after the revision. */
    public static final String AUTHOR_BEFORE = "Andrii Lysenko", AUTHOR_AFTER = "Olena Shevchuk";

    /** Harvests into {@code data} (a new or empty directory) and writes the outlets file beside it in {@code dir}. */
    public static ExportArchiveFixture build(Path data, Path dir) throws IOException {
        MovableClock clock = new MovableClock(Instant.parse("2025-11-15T08:00:00Z"));
        try (CityPapers.Site site = CityPapers.site(CITIES.get(0), TOPICS, Duration.ZERO);
                LocalStack stack = LocalStack.open(data)) {
            List<String> titles = new ArrayList<>();
            List<String> urls = new ArrayList<>();
            for (int t = 0; t < TOPICS.size(); t++) {
                titles.add(CityPapers.fill(TOPICS.get(t).title(), site.city, 0, t));
                urls.add(site.url(site.articlePaths.get(t)));
            }
            String yaml = CityPapers.outletsYaml(List.of(site), Duration.ZERO);
            Path outletsFile = Files.writeString(dir.resolve("outlets.yaml"), yaml);
            ArticleProcessor processor = new ArticleProcessor(Outlets.parse(yaml, "test"),
                    HttpFetcher.builder().addressGuard(AddressGuard.fromSpec("127.0.0.0/8")).minDelay(Duration.ZERO).build(),
                    new ArticleExtractor(), new Archive(stack.s3(), stack.bucket()), new ArticleIndex(stack.dynamoDb(),
                    stack.table()), clock, dev.newsharvester.change.ChangeSink.NONE, Duration.ofHours(1));
            String id = site.city.id();
            for (int t = 0; t < urls.size(); t++) {
                expect(Outcome.NEW, processor.process(new ArticleTask(id, urls.get(t))));
            }
            // the first article: headline (with a comma and quotes, for CSV), byline and one paragraph edited at once
            clock.set(clock.instant().plus(Duration.ofHours(3)));
            String revisedTitle = "'Trams are back', says the city: " + titles.get(0);
            String page = CityPapers.article(site, TOPICS.get(0), 0, titles).replace(titles.get(0), revisedTitle)
                    .replace(AUTHOR_BEFORE, AUTHOR_AFTER).replace("A pensioner waiting at the terminus said",
                            "An elderly woman at the terminus, who asked not to be named, said");
            site.serve(site.articlePaths.get(0), HTML, 200, page);
            expect(Outcome.REVISED, processor.process(new ArticleTask(id, urls.get(0))));
            // the third: gone (410), confirmed by a second check an hour later
            site.serve(site.articlePaths.get(2), HTML, 410, "gone");
            expect(Outcome.UNCHANGED, processor.process(new ArticleTask(id, urls.get(2))));
            clock.set(clock.instant().plus(Duration.ofHours(1)).plusSeconds(60));
            expect(Outcome.DELETED, processor.process(new ArticleTask(id, urls.get(2))));
            return new ExportArchiveFixture(outletsFile, id, List.copyOf(urls), List.copyOf(titles), revisedTitle);
        }
    }

    private static void expect(Outcome expected, ArticleOutcome o) {
        if (o.outcome() != expected) {
            throw new IllegalStateException("fixture: expected " + expected + ", got " + o);
        }
    }
}
