package dev.newsharvester.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Differences between two clean texts: paragraphs are lines, words are whitespace-separated tokens. */
public final class TextDiff {

    /** One step of an edit script: {@code ' '} kept, {@code '-'} only in the old text, {@code '+'} only in the new. */
    record Op(char kind, String text) {
        boolean kept() {
            return kind == ' ';
        }
    }

    private TextDiff() {
    }

    /** Unified diff with {@code context} lines around changes; empty when the texts are equal. */
    public static String unified(String before, String after, String fromLabel, String toLabel, int context) {
        List<Op> ops = diff(paragraphs(before), paragraphs(after));
        if (ops.stream().allMatch(Op::kept)) {
            return "";
        }
        StringBuilder out = new StringBuilder("--- " + fromLabel + "\n+++ " + toLabel + "\n");
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kept()) {
                i++;
                continue;
            }
            int start = Math.max(0, i - context);
            int end = i;
            // extend the hunk while changes are within 2*context lines of each other
            int j = i;
            while (j < ops.size()) {
                if (!ops.get(j).kept()) {
                    end = j;
                    j++;
                } else if (j - end <= 2 * context) {
                    j++;
                } else {
                    break;
                }
            }
            int stop = Math.min(ops.size(), end + context + 1);
            int aStart = 1 + count(ops, 0, start, '+');
            int bStart = 1 + count(ops, 0, start, '-');
            int aLen = count(ops, start, stop, '+');
            int bLen = count(ops, start, stop, '-');
            out.append("@@ -").append(aStart).append(',').append(aLen).append(" +").append(bStart).append(',').append(bLen).append(" @@\n");
            for (int k = start; k < stop; k++) {
                out.append(ops.get(k).kind()).append(ops.get(k).text()).append('\n');
            }
            i = stop;
        }
        return out.toString();
    }

    /** Ops in [from, to) that are not {@code skip}: lines of the old text (skip '+') or of the new (skip '-'). */
    private static int count(List<Op> ops, int from, int to, char skip) {
        int n = 0;
        for (int k = from; k < to; k++) {
            if (ops.get(k).kind() != skip) {
                n++;
            }
        }
        return n;
    }

    /** The paragraphs of a clean text (blank separator lines carry no content). */
    static List<String> paragraphs(String s) {
        List<String> out = new ArrayList<>();
        if (s == null || s.isEmpty()) {
            return out;
        }
        for (String line : s.split("\n", -1)) {
            if (!line.isBlank()) {
                out.add(line);
            }
        }
        return out;
    }

    /** Whitespace-separated words. */
    static List<String> words(String s) {
        String t = s == null ? "" : s.strip();
        return t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
    }

    /** Words of {@code a} not matched by a word of {@code b}, counted as multisets: {added, removed}. */
    static int[] wordDelta(String before, String after) {
        Map<String, Integer> counts = new HashMap<>();
        for (String w : words(after)) {
            counts.merge(w, 1, Integer::sum);
        }
        int removed = 0;
        for (String w : words(before)) {
            Integer c = counts.get(w);
            if (c == null || c == 0) {
                removed++;
            } else {
                counts.put(w, c - 1);
            }
        }
        int added = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new int[] {added, removed};
    }

    /** Longest-common-subsequence edit script; articles have at most a few hundred paragraphs, paragraphs a few hundred words. */
    static List<Op> diff(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Op> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.get(i).equals(b.get(j))) {
                ops.add(new Op(' ', a.get(i)));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                ops.add(new Op('-', a.get(i++)));
            } else {
                ops.add(new Op('+', b.get(j++)));
            }
        }
        while (i < n) {
            ops.add(new Op('-', a.get(i++)));
        }
        while (j < m) {
            ops.add(new Op('+', b.get(j++)));
        }
        return ops;
    }
}
