package dev.newsharvester.bench;

import dev.newsharvester.bench.BenchPages.Page;
import dev.newsharvester.bench.Variants.Edit;
import dev.newsharvester.extract.Article;
import dev.newsharvester.fingerprint.BenchAccess;
import dev.newsharvester.fingerprint.Fingerprint;
import dev.newsharvester.fingerprint.Fingerprinter;
import dev.newsharvester.fingerprint.MinHash;
import dev.newsharvester.fingerprint.SimHash;
import dev.newsharvester.query.ArticleQueries;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;

/**
 * Fingerprint quality on real pages: exact hashes under chrome-only and encoding changes, SimHash
 * distance under small edits, near-duplicate false positives between different articles, and
 * same-story precision and recall on labelled pairs. Prints figures; asserts nothing.
 *
 * <pre>
 *   java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *        dev.newsharvester.bench.FingerprintBench ../shared/datasets
 * </pre>
 *
 * Optional section names after the folder run only those: {@code exact republication edits fp story}.
 * The pages are read at run time from the datasets folder (default {@code ../shared/datasets});
 * the same-story labels are {@code src/test/resources/bench/same-story-labels.txt}.
 */
public final class FingerprintBench {

    private static final int NEAR = SimHash.MAX_LOOKUP_DISTANCE;

    private FingerprintBench() {
    }

    public static void main(String[] args) throws Exception {
        Path datasets = Path.of(args.length > 0 ? args[0] : "../shared/datasets");
        long t0 = System.nanoTime();
        List<Page> pages = BenchPages.datasets(datasets);
        System.out.printf("%d article pages extracted from %s in %.1f s%n%n", pages.size(), datasets,
                (System.nanoTime() - t0) / 1e9);
        Labels labels = Labels.load(pages);
        // optional section names after the folder: exact republication edits fp story (default: all)
        Set<String> only = Set.of(args);
        Function<String, Boolean> run = name -> args.length <= 1 || only.contains(name);

        List<Page> demo = BenchPages.demo();
        Map<String, ToLongFunction<String>> simhashes = new LinkedHashMap<>();
        simhashes.put("words, (1+ln tf)^2 (now)", SimHash::of);
        simhashes.put("word 3-shingles, equal (before)", BenchAccess::shingleSimHash);
        if (run.apply("exact")) {
            exactHash(pages);
        }
        if (run.apply("republication")) {
            republication(pages, demo);
        }
        if (run.apply("edits")) {
            edits(pages, simhashes);
        }
        if (run.apply("fp")) {
            falsePositives(pages, labels, simhashes);
        }
        if (run.apply("story")) {
            story(pages, labels, demo, datasets.resolveSibling("seeds"));
        }
    }

    // ------------------------------------------------------------------ 1. exact hash

    private static void exactHash(List<Page> pages) {
        System.out.println("== 1. Same SHA-256 for the same article in other clothes (goal 100%)");
        Map<String, BiFunction<Page, Integer, String>> kinds = new LinkedHashMap<>();
        kinds.put("chrome injected (banner, sidebar, ad)", (p, s) -> Variants.injectChrome(p.html(), s));
        kinds.put("chrome altered (counters, lists)", (p, s) -> Variants.alterChrome(p.html(), p.article().title(), p.text(), s));
        kinds.put("numeric entities", (p, s) -> Variants.entities(p.html()));
        kinds.put("Unicode NFD, curly quotes, dashes", (p, s) -> Variants.unicodeForms(p.html()));
        kinds.put("whitespace, NBSP, CRLF", (p, s) -> Variants.whitespace(p.html()));
        for (var kind : kinds.entrySet()) {
            List<String> failed = java.util.Collections.synchronizedList(new ArrayList<>());
            IntStream.range(0, pages.size()).parallel().forEach(i -> {
                Page p = pages.get(i);
                Article a = BenchPages.extract(kind.getValue().apply(p, i), p.url());
                String expected = Fingerprinter.of(p.text()).sha256();
                if (a == null || !Fingerprinter.of(a.text()).sha256().equals(expected)) {
                    failed.add(p.id() + (a == null ? " (no article)" : ""));
                }
            });
            System.out.printf("  %-40s %4d/%d same  %6.2f%%%n", kind.getKey(), pages.size() - failed.size(), pages.size(),
                    100.0 * (pages.size() - failed.size()) / pages.size());
            failed.stream().sorted().limit(5).forEach(f -> System.out.println("      differs: " + f));
        }
        System.out.println();
    }

