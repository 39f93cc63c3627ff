package dev.newsharvester.change;

import dev.newsharvester.extract.Article;
import java.util.List;

/**
 * The HTML page of one change: headline, byline and body before and after, side by side, with a word-level diff
 * (removed words in {@code <del>} on the left, added ones in {@code <ins>} on the right). Everything is escaped;
 * the page is self-contained (inline CSS, no script, no image, nothing fetched), so it opens anywhere, from S3 or a
 * local directory.
 */
public final class DiffPages {

    private DiffPages() {
    }

    /**
     * @param before the clean copy before (null for NEW, or when it could not be read)
     * @param after  the clean copy after (null when there is no article any more)
     */
    static String render(ChangeEvent e, Article before, Article after) {
        String titleBefore = before != null ? before.title() : e.titleBefore();
        String titleAfter = after != null ? after.title() : e.titleAfter();
        String heading = titleAfter != null ? titleAfter : titleBefore != null ? titleBefore : e.url();
        String rows = rows(titleBefore, titleAfter, before == null ? null : String.join(", ", before.authors()),
                after == null ? null : String.join(", ", after.authors()), before == null ? null : before.text(),
                after == null ? null : after.text());
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s: %s</title>
                <style>
                body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:80rem;padding:0 1rem;color:#1f2328}
                h1{font-size:1.4rem;margin:0 0 .25rem} .meta{color:#57606a;word-break:break-all;margin:0 0 1rem}
                table{border-collapse:collapse;width:100%%;table-layout:fixed}
                th{background:#f6f8fa;text-align:left;padding:.5rem;border:1px solid #d0d7de;font-size:.9rem}
                th.part{width:6rem} td{vertical-align:top;padding:.5rem .75rem;border:1px solid #d0d7de;word-wrap:break-word}
                td p{margin:0 0 .75rem} td.before{background:#fffafa} td.after{background:#f8fff9}
                del{background:#ffc1bd;text-decoration:line-through} ins{background:#a6f0b4;text-decoration:none}
                </style></head>
                <body>
                <h1>%s</h1>
                <p class="meta">%s &middot; %s &middot; %s<br>%s%s</p>
                <p class="meta">%s</p>
                <table>
                <tr><th class="part"></th><th>Before%s</th><th>After%s</th></tr>
                %s</table>
                </body></html>
                """.formatted(esc(EventBridgeSink.detailType(e.kind())), esc(heading), esc(heading),
                esc(EventBridgeSink.detailType(e.kind())), esc(e.outlet()), esc(e.at().toString()), esc(e.url()),
                e.redirectTo() == null ? "" : "<br>now redirects to " + esc(e.redirectTo())
                        + (e.sameArticle() ? " (the same article)" : ""),
                esc(summary(e)), version(e.versionBefore()), version(e.versionAfter()), rows);
    }

    /**
     * The table rows (headline, byline, text; before left, after right, word-level marks) of this page, for a page
     * that frames them itself (the {@code serve} web page). Null sides are empty; everything is escaped.
     */
    public static String rows(String titleBefore, String titleAfter, String bylineBefore, String bylineAfter,
            String textBefore, String textAfter) {
        StringBuilder rows = new StringBuilder();
        row(rows, "Headline", WordDiff.diff(titleBefore, titleAfter));
        row(rows, "Byline", WordDiff.diff(bylineBefore, bylineAfter));
        row(rows, "Text", WordDiff.diff(textBefore, textAfter));
        return rows.toString();
    }

    /** What changed, in words: "headline, byline (+1 −0 authors), body (412 → 430 words, 2 paragraphs)". */
    public static String summary(ChangeEvent e) {
        Changes c = e.changes();
        if (e.kind() != ChangeKind.REVISED) {
            return e.kind().name().toLowerCase(java.util.Locale.ROOT);
        }
        StringBuilder s = new StringBuilder("changed:");
        if (c.headlineChanged()) {
            s.append(" headline;");
        }
        if (c.bylineChanged()) {
            s.append(" byline (+").append(c.authorsAdded().size()).append(" \u2212").append(c.authorsRemoved().size())
                    .append(" authors);");
        }
        if (c.bodyChanged()) {
            s.append(" body (").append(c.wordsBefore()).append(" \u2192 ").append(c.wordsAfter()).append(" words, ")
                    .append(c.paragraphsChanged()).append(" paragraphs);");
        }
        return s.charAt(s.length() - 1) == ';' ? s.substring(0, s.length() - 1) : s + " (not recorded)";
    }

    /** A version key, shortened: the body hash's first 12 digits, and a headline/byline view's first 8 after {@code :}. */
    private static String version(String key) {
        if (key == null) {
            return "";
        }
        int colon = key.indexOf(':');
        String body = colon < 0 ? key : key.substring(0, colon);
        String view = colon < 0 ? "" : ":" + key.substring(colon + 1, Math.min(key.length(), colon + 9));
        return " <code>" + esc(body.substring(0, Math.min(12, body.length())) + view) + "</code>";
    }

    private static void row(StringBuilder rows, String part, List<WordDiff.Token> tokens) {
        rows.append("<tr><th class=\"part\">").append(part).append("</th><td class=\"before\">")
                .append(side(tokens, '-', "del")).append("</td><td class=\"after\">").append(side(tokens, '+', "ins"))
                .append("</td></tr>\n");
    }

    /** One side: the kept tokens and those of {@code kind}, the latter inside {@code <tag>}, paragraphs kept. */
    private static String side(List<WordDiff.Token> tokens, char kind, String tag) {
        StringBuilder out = new StringBuilder("<p>");
        boolean open = false;   // inside <tag>
        boolean first = true;
        for (WordDiff.Token t : tokens) {
            if (t.kind() != ' ' && t.kind() != kind) {
                continue;
            }
            boolean marked = t.kind() == kind;
            if (open && (!marked || t.paragraphBreak())) {
                out.append("</").append(tag).append('>');
                open = false;
            }
            if (t.paragraphBreak()) {
                out.append("</p><p>");
                first = true;
                continue;
            }
            if (!first) {
                out.append(' ');
            }
            if (marked && !open) {
                out.append('<').append(tag).append('>');
                open = true;
            }
            out.append(esc(t.word()));
            first = false;
        }
        if (open) {
            out.append("</").append(tag).append('>');
        }
        return out.append("</p>").toString();
    }

    /** Text or an attribute value for HTML, escaped; null is empty (the {@code serve} page escapes with this too). */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
