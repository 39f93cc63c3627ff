package dev.newsharvester.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Article HTML carried as a string in script data. Client-rendered pages (Next.js, React Query
 * caches, Nuxt) ship the body as JSON ({@code "contentHtml":"\u003cp\u003e..."}) and build the
 * DOM in the browser, so the served DOM has no text. Used only when the DOM gave no body.
 */
final class ScriptHtml {

    /** Script text scanned at most (hydration blobs are large; the body is rarely beyond this). */
    private static final int MAX_SCAN = 4_000_000;

    /** A string needs at least this many characters to be considered (whole paragraphs, not a label). */
    private static final int MIN_LENGTH = 200;

    private ScriptHtml() {
    }

    /** The string literals of the scripts that hold paragraph markup, decoded, in page order. */
    static List<String> htmlStrings(List<Element> scripts) {
        List<String> out = new ArrayList<>();
        int budget = MAX_SCAN;
        for (Element script : scripts) {
            String data = script.data();
            if (data.length() < MIN_LENGTH || budget <= 0) {
                continue;
            }
            budget -= data.length();
            if (!hasParagraphMarkup(data, 0, data.length())) {
                continue;
            }
            scan(data.length() > MAX_SCAN ? data.substring(0, MAX_SCAN) : data, out);
        }
        return out;
    }

    /** Collects the decoded string literals that contain paragraph markup. */
    private static void scan(String s, List<String> out) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            int open = s.indexOf('"', i);
            if (open < 0) {
                return;
            }
            int j = open + 1;
            while (j < n && s.charAt(j) != '"') {
                j += s.charAt(j) == '\\' ? 2 : 1;
            }
            if (j >= n) {
                return;
            }
            if (j - open - 1 >= MIN_LENGTH && hasParagraphMarkup(s, open + 1, j)) {
                out.add(unescape(s, open + 1, j));
            }
            i = j + 1;
        }
    }

    /** True when the range holds {@code <p} or its JSON escape {@code \u003cp}. */
    private static boolean hasParagraphMarkup(String s, int from, int to) {
        for (int k = s.indexOf('p', from); k >= 0 && k < to; k = s.indexOf('p', k + 1)) {
            if (k >= 1 && s.charAt(k - 1) == '<' && k + 1 < to && (s.charAt(k + 1) == '>' || s.charAt(k + 1) == ' ')) {
                return true;
            }
            if (k >= 6 && s.regionMatches(true, k - 6, "\\u003c", 0, 6)) {
                return true;
            }
        }
        return false;
    }

    /** Decodes JSON string escapes; a malformed escape is kept as it stands. */
    static String unescape(String s, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= to) {
                sb.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b', 'f' -> sb.append(' ');
                case 'u' -> {
                    if (i + 4 < to && isHex(s, i + 1, i + 5)) {
                        sb.append((char) Integer.parseInt(s, i + 1, i + 5, 16));
                        i += 4;
                    } else {
                        sb.append("\\u");
                    }
                }
                default -> sb.append(e); // \" \\ \/ and anything else
            }
        }
        return sb.toString();
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
