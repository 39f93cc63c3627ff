package dev.newsharvester.athena;

import dev.newsharvester.athena.SearchExpression.And;
import dev.newsharvester.athena.SearchExpression.Field;
import dev.newsharvester.athena.SearchExpression.Not;
import dev.newsharvester.athena.SearchExpression.Or;
import dev.newsharvester.athena.SearchExpression.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Questions as Athena SQL over {@link AthenaTables#CLEAN}. A word matches at the start of a word of the title or
 * the body (so "elect" finds "elections": a crude stem that works the same for English, Ukrainian and Russian); a
 * phrase matches its words in a row with only separators between them. The outlets and days become conditions on
 * the partition columns {@code outlet} and {@code dt}, so Athena reads only those prefixes. Every value from the user
 * reaches the SQL as a literal: outlet ids are checked against {@code [a-z0-9-]+}, words keep only letters and
 * digits, and string literals double their quotes regardless.
 */
public final class AthenaSql {

    /** A word boundary before the term: start of text, or a character that is neither letter nor digit. */
    static final String WORD_START = "(^|[^\\p{L}\\p{N}])";
    static final String SEPARATORS = "[^\\p{L}\\p{N}]+";
    private static final String SNIPPET_BEFORE = "80";
    private static final String SNIPPET_LENGTH = "240";
    private static final Pattern S3_PREFIX = Pattern.compile("s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/([A-Za-z0-9_.=-]+/)*");
    private static final Pattern DATABASE = Pattern.compile("[a-z0-9_]{1,255}");

    private final String table;

    /** SQL over {@code "<database>"."articles_clean"}. */
    public AthenaSql(String database) {
        if (database == null || !DATABASE.matcher(database).matches()) {
            throw new IllegalArgumentException("GLUE_DATABASE '" + database + "' is not a Glue database name: lower-case"
                    + " letters, digits and _ (the stack's GlueDatabaseName output, e.g. news_harvester)");
        }
        this.table = "\"" + database + "\".\"" + AthenaTables.CLEAN + "\"";
    }

    /** Matching articles, newest first: outlet, dt, published, title, url, snippet. */
    public String search(SearchRequest r) {
        return versions(r, "outlet, dt, url, title, text, published, fetchedat")
                + "SELECT outlet, dt, published, title, url, " + snippet(r) + " AS snippet\n"
                + "FROM versions\n"
                + "WHERE " + matching(r) + "\n"
                + "ORDER BY published DESC, url\n"
                + "LIMIT " + r.limit();
    }

    /** Counts of matching articles per day, week (its Monday) or outlet: bucket, articles. */
    public String count(SearchRequest r) {
        String bucket = bucket(r);
        String order = r.countBy() == SearchRequest.CountBy.OUTLET ? "articles DESC, bucket" : "bucket";
        return versions(r, "outlet, dt, url, title, text, fetchedat")
                + "SELECT " + bucket + " AS bucket, count(*) AS articles\n"
                + "FROM versions\n"
                + "WHERE " + matching(r) + "\n"
                + "GROUP BY 1\n"
                + "ORDER BY " + order;
    }

    /**
     * {@link #search} and {@link #count} in one query, so that Athena reads (and bills) the data once: the newest
     * matching articles up to the limit, plus at least one row per bucket, each row carrying its bucket's count and the
     * total. Columns: outlet, dt, published, title, url, snippet, bucket, articles (the bucket's), total, hit (the rank,
     * newest first: a row is a result when hit &lt;= the limit).
     */
    public String searchAndCount(SearchRequest r) {
        return versions(r, "outlet, dt, url, title, text, published, fetchedat")
                + ", matches AS (\n"
                + "  SELECT outlet, dt, published, title, url, " + snippet(r) + " AS snippet, " + bucket(r) + " AS bucket\n"
                + "  FROM versions\n"
                + "  WHERE " + matching(r) + "\n"
                + "), ranked AS (\n"
                + "  SELECT *, row_number() OVER (ORDER BY published DESC, url) AS hit,\n"
                + "         row_number() OVER (PARTITION BY bucket ORDER BY published DESC, url) AS nth,\n"
                + "         count(*) OVER (PARTITION BY bucket) AS articles,\n"
                + "         count(*) OVER () AS total\n"
                + "  FROM matches\n"
                + ")\n"
                + "SELECT outlet, dt, published, title, url, snippet, bucket, articles, total, hit\n"
                + "FROM ranked\n"
                + "WHERE hit <= " + r.limit() + " OR nth = 1\n"
                + "ORDER BY hit";
    }

    /** Every column of the matching articles ({@link AthenaTables#EXPORT_COLUMNS}), oldest first, no limit. */
    public String export(SearchRequest r) {
        String columns = String.join(", ", AthenaTables.EXPORT_COLUMNS);
        return versions(r, columns)
                + "SELECT " + columns + "\n"
                + "FROM versions\n"
                + "WHERE " + matching(r) + "\n"
                + "ORDER BY dt, url, fetchedat";
    }

    /** The same export with lists joined by '|' and access flattened, for a CSV file. */
    public String exportFlat(SearchRequest r) {
        String select = AthenaTables.EXPORT_COLUMNS.stream().map(c -> switch (c) {
            case "authors", "tags" -> "array_join(" + c + ", '|') AS " + c;
            case "access" -> "access.free AS access_free, access.paywalled AS access_paywalled, "
                    + "access.truncated AS access_truncated, array_join(access.signals, '|') AS access_signals";
            default -> c;
        }).collect(Collectors.joining(", "));
        return versions(r, String.join(", ", AthenaTables.EXPORT_COLUMNS))
                + "SELECT " + select + "\n"
                + "FROM versions\n"
                + "WHERE " + matching(r) + "\n"
                + "ORDER BY dt, url, fetchedat";
    }

    /** The export written by Athena itself under an S3 prefix (which must be empty), as JSON lines or Parquet. */
    public String unload(SearchRequest r, UnloadFormat format, String s3Prefix) {
        if (s3Prefix == null || !S3_PREFIX.matcher(s3Prefix).matches()) {
            throw new IllegalArgumentException("--out '" + s3Prefix + "' is not an S3 folder: give s3://bucket/path/ "
                    + "(ending in /, letters, digits and _ . = - only), e.g. s3://my-archive/exports/2026-12/");
        }
        return "UNLOAD (\n" + export(r) + "\n) TO " + literal(s3Prefix) + "\nWITH (format = '" + format.athenaName
                + "', compression = '" + format.compression + "')";
    }

    /** What UNLOAD writes. */
    public enum UnloadFormat {
        JSONL("JSON", "GZIP"), PARQUET("PARQUET", "SNAPPY");

        final String athenaName;
        final String compression;

        UnloadFormat(String athenaName, String compression) {
            this.athenaName = athenaName;
            this.compression = compression;
        }
    }

    // ------------------------------------------------------------------ parts

    /** Up to 240 characters of the text, from 80 before the first word looked for (else from its start). */
    private static String snippet(SearchRequest r) {
        String firstWord = firstPositiveWord(expression(r));
        return firstWord == null ? "substr(text, 1, " + SNIPPET_LENGTH + ")"
                : "substr(text, greatest(1, strpos(lower(text), " + literal(firstWord) + ") - " + SNIPPET_BEFORE + "), "
                + SNIPPET_LENGTH + ")";
    }

    /** What a count groups by: the day, the week's Monday, or the outlet. */
    private static String bucket(SearchRequest r) {
        if (r.countBy() == null) {
            throw new IllegalArgumentException("--count-by is missing: give day, week or outlet");
        }
        return switch (r.countBy()) {
            case DAY -> "dt";
            case WEEK -> "date_format(date_trunc('week', date(dt)), '%Y-%m-%d')";
            case OUTLET -> "outlet";
        };
    }

    /** {@code WITH versions AS (...)}: the rows of the partitions asked for, latest per URL unless all versions. */
    private String versions(SearchRequest r, String columns) {
        List<String> where = partitions(r);
        String rank = r.allVersions() ? "" : ",\n         row_number() OVER (PARTITION BY url ORDER BY fetchedat DESC) AS rn";
        return "WITH versions AS (\n"
                + "  SELECT " + columns + rank + "\n"
                + "  FROM " + table + "\n"
                + (where.isEmpty() ? "" : "  WHERE " + String.join(" AND ", where) + "\n")
                + ")\n";
    }

    /** Conditions on the partition columns only (what Athena prunes by). */
    static List<String> partitions(SearchRequest r) {
        List<String> where = new ArrayList<>();
        if (!r.outlets().isEmpty()) {
            where.add(r.outlets().size() == 1 ? "outlet = " + literal(r.outlets().get(0))
                    : "outlet IN (" + r.outlets().stream().map(AthenaSql::literal).collect(Collectors.joining(", ")) + ")");
        }
        if (r.since() != null) {
            where.add("dt >= " + literal(r.since().toString()));
        }
        if (r.until() != null) {
            where.add("dt <= " + literal(r.until().toString()));
        }
        return where;
    }

    private String matching(SearchRequest r) {
        SearchExpression e = expression(r);
        String latest = r.allVersions() ? null : "rn = 1";
        String words = e == null ? null : predicate(e);
        if (latest == null) {
            return words == null ? "true" : words;
        }
        return words == null ? latest : latest + " AND (" + words + ")";
    }

    private static SearchExpression expression(SearchRequest r) {
        return r.hasQuery() ? SearchExpression.parse(r.query()) : null;
    }

    /** The SQL condition of an expression. */
    static String predicate(SearchExpression e) {
        return switch (e) {
            case Words w -> "regexp_like(" + column(w.field()) + ", " + literal(regex(w.words())) + ")";
            case And a -> a.parts().stream().map(p -> "(" + predicate(p) + ")").collect(Collectors.joining(" AND "));
            case Or o -> o.parts().stream().map(p -> "(" + predicate(p) + ")").collect(Collectors.joining(" OR "));
            case Not n -> "NOT (" + predicate(n.part()) + ")";
        };
    }

    private static String column(Field f) {
        return switch (f) {
            case TITLE -> "lower(coalesce(title, ''))";
            case BODY -> "lower(coalesce(text, ''))";
            case ANY -> "lower(coalesce(title, '') || ' ' || coalesce(text, ''))";
        };
    }

    /** Words (letters and digits only) in a row, the first at a word start. */
    static String regex(List<String> words) {
        for (String w : words) {
            if (w.isEmpty() || !w.codePoints().allMatch(Character::isLetterOrDigit)) {
                throw new IllegalArgumentException("a search word must be letters and digits only, was '" + w + "'");
            }
        }
        return WORD_START + words.stream().map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.joining(SEPARATORS));
    }

    /** The first word not under a NOT (what the snippet centres on), or null. */
    static String firstPositiveWord(SearchExpression e) {
        return switch (e) {
            case null -> null;
            case Words w -> w.words().get(0);
            case And a -> a.parts().stream().map(AthenaSql::firstPositiveWord).filter(x -> x != null).findFirst().orElse(null);
            case Or o -> o.parts().stream().map(AthenaSql::firstPositiveWord).filter(x -> x != null).findFirst().orElse(null);
            case Not n -> null;
        };
    }

    /** A SQL string literal: single quotes doubled. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
