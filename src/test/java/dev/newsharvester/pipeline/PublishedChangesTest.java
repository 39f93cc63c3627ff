package dev.newsharvester.pipeline;

import static dev.newsharvester.pipeline.CityPapers.CITIES;
import static dev.newsharvester.pipeline.CityPapers.TOPICS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.newsharvester.change.AtomFeeds;
import dev.newsharvester.change.ChangeEvent;
import dev.newsharvester.change.ChangeJournal;
import dev.newsharvester.change.ChangeKind;
import dev.newsharvester.local.LocalStack;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.ChangeLog;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local harvest through the entry points' wiring ({@link Wiring#publishingHarvester}) publishes its changes: the
 * change log in the bucket, and the Atom feed and a page per change both in the bucket and under the data directory.
 */
class PublishedChangesTest {

    @Test
    void aHarvestLogsItsNewArticlesAndWritesTheOutletsFeedAndPages(@TempDir Path tmp) throws Exception {
        CityPapers.Site site = CityPapers.site(CITIES.get(0), TOPICS, Duration.ZERO);
        try (LocalStack stack = LocalStack.inMemory(); site) {
            Path outlets = tmp.resolve("outlets.yaml");
            Files.writeString(outlets, CityPapers.outletsYaml(List.of(site), Duration.ZERO), StandardCharsets.UTF_8);
            Path feeds = tmp.resolve("data").resolve("feeds");
            Settings settings = Settings.store(stack.table(), stack.bucket()).withOutletsUri(outlets.toString())
                    .withAllowPrivateNetworks("127.0.0.0/8").withFeedsDirectory(feeds.toString());
            String outlet = CITIES.get(0).id();

            HarvestReport report = Wiring.publishingHarvester(settings, stack.s3(), stack.dynamoDb(), null)
                    .harvest(List.of(), ProgressListener.NONE);

            int added = report.outlets().get(0).count(Outcome.NEW);
            assertEquals(TOPICS.size(), added, report::toString);
            Archive archive = new Archive(stack.s3(), stack.bucket());
            List<ChangeEvent> logged = new ChangeJournal(new ChangeLog(archive)).read(outlet, null, Set.of());
            assertEquals(added, logged.size());
            assertTrue(logged.stream().allMatch(e -> e.kind() == ChangeKind.NEW && e.cleanKeyAfter() != null), logged::toString);

            String local = Files.readString(feeds.resolve(AtomFeeds.feedName(outlet)));
            assertEquals(local, new String(archive.bytes("feeds/" + AtomFeeds.feedName(outlet)), StandardCharsets.UTF_8));
            SyndFeed feed = new SyndFeedInput().build(new StringReader(local));
            assertEquals(added, feed.getEntries().size());
            for (ChangeEvent e : logged) {
                String page = Files.readString(feeds.resolve(AtomFeeds.pageName(e)));
                assertTrue(page.contains("<ins>") && page.contains(e.url()), page);
            }

            // the same URLs again, unchanged: nothing new is published
            Wiring.publishingHarvester(settings, stack.s3(), stack.dynamoDb(), null).harvest(List.of(), ProgressListener.NONE);
            assertEquals(added, new ChangeJournal(new ChangeLog(archive)).read(outlet, null, Set.of()).size());
        }
    }
}
