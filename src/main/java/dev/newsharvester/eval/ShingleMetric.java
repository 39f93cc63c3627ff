package dev.newsharvester.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-extraction-benchmark body metric, as {@code ../shared/eval/aeb_eval.py} computes it:
 * texts become {@code \w+} tokens, compared as multisets of contiguous 4-token shingles.
 */
public final class ShingleMetric {

    /**
     * Python's Unicode {@code \w}: letters and numbers of every script ({@code str.isalnum()}) and the
     * underscore. Not Java's {@code UNICODE_CHARACTER_CLASS} {@code \w}, which also takes combining
     * marks, connector punctuation and join controls, and leaves out numbers such as ² or ½: that
     * would split and join Devanagari, Thai or decomposed accents differently from the scorer.
     */
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");

    static final int N = 4;

    private ShingleMetric() {
    }

    /** The {@code \w+} tokens of a text, case kept; none for null. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /**
     * The multiset of contiguous 4-token shingles; a text of 1 to 3 tokens gives one shorter
     * shingle, an empty one none. Keys join the tokens with a space, which no token contains.
     */
    static Map<String, Integer> shingles(List<String> tokens) {
        Map<String, Integer> out = new HashMap<>();
        if (tokens.isEmpty()) {
            return out;
        }
        if (tokens.size() < N) {
            out.put(String.join(" ", tokens), 1);
            return out;
        }
        for (int i = 0; i + N <= tokens.size(); i++) {
            out.merge(String.join(" ", tokens.subList(i, i + N)), 1, Integer::sum);
        }
        return out;
    }

    /** Compares one page's predicted text with the expected one. */
    public static PageCounts compare(String expected, String predicted) {
        return compare(tokens(expected), tokens(predicted));
    }

    /** As {@link #compare(String, String)}, on texts already tokenised. */
    public static PageCounts compare(List<String> expected, List<String> predicted) {
        Map<String, Integer> t = shingles(expected);
        Map<String, Integer> p = shingles(predicted);
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (Map.Entry<String, Integer> e : p.entrySet()) {
            int inTruth = t.getOrDefault(e.getKey(), 0);
            tp += Math.min(inTruth, e.getValue());
            fp += Math.max(0, e.getValue() - inTruth);
        }
        for (Map.Entry<String, Integer> e : t.entrySet()) {
            fn += Math.max(0, e.getValue() - p.getOrDefault(e.getKey(), 0));
        }
        return PageCounts.of(tp, fp, fn);
    }
}
