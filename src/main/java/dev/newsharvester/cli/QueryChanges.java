package dev.newsharvester.cli;

import dev.newsharvester.change.ChangeEvent;
import dev.newsharvester.change.ChangeEventJson;
import dev.newsharvester.change.ChangeJournal;
import dev.newsharvester.change.ChangeKind;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.ChangeLog;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import dev.newsharvester.store.TimeRange;
import dev.newsharvester.local.ObjectFiles;
import dev.newsharvester.local.StoreDirectory;

/** {@code query changes}: the change log, newest first, by outlet and day prefixes (no scan). */
@Command(name = "changes", mixinStandardHelpOptions = true,
        description = "Logged changes (new, revised, deleted, redirected, restored articles), newest first.")
final class QueryChanges implements Callable<Integer> {

    @Mixin
    QueryCommand.Common common;

    @Option(names = "--since", paramLabel = "T", description = "ISO instant or date (default: the beginning).")
    String since;

    @Option(names = "--outlet", paramLabel = "ID", description = "One outlet (default: every outlet with changes).")
    String outlet;

    @Option(names = "--kind", paramLabel = "KINDS", description = "Comma-separated: new,revised,deleted,redirected,restored (default: all).")
    String kind;

    @Override
    public Integer call() throws Exception {
        Instant from = TimeRange.bound(since, false, "--since");
        Set<ChangeKind> kinds = ChangeJournal.kinds(kind);
        if (!common.store.aws) {
            // the embedded store's change log is read from its files: neither DynamoDB Local nor s3proxy starts
            try (StoreDirectory dir = StoreDirectory.open(common.store.data, "query changes")) {
                print(new ChangeJournal(new ChangeLog(ObjectFiles.of(dir))).read(outlet, from, kinds), System.out);
            }
            return 0;
        }
        try (StoreOptions.Store s = common.store.open()) {
            ChangeJournal journal = new ChangeJournal(new ChangeLog(new Archive(s.s3(), s.settings().archiveBucketRequired())));
            print(journal.read(outlet, from, kinds), System.out);
        }
        return 0;
    }

    private void print(List<ChangeEvent> events, PrintStream out) {
        if (common.json) {
            var array = Json.MAPPER.createArrayNode();
            events.forEach(e -> array.add(ChangeEventJson.toNode(e)));
            out.println(array.toPrettyString());
            return;
        }
        Table t = new Table("at", "kind", "outlet", "title", "what", "url", "id");
        for (ChangeEvent e : events) {
            String title = e.titleAfter() != null ? e.titleAfter() : e.titleBefore();
            t.row(e.at(), e.kind(), e.outlet(), Table.clip(title, 50), what(e), e.url(), e.id());
        }
        t.print(out);
        out.println(events.size() + " change(s)");
    }

    private static String what(ChangeEvent e) {
        return switch (e.kind()) {
            case REVISED -> (e.changes().headlineChanged() ? "headline " : "") + (e.changes().bylineChanged() ? "byline " : "")
                    + (e.changes().bodyChanged() ? "body " + e.changes().wordsBefore() + "\u2192" + e.changes().wordsAfter() + " words" : "");
            case REDIRECTED -> "\u2192 " + e.redirectTo() + (e.sameArticle() ? " (same article)" : "");
            default -> "";
        };
    }
}