    // ------------------------------------------------------------------ 2. republication

    private static void republication(List<Page> pages, List<Page> demo) {
        System.out.println("== 2. The article republished inside another site's chrome (the demo outlets' page templates)");
        Map<String, String> hosts = new LinkedHashMap<>();
        hosts.put("demo/agg", "article.story .story__body");
        hosts.put("demo/unn", "article.single-news .news-text");
        hosts.put("demo/up", "div.post_news_text");
        for (var host : hosts.entrySet()) {
            Page hostPage = demo.stream().filter(p -> p.id().startsWith(host.getKey() + "/")).findFirst().orElseThrow();
            int same = 0;
            int near = 0;
            for (Page p : pages) {
                Article a = BenchPages.extract(Variants.republish(hostPage.html(), host.getValue(), p.article().title(),
                        p.text()), hostPage.url());
                if (a == null) {
                    continue;
                }
                Fingerprint orig = Fingerprinter.of(p.text());
                Fingerprint copy = Fingerprinter.of(a.text());
                same += orig.sha256().equals(copy.sha256()) ? 1 : 0;
                near += SimHash.hammingDistance(orig.simhash(), copy.simhash()) <= NEAR ? 1 : 0;
            }
            System.out.printf("  in %-9s chrome: same SHA-256 %5.1f%%, SimHash within %d bits %5.1f%% (%d pages)%n",
                    host.getKey().substring(5), 100.0 * same / pages.size(), NEAR, 100.0 * near / pages.size(), pages.size());
        }
        System.out.println();
    }

    // ------------------------------------------------------------------ 3. edits

    private static void edits(List<Page> pages, Map<String, ToLongFunction<String>> simhashes) {
        System.out.printf("== 3. SimHash within %d bits after an edit (goal: small edits >= 95%%)%n", NEAR);
        System.out.println("  small edit = 1 to 3 sentences, in each one word replaced, inserted or deleted, or a number changed;");
        System.out.println("  3 random draws per page and k; buckets by article length in words");
        record Row(String name, Edit kind, int k) {
        }
        List<Row> rows = List.of(new Row("small edit, 1 sentence", Edit.WORD, 1), new Row("small edit, 2 sentences", Edit.WORD, 2),
                new Row("small edit, 3 sentences", Edit.WORD, 3), new Row("1 sentence half rewritten", Edit.REWRITE, 1),
                new Row("1 sentence appended", Edit.APPEND, 1), new Row("2 paragraphs swapped", Edit.REORDER, 1));
        int[] bucketLimits = {200, 500, Integer.MAX_VALUE};
        for (var sh : simhashes.entrySet()) {
            System.out.println("  " + sh.getKey());
            System.out.printf("    %-28s %8s %8s %8s %8s%n", "", "all", "<200 w", "200-499", ">=500");
            int[] smallPass = new int[1];
            int[] smallAll = new int[1];
            for (Row row : rows) {
                int[] pass = new int[3];
                int[] all = new int[3];
                for (int i = 0; i < pages.size(); i++) {
                    String text = pages.get(i).text();
                    int words = BenchAccess.words(text).size();
                    int bucket = words < bucketLimits[0] ? 0 : words < bucketLimits[1] ? 1 : 2;
                    long base = sh.getValue().applyAsLong(text);
                    Random r = new Random(31L * i + row.k() * 7L + row.kind().ordinal());
                    for (int rep = 0; rep < 3; rep++) {
                        String edited = Variants.edit(text, row.kind(), row.k(), r);
                        all[bucket]++;
                        if (SimHash.hammingDistance(base, sh.getValue().applyAsLong(edited)) <= NEAR) {
                            pass[bucket]++;
                        }
                    }
                }
                if (row.kind() == Edit.WORD) {
                    smallPass[0] += pass[0] + pass[1] + pass[2];
                    smallAll[0] += all[0] + all[1] + all[2];
                }
                System.out.printf("    %-28s %7.1f%% %7.1f%% %7.1f%% %7.1f%%%n", row.name(),
                        pct(pass[0] + pass[1] + pass[2], all[0] + all[1] + all[2]), pct(pass[0], all[0]), pct(pass[1], all[1]),
                        pct(pass[2], all[2]));
            }
            System.out.printf("    %-28s %7.1f%% (%d trials)%n", "small edits, all", pct(smallPass[0], smallAll[0]), smallAll[0]);
        }
        System.out.println();
    }

