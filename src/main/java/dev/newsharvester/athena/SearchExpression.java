package dev.newsharvester.athena;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A search question as a tree: words, "phrases", AND, OR, NOT (or {@code -word}), parentheses, and the fields
 * {@code title:} and {@code body:}. Juxtaposed terms are ANDed; AND binds tighter than OR. Words are lower-cased and
 * keep only letters and digits (any other character splits a word into a phrase), so no user character ever
 * reaches SQL or a regular expression unescaped.
 */
public sealed interface SearchExpression {

    /** Where a term is looked for. */
    enum Field { ANY, TITLE, BODY }

    /** One or more words in a row (one word, or a phrase), in one field. */
    record Words(Field field, List<String> words) implements SearchExpression {
        public Words {
            words = List.copyOf(words);
        }
    }

    record And(List<SearchExpression> parts) implements SearchExpression {
        public And {
            parts = List.copyOf(parts);
        }
    }

    record Or(List<SearchExpression> parts) implements SearchExpression {
        public Or {
            parts = List.copyOf(parts);
        }
    }

    record Not(SearchExpression part) implements SearchExpression {
    }

    /**
     * Parses a question.
     *
     * @throws IllegalArgumentException naming the problem (unbalanced quotes or parentheses, an unknown field, an
     *                                  operator without an operand, a question with nothing to look for)
     */
    static SearchExpression parse(String query) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("QUERY is empty: give words or \"a phrase\", e.g. \"election AND kyiv\"");
        }
        return new Parser(query).parseAll();
    }

    /** Letters and digits only, lower case; everything else separates words. */
    static List<String> wordsOf(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c)) {
                w.appendCodePoint(c);
            } else if (!w.isEmpty()) {
                out.add(w.toString());
                w.setLength(0);
            }
        });
        if (!w.isEmpty()) {
            out.add(w.toString());
        }
        return out;
    }

    /** Recursive descent over the query's tokens. */
    final class Parser {
        private final List<String> tokens = new ArrayList<>();
        private final String query;
        private int at;

        Parser(String query) {
            this.query = query;
            tokenize();
        }

        private void tokenize() {
            int i = 0;
            while (i < query.length()) {
                char c = query.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '(' || c == ')') {
                    tokens.add(String.valueOf(c));
                    i++;
                } else {
                    int start = i;
                    boolean quoted = false;
                    while (i < query.length() && (quoted || !(Character.isWhitespace(query.charAt(i))
                            || query.charAt(i) == '(' || query.charAt(i) == ')'))) {
                        if (query.charAt(i) == '"') {
                            quoted = !quoted;
                        }
                        i++;
                    }
                    if (quoted) {
                        throw new IllegalArgumentException("QUERY has an unbalanced quote (\") at character "
                                + (query.indexOf('"', start) + 1) + ": close the phrase, e.g. \"foreign minister\"");
                    }
                    tokens.add(query.substring(start, i));
                }
            }
        }

        SearchExpression parseAll() {
            SearchExpression e = or();
            if (at < tokens.size()) {
                throw new IllegalArgumentException("QUERY has an unmatched ')': balance the parentheses");
            }
            return e;
        }

        private SearchExpression or() {
            List<SearchExpression> parts = new ArrayList<>(List.of(and()));
            while (peek("OR")) {
                at++;
                parts.add(and());
            }
            return parts.size() == 1 ? parts.get(0) : new Or(parts);
        }

        private SearchExpression and() {
            List<SearchExpression> parts = new ArrayList<>(List.of(unary()));
            while (at < tokens.size() && !peek("OR") && !peek(")")) {
                if (peek("AND")) {
                    at++;
                }
                parts.add(unary());
            }
            return parts.size() == 1 ? parts.get(0) : new And(parts);
        }

        private SearchExpression unary() {
            if (at >= tokens.size()) {
                throw new IllegalArgumentException("QUERY ends with an operator: put a word after "
                        + (at > 0 ? tokens.get(at - 1) : "it"));
            }
            String t = tokens.get(at++);
            if (t.equals("NOT")) {
                return new Not(unary());
            }
            if (t.startsWith("-") && t.length() > 1) {
                tokens.set(--at, t.substring(1));
                return new Not(unary());
            }
            if (t.equals("(")) {
                SearchExpression inner = or();
                if (!peek(")")) {
                    throw new IllegalArgumentException("QUERY has an unclosed '(': balance the parentheses");
                }
                at++;
                return inner;
            }
            if (t.equals(")") || t.equals("AND") || t.equals("OR")) {
                throw new IllegalArgumentException("QUERY has '" + t + "' where a word was expected: put words on "
                        + "both sides of AND/OR");
            }
            return words(t);
        }

        private SearchExpression words(String token) {
            Field field = Field.ANY;
            int colon = token.indexOf(':');
            int quote = token.indexOf('"');
            if (colon > 0 && (quote < 0 || colon < quote)) {
                String name = token.substring(0, colon);
                field = switch (name.toLowerCase(Locale.ROOT)) {
                    case "title" -> Field.TITLE;
                    case "body", "text" -> Field.BODY;
                    default -> throw new IllegalArgumentException("QUERY names an unknown field '" + name
                            + ":': use title: or body:, or drop the field to search both");
                };
                token = token.substring(colon + 1);
            }
            List<String> words = wordsOf(token);
            if (words.isEmpty()) {
                throw new IllegalArgumentException("QUERY term '" + token + "' has no letters or digits: give a word");
            }
            return new Words(field, words);
        }

        private boolean peek(String t) {
            return at < tokens.size() && tokens.get(at).equals(t);
        }
    }
}
