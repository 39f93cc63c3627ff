package dev.newsharvester.cli;

import dev.newsharvester.health.Completeness;
import dev.newsharvester.health.HealthEvaluator;
import dev.newsharvester.health.HealthReport;
import dev.newsharvester.health.Outcomes;
import dev.newsharvester.health.OutletHealth;
import dev.newsharvester.outlet.Outlet;
import dev.newsharvester.pipeline.Settings;
import dev.newsharvester.pipeline.Wiring;
import dev.newsharvester.store.HealthCounters;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import dev.newsharvester.store.TimeRange;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Outlet health: last discovery and new article, outcomes over 24 h and 7 days, completeness of"
                + " new articles, and the SILENT, FAILING and DRIFT flags. Reads the counters; fetches nothing.")
final class StatusCommand implements Callable<Integer> {

    @Option(names = "--outlets", split = ",", paramLabel = "ID", description = "Only these outlets (default: all configured).")
    List<String> outlets = new ArrayList<>();

    @Option(names = "--at", paramLabel = "TIME",
            description = "Evaluate as of this ISO date or instant (default: now).")
    String at;

    @Option(names = "--json", description = "Print the health report as JSON.")
    boolean json;

    @Mixin
    OutletsOption outletsFile;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Instant asked = TimeRange.bound(at, false, "--at");
        Instant when = asked != null ? asked : Instant.now();
        try (StoreOptions.Store s = store.open()) {
            Settings settings = outletsFile.applyTo(s.settings(), store);
            // status reads the index's counters: the archive's client only for an outlets file kept in S3
            List<String> ids = Wiring.outlets(settings, s.s3ForOutlets(settings)).select(outlets).stream().map(Outlet::id).toList();
            HealthReport report = new HealthEvaluator(new HealthCounters(s.dynamoDb(), settings.articlesTableRequired()),
                    settings.health()).evaluate(ids, when);
            if (json) {
                out.println(report.toJson());
            } else {
                print(report, out);
            }
            return 0;
        }
    }

    static void print(HealthReport report, PrintStream out) {
        Table t = new Table("outlet", "flags", "last discovery", "last new", "24h new/all/failed", "7d new/all/failed",
                "7d new: title", "authors", "date", ">=80w", "median words", "last runs' URLs");
        for (OutletHealth h : report.outlets()) {
            Completeness c = h.completeness();
            t.row(h.outlet(), h.flags().isEmpty() ? "ok"
                            : "**" + h.flags().stream().map(Enum::name).sorted().collect(Collectors.joining(",")) + "**",
                    time(h.lastDiscovery()), time(h.lastNew()), counts(h.day()), counts(h.week()),
                    share(c, c.title()), share(c, c.authors()), share(c, c.published()), share(c, c.words80()),
                    c.medianWords(), h.lastRuns().isEmpty() ? null
                            : h.lastRuns().stream().map(String::valueOf).collect(Collectors.joining(" ")));
        }
        t.print(out);
        out.println("as of " + report.at().truncatedTo(ChronoUnit.SECONDS) + "; flagged: " + report.drifting()
                + " DRIFT, " + report.silent() + " SILENT, " + report.failing() + " FAILING");
        for (OutletHealth h : report.outlets()) {
            h.reasons().forEach(r -> out.println("[" + h.outlet() + "] " + r));
        }
    }

    private static String time(Instant t) {
        return t == null ? "never" : t.truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static String counts(Outcomes o) {
        return o.count("NEW") + "/" + o.total() + "/" + o.count("FAILED")
                + (o.blocked() > 0 ? " (" + o.blocked() + " blocked)" : "");
    }

    private static String share(Completeness c, long n) {
        return c.articles() == 0 ? "-" : Math.round(100.0 * n / c.articles()) + "%";
    }
}
