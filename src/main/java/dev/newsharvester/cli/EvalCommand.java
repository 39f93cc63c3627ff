package dev.newsharvester.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsharvester.eval.AebEvaluation;
import dev.newsharvester.eval.AebPage;
import dev.newsharvester.eval.Datasets;
import dev.newsharvester.eval.ExtractionRun;
import dev.newsharvester.eval.Figures;
import dev.newsharvester.eval.FundusEvaluation;
import dev.newsharvester.eval.FundusPage;
import dev.newsharvester.eval.OutputDirectory;
import dev.newsharvester.eval.PerPageReport;
import dev.newsharvester.eval.Prediction;
import dev.newsharvester.extract.ArticleExtractor;
import dev.newsharvester.extract.Extraction;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Run the extractor over a dataset folder and print the figures the python scorers print "
                + "(aeb_eval.py, fundus_eval.py), plus pages per second (extraction only, after a warm-up pass).",
                "aeb DIR: ID.html pages with ID.json (url, articleBody). fundus DIR: COUNTRY/PUBLISHER/NAME.html with "
                + "NAME.json (url, title, authors, published, body_text)."})
final class EvalCommand implements Callable<Integer> {

    enum Kind { aeb, fundus }

    @Parameters(index = "0", paramLabel = "KIND", description = "aeb or fundus.")
    Kind kind;

    @Parameters(index = "1", paramLabel = "DIR", description = "The dataset folder.")
    Path dir;

    @Option(names = "--score-only", paramLabel = "OUTDIR",
            description = "Score existing outputs instead of running the extractor: ID.txt (aeb) or NAME.json (fundus) per page.")
    Path scoreOnly;

    @Option(names = "--out", paramLabel = "OUTDIR", description = "Also write the outputs (ID.txt or NAME.json, as `extract` does) for the python scorers.")
    Path out;

