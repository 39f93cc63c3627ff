package dev.newsharvester.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The per-page figures as JSON, worst body F1 first, for studying the kind of mistake: page id,
 * path and URL, page precision, recall and F1, and for news pages the expected and extracted
 * title, authors and date.
 */
public final class PerPageReport {

    private PerPageReport() {
    }

    public static void writeAeb(Path file, AebEvaluation.Report report) {
        ArrayNode rows = Datasets.JSON.createArrayNode();
        report.perPage().stream()
                .sorted(Comparator.comparingDouble((AebEvaluation.PageResult r) -> r.counts().f1()).thenComparing(r -> r.page().id()))
                .forEach(r -> {
                    ObjectNode o = page(rows, r.page(), r.counts(), r.got());
                    o.put("exact", r.exact());
                });
        write(file, rows);
    }

    public static void writeFundus(Path file, FundusEvaluation.Report report) {
        ArrayNode rows = Datasets.JSON.createArrayNode();
        report.perPage().stream()
                .sorted(Comparator.comparingDouble((FundusEvaluation.PageResult r) -> r.counts().f1()).thenComparing(r -> r.page().id()))
                .forEach(r -> {
                    ObjectNode o = page(rows, r.page(), r.counts(), r.got());
                    o.put("titleOk", r.title());
                    o.put("authorsOk", r.authors());
                    o.put("publishedOk", r.published());
                    FundusPage p = r.page();
                    meta(o.putObject("expected"), p.title(), p.authors(), p.published());
                    if (r.got() != null) {
                        meta(o.putObject("got"), r.got().title(), r.got().authors(), r.got().published());
                    } else {
                        o.putNull("got");
                    }
                });
        write(file, rows);
    }

    private static ObjectNode page(ArrayNode rows, DatasetPage page, PageCounts c, Prediction got) {
        ObjectNode o = rows.addObject();
        o.put("id", page.id());
        o.put("path", page.html().toString());
        o.put("url", page.url());
        if (c.hasPrecision()) {
            o.put("precision", c.precision());
        } else {
            o.putNull("precision");
        }
        if (c.hasRecall()) {
            o.put("recall", c.recall());
        } else {
            o.putNull("recall");
        }
        o.put("f1", c.f1());
        if (got == null) {
            o.put("missing", true);
        } else if (got.note() != null) {
            o.put("notArticle", got.note());
        }
        return o;
    }

    private static void meta(ObjectNode o, String title, List<String> authors, String published) {
        o.put("title", title);
        ArrayNode a = o.putArray("authors");
        authors.forEach(a::add);
        o.put("published", published);
    }

    private static void write(Path file, ArrayNode rows) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Datasets.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
