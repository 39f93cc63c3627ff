package dev.newsharvester.athena;

import dev.newsharvester.athena.SearchExpression.And;
import dev.newsharvester.athena.SearchExpression.Not;
import dev.newsharvester.athena.SearchExpression.Or;
import dev.newsharvester.athena.SearchExpression.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The query's words marked in a snippet Athena returned (Athena has no highlighter): a word of the text is marked
 * when it starts with a word the query looks for, as {@link AthenaSql} matches it ("elect" marks "elections"); words
 * under a NOT are not marked. The words of a phrase are marked each on its own.
 */
public final class SnippetMarks {

    /** A piece of the snippet: plain text, or a matched word. */
    public record Part(String text, boolean match) {
    }

    private final List<String> words;

    private SnippetMarks(List<String> words) {
        this.words = words;
    }

    /**
     * The marks of a query.
     *
     * @throws IllegalArgumentException when the query does not parse (as {@link SearchExpression#parse} says)
     */
    public static SnippetMarks of(String query) {
        List<String> words = new ArrayList<>();
        collect(SearchExpression.parse(query), words);
        return new SnippetMarks(List.copyOf(words));
    }

    private static void collect(SearchExpression e, List<String> out) {
        switch (e) {
            case Words w -> out.addAll(w.words());
            case And a -> a.parts().forEach(p -> collect(p, out));
            case Or o -> o.parts().forEach(p -> collect(p, out));
            case Not n -> { }
        }
    }

    /** The text cut into plain and matched parts, in order (adjacent plain text joined); null is no parts. */
    public List<Part> mark(String text) {
        List<Part> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int end = i;
            while (end < text.length() && Character.isLetterOrDigit(text.codePointAt(end))) {
                end += Character.charCount(text.codePointAt(end));
            }
            if (end == i) {
                plain.appendCodePoint(text.codePointAt(i));
                i += Character.charCount(text.codePointAt(i));
                continue;
            }
            String word = text.substring(i, end);
            if (matches(word)) {
                if (!plain.isEmpty()) {
                    out.add(new Part(plain.toString(), false));
                    plain.setLength(0);
                }
                out.add(new Part(word, true));
            } else {
                plain.append(word);
            }
            i = end;
        }
        if (!plain.isEmpty()) {
            out.add(new Part(plain.toString(), false));
        }
        return out;
    }

    private boolean matches(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return words.stream().anyMatch(lower::startsWith);
    }
}
