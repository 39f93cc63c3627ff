package dev.newsharvester.query;

import dev.newsharvester.query.TextDiff.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * The side-by-side page of a {@link Comparison}: one row per paragraph, the old text left and the
 * new right; an edited paragraph shows its removed words struck through on the left and its added
 * words highlighted on the right. Runs of unchanged paragraphs far from any change are folded.
 * Self-contained (inline CSS, no scripts), so the file opens anywhere.
 */
final class DiffPage {

    /** Unchanged paragraphs shown before and after a change; longer runs are folded. */
    private static final int CONTEXT = 2;

    private DiffPage() {
    }

    static String render(Comparison c) {
        List<Op> ops = TextDiff.diff(TextDiff.paragraphs(c.fromText()), TextDiff.paragraphs(c.toText()));
        int[] delta = TextDiff.wordDelta(c.fromText(), c.toText());
        StringBuilder rows = new StringBuilder();
        List<String> removed = new ArrayList<>(); // a run of removed (left) and added (right) paragraphs
        List<String> added = new ArrayList<>();
        boolean[] changedNear = changedNear(ops);
        int folded = 0;
        for (int i = 0; i <= ops.size(); i++) {
            Op op = i < ops.size() ? ops.get(i) : null;
            if (op != null && !op.kept()) {
                (op.kind() == '-' ? removed : added).add(op.text());
                continue;
            }
            flushChanges(rows, removed, added);
            if (op == null) {
                break;
            }
            if (changedNear[i]) {
                if (folded > 0) {
                    fold(rows, folded);
                    folded = 0;
                }
                rows.append("<tr><td class=\"same\">").append(esc(op.text())).append("</td><td class=\"same\">")
                        .append(esc(op.text())).append("</td></tr>\n");
            } else {
                folded++;
            }
        }
        if (folded > 0) {
            fold(rows, folded);
        }
        String title = c.to().reader().titleOr(c.to().url());
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Changes: %s</title>
                <style>
                body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:80rem;padding:0 1rem;color:#1f2328}
                h1{font-size:1.4rem;margin:0 0 .25rem} .url{color:#57606a;word-break:break-all;margin:0 0 1rem}
                .stats{margin:0 0 1rem;color:#57606a}
                table{border-collapse:collapse;width:100%%;table-layout:fixed}
                th{background:#f6f8fa;text-align:left;padding:.5rem;border:1px solid #d0d7de;font-weight:600;font-size:.9rem}
                td{vertical-align:top;padding:.5rem .75rem;border:1px solid #d0d7de;white-space:pre-wrap;word-wrap:break-word}
                td.old{background:#fff1f0} td.new{background:#eefbf0} td.empty{background:#f6f8fa}
                td.same{color:#57606a} td.fold{text-align:center;color:#8c959f;background:#f6f8fa;font-style:italic}
                del{background:#ffc1bd;text-decoration:line-through} ins{background:#a6f0b4;text-decoration:none}
                code{font-size:.85rem}
                </style></head>
                <body>
                <h1>%s</h1>
                <p class="url">%s</p>
                <p class="stats">+%d / &minus;%d words</p>
                <table>
                <tr><th>Before: <code>%s</code> first seen %s%s</th><th>After: <code>%s</code> first seen %s%s</th></tr>
                %s</table>
                </body></html>
                """.formatted(esc(title), esc(title), esc(c.to().url()), delta[0], delta[1],
                esc(c.from().hash().substring(0, 12)), esc(String.valueOf(c.from().firstSeen())), extractor(c.from()),
                esc(c.to().hash().substring(0, 12)), esc(String.valueOf(c.to().firstSeen())), extractor(c.to()),
                rows.length() == 0 ? "<tr><td class=\"fold\" colspan=\"2\">no differences</td></tr>\n" : rows);
    }

    private static String extractor(dev.newsharvester.store.StoredVersion v) {
        return v.sketch().extractorVersion() == null ? "" : " (extractor " + esc(v.sketch().extractorVersion()) + ")";
    }

    /** For each op: is it within CONTEXT of a change (or is a change)? */
    private static boolean[] changedNear(List<Op> ops) {
        boolean[] near = new boolean[ops.size()];
        for (int i = 0; i < ops.size(); i++) {
            if (!ops.get(i).kept()) {
                for (int k = Math.max(0, i - CONTEXT); k <= Math.min(ops.size() - 1, i + CONTEXT); k++) {
                    near[k] = true;
                }
            }
        }
        return near;
    }

    /** Removed and added paragraphs of one run, paired in order: a pair is an edited paragraph. */
    private static void flushChanges(StringBuilder rows, List<String> removed, List<String> added) {
        int n = Math.max(removed.size(), added.size());
        for (int k = 0; k < n; k++) {
            String left = k < removed.size() ? removed.get(k) : null;
            String right = k < added.size() ? added.get(k) : null;
            if (left != null && right != null) {
                String[] marked = markWords(left, right);
                rows.append("<tr><td class=\"old\">").append(marked[0]).append("</td><td class=\"new\">").append(marked[1])
                        .append("</td></tr>\n");
            } else if (left != null) {
                rows.append("<tr><td class=\"old\"><del>").append(esc(left)).append("</del></td><td class=\"empty\"></td></tr>\n");
            } else {
                rows.append("<tr><td class=\"empty\"></td><td class=\"new\"><ins>").append(esc(right)).append("</ins></td></tr>\n");
            }
        }
        removed.clear();
        added.clear();
    }

    /** The two paragraphs with removed words in {@code <del>} (left) and added words in {@code <ins>} (right). */
    static String[] markWords(String before, String after) {
        StringBuilder left = new StringBuilder();
        StringBuilder right = new StringBuilder();
        for (Op op : TextDiff.diff(TextDiff.words(before), TextDiff.words(after))) {
            String w = esc(op.text());
            switch (op.kind()) {
                case '-' -> left.append(left.isEmpty() ? "" : " ").append("<del>").append(w).append("</del>");
                case '+' -> right.append(right.isEmpty() ? "" : " ").append("<ins>").append(w).append("</ins>");
                default -> {
                    left.append(left.isEmpty() ? "" : " ").append(w);
                    right.append(right.isEmpty() ? "" : " ").append(w);
                }
            }
        }
        return new String[] {left.toString().replace("</del> <del>", " "), right.toString().replace("</ins> <ins>", " ")};
    }

    private static void fold(StringBuilder rows, int n) {
        rows.append("<tr><td class=\"fold\" colspan=\"2\">").append(n).append(n == 1 ? " unchanged paragraph" : " unchanged paragraphs")
                .append("</td></tr>\n");
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
