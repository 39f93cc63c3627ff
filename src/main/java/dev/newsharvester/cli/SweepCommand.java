package dev.newsharvester.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.ArchiveSweep;
import dev.newsharvester.store.ArticleIndex;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Delete archived raw/ and clean/ objects that no index item names (left by a run that died before"
                + " its index write), older than --min-age so that writes in flight are safe.")
final class SweepCommand implements Callable<Integer> {

    @Option(names = "--min-age", paramLabel = "DURATION", defaultValue = "PT1H",
            description = "Only objects at least this old (ISO-8601, default: ${DEFAULT-VALUE}).")
    String minAge;

    @Option(names = "--dry-run", description = "List the orphans; delete nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws Exception {
        Duration age;
        try {
            age = Duration.parse(minAge);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--min-age: '" + minAge + "' is not an ISO-8601 duration (e.g. PT1H, PT10M, PT0S)");
        }
        PrintStream out = System.out;
        try (StoreOptions.Store s = store.openWithArchive()) {
            ArchiveSweep.Result r = new ArchiveSweep(new Archive(s.s3(), s.settings().archiveBucketRequired()),
                    new ArticleIndex(s.dynamoDb(), s.settings().articlesTableRequired()), Clock.systemUTC()).run(age, dryRun);
            if (json) {
                ObjectNode o = Json.MAPPER.createObjectNode();
                o.put("examined", r.examined()).put("tooYoung", r.tooYoung()).put("unrecognised", r.unrecognised())
                        .put("deleted", r.deleted());
                ArrayNode orphans = o.putArray("orphans");
                r.orphans().forEach(e -> orphans.addObject().put("key", e.key()).put("lastModified", e.lastModified().toString()));
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o));
            } else {
                r.orphans().forEach(e -> out.println((dryRun ? "orphan  " : "deleted ") + e.key() + "  " + e.lastModified()));
                out.printf("%d object(s) examined, %d unindexed older than %s %s, %d younger left alone, %d outside raw/ and clean/%n",
                        r.examined(), r.orphans().size(), age, dryRun ? "(dry run: kept)" : "deleted", r.tooYoung(), r.unrecognised());
            }
            return 0;
        }
    }
}
