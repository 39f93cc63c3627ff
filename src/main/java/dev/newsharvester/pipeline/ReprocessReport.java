package dev.newsharvester.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reprocessing run did, one count per URL examined.
 *
 * @param revised     a new version was stored (or an older version's text became current again)
 * @param duplicates  a new version whose text another URL already carries (indexed, clean copy shared)
 * @param unchanged   re-extracted, same text: nothing written
 * @param upToDate    already extracted by the current extractor: not re-extracted
 * @param skipped     no raw copy, or the page no longer reads as an article
 * @param failed      errors (see {@code problems})
 * @param next        the request that continues an interrupted run; null when the run finished
 */
public record ReprocessReport(int examined, int revised, int duplicates, int unchanged, int upToDate, int skipped,
        int failed, List<String> problems, ReprocessRequest next) {

    public ReprocessReport {
        problems = List.copyOf(problems);
    }

    public boolean done() {
        return next == null;
    }

    /** Counts as a run goes. */
    static final class Counter {
        private int examined;
        private int revised;
        private int duplicates;
        private int unchanged;
        private int upToDate;
        private int skipped;
        private int failed;
        private final List<String> problems = new ArrayList<>();

        void count(Reprocessor.Result r) {
            examined++;
            switch (r) {
                case REVISED -> revised++;
                case DUPLICATE -> duplicates++;
                case UNCHANGED -> unchanged++;
                case UP_TO_DATE -> upToDate++;
                case NO_RAW_COPY, NOT_AN_ARTICLE -> skipped++;
            }
        }

        void failed(String problem) {
            examined++;
            failed++;
            if (problems.size() < 100) {
                problems.add(problem);
            }
        }

        ReprocessReport report(ReprocessRequest next) {
            return new ReprocessReport(examined, revised, duplicates, unchanged, upToDate, skipped, failed, problems, next);
        }
    }
}
