package dev.newsharvester.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.newsharvester.pipeline.ArticleOutcome;
import dev.newsharvester.pipeline.ArticleTask;
import dev.newsharvester.pipeline.HarvestProgress;
import dev.newsharvester.pipeline.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harvest command's progress lines on stderr. */
class HarvestProgressPrinterTest {

    @Test
    void aSummaryEveryTwoSecondsAndAtTheEndAndALinePerFailure() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        HarvestProgressPrinter p = new HarvestProgressPrinter(err, Duration.ofSeconds(2), false);
        p.discovered("unn", 12, 10);
        ArticleTask task = new ArticleTask("unn", "https://unn.ua/en/news/a");
        for (int done = 1; done <= 10; done++) {
            p.processed(done == 4 ? ArticleOutcome.failed(task, "HTTP 404: Not Found")
                    : ArticleOutcome.of(task, Outcome.NEW, "h", null), done, 10);
            p.progress(new HarvestProgress(done, 10, 3, 4, Duration.ofMillis(700L * done)));
        }
        assertEquals(List.of(
                "[unn] discovered 12 article URLs: 10 due (new, or young and not fetched recently), 2 not due",
                "harvest: 3/10 articles, 3 of 4 hosts busy, 00:02 elapsed",
                "[unn] 4/10 FAILED    https://unn.ua/en/news/a  (HTTP 404: Not Found)",
                "harvest: 6/10 articles, 3 of 4 hosts busy, 00:04 elapsed",
                "harvest: 9/10 articles, 3 of 4 hosts busy, 00:06 elapsed",
                "harvest: 10/10 articles done on 4 hosts, 00:07 elapsed"), bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void elapsedTime() {
        assertEquals("00:42", HarvestProgressPrinter.clock(Duration.ofSeconds(42)));
        assertEquals("12:05", HarvestProgressPrinter.clock(Duration.ofSeconds(725)));
        assertEquals("1:02:03", HarvestProgressPrinter.clock(Duration.ofSeconds(3723)));
    }
}
