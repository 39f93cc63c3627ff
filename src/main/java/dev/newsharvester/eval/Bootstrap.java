package dev.newsharvester.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The ± figures: sample standard deviations of precision, recall, F1 and accuracy over resamples
 * of pages drawn with replacement, in the python scorer's order and generator.
 */
final class Bootstrap {

    /** The python scorer's default number of resamples. */
    static final int DEFAULT_RESAMPLES = 1000;

    private Bootstrap() {
    }

    /**
     * @param pages  page counts
     * @param exact  per page, whether its tokens equal the truth's
     * @param n      number of resamples (at least 2)
     * @param seed   generator seed
     */
    static Figures std(List<PageCounts> pages, List<Boolean> exact, int n, long seed) {
        if (n < 2) {
            throw new IllegalArgumentException("a bootstrap needs at least 2 resamples, got " + n);
        }
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("a bootstrap needs at least one page");
        }
        PythonRandom random = new PythonRandom(seed);
        int size = pages.size();
        double[] p = new double[n];
        double[] r = new double[n];
        double[] f = new double[n];
        double[] a = new double[n];
        List<PageCounts> sample = new ArrayList<>(size);
        for (int b = 0; b < n; b++) {
            sample.clear();
            int hits = 0;
            for (int i = 0; i < size; i++) {
                int pick = random.randrange(size);
                sample.add(pages.get(pick));
                hits += exact.get(pick) ? 1 : 0;
            }
            BodyScore s = BodyScore.of(sample);
            p[b] = s.precision();
            r[b] = s.recall();
            f[b] = s.f1();
            a[b] = (double) hits / size;
        }
        return new Figures(stdev(p), stdev(r), stdev(f), stdev(a));
    }

    /** Sample standard deviation (n - 1), as {@code statistics.stdev}. */
    static double stdev(double[] xs) {
        double mean = 0;
        for (double x : xs) {
            mean += x;
        }
        mean /= xs.length;
        double ss = 0;
        for (double x : xs) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (xs.length - 1));
    }
}
