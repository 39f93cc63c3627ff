package dev.newsharvester.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A query in Lucene's classic syntax, checked and mapped onto the index's fields: a word without a field searches
 * the headline (weighted double) and body in every language; {@code title:}, {@code body:} and {@code author:} search
 * those; {@code outlet:}, {@code url:} and {@code lang:} match exactly. Words are all required unless joined by OR.
 * A word every analyzer drops (a stop word such as "the") is left out rather than made to match nothing.
 */
final class QueryParsing {

    static final String ANY = "text";
    static final List<String> FIELDS = List.of("title", "body", "author", "outlet", "url", "lang");
    private static final Map<String, String> KEYWORDS = Map.of("outlet", Fields.OUTLET, "url", Fields.URL, "lang", Fields.LANG);
    private static final float TITLE_BOOST = 2f;

    private QueryParsing() {
    }

    /**
     * The Lucene query of {@code text}.
     *
     * @throws IllegalArgumentException naming what is wrong (an unbalanced quote, an unknown field, bad syntax) and
     *                                  the fix
     */
    static Query parse(String text) {
        String q = text == null ? "" : text.strip();
        if (q.isEmpty() || q.equals("*") || q.equals("*:*")) {
            return new MatchAllDocsQuery();
        }
        if (unescapedQuotes(q) % 2 != 0) {
            throw new IllegalArgumentException("QUERY " + q + " has an unbalanced quote (\"): close the phrase or remove the quote");
        }
        try {
            Query parsed = new Parser().parse(q);
            return parsed == null ? new MatchAllDocsQuery() : parsed;
        } catch (ParseException e) {
            String why = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException("QUERY " + q + " cannot be parsed (" + why.replace("Cannot parse '" + q + "': ", "")
                    + "): check its parentheses and AND/OR/NOT, or put the text in quotes");
        }
    }

    private static int unescapedQuotes(String q) {
        int n = 0;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                n++;
            }
        }
        return n;
    }

    /** The classic parser with each user field mapped onto the index's fields. */
    private static final class Parser extends QueryParser {

        Parser() {
            super(ANY, Languages.perField());
            setDefaultOperator(QueryParser.AND_OPERATOR);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            if (KEYWORDS.containsKey(field)) {
                return new TermQuery(new Term(KEYWORDS.get(field), queryText));
            }
            if (indexField(field)) {   // the parser's own calls, from the other methods, on the fields mapped to
                return super.getFieldQuery(field, queryText, quoted);
            }
            check(field);
            if (!quoted && Languages.isStopWord(queryText)) {
                return null;
            }
            return expand(field, f -> super.getFieldQuery(f, queryText, quoted));
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
            if (KEYWORDS.containsKey(check(field))) {
                return new TermQuery(new Term(KEYWORDS.get(field), queryText));
            }
            return expand(field, f -> super.getFieldQuery(f, queryText, slop));
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            return keywordOr(field, termStr, f -> super.getPrefixQuery(f, termStr));
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            return keywordOr(field, termStr, f -> super.getWildcardQuery(f, termStr));
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            return keywordOr(field, termStr, f -> super.getFuzzyQuery(f, termStr, minSimilarity));
        }

        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            return keywordOr(field, termStr, f -> super.getRegexpQuery(f, termStr));
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                boolean endInclusive) throws ParseException {
            return keywordOr(field, part1, f -> super.getRangeQuery(f, part1, part2, startInclusive, endInclusive));
        }

        private Query keywordOr(String field, String term, ParserCall call) throws ParseException {
            String f = check(field);
            return KEYWORDS.containsKey(f) ? call.apply(KEYWORDS.get(f)) : expand(f, call);
        }

        private static boolean indexField(String field) {
            return field.startsWith("title_") || field.startsWith("body_");
        }

        /** The field itself when the index has it; else an error naming the fields there are. */
        private static String check(String field) {
            if (field.equals(ANY) || FIELDS.contains(field)) {
                return field;
            }
            throw new IllegalArgumentException("QUERY: unknown field '" + field + "' (in " + field
                    + ":...); fields are " + String.join(", ", FIELDS) + "; to search the text itself, quote it");
        }

        /** The query on every index field a user field stands for, any of which may match. */
        private Query expand(String field, ParserCall call) throws ParseException {
            List<Query> parts = new ArrayList<>();
            for (String lang : Languages.CODES) {
                if (field.equals(ANY) || field.equals("title")) {
                    add(parts, call.apply(Fields.title(lang)), field.equals(ANY) ? TITLE_BOOST : 1f);
                }
                if (field.equals(ANY) || field.equals("body")) {
                    add(parts, call.apply(Fields.body(lang)), 1f);
                }
            }
            if (field.equals("author")) {
                add(parts, call.apply(Fields.AUTHOR), 1f);
            }
            if (parts.isEmpty()) {
                return null;
            }
            if (parts.size() == 1) {
                return parts.get(0);
            }
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            parts.forEach(p -> b.add(p, BooleanClause.Occur.SHOULD));
            return b.build();
        }

        private static void add(List<Query> parts, Query q, float boost) {
            if (q != null) {
                parts.add(boost == 1f ? q : new BoostQuery(q, boost));
            }
        }
    }

    @FunctionalInterface
    private interface ParserCall {
        Query apply(String field) throws ParseException;
    }

}
