package dev.newsharvester.cli;

import dev.newsharvester.search.Reindexer;
import dev.newsharvester.store.Archive;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuild the embedded store's search index from the archive (the change log and every clean copy;"
                + " no DynamoDB scan), beside the index in use, which it replaces only when complete.")
final class ReindexCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws Exception {
        Path data = store.embeddedOnly("reindex builds the embedded store's search index (on AWS, search runs through Athena)");
        PrintStream out = System.out;
        try (StoreOptions.Store s = store.open()) {
            Reindexer.Report report = new Reindexer(new Archive(s.s3(), s.settings().archiveBucketRequired()),
                    s.objectFiles(), System.err::println).rebuild(data);
            if (json) {
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            } else {
                Table t = new Table("change log entries", "clean copies", "versions from the log", "versions from copies only", "ms");
                t.row(report.events(), report.cleanCopies(), report.documentsFromLog(), report.documentsFromCopies(), report.millis());
                t.print(out);
            }
            return 0;
        }
    }
}
