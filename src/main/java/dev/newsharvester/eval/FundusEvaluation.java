package dev.newsharvester.eval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Scores news-page outputs against a fundus-style dataset, as {@code fundus_eval.py} does. */
public final class FundusEvaluation {

    private FundusEvaluation() {
    }

    /**
     * One page's outcome. {@code got} is null when the page has no output at all; {@code authors}
     * and {@code published} are null when the page has no expected value to compare with.
     */
    public record PageResult(FundusPage page, Prediction got, PageCounts counts, boolean title, Boolean authors,
            Boolean published) {
    }

    /**
     * The figures over all pages.
     *
     * @param title          share of pages with the expected title (whitespace folded, case kept)
     * @param authors        share of the {@code authorsPages} pages (those with expected authors) whose author set is exact
     * @param published      share of the {@code publishedPages} pages (those with an expected date) dated right to the minute
     */
    public record Report(int pages, int missing, BodyScore body, double title, double authors, int authorsPages,
            double published, int publishedPages, List<PageResult> perPage) {
    }

    /** @param predictions page id to output; an absent id is a missing output (scored as empty) */
    public static Report score(List<FundusPage> pages, Map<String, Prediction> predictions) {
        List<PageResult> results = new ArrayList<>(pages.size());
        List<PageCounts> counts = new ArrayList<>(pages.size());
        int missing = 0;
        int titles = 0;
        int authorsOk = 0;
        int authorsN = 0;
        int datesOk = 0;
        int datesN = 0;
        for (FundusPage page : pages) {
            Prediction got = predictions.get(page.id());
            missing += got == null ? 1 : 0;
            Prediction g = got == null ? Prediction.text("") : got;
            PageCounts c = ShingleMetric.compare(page.body(), g.text());
            counts.add(c);
            boolean title = FundusRules.fold(page.title()).equals(FundusRules.fold(g.title()));
            titles += title ? 1 : 0;
            Boolean authors = null;
            if (!page.authors().isEmpty()) {
                authors = folded(page.authors()).equals(folded(g.authors()));
                authorsN++;
                authorsOk += authors ? 1 : 0;
            }
            Boolean published = null;
            if (page.published() != null && !page.published().isEmpty()) {
                published = FundusRules.sameMinute(page.published(), g.published());
                datesN++;
                datesOk += published ? 1 : 0;
            }
            results.add(new PageResult(page, got, c, title, authors, published));
        }
        int n = pages.size();
        return new Report(n, missing, BodyScore.of(counts), n == 0 ? 0 : (double) titles / n,
                authorsN == 0 ? 0 : (double) authorsOk / authorsN, authorsN,
                datesN == 0 ? 0 : (double) datesOk / datesN, datesN, List.copyOf(results));
    }

    private static Set<String> folded(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        names.forEach(a -> out.add(FundusRules.fold(a)));
        return out;
    }
}
