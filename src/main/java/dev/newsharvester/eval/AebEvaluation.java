package dev.newsharvester.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Scores body texts against an AEB dataset, as {@code aeb_eval.py} does. */
public final class AebEvaluation {

    private AebEvaluation() {
    }

    /** One page's outcome. {@code got} is null when the page has no output at all. */
    public record PageResult(AebPage page, Prediction got, PageCounts counts, boolean exact) {
    }

    /**
     * The figures over all pages.
     *
     * @param pages   pages scored
     * @param missing pages without any output
     * @param empty   pages whose output has no token (missing ones included)
     * @param figures macro precision, recall, F1 and the share of token-exact pages
     * @param std     their bootstrap standard deviations; null when no bootstrap was asked
     */
    public record Report(int pages, int missing, int empty, Figures figures, Figures std, List<PageResult> perPage) {
    }

    /**
     * @param predictions page id to output; an absent id is a missing output (scored as empty)
     * @param resamples   bootstrap resamples for the ± figures (0: none; the scorer's default is 1000)
     * @param seed        bootstrap seed (the scorer's default is 0)
     */
    public static Report score(List<AebPage> pages, Map<String, Prediction> predictions, int resamples, long seed) {
        List<PageResult> results = new ArrayList<>(pages.size());
        List<PageCounts> counts = new ArrayList<>(pages.size());
        List<Boolean> exact = new ArrayList<>(pages.size());
        int missing = 0;
        int empty = 0;
        int hits = 0;
        for (AebPage page : pages) {
            Prediction got = predictions.get(page.id());
            missing += got == null ? 1 : 0;
            List<String> truth = ShingleMetric.tokens(page.body());
            List<String> pred = ShingleMetric.tokens(got == null ? "" : got.text());
            empty += pred.isEmpty() ? 1 : 0;
            PageCounts c = ShingleMetric.compare(truth, pred);
            boolean same = truth.equals(pred);
            hits += same ? 1 : 0;
            counts.add(c);
            exact.add(same);
            results.add(new PageResult(page, got, c, same));
        }
        BodyScore body = BodyScore.of(counts);
        Figures figures = new Figures(body.precision(), body.recall(), body.f1(), (double) hits / pages.size());
        Figures std = resamples > 0 ? Bootstrap.std(counts, exact, resamples, seed) : null;
        return new Report(pages.size(), missing, empty, figures, std, List.copyOf(results));
    }
}
