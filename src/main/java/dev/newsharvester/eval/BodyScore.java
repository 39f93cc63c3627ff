package dev.newsharvester.eval;

import java.util.List;

/**
 * Macro precision and recall over pages, and F1 from those two means (not the mean of page F1s).
 * Precision averages the pages with a non-empty prediction, recall those with a non-empty truth:
 * an empty prediction lowers recall only.
 */
public record BodyScore(double precision, double recall, double f1) {

    public static BodyScore of(List<PageCounts> pages) {
        double ps = 0;
        int pn = 0;
        double rs = 0;
        int rn = 0;
        for (PageCounts c : pages) {
            if (c.hasPrecision()) {
                ps += c.precision();
                pn++;
            }
            if (c.hasRecall()) {
                rs += c.recall();
                rn++;
            }
        }
        double p = pn > 0 ? ps / pn : 0.0;
        double r = rn > 0 ? rs / rn : 0.0;
        return new BodyScore(p, r, p + r > 0 ? 2 * p * r / (p + r) : 0.0);
    }
}
