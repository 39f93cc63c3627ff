package dev.newsharvester.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke run of {@link LifeCostBench}: one simulated day of five stories, three of them deleted (404, 410, soft
 * 404 in turn) at times spread over the day, harvested hourly. A deletion is recorded DELETED no sooner than the
 * confirmation delay after it was made, each recorded once, and the counters add up.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ThirtyDaysIT {

    @TempDir
    Path tmp;

    @Test
    void twoDaysOfFiveStoriesFindTheDeletionsAndCountEveryCall() throws Exception {
        ThirtyDays.Figures f;
        try (ThirtyDays sim = new ThirtyDays(5, 1, 1, 0.6, tmp)) {
            f = sim.run(day -> { });
        }
        String report = LifeCostBench.report(f);
        assertEquals(48, f.harvests(), report);
        assertEquals(5, f.published(), report);
        assertEquals(5, f.outcomes().get(Outcome.NEW), report);
        assertEquals(0, f.outcomes().get(Outcome.FAILED), report);

        long recorded = f.deletions().stream().filter(d -> d.detected() != null).count();
        assertTrue(f.deletions().size() >= 3 && recorded >= 1, report);
        for (ThirtyDays.Deletion d : f.deletions()) {
            assertTrue(d.detected() == null || d.delay().compareTo(ThirtyDays.CONFIRM) >= 0,
                    "confirmed no sooner than the delay after the deletion\n" + report);
        }
        assertEquals((int) recorded, (int) f.outcomes().get(Outcome.DELETED), report);

        // every story fetched at least once, every NEW one stored, raw and clean; reads and writes for each visit
        assertTrue(f.articleFetches() >= f.published(), report);
        // and no more than its schedule: first sight and the 15 min, 1 h, 3 h and 12 h rungs (one more where a change
        // or a first sign of deletion brings a visit closer), even for a gone page its feed still lists
        assertTrue(f.articleFetches() <= 6L * f.published(), "fetched past the schedule\n" + report);
        assertTrue(f.httpRequests() >= f.articleFetches() + f.harvests(), "a feed fetch per harvest\n" + report);
        assertTrue(f.s3Puts() >= 2L * f.published(), report);
        assertTrue(LifeCostBench.writes(f.dynamo()) >= f.published(), report);
        assertTrue(LifeCostBench.reads(f.dynamo()) >= f.articleFetches(), report);
        assertTrue(f.dynamo().reportedWriteUnits() > 0 && f.dynamo().reportedReadUnits() > 0, report);
        assertTrue(f.billedMs() >= f.harvests(), report);
        assertTrue(f.revisedSeen() <= f.headlineEdits() + f.bodyEdits(), report);
    }
}
