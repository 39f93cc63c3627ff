package dev.newsharvester.change;

import java.util.ArrayList;
import java.util.List;

/**
 * A word-level diff of two texts: words are whitespace-separated, a paragraph break (a line break) is a token of its
 * own, so the page can keep paragraphs. The common head and tail are taken off first; the rest is a longest common
 * subsequence, or, when that middle is too large for one (over {@value #MAX_CELLS} cells), replaced whole.
 */
final class WordDiff {

    /** A token of the result: {@code ' '} in both texts, {@code '-'} only before, {@code '+'} only after. */
    record Token(char kind, String word) {
        boolean paragraphBreak() {
            return word.equals(BREAK);
        }
    }

    static final String BREAK = "\n";
    private static final long MAX_CELLS = 4_000_000;

    private WordDiff() {
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String[] paragraphs = text.strip().split("\\s*\\n\\s*");
        for (int p = 0; p < paragraphs.length; p++) {
            if (p > 0) {
                out.add(BREAK);
            }
            for (String w : paragraphs[p].split("\\s+")) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    static List<Token> diff(String before, String after) {
        List<String> a = words(before);
        List<String> b = words(after);
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<Token> out = new ArrayList<>();
        a.subList(0, head).forEach(w -> out.add(new Token(' ', w)));
        middle(a.subList(head, a.size() - tail), b.subList(head, b.size() - tail), out);
        a.subList(a.size() - tail, a.size()).forEach(w -> out.add(new Token(' ', w)));
        return out;
    }

    private static void middle(List<String> a, List<String> b, List<Token> out) {
        int n = a.size();
        int m = b.size();
        if ((long) n * m > MAX_CELLS) {
            a.forEach(w -> out.add(new Token('-', w)));
            b.forEach(w -> out.add(new Token('+', w)));
            return;
        }
        int[][] lcs = new int[n + 1][m + 1];   // lcs[i][j]: common length of a[i..] and b[j..]
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                out.add(new Token(' ', a.get(i++)));
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add(new Token('-', a.get(i++)));   // removals before additions, as a reader expects
            } else {
                out.add(new Token('+', b.get(j++)));
            }
        }
    }
}
