package dev.newsharvester.query;

import java.util.ArrayList;
import java.util.List;

/** A unified diff of two texts, line by line (paragraphs are lines in clean text). */
public final class TextDiff {

    private TextDiff() {
    }

    /** Unified diff with {@code context} lines around changes; empty when the texts are equal. */
    public static String unified(String before, String after, String fromLabel, String toLabel, int context) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<String[]> ops = diff(a, b);   // each: {op, line} with op " ", "-", "+"
        if (ops.stream().allMatch(o -> o[0].equals(" "))) {
            return "";
        }
        StringBuilder out = new StringBuilder("--- " + fromLabel + "\n+++ " + toLabel + "\n");
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i)[0].equals(" ")) {
                i++;
                continue;
            }
            int start = Math.max(0, i - context);
            int end = i;
            // extend the hunk while changes are within 2*context lines of each other
            int j = i;
            while (j < ops.size()) {
                if (!ops.get(j)[0].equals(" ")) {
                    end = j;
                    j++;
                } else if (j - end <= 2 * context) {
                    j++;
                } else {
                    break;
                }
            }
            int stop = Math.min(ops.size(), end + context + 1);
            int aStart = 1 + count(ops, 0, start, "+");
            int bStart = 1 + count(ops, 0, start, "-");
            int aLen = (stop - start) - count(ops, start, stop, "+");
            int bLen = (stop - start) - count(ops, start, stop, "-");
            out.append("@@ -").append(aStart).append(',').append(aLen).append(" +").append(bStart).append(',').append(bLen).append(" @@\n");
            for (int k = start; k < stop; k++) {
                out.append(ops.get(k)[0]).append(ops.get(k)[1]).append('\n');
            }
            i = stop;
        }
        return out.toString();
    }

    private static int count(List<String[]> ops, int from, int to, String skip) {
        int n = 0;
        for (int k = from; k < to; k++) {
            if (!ops.get(k)[0].equals(skip)) {
                n++;
            }
        }
        return n;
    }

    private static List<String> lines(String s) {
        List<String> out = new ArrayList<>();
        if (s == null || s.isEmpty()) {
            return out;
        }
        for (String line : s.split("\n", -1)) {
            if (!line.isBlank()) {
                out.add(line);   // blank separator lines between paragraphs carry no content
            }
        }
        return out;
    }

    /** Longest-common-subsequence diff; articles have at most a few hundred paragraphs. */
    static List<String[]> diff(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String[]> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.get(i).equals(b.get(j))) {
                ops.add(new String[] {" ", a.get(i)});
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                ops.add(new String[] {"-", a.get(i++)});
            } else {
                ops.add(new String[] {"+", b.get(j++)});
            }
        }
        while (i < n) {
            ops.add(new String[] {"-", a.get(i++)});
        }
        while (j < m) {
            ops.add(new String[] {"+", b.get(j++)});
        }
        return ops;
    }
}
