package dev.newsharvester.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsharvester.athena.AthenaSearch;
import dev.newsharvester.athena.AthenaSql;
import dev.newsharvester.athena.SearchRequest;
import dev.newsharvester.export.Format;
import dev.newsharvester.pipeline.Settings;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** The {@code --aws} side of {@code search} and {@code export --unload}: the same questions asked of Athena. */
final class AthenaExport {

    private AthenaExport() {
    }

    /** {@code export --aws --unload s3://…/}: Athena writes the selection (UNLOAD) under the folder; prints its id. */
    static int unload(StoreOptions store, Format format, String folder, String query, List<String> outlets, Instant since,
            Instant until, boolean allVersions, boolean json, PrintStream out) throws Exception {
        if (!store.aws) {
            throw new IllegalArgumentException("--unload has Athena write to S3: add --aws (or drop --unload and give --out FILE)");
        }
        AthenaSql.UnloadFormat unloadFormat = switch (format) {
            case JSONL -> AthenaSql.UnloadFormat.JSONL;
            case PARQUET -> AthenaSql.UnloadFormat.PARQUET;
            default -> throw new IllegalArgumentException("--format " + format.name().toLowerCase(Locale.ROOT)
                    + " cannot be unloaded by Athena: give jsonl or parquet with --unload, or --out FILE for csv");
        };
        SearchRequest request = request(query, outlets, since, until, allVersions);
        try (AthenaSearch athena = AthenaSearch.fromSettings(Settings.fromEnvironment())) {
            String id = athena.unload(request, unloadFormat, folder);
            if (json) {
                ObjectNode o = Json.MAPPER.createObjectNode().put("queryExecutionId", id).put("folder", folder)
                        .put("format", format.name().toLowerCase(Locale.ROOT));
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o));
            } else {
                out.println("Athena wrote the export under " + folder + " (" + format.name().toLowerCase(Locale.ROOT)
                        + ", query " + id + ")");
            }
        }
        return 0;
    }

    /** {@code search --aws}: hits (newest first; Athena does not rank) or counts, printed as the local search prints. */
    static int search(String query, List<String> outlets, Instant since, Instant until, String countBy, int limit,
            boolean allVersions, boolean json, PrintStream out) throws Exception {
        SearchRequest request = request(query, outlets, since, until, allVersions).withLimit(limit);
        try (AthenaSearch athena = AthenaSearch.fromSettings(Settings.fromEnvironment())) {
            if (countBy != null) {
                SearchRequest.CountBy by = switch (countBy.strip().toLowerCase(Locale.ROOT)) {
                    case "day" -> SearchRequest.CountBy.DAY;
                    case "week" -> SearchRequest.CountBy.WEEK;
                    case "outlet" -> SearchRequest.CountBy.OUTLET;
                    default -> throw new IllegalArgumentException("--count-by: '" + countBy + "' is not one of day, week, outlet");
                };
                List<AthenaSearch.Count> counts = athena.count(request.withCountBy(by));
                if (json) {
                    ArrayNode rows = Json.MAPPER.createArrayNode();
                    counts.forEach(c -> rows.addObject().put(by.name().toLowerCase(Locale.ROOT), c.bucket()).put("count", c.articles()));
                    out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(rows));
                } else {
                    Table t = new Table(by.name().toLowerCase(Locale.ROOT), "articles");
                    counts.forEach(c -> t.row(c.bucket(), c.articles()));
                    t.print(out);
                }
                return 0;
            }
            List<AthenaSearch.Hit> hits = athena.search(request);
            if (json) {
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(hits));
            } else {
                int n = 0;
                for (AthenaSearch.Hit h : hits) {
                    out.printf("%d. [%s] %s  %s%n   %s%n", ++n, h.outlet(), h.day(), h.title(), h.url());
                    if (h.snippet() != null && !h.snippet().isEmpty()) {
                        out.println("   " + h.snippet());
                    }
                }
                out.println(hits.size() + " article(s), newest first");
            }
        }
        return 0;
    }

    /** Athena's partitions are days: the instants' UTC days, inclusive (an exclusive end at midnight is the day before). */
    private static SearchRequest request(String query, List<String> outlets, Instant since, Instant until,
            boolean allVersions) {
        LocalDate from = since == null ? null : since.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate to = until == null ? null : until.atZone(ZoneOffset.UTC).toLocalDate();
        return SearchRequest.of(query == null ? "" : query).withOutlets(outlets).withDays(from, to)
                .withAllVersions(allVersions);
    }
}
