package dev.newsharvester.cli;

import dev.newsharvester.pipeline.ReprocessReport;
import dev.newsharvester.pipeline.ReprocessRequest;
import dev.newsharvester.pipeline.Wiring;
import dev.newsharvester.search.Reindexer;
import dev.newsharvester.search.SearchIndex;
import dev.newsharvester.store.Archive;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import dev.newsharvester.store.TimeRange;

@Command(name = "reprocess", mixinStandardHelpOptions = true,
        description = "Re-extract stored raw copies with the current extractor; store a new version where the text changed. Fetches nothing.")
final class ReprocessCommand implements Callable<Integer> {

    @Option(names = "--outlet", split = ",", paramLabel = "ID", description = "Only these outlets (default: every configured outlet).")
    List<String> outlets = new ArrayList<>();

    @Option(names = "--since", paramLabel = "T",
            description = "Only articles published (else first seen) at or after T: an ISO date or instant (default: all).")
    String since;

    @Option(names = "--all", description = "Also re-extract versions the current extractor already produced.")
    boolean all;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Mixin
    OutletsOption outletsFile;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        try (StoreOptions.Store s = store.openWithArchive()) {
            ReprocessRequest request = new ReprocessRequest(outlets, TimeRange.bound(since, false, "--since"), all, null);
            ReprocessReport report = Wiring.reprocessor(outletsFile.applyTo(s.settings(), store), s.s3(), s.dynamoDb()).run(request, () -> false);
            if (!store.aws && report.revised() + report.duplicates() > 0 && SearchIndex.exists(store.data)) {
                // reprocessed versions publish no change events: the search index is rebuilt to include them
                new Reindexer(new Archive(s.s3(), s.settings().archiveBucketRequired()), s.objectFiles(),
                        System.err::println).rebuild(store.data);
            }
            if (json) {
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            } else {
                Table t = new Table("examined", "revised", "duplicates", "unchanged", "up to date", "skipped", "failed");
                t.row(report.examined(), report.revised(), report.duplicates(), report.unchanged(), report.upToDate(),
                        report.skipped(), report.failed());
                t.print(out);
                report.problems().forEach(p -> out.println("FAILED " + p));
            }
            return report.failed() > 0 ? 1 : 0;
        }
    }
}