    // ------------------------------------------------------------------ 4. false positives

    private static void falsePositives(List<Page> pages, Labels labels, Map<String, ToLongFunction<String>> simhashes) {
        System.out.printf("== 4. Near-duplicate false positives: pairs of different articles within %d bits (goal <= 0.1%% of pairs)%n", NEAR);
        int n = pages.size();
        MinHash[] sigs = pages.stream().map(p -> MinHash.of(p.text())).toArray(MinHash[]::new);
        for (var sh : simhashes.entrySet()) {
            long[] h = pages.stream().mapToLong(p -> sh.getValue().applyAsLong(p.text())).toArray();
            long pairs = 0;
            long near = 0;
            long confirmed = 0;
            long within6 = 0;
            int min = 64;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (labels.same(pages.get(i).id(), pages.get(j).id())) {
                        continue; // the same article captured twice is a true near-duplicate
                    }
                    pairs++;
                    int d = SimHash.hammingDistance(h[i], h[j]);
                    min = Math.min(min, d);
                    within6 += d <= 6 ? 1 : 0;
                    if (d <= NEAR) {
                        near++;
                        confirmed += sigs[i].similarity(sigs[j]) >= ArticleQueries.NEAR_DUPLICATE_MIN_SIMILARITY ? 1 : 0;
                    }
                }
            }
            System.out.printf("  %-32s %d of %d pairs (%.4f%%), %d after the MinHash check (>= %.2f); closest pair %d bits; %d pairs within 6 bits%n",
                    sh.getKey(), near, pairs, 100.0 * near / pairs, confirmed, ArticleQueries.NEAR_DUPLICATE_MIN_SIMILARITY, min, within6);
        }
        List<Integer> sameStory = new ArrayList<>();
        for (String[] pair : labels.samePairs()) {
            int d = SimHash.hammingDistance(SimHash.of(labels.page(pair[0]).text()), SimHash.of(labels.page(pair[1]).text()));
            sameStory.add(d);
            if (d <= NEAR) {
                System.out.printf("  labelled pair %s / %s within %d bits: %d (the same article captured twice)%n", pair[0], pair[1], NEAR, d);
            }
        }
        System.out.printf("  (labelled same-story pairs, different texts: %s bits apart: a story is not a near-copy)%n",
                sameStory.stream().sorted().toList());
        System.out.println();
    }

    // ------------------------------------------------------------------ 5. same story

    private static void story(List<Page> pages, Labels labels, List<Page> demo, Path seeds) throws IOException {
        System.out.println("== 5. Same story across outlets");
        // constructed pairs: the demo's NATO story on two outlets (positive), its other cross-outlet pairs (negative,
        // but for the aggregator's word-for-word copy, a duplicate), and the two seed captures (positive)
        List<Pair> extra = new ArrayList<>();
        for (int i = 0; i < demo.size(); i++) {
            for (int j = i + 1; j < demo.size(); j++) {
                Page a = demo.get(i);
                Page b = demo.get(j);
                if (outlet(a).equals(outlet(b)) || a.text().equals(b.text())) {
                    continue;
                }
                boolean nato = a.text().contains("Dragone") && b.text().contains("Dragone");
                extra.add(new Pair(a, b, nato));
            }
        }
        if (Files.isDirectory(seeds)) {
            try (var files = Files.list(seeds)) {
                List<Path> txt = files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
                if (txt.size() == 2) {
                    extra.add(new Pair(BenchPages.textFile(txt.get(0)), BenchPages.textFile(txt.get(1)), true));
                }
            }
        }
        List<Pair> all = new ArrayList<>(labels.pairs());
        all.addAll(extra);
        long positives = all.stream().filter(Pair::same).count();
        System.out.printf("  labelled pairs: %d same story (%d from %s, %d constructed: demo NATO pair, seed captures), %d different%n",
                positives, labels.samePairs().size(), "the datasets", extra.stream().filter(Pair::same).count(), all.size() - positives);
        System.out.println("  (every dataset pair not labelled same or related counts as different; related pairs are left out)");

        System.out.println("  a. feature sets, exact word-set Jaccard (AUC; best F1 over thresholds)");
        Map<String, Function<String, Set<String>>> features = new LinkedHashMap<>();
        features.put("content words, 5-letter stems", t -> BenchAccess.contentWords(t, 5));
        features.put("content words, 6-letter stems *", t -> BenchAccess.contentWords(t, 6));
        features.put("content words, 7-letter stems", t -> BenchAccess.contentWords(t, 7));
        features.put("content words, whole", t -> BenchAccess.contentWords(t, 0));
        features.put("word 2-shingles", t -> BenchAccess.shingles(t, 2));
        features.put("word 3-shingles", t -> BenchAccess.shingles(t, 3));
        for (var f : features.entrySet()) {
            Map<Page, Set<String>> sets = new HashMap<>();
            double[] s = all.stream().mapToDouble(p -> jaccard(sets.computeIfAbsent(p.a(), x -> f.getValue().apply(x.text())),
                    sets.computeIfAbsent(p.b(), x -> f.getValue().apply(x.text())))).toArray();
            Scores sc = new Scores(all, s);
            double[] best = sc.bestF1();
            System.out.printf("     %-34s AUC %.4f  best F1 %.3f at %.3f (P %.3f R %.3f)  demo NATO pair %.3f%n", f.getKey(), sc.auc(),
                    best[0], best[1], best[2], best[3], sc.natoScore(extra));
        }

        System.out.printf("  b. MinHash estimate (%d slots of %d bits, 6-letter stems) against thresholds%n", MinHash.SLOTS, MinHash.BITS);
        Map<Page, MinHash> sig = new HashMap<>();
        double[] est = all.stream().mapToDouble(p -> sig.computeIfAbsent(p.a(), x -> MinHash.of(x.text()))
                .similarity(sig.computeIfAbsent(p.b(), x -> MinHash.of(x.text())))).toArray();
        Scores sc = new Scores(all, est);
        for (double t = 0.12; t <= 0.301; t += 0.02) {
            double[] prf = sc.at(t);
            System.out.printf("     threshold %.2f%s  P %.3f  R %.3f  F1 %.3f  (TP %d FP %d)%n", t,
                    Math.abs(t - ArticleQueries.STORY_THRESHOLD) < 1e-9 ? " *" : "  ", prf[0], prf[1], prf[2], (int) prf[3], (int) prf[4]);
        }
        double[] previous = all.stream().mapToDouble(p -> BenchAccess.previousStorySimilarity(sig.get(p.a()), sig.get(p.b()))).toArray();
        double[] prf = new Scores(all, previous).at(ArticleQueries.STORY_THRESHOLD);
        System.out.printf("     before (128 full-width slots, 512 bytes too) at %.2f:  P %.3f  R %.3f  F1 %.3f  (TP %d FP %d)%n",
                ArticleQueries.STORY_THRESHOLD, prf[0], prf[1], prf[2], (int) prf[3], (int) prf[4]);
        System.out.printf("     demo NATO pair %.3f; demo cross-outlet pairs of different stories at most %.3f%n", sc.natoScore(extra),
                IntStream.range(0, all.size()).filter(i -> all.get(i).a().id().startsWith("demo/") && !all.get(i).same())
                        .mapToDouble(i -> est[i]).max().orElse(0));

        System.out.printf("  c. LSH banding: recall at threshold %.2f (band hit and score), negatives compared, write units per version%n",
                ArticleQueries.STORY_THRESHOLD);
        System.out.printf("     %-14s %8s %12s %10s%n", "rows x bands", "recall", "negatives", "GSI writes");
        for (int rows : new int[] {1, 2}) {
            for (int bands : new int[] {2, 4, 6, 8, 12, 16, 24}) {
                if (rows * bands > MinHash.SLOTS) {
                    continue;
                }
                int tp = 0;
                long negHit = 0;
                long neg = 0;
                for (int i = 0; i < all.size(); i++) {
                    Pair p = all.get(i);
                    List<String> ka = sig.get(p.a()).bandKeys(rows, bands);
                    List<String> kb = sig.get(p.b()).bandKeys(rows, bands);
                    boolean hit = IntStream.range(0, Math.min(ka.size(), kb.size())).anyMatch(k -> ka.get(k).equals(kb.get(k)));
                    if (p.same()) {
                        tp += hit && est[i] >= ArticleQueries.STORY_THRESHOLD ? 1 : 0;
                    } else {
                        neg++;
                        negHit += hit ? 1 : 0;
                    }
                }
                boolean chosen = rows == 1 && bands == MinHash.BANDS;
                System.out.printf("     %2d x %-2d %s    %7.3f %11.4f %10d%n", rows, bands, chosen ? "*" : " ",
                        tp / (double) positives, negHit / (double) neg, bands);
            }
        }
        System.out.println("     (recall counts a pair when one band agrees and the full signature reaches the threshold;");
        System.out.println("      'negatives' is the share of different-story pairs whose bands meet: each one is read and scored)");
    }

    private static String outlet(Page p) {
        return p.id().split("/")[1];
    }

    private static double pct(int a, int b) {
        return b == 0 ? 0 : 100.0 * a / b;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int in = 0;
        for (String x : a) {
            in += b.contains(x) ? 1 : 0;
        }
        return in / (double) (a.size() + b.size() - in);
    }

    /** Two pages and whether they report the same story. */
    record Pair(Page a, Page b, boolean same) {
    }

    /** Scores of labelled pairs. */
    private record Scores(List<Pair> pairs, double[] s) {

        /** {precision, recall, F1, TP, FP} at a threshold. */
        double[] at(double t) {
            int tp = 0;
            int fp = 0;
            int pos = 0;
            for (int i = 0; i < s.length; i++) {
                boolean same = pairs.get(i).same();
                pos += same ? 1 : 0;
                if (s[i] >= t) {
                    tp += same ? 1 : 0;
                    fp += same ? 0 : 1;
                }
            }
            double p = tp + fp == 0 ? 1 : tp / (double) (tp + fp);
            double r = tp / (double) pos;
            return new double[] {p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), tp, fp};
        }

        /** {F1, threshold, P, R} at the best threshold. */
        double[] bestF1() {
            double[] best = {0, 0, 0, 0};
            for (double t = 0.005; t < 0.8; t += 0.005) {
                double[] prf = at(t);
                if (prf[2] > best[0]) {
                    best = new double[] {prf[2], t, prf[0], prf[1]};
                }
            }
            return best;
        }

        double auc() {
            long win = 0;
            long ties = 0;
            long n = 0;
            for (int i = 0; i < s.length; i++) {
                if (!pairs.get(i).same()) {
                    continue;
                }
                for (int j = 0; j < s.length; j++) {
                    if (pairs.get(j).same()) {
                        continue;
                    }
                    n++;
                    win += s[i] > s[j] ? 1 : 0;
                    ties += s[i] == s[j] ? 1 : 0;
                }
            }
            return (win + ties / 2.0) / n;
        }

        double natoScore(List<Pair> extra) {
            for (int i = 0; i < pairs.size(); i++) {
                if (pairs.get(i).same() && pairs.get(i).a().id().startsWith("demo/")) {
                    return s[i];
                }
            }
            return Double.NaN;
        }
    }

    /** The same-story labels over the dataset pages. */
    private record Labels(Map<String, Page> byId, Set<String> same, Set<String> related) {

        static Labels load(List<Page> pages) throws IOException {
            Map<String, Page> byId = new LinkedHashMap<>();
            pages.forEach(p -> byId.put(p.id(), p));
            Set<String> same = new HashSet<>();
            Set<String> related = new HashSet<>();
            try (InputStream in = FingerprintBench.class.getResourceAsStream("/bench/same-story-labels.txt")) {
                if (in == null) {
                    throw new IllegalStateException("bench/same-story-labels.txt is not on the classpath");
                }
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] f = line.strip().split("\t");
                    for (int i = 1; i < f.length; i++) {
                        for (int j = i + 1; j < f.length; j++) {
                            (f[0].equals("same") ? same : related).add(key(f[i], f[j]));
                        }
                    }
                }
            }
            related.removeAll(same);
            return new Labels(byId, same, related);
        }

        private static String key(String a, String b) {
            return a.compareTo(b) < 0 ? a + " " + b : b + " " + a;
        }

        boolean same(String a, String b) {
            return same.contains(key(a, b));
        }

        Page page(String id) {
            return byId.get(id);
        }

        List<String[]> samePairs() {
            return same.stream().sorted().map(k -> k.split(" ")).filter(k -> byId.containsKey(k[0]) && byId.containsKey(k[1])).toList();
        }

        /** Every pair of dataset pages but the related ones, labelled. */
        List<Pair> pairs() {
            List<Page> pages = new ArrayList<>(byId.values());
            List<Pair> out = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) {
                for (int j = i + 1; j < pages.size(); j++) {
                    String k = key(pages.get(i).id(), pages.get(j).id());
                    if (!related.contains(k)) {
                        out.add(new Pair(pages.get(i), pages.get(j), same.contains(k)));
                    }
                }
            }
            return out;
        }
    }
}
