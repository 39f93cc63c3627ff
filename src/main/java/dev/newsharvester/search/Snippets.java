package dev.newsharvester.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** The passages of the results' bodies that match, with the matches marked: «…» in text, {@code <mark>} in HTML. */
final class Snippets {

    /** A snippet as text and as escaped HTML. */
    record Snippet(String text, String html) {
    }

    static final String OPEN = "«";
    static final String CLOSE = "»";
    private static final char START = '\u0002';
    private static final char END = '\u0003';
    private static final int PASSAGES = 2;
    private static final int MAX_CHARS = 400;

    private Snippets() {
    }

    /** The snippet of each result by document number (none for a result whose body is empty). */
    static Map<Integer, Snippet> of(IndexSearcher searcher, Query text, TopDocs top) throws IOException {
        Map<Integer, Snippet> out = new HashMap<>();
        if (top.scoreDocs.length == 0) {
            return out;
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, Languages.perField())
                .withFormatter(new DefaultPassageFormatter(String.valueOf(START), String.valueOf(END), " … ", false))
                .withMaxLength(100_000).build();
        String[] fields = Languages.CODES.stream().map(Fields::body).toArray(String[]::new);
        int[] passages = new int[fields.length];
        java.util.Arrays.fill(passages, PASSAGES);
        Map<String, String[]> byField = highlighter.highlightFields(fields, text, top, passages);
        for (int i = 0; i < top.scoreDocs.length; i++) {
            for (String f : fields) {
                String s = byField.get(f)[i];
                if (s != null && !s.isBlank()) {
                    out.put(top.scoreDocs[i].doc, render(cut(s.replaceAll("\\s+", " ").strip())));
                    break;
                }
            }
        }
        return out;
    }

    /** At most {@link #MAX_CHARS} characters, never ending inside a mark. */
    static String cut(String s) {
        if (s.length() <= MAX_CHARS) {
            return s;
        }
        int at = s.lastIndexOf(' ', MAX_CHARS);
        String head = s.substring(0, at > MAX_CHARS / 2 ? at : MAX_CHARS);
        boolean open = head.lastIndexOf(START) > head.lastIndexOf(END);
        return head + (open ? String.valueOf(END) : "") + " …";
    }

    static Snippet render(String marked) {
        StringBuilder text = new StringBuilder(marked.length() + 8);
        StringBuilder html = new StringBuilder(marked.length() + 32);
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            switch (c) {
                case START -> {
                    text.append(OPEN);
                    html.append("<mark>");
                }
                case END -> {
                    text.append(CLOSE);
                    html.append("</mark>");
                }
                case '<' -> {
                    text.append(c);
                    html.append("&lt;");
                }
                case '>' -> {
                    text.append(c);
                    html.append("&gt;");
                }
                case '&' -> {
                    text.append(c);
                    html.append("&amp;");
                }
                case '"' -> {
                    text.append(c);
                    html.append("&quot;");
                }
                default -> {
                    text.append(c);
                    html.append(c);
                }
            }
        }
        return new Snippet(text.toString(), html.toString());
    }
}
