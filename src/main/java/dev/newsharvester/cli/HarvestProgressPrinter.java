package dev.newsharvester.cli;

import dev.newsharvester.pipeline.ArticleOutcome;
import dev.newsharvester.pipeline.HarvestProgress;
import dev.newsharvester.pipeline.Outcome;
import dev.newsharvester.pipeline.ProgressListener;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The {@code harvest} command's progress, on stderr (stdout holds the table or the JSON): a line per outlet when it is
 * discovered, a line per failed article, and a summary every {@code every} and at the end:
 * {@code harvest: 120/1000 articles, 7 of 12 hosts busy, 00:42 elapsed}. With {@code perArticle}, a line for every
 * article as well. Thread-safe: the harvest calls it from its worker threads.
 */
final class HarvestProgressPrinter implements ProgressListener {

    private final PrintStream err;
    private final Duration every;
    private final boolean perArticle;
    private Duration lastSummary = Duration.ZERO;

    HarvestProgressPrinter(PrintStream err, Duration every, boolean perArticle) {
        this.err = err;
        this.every = every;
        this.perArticle = perArticle;
    }

    @Override
    public synchronized void discovered(String outlet, int urls, int due) {
        err.printf("[%s] discovered %d article URLs: %d due (new, or young and not fetched recently), %d not due%n",
                outlet, urls, due, urls - due);
    }

    @Override
    public synchronized void processed(ArticleOutcome o, int done, int total) {
        if (perArticle || o.outcome() == Outcome.FAILED) {
            err.printf("[%s] %d/%d %-9s %s%s%n", o.outlet(), done, total, o.outcome(), o.url(),
                    o.reason() == null || o.outcome() == Outcome.NEW ? "" : "  (" + o.reason() + ")");
        }
    }

    @Override
    public synchronized void progress(HarvestProgress p) {
        boolean last = p.done() == p.total();
        if (!last && p.elapsed().minus(lastSummary).compareTo(every) < 0) {
            return;
        }
        lastSummary = p.elapsed();
        if (last) {
            err.printf("harvest: %d/%d articles done on %d host%s, %s elapsed%n", p.done(), p.total(), p.hosts(),
                    p.hosts() == 1 ? "" : "s", clock(p.elapsed()));
        } else {
            err.printf("harvest: %d/%d articles, %d of %d hosts busy, %s elapsed%n", p.done(), p.total(), p.hostsBusy(),
                    p.hosts(), clock(p.elapsed()));
        }
    }

    /** "00:42", "12:05", "1:02:03". */
    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%02d:%02d", s / 60, s % 60);
    }
}
