package dev.newsharvester.eval;

/**
 * One page's shingle counts, each divided by their sum so that every page weighs the same in the
 * macro averages. All zero when both texts are empty.
 *
 * @param tp shingles in both texts
 * @param fp shingles only in the prediction (beyond their count in the truth)
 * @param fn shingles only in the truth
 */
public record PageCounts(double tp, double fp, double fn) {

    static PageCounts of(long tp, long fp, long fn) {
        long s = tp + fp + fn;
        if (s == 0) {
            return new PageCounts(0, 0, 0);
        }
        return new PageCounts((double) tp / s, (double) fp / s, (double) fn / s);
    }

    /** Whether the page enters the precision mean: the prediction has some shingle. */
    public boolean hasPrecision() {
        return tp + fp > 0;
    }

    /** Whether the page enters the recall mean: the truth has some shingle. */
    public boolean hasRecall() {
        return tp + fn > 0;
    }

    /** Page precision; 1 when both texts agree exactly; 0 when the prediction is empty. */
    public double precision() {
        if (fp == 0 && fn == 0) {
            return tp > 0 ? 1.0 : 0.0;
        }
        return tp + fp > 0 ? tp / (tp + fp) : 0.0;
    }

    /** Page recall; 1 when both texts agree exactly; 0 when the truth is empty. */
    public double recall() {
        if (fp == 0 && fn == 0) {
            return tp > 0 ? 1.0 : 0.0;
        }
        return tp + fn > 0 ? tp / (tp + fn) : 0.0;
    }

    /** Page F1 from the page's precision and recall (for ranking pages; the benchmark's F1 is {@link BodyScore}'s). */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
}
