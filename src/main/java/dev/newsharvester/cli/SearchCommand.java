package dev.newsharvester.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsharvester.search.Count;
import dev.newsharvester.search.CountBy;
import dev.newsharvester.search.SearchHit;
import dev.newsharvester.search.SearchIndex;
import dev.newsharvester.search.SearchRequest;
import dev.newsharvester.search.SearchResults;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import dev.newsharvester.store.TimeRange;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Full-text search of the embedded store: ranked results with marked snippets, or counts of the"
                + " matching articles per day, week or outlet. Reads only the search index (see reindex). With --aws,"
                + " the same question through Athena (ATHENA_WORKGROUP, GLUE_DATABASE).")
final class SearchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "QUERY", description = "Words (all must match), \"phrases\", AND/OR/NOT,"
            + " parentheses, title:/body:/author:/outlet:/url:/lang: fields; * for every article.")
    String query;

    @Option(names = "--outlet", split = ",", paramLabel = "ID", description = "Only these outlets.")
    List<String> outlets = new ArrayList<>();

    @Option(names = "--since", paramLabel = "T", description = "Published (else first fetched) at or after T: ISO date or instant.")
    String since;

    @Option(names = "--until", paramLabel = "T", description = "... and before T; a date includes that whole day.")
    String until;

    @Option(names = "--count-by", paramLabel = "day|week|outlet", description = "Print counts of matching articles per group instead of results.")
    String countBy;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Results to show (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--versions", paramLabel = "latest|all", defaultValue = "latest",
            description = "The version each URL shows now (default) or every stored version.")
    String versions;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws Exception {
        CountBy by = countBy == null ? null : CountBy.parse(countBy);
        TimeRange range = TimeRange.parse(since, until, "--since", "--until");
        SearchRequest request = new SearchRequest(query, outlets, range.since(), range.until(), limit,
                SearchRequest.Versions.parse(versions));
        if (store.aws) {
            return AthenaExport.search(query, outlets, request.since(), request.until(), countBy, limit,
                    request.versions() == SearchRequest.Versions.ALL, json, System.out);
        }
        Path data = store.data;
        PrintStream out = System.out;
        try (SearchIndex index = SearchIndex.open(data)) {
            if (by != null) {
                printCounts(index.count(request, by), by, out);
            } else {
                printResults(index.search(request), request, out);
            }
        }
        return 0;
    }

    private void printCounts(List<Count> counts, CountBy by, PrintStream out) throws Exception {
        if (json) {
            ArrayNode rows = Json.MAPPER.createArrayNode();
            counts.forEach(c -> rows.addObject().put(by.name().toLowerCase(java.util.Locale.ROOT), c.key()).put("count", c.count()));
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(rows));
            return;
        }
        Table t = new Table(by.name().toLowerCase(java.util.Locale.ROOT), "articles");
        long total = 0;
        for (Count c : counts) {
            t.row(c.key(), c.count());
            total += c.count();
        }
        t.row("total", total);
        t.print(out);
    }

    private void printResults(SearchResults results, SearchRequest request, PrintStream out) throws Exception {
        if (json) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.put("total", results.total());
            root.set("hits", Json.MAPPER.valueToTree(results.hits()));
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            return;
        }
        out.println(results.total() + (request.versions() == SearchRequest.Versions.ALL ? " versions" : " articles")
                + " match" + (results.hits().size() < results.total() ? "; the best " + results.hits().size() : "") + ":");
        int n = 0;
        for (SearchHit h : results.hits()) {
            out.println();
            out.printf("%d. [%s] %s  %s%s%n", ++n, h.outlet(), h.date().atZone(ZoneOffset.UTC).toLocalDate(), h.title(),
                    h.status().equals("published") ? "" : "  (" + h.status() + ")");
            out.println("   " + h.url() + (h.latest() ? "" : "  (earlier version, fetched " + h.fetchedAt() + ")"));
            if (!h.snippet().isEmpty()) {
                out.println("   " + h.snippet());
            }
        }
    }
}
