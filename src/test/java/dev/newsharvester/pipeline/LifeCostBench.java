package dev.newsharvester.pipeline;

import dev.newsharvester.fleetsim.AwsCounters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What an article's life costs: {@link ThirtyDays} for an outlet publishing {@code N} stories a day (default 100),
 * for {@code D} days (default 30), {@code P} % of the stories (default 3) deleted at times spread over those days,
 * harvested hourly until {@code F} days after the last story (default 31: the default revisit schedule ends 30 days
 * after publication, so every story lives its whole schedule and a late deletion can still be found). Prints
 * the figures per published story. Run (after {@code mvn package} and {@code dependency:build-classpath}, see the
 * README):
 * <pre>java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) dev.newsharvester.pipeline.LifeCostBench [N] [D] [P] [F]</pre>
 */
public final class LifeCostBench {

    static final double DELETED_SHARE = 0.03;

    private LifeCostBench() {
    }

    public static void main(String[] args) throws Exception {
        int perDay = args.length > 0 ? positive(args[0], "articles per day (first argument, e.g. 100)") : 100;
        int days = args.length > 1 ? positive(args[1], "days (second argument, e.g. 30)") : 30;
        double deleted = args.length > 2 ? positive(args[2], "percent of stories deleted (third argument, e.g. 3)") / 100.0
                : DELETED_SHARE;
        int follow = args.length > 3 ? Integer.parseInt(args[3]) : 31;
        if (follow < 0) {
            throw new IllegalArgumentException("error: follow-up days (fourth argument) must be 0 or more, was " + follow);
        }
        Path tmp = Files.createTempDirectory("life-cost");
        long start = System.nanoTime();
        ThirtyDays.Figures f;
        try (ThirtyDays sim = new ThirtyDays(perDay, days, follow, deleted, tmp)) {
            f = sim.run(day -> System.err.printf(Locale.ROOT, "day %d done (%.0f s)%n", day,
                    (System.nanoTime() - start) / 1e9));
        }
        System.out.print(report(f));
    }

    private static int positive(String arg, String what) {
        try {
            int n = Integer.parseInt(arg);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("error: " + what + " must be a positive whole number, was '" + arg + "'");
    }

    /** The figures as a plain table, per story published in the run. */
    static String report(ThirtyDays.Figures f) {
        AwsCounters.Snapshot d = f.dynamo();
        double n = f.published();
        long reads = reads(d);
        long writes = writes(d);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d stories a day for %d days, harvested hourly until %d days after the last:"
                + " %d harvests, %d stories published%n", f.perDay(), f.days(), f.followDays(), f.harvests(), f.published()));
        out.append(String.format(Locale.ROOT, "%-44s %12s %12s%n", "", "total", "per story"));
        row(out, "HTTP requests (feed, robots.txt, pages)", f.httpRequests(), n);
        row(out, "article page fetches", f.articleFetches(), n);
        out.append(String.format(Locale.ROOT, "%-44s %12s %12.1f%n", "page fetches of a day-0 story (" + f.dayZeroStories()
                + " stories)", "", f.dayZeroHttpPerStory()));
        row(out, "DynamoDB reads (GetItem, Query, BatchGet)", reads, n);
        row(out, "DynamoDB writes (Put, Update, Delete, Batch)", writes, n);
        row(out, "read units consumed (RRU, as reported)", d.reportedReadUnits(), n);
        row(out, "write units consumed (WRU, as reported)", d.reportedWriteUnits(), n);
        row(out, "S3 PUTs", f.s3Puts(), n);
        row(out, "billed seconds (harvests, 1 ms rounding)", f.billedMs() / 1000.0, n);
        out.append(String.format(Locale.ROOT, "outcomes: %s%n", f.outcomes()));
        out.append(String.format(Locale.ROOT, "edits made: %d headline, %d body; REVISED recorded: %d%n",
                f.headlineEdits(), f.bodyEdits(), f.revisedSeen()));
        out.append(deletions(f.deletions()));
        return out.toString();
    }

    static long reads(AwsCounters.Snapshot d) {
        return d.calls("DynamoDB", "GetItem") + d.calls("DynamoDB", "Query") + d.calls("DynamoDB", "BatchGetItem")
                + d.calls("DynamoDB", "Scan") + d.calls("DynamoDB", "TransactGetItems");
    }

    static long writes(AwsCounters.Snapshot d) {
        return d.calls("DynamoDB", "PutItem") + d.calls("DynamoDB", "UpdateItem") + d.calls("DynamoDB", "DeleteItem")
                + d.calls("DynamoDB", "BatchWriteItem") + d.calls("DynamoDB", "TransactWriteItems");
    }

    private static void row(StringBuilder out, String what, double total, double n) {
        out.append(String.format(Locale.ROOT, "%-44s %12.1f %12.2f%n", what, total, total / n));
    }

    /** How many deletions were recorded, by kind, and the delay from the deletion to DELETED. */
    static String deletions(List<ThirtyDays.Deletion> all) {
        StringBuilder out = new StringBuilder();
        List<Duration> delays = new ArrayList<>(all.stream().map(ThirtyDays.Deletion::delay).filter(Objects::nonNull).sorted().toList());
        out.append(String.format(Locale.ROOT, "deletions made: %d, recorded DELETED: %d", all.size(), delays.size()));
        for (String how : List.of("404", "410", "soft-404")) {
            List<ThirtyDays.Deletion> k = all.stream().filter(x -> x.how().equals(how)).toList();
            out.append(String.format(Locale.ROOT, "; %s %d/%d", how, k.stream().filter(x -> x.detected() != null).count(), k.size()));
        }
        out.append('\n');
        if (!delays.isEmpty()) {
            out.append(String.format(Locale.ROOT, "delay deletion -> DELETED: median %s, p90 %s, max %s%n",
                    hours(quantile(delays, 0.5)), hours(quantile(delays, 0.9)), hours(delays.get(delays.size() - 1))));
        }
        List<ThirtyDays.Deletion> missed = all.stream().filter(x -> x.detected() == null).toList();
        if (!missed.isEmpty()) {
            out.append("not recorded within the run (deleted at):");
            missed.forEach(x -> out.append(' ').append(x.at()).append(" (").append(x.how()).append(')'));
            out.append('\n');
        }
        return out.toString();
    }

    static Duration quantile(List<Duration> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    static String hours(Duration d) {
        return String.format(Locale.ROOT, "%.1f h", d.toMinutes() / 60.0);
    }
}
