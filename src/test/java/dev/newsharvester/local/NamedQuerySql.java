package dev.newsharvester.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A light reading of the template's SQL, enough to hold its named queries to the tables' columns: the text must
 * start as a query, balance its parentheses, and every bare identifier must be a keyword, a function, an alias the
 * query defines, a table of the stack, or a column.
 */
final class NamedQuerySql {

    private static final Set<String> KEYWORDS = Set.of("select", "from", "where", "with", "as", "and", "or", "not",
            "between", "group", "by", "order", "desc", "asc", "over", "partition", "limit", "in", "is", "null", "on",
            "join", "case", "when", "then", "else", "end", "distinct", "having", "exists", "interval", "day", "true",
            "false");
    private static final Set<String> TABLES = Set.of("articles_clean", "articles");
    private static final Pattern TOKEN = Pattern.compile("'(?:[^']|'')*'|\"[^\"]*\"|[A-Za-z_][A-Za-z0-9_]*(\\s*\\()?|\\S");
    /** Column aliases ({@code AS n}), named subqueries ({@code WITH n AS (}) and derived tables ({@code ) n}). */
    private static final List<Pattern> ALIASES = List.of(Pattern.compile("(?i)\\bas\\s+([a-z_][a-z0-9_]*)"),
            Pattern.compile("(?i)(?:\\bwith|,)\\s*([a-z_][a-z0-9_]*)\\s+as\\s*\\("),
            Pattern.compile("(?i)\\)\\s*([a-z_][a-z0-9_]*)"));

    private NamedQuerySql() {
    }

    /** The identifiers of the query that are none of the above, in order. */
    static List<String> unknownIdentifiers(String sql, Set<String> columns) {
        String head = sql.stripLeading().toLowerCase(Locale.ROOT);
        if (!head.startsWith("select") && !head.startsWith("with")) {
            throw new AssertionError("not a query: " + sql);
        }
        Set<String> aliases = new TreeSet<>();
        for (Pattern alias : ALIASES) {
            Matcher a = alias.matcher(sql);
            while (a.find()) {
                aliases.add(a.group(1).toLowerCase(Locale.ROOT));
            }
        }
        aliases.removeAll(KEYWORDS);
        List<String> out = new ArrayList<>();
        int depth = 0;
        Matcher m = TOKEN.matcher(sql);
        while (m.find()) {
            String t = m.group();
            if (t.equals("(") || t.endsWith("(")) {
                depth++;
            } else if (t.equals(")")) {
                depth--;
                if (depth < 0) {
                    throw new AssertionError("unbalanced ')' in " + sql);
                }
            }
            if (!Character.isLetter(t.charAt(0)) && t.charAt(0) != '_' || t.endsWith("(")) {
                continue;
            }
            String id = t.toLowerCase(Locale.ROOT);
            if (!KEYWORDS.contains(id) && !TABLES.contains(id) && !aliases.contains(id) && !columns.contains(id)) {
                out.add(id);
            }
        }
        if (depth != 0) {
            throw new AssertionError("unbalanced parentheses in " + sql);
        }
        return out;
    }
}
