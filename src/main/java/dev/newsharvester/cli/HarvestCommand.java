package dev.newsharvester.cli;

import dev.newsharvester.pipeline.ArticleOutcome;
import dev.newsharvester.pipeline.HarvestReport;
import dev.newsharvester.pipeline.Harvester;
import dev.newsharvester.pipeline.Outcome;
import dev.newsharvester.pipeline.OutletReport;
import dev.newsharvester.pipeline.ProgressListener;
import dev.newsharvester.pipeline.Settings;
import dev.newsharvester.pipeline.Wiring;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "harvest", mixinStandardHelpOptions = true,
        description = "Harvest the configured outlets into the embedded store (or AWS with --aws).")
final class HarvestCommand implements Callable<Integer> {

    @Option(names = "--outlets", split = ",", paramLabel = "ID", description = "Only these outlets (default: all).")
    List<String> outlets = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "Outlets YAML file (default: OUTLETS_URI, else the bundled profiles).")
    Path config;

    @Option(names = "--allow-private", paramLabel = "CIDR,…",
            description = "Let the address guard reach these private/loopback addresses (local fixture sites only). Default: ALLOW_PRIVATE_NETWORKS.")
    String allowPrivate;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--verbose", description = "A progress line per article on stderr (default: per failed article,"
            + " and a summary every two seconds).")
    boolean verbose;

    @Option(names = "--log-format", paramLabel = "text|json", defaultValue = "text",
            description = "Progress on stderr as readable text (default), or as the functions' JSON log lines and EMF"
                    + " metrics, to pipe to jq or a log shipper (LOG_LEVEL filters them).")
    LogFormat logFormat;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        validateOutlets(configured(Settings.fromEnvironment()));
        try (StoreOptions.Store s = store.create(); StoreOptions.SearchUpdates search = store.searchUpdates(s)) {
            Settings settings = configured(s.settings());
            Harvester harvester = Wiring.publishingHarvester(settings, s.s3(), s.dynamoDb(), Wiring.sqsIfQueued(settings), search.sink());
            ProgressListener progress = logFormat.listener(System.err, verbose);
            HarvestReport report = harvester.harvest(outlets, progress);
            LogFormat.finished(progress, report);
            if (json) {
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            } else {
                printReport(report, out);
            }
            return report.total(Outcome.FAILED) > 0 || report.outlets().stream().anyMatch(o -> !o.problems().isEmpty()) ? 1 : 0;
        }
    }

    private Settings configured(Settings settings) {
        Settings out = config == null ? settings : settings.withOutletsUri(config.toString());
        return allowPrivate == null ? out : out.withAllowPrivateNetworks(allowPrivate);
    }

    /** A bad outlets file or an unknown --outlets id is reported before any store is made (s3:// files are read later, from the store). */
    private void validateOutlets(Settings settings) {
        if (settings.outletsUri() == null || !settings.outletsUri().startsWith("s3://")) {
            Wiring.outlets(settings, null).select(outlets);
        }
    }

    static void printReport(HarvestReport report, PrintStream out) {
        Table t = new Table("outlet", "found", "due", "not due", "fetched", "queued", "NEW", "REVISED", "UNCHANGED", "DUPLICATE", "SKIPPED", "FAILED",
                "DELETED", "REDIRECTED", "RESTORED");
        for (OutletReport r : report.outlets()) {
            t.row(r.outlet(), r.discovered(), r.due(), r.notDue(), r.fetched(), r.dispatched(), r.count(Outcome.NEW), r.count(Outcome.REVISED),
                    r.count(Outcome.UNCHANGED), r.count(Outcome.DUPLICATE), r.count(Outcome.SKIPPED), r.count(Outcome.FAILED),
                    r.count(Outcome.DELETED), r.count(Outcome.REDIRECTED), r.count(Outcome.RESTORED));
        }
        t.print(out);
        out.println("(due: new URLs, known ones a rung of whose revisitSchedule passed, and those the due index holds;"
                + " known URLs are re-fetched with conditional GETs)");
        for (OutletReport r : report.outlets()) {
            for (String p : r.problems()) {
                out.println("problem [" + r.outlet() + "]: " + p);
            }
        }
        for (ArticleOutcome o : report.outcomes()) {
            if (o.outcome() == Outcome.FAILED) {
                out.println("FAILED [" + o.outlet() + "] " + o.url() + ": " + o.reason());
            }
        }
    }
}
