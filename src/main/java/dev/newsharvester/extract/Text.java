package dev.newsharvester.extract;

import java.util.Locale;

/** Small text helpers shared by the extractor's parts. */
final class Text {

    private Text() {
    }

    static boolean isSpace(char c) {
        if (c < 0x80) {
            return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F); // as Character.isWhitespace
        }
        return c == 0xA0 || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Collapses whitespace runs (any Unicode space) to one space and strips the ends; null stays null. */
    static String collapse(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                space = true;
            } else {
                if (space && !sb.isEmpty()) {
                    sb.append(' ');
                }
                space = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Null for blank strings, otherwise the collapsed string. */
    static String blankToNull(String s) {
        String c = collapse(s);
        return c == null || c.isEmpty() ? null : c;
    }

    /** Lower-case letters and digits only, for loose comparisons ("The Site" ~ "the-site"). */
    static String key(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /**
     * Number of words: whitespace-separated tokens, but at least one per six visible characters,
     * so that Chinese, Japanese or Thai text (no spaces between words) is not counted as one word.
     */
    static int words(String s) {
        String t = collapse(s);
        if (t == null || t.isEmpty()) {
            return 0;
        }
        int tokens = t.split(" ").length;
        return Math.max(tokens, (t.length() - tokens + 1) / 6);
    }

    /** Jaccard similarity of the lower-cased word sets of two strings, in [0, 1]. */
    static double wordSimilarity(String a, String b) {
        java.util.Set<String> sa = wordSet(a);
        java.util.Set<String> sb = wordSet(b);
        if (sa.isEmpty() || sb.isEmpty()) {
            return 0;
        }
        java.util.Set<String> inter = new java.util.HashSet<>(sa);
        inter.retainAll(sb);
        java.util.Set<String> union = new java.util.HashSet<>(sa);
        union.addAll(sb);
        return (double) inter.size() / union.size();
    }

    private static java.util.Set<String> wordSet(String s) {
        java.util.Set<String> out = new java.util.HashSet<>();
        if (s == null) {
            return out;
        }
        for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
