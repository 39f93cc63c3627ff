package dev.newsharvester.extract;

import dev.newsharvester.eval.Datasets;
import dev.newsharvester.eval.FundusPage;
import dev.newsharvester.outlet.Selectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * How far a publisher-independent choice of headline source can go on a fundus-style set: the
 * share of titles we get right, how often any source (JSON-LD headline, og:title, twitter:title,
 * h1, {@code <title>}) holds the expected one, and — on the pages where the JSON-LD headline and
 * og:title are different wordings — whether any rule over page signals (h1 agreement, twitter
 * and {@code <title>} agreement, length, kickers, how often each appears in the page) picks the
 * labelled source better than the default when it is learnt on the other publishers and tried on
 * the one left out.
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt)
 * dev.newsharvester.extract.TitleSourcesBench ../shared/datasets/fundus-dev}
 */
public final class TitleSourcesBench {

    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}\\u0085\\u001c-\\u001f]+");
    private static final Pattern KICKER = Pattern.compile("^[^:\\s]+(\\s[^:\\s]+){0,5}:\\s");

    private record Case(String publisher, Map<String, Boolean> features, String label) {
    }

    private record Literal(String feature, boolean value) {
        @Override
        public String toString() {
            return value ? feature : "not " + feature;
        }
    }

    public static void main(String[] args) throws IOException {
        List<FundusPage> pages = Datasets.fundus(Path.of(args.length > 0 ? args[0] : "../shared/datasets/fundus-dev"));
        int right = 0;
        int anySource = 0;
        List<Case> cases = new ArrayList<>();
        for (FundusPage p : pages) {
            String html = Files.readString(p.html());
            var doc = Jsoup.parse(html, p.url());
            Page page = new Page(doc, p.url(), Selectors.NONE, ZoneOffset.UTC);
            Headlines.Sources src = Headlines.sources(page);
            String ld = fold(src.ld());
            String og = fold(src.og());
            String tw = fold(src.twitter());
            String h1 = fold(src.heading());
            String tt = fold(src.titleElement());
            String expected = fold(p.title());
            String got = fold(Headlines.title(page));
            right += got.equals(expected) ? 1 : 0;
            anySource += List.of(ld, og, tw, h1, tt, got).contains(expected) ? 1 : 0;
            if (ld.isEmpty() || og.isEmpty() || ld.equals(og) || !got.equals(ld)) {
                continue; // one source, or the rules already chose og:title for a reason
            }
            String text = fold(org.jsoup.parser.Parser.unescapeEntities(html, false));
            Map<String, Boolean> f = new LinkedHashMap<>();
            f.put("h1=ld", h1.equals(ld));
            f.put("h1=og", h1.equals(og));
            f.put("twitter=og", tw.equals(og));
            f.put("twitter=ld", tw.equals(ld));
            f.put("title=og", tt.equals(og));
            f.put("title=ld", tt.equals(ld));
            f.put("og longer", og.length() > ld.length());
            f.put("og has kicker", KICKER.matcher(og).find());
            f.put("ld has kicker", KICKER.matcher(ld).find());
            f.put("og more often in page", count(text, og) > count(text, ld));
            String label = expected.equals(og) ? "og" : expected.equals(ld) ? "ld" : "neither";
            cases.add(new Case(p.id().replaceFirst("_\\d{4}_\\d{2}_\\d{2}$", ""), f, label));
        }
        int n = pages.size();
        System.out.printf("pages %d: title right %d (%.3f); some source holds the expected title on %d (%.3f)%n", n, right,
                right / (double) n, anySource, anySource / (double) n);
        long ldLabels = cases.stream().filter(c -> c.label.equals("ld")).count();
        long ogLabels = cases.stream().filter(c -> c.label.equals("og")).count();
        System.out.printf("JSON-LD headline and og:title different wordings: %d pages; the label follows JSON-LD on %d,"
                + " og:title on %d, neither on %d%n", cases.size(), ldLabels, ogLabels, cases.size() - ldLabels - ogLabels);
        List<List<Literal>> rules = rules(cases.isEmpty() ? List.of() : List.copyOf(cases.get(0).features.keySet()));
        List<Literal> best = best(rules, cases);
        System.out.printf("best rule \"og:title when %s\", learnt and tried on all of them: %d right (default JSON-LD: %d)%n",
                best.isEmpty() ? "never" : String.join(" and ", best.stream().map(Literal::toString).toList()), score(best, cases), score(List.of(), cases));
        int held = 0;
        for (String publisher : new TreeSet<>(cases.stream().map(Case::publisher).toList())) {
            List<Case> train = cases.stream().filter(c -> !c.publisher.equals(publisher)).toList();
            List<Case> test = cases.stream().filter(c -> c.publisher.equals(publisher)).toList();
            held += score(best(rules, train), test);
        }
        System.out.printf("leave one publisher out (rule learnt on the others, tried on it): %d right of %d"
                + " (default JSON-LD: %d)%n", held, cases.size(), score(List.of(), cases));
    }

    /** No rule, every single literal, every pair of literals. */
    private static List<List<Literal>> rules(List<String> features) {
        List<Literal> lits = new ArrayList<>();
        for (String f : features) {
            lits.add(new Literal(f, true));
            lits.add(new Literal(f, false));
        }
        List<List<Literal>> rules = new ArrayList<>();
        rules.add(List.of());
        for (int i = 0; i < lits.size(); i++) {
            rules.add(List.of(lits.get(i)));
            for (int j = i + 1; j < lits.size(); j++) {
                rules.add(List.of(lits.get(i), lits.get(j)));
            }
        }
        return rules;
    }

    /** The rule with the most right answers; the simpler one on a tie. */
    private static List<Literal> best(List<List<Literal>> rules, List<Case> cases) {
        List<Literal> best = List.of();
        int bestScore = score(best, cases);
        for (List<Literal> r : rules) {
            int s = score(r, cases);
            if (s > bestScore || (s == bestScore && r.size() < best.size())) {
                best = r;
                bestScore = s;
            }
        }
        return best;
    }

    private static int score(List<Literal> rule, List<Case> cases) {
        int ok = 0;
        for (Case c : cases) {
            boolean og = !rule.isEmpty() && rule.stream().allMatch(l -> c.features.get(l.feature) == l.value);
            ok += c.label.equals(og ? "og" : "ld") ? 1 : 0;
        }
        return ok;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** {@code ' '.join(s.split())} of the python scorer; null is empty. */
    private static String fold(String s) {
        return s == null ? "" : SPACES.matcher(s.strip()).replaceAll(" ").strip();
    }
}