    @Option(names = "--per-page", paramLabel = "FILE", description = "Write per-page figures as JSON, worst first.")
    Path perPage;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Extraction threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "1000",
            description = "Bootstrap resamples for the ± figures of aeb; 0 for none (default: ${DEFAULT-VALUE}, as the scorer).")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Bootstrap seed (default: ${DEFAULT-VALUE}, as the scorer).")
    long seed;

    @Option(names = "--name", paramLabel = "NAME", description = "Row name (default: news-harvester, or the OUTDIR's name with --score-only).")
    String name;

    @Option(names = "--json", description = "One JSON object instead of text.")
    boolean json;

    /** The targets, printed beside the figures. */
    private static final double AEB_F1 = 0.975;
    private static final double AEB_PAGES_PER_SECOND = 100;
    private static final double FUNDUS_F1 = 0.95;
    private static final double FUNDUS_TITLE = 0.95;
    private static final double FUNDUS_AUTHORS = 0.85;
    private static final double FUNDUS_PUBLISHED = 0.90;

    @Override
    public Integer call() throws IOException {
        long started = System.nanoTime();
        if (scoreOnly != null && (out != null || threads != 1)) {
            throw new IllegalArgumentException("--score-only scores existing outputs: it takes neither --out nor --threads");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, was " + threads);
        }
        if (bootstrap == 1 || bootstrap < 0) {
            throw new IllegalArgumentException("--bootstrap must be 0 (none) or at least 2, was " + bootstrap);
        }
        String rowName = name != null ? name
                : scoreOnly != null ? scoreOnly.toAbsolutePath().normalize().getFileName().toString() : "news-harvester";
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("name", rowName);
        o.put("kind", kind.name());
        StringBuilder text = new StringBuilder();
        ExtractionRun run;
        if (kind == Kind.aeb) {
            List<AebPage> pages = Datasets.aeb(dir);
            run = scoreOnly == null ? extract(pages) : null;
            Map<String, Prediction> got = run == null ? OutputDirectory.texts(pages, scoreOnly) : predictions(run);
            AebEvaluation.Report r = AebEvaluation.score(pages, got, bootstrap, seed);
            if (perPage != null) {
                PerPageReport.writeAeb(perPage, r);
            }
            aeb(r, rowName, o, text);
        } else {
            List<FundusPage> pages = Datasets.fundus(dir);
            run = scoreOnly == null ? extract(pages) : null;
            Map<String, Prediction> got = run == null ? OutputDirectory.json(pages, scoreOnly) : predictions(run);
            FundusEvaluation.Report r = FundusEvaluation.score(pages, got);
            if (perPage != null) {
                PerPageReport.writeFundus(perPage, r);
            }
            fundus(r, o, text);
        }
        if (run != null) {
            speed(run, o, text);
        }
        double wall = (System.nanoTime() - started) / 1e9;
        o.put("wall_seconds", wall);
        text.append(String.format(Locale.ROOT, "total wall time: %.1f s%n", wall));
        if (scoreOnly == null) {
            targets(o, run, text);
        }
        PrintStream stdout = System.out;
        stdout.print(json ? Json.MAPPER.writeValueAsString(o) + "\n" : text);
        stdout.flush();
        return 0;
    }

    private ExtractionRun extract(List<? extends dev.newsharvester.eval.DatasetPage> pages) throws IOException {
        ExtractionRun run = ExtractionRun.of(new ArticleExtractor(), pages, threads);
        if (out != null) {
            Files.createDirectories(out);
            for (var page : pages) {
                Extraction x = run.extractions().get(page.id());
                if (kind == Kind.aeb) {
                    String body = x.isArticle() ? x.article().text() + "\n" : "";
                    Files.writeString(out.resolve(page.id() + ".txt"), body, StandardCharsets.UTF_8);
                } else {
                    Files.writeString(out.resolve(page.id() + ".json"), ExtractCommand.json(x, page.url()), StandardCharsets.UTF_8);
                }
            }
        }
        return run;
    }

    private static Map<String, Prediction> predictions(ExtractionRun run) {
        Map<String, Prediction> got = new LinkedHashMap<>();
        run.extractions().forEach((id, x) -> got.put(id, Prediction.of(x)));
        return got;
    }

    private void aeb(AebEvaluation.Report r, String rowName, ObjectNode o, StringBuilder text) {
        Figures f = r.figures();
        Figures s = r.std();
        o.put("pages", r.pages());
        o.put("missing", r.missing());
        o.put("empty", r.empty());
        o.put("precision", f.precision());
        o.put("recall", f.recall());
        o.put("f1", f.f1());
        o.put("accuracy", f.accuracy());
        if (s != null) {
            o.put("precision_std", s.precision());
            o.put("recall_std", s.recall());
            o.put("f1_std", s.f1());
            o.put("accuracy_std", s.accuracy());
        }
        // The python scorer's line, character for character.
        text.append(String.format(Locale.ROOT, "%-24s P=%s  R=%s  F1=%s  acc=%s  pages=%d missing=%d empty=%d%n", rowName,
                pm(f.precision(), s == null ? null : s.precision()), pm(f.recall(), s == null ? null : s.recall()),
                pm(f.f1(), s == null ? null : s.f1()), pm(f.accuracy(), s == null ? null : s.accuracy()),
                r.pages(), r.missing(), r.empty()));
        long notArticle = r.perPage().stream().filter(p -> p.got() != null && p.got().note() != null).count();
        notArticles(notArticle, o, text);
    }

    private void fundus(FundusEvaluation.Report r, ObjectNode o, StringBuilder text) {
        o.put("pages", r.pages());
        o.put("missing", r.missing());
        o.put("body_precision", r.body().precision());
        o.put("body_recall", r.body().recall());
        o.put("body_f1", r.body().f1());
        o.put("title", r.title());
        o.put("authors", r.authors());
        o.put("published", r.published());
        o.put("authors_pages", r.authorsPages());
        o.put("published_pages", r.publishedPages());
        text.append(String.format(Locale.ROOT, "pages=%d missing=%d body P=%s R=%s F1=%s title=%s authors=%s (%d) published=%s (%d)%n",
                r.pages(), r.missing(), f3(r.body().precision()), f3(r.body().recall()), f3(r.body().f1()), f3(r.title()),
                f3(r.authors()), r.authorsPages(), f3(r.published()), r.publishedPages()));
        long notArticle = r.perPage().stream().filter(p -> p.got() != null && p.got().note() != null).count();
        notArticles(notArticle, o, text);
    }

    private static void notArticles(long n, ObjectNode o, StringBuilder text) {
        o.put("not_article", n);
        if (n > 0) {
            text.append(String.format(Locale.ROOT, "not an article: %d page%s (reasons in --per-page)%n", n, n == 1 ? "" : "s"));
        }
    }

    private static void speed(ExtractionRun run, ObjectNode o, StringBuilder text) {
        o.put("threads", run.threads());
        o.put("extraction_seconds", run.seconds());
        o.put("pages_per_second", run.pagesPerSecond());
        o.put("pages_per_cpu_second", run.pagesPerCpuSecond());
        text.append(String.format(Locale.ROOT,
                "speed: %d pages in %.3f s of extraction per pass = %.1f pages/s (%d thread%s, %d timed passes after %d warm-up passes)",
                run.extractions().size(), run.seconds(), run.pagesPerSecond(), run.threads(), run.threads() == 1 ? "" : "s",
                ExtractionRun.TIMED_PASSES, ExtractionRun.WARMUP_PASSES));
        if (run.pagesPerCpuSecond() > 0) {
            text.append(String.format(Locale.ROOT, "; %.1f pages per CPU-second of the extracting thread%s",
                    run.pagesPerCpuSecond(), run.threads() == 1 ? "" : "s"));
        }
        text.append(System.lineSeparator());
    }

    private void targets(ObjectNode o, ExtractionRun run, StringBuilder text) {
        StringBuilder t = new StringBuilder("targets:");
        if (kind == Kind.aeb) {
            target(t, "body F1", o.path("f1").asDouble(), AEB_F1, 3);
            if (run.threads() == 1) {
                target(t, "pages/s on one core", run.pagesPerSecond(), AEB_PAGES_PER_SECOND, 0);
            }
        } else {
            target(t, "body F1", o.path("body_f1").asDouble(), FUNDUS_F1, 3);
            target(t, "title", o.path("title").asDouble(), FUNDUS_TITLE, 3);
            target(t, "authors", o.path("authors").asDouble(), FUNDUS_AUTHORS, 3);
            target(t, "published", o.path("published").asDouble(), FUNDUS_PUBLISHED, 3);
        }
        text.append(t, 0, t.length() - 1).append(System.lineSeparator());
    }

    private static void target(StringBuilder t, String what, double value, double goal, int digits) {
        t.append(' ').append(what).append(" ≥ ").append(round(goal, digits)).append(": ").append(round(value, digits))
                .append(value >= goal ? " met;" : " NOT met;");
    }

    private static String pm(double value, Double std) {
        return std == null ? f3(value) : f3(value) + " ± " + f3(std);
    }

    private static String f3(double v) {
        return round(v, 3);
    }

    /** Rounded like Python's format(): the exact binary value, ties to even (Java's %.3f rounds its decimal form half up). */
    private static String round(double v, int digits) {
        return new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }
}
