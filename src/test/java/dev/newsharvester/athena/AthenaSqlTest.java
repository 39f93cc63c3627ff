package dev.newsharvester.athena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.athena.SearchRequest.CountBy;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AthenaSqlTest {

    private static final AthenaSql SQL = new AthenaSql("news_harvester");
    private static final String ANY = "lower(coalesce(title, '') || ' ' || coalesce(text, ''))";
    private static final LocalDate NOV_1 = LocalDate.parse("2026-11-01");
    private static final LocalDate NOV_30 = LocalDate.parse("2026-11-30");

    @Test
    void aSearchTakesTheLatestVersionPerUrlInThePartitionsAskedFor() {
        String sql = SQL.search(SearchRequest.of("energy").withOutlets(List.of("unn", "up")).withDays(NOV_1, NOV_30)
                .withLimit(5));
        assertEquals("""
                WITH versions AS (
                  SELECT outlet, dt, url, title, text, published, fetchedat,
                         row_number() OVER (PARTITION BY url ORDER BY fetchedat DESC) AS rn
                  FROM "news_harvester"."articles_clean"
                  WHERE outlet IN ('unn', 'up') AND dt >= '2026-11-01' AND dt <= '2026-11-30'
                )
                SELECT outlet, dt, published, title, url, substr(text, greatest(1, strpos(lower(text), 'energy') - 80), 240) AS snippet
                FROM versions
                WHERE rn = 1 AND (regexp_like(%s, '(^|[^\\p{L}\\p{N}])energy'))
                ORDER BY published DESC, url
                LIMIT 5""".formatted(ANY), sql);
    }

    @Test
    void operatorsPhrasesAndFieldsBecomeOneCondition() {
        String sql = SQL.search(SearchRequest.of("title:\"air defence\" AND (Kyiv OR Kharkiv) NOT weather"));
        String words = "(regexp_like(lower(coalesce(title, '')), '(^|[^\\p{L}\\p{N}])air[^\\p{L}\\p{N}]+defence')) AND "
                + "((regexp_like(" + ANY + ", '(^|[^\\p{L}\\p{N}])kyiv')) OR (regexp_like(" + ANY
                + ", '(^|[^\\p{L}\\p{N}])kharkiv'))) AND (NOT (regexp_like(" + ANY + ", '(^|[^\\p{L}\\p{N}])weather')))";
        assertTrue(sql.contains("WHERE rn = 1 AND (" + words + ")\n"), sql);
        assertFalse(sql.contains("  WHERE"), "no partition condition when neither outlets nor days are given:\n" + sql);
    }

    /** An OR at the top stays inside the parentheses: "latest version AND (a OR b)", never "(latest AND a) OR b". */
    @Test
    void anOrDoesNotEscapeTheLatestVersionCondition() {
        String sql = SQL.search(SearchRequest.of("kyiv OR kharkiv"));
        assertTrue(sql.contains("WHERE rn = 1 AND ((regexp_like(" + ANY + ", '(^|[^\\p{L}\\p{N}])kyiv')) OR (regexp_like("
                + ANY + ", '(^|[^\\p{L}\\p{N}])kharkiv')))\n"), sql);
    }

    @Test
    void cyrillicWordsPassAsTheyAreLowerCased() {
        String sql = SQL.search(SearchRequest.of("Енергетика"));
        assertTrue(sql.contains("'(^|[^\\p{L}\\p{N}])енергетика'"), sql);
        assertTrue(sql.contains("strpos(lower(text), 'енергетика')"), sql);
    }

    @Test
    void countsGroupByDayWeekOrOutlet() {
        SearchRequest r = SearchRequest.of("drone").withOutlets(List.of("up")).withDays(NOV_1, null);
        String day = SQL.count(r.withCountBy(CountBy.DAY));
        assertTrue(day.contains("  WHERE outlet = 'up' AND dt >= '2026-11-01'\n"), day);
        assertTrue(day.endsWith("SELECT dt AS bucket, count(*) AS articles\nFROM versions\nWHERE rn = 1 AND ("
                + "regexp_like(" + ANY + ", '(^|[^\\p{L}\\p{N}])drone'))\nGROUP BY 1\nORDER BY bucket"), day);
        assertTrue(SQL.count(r.withCountBy(CountBy.WEEK))
                .contains("SELECT date_format(date_trunc('week', date(dt)), '%Y-%m-%d') AS bucket"));
        String outlet = SQL.count(r.withCountBy(CountBy.OUTLET));
        assertTrue(outlet.contains("SELECT outlet AS bucket") && outlet.endsWith("ORDER BY articles DESC, bucket"), outlet);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SQL.count(r)).getMessage()
                .contains("--count-by"));
    }

    /** One scan for the page: the matches ranked once, each row with its bucket's count; hits up to the limit, one row per bucket beyond. */
    @Test
    void resultsAndCountsComeFromOneQuery() {
        String sql = SQL.searchAndCount(SearchRequest.of("energy").withOutlets(List.of("unn")).withDays(NOV_1, NOV_30)
                .withCountBy(CountBy.WEEK).withLimit(50));
        assertEquals("""
                WITH versions AS (
                  SELECT outlet, dt, url, title, text, published, fetchedat,
                         row_number() OVER (PARTITION BY url ORDER BY fetchedat DESC) AS rn
                  FROM "news_harvester"."articles_clean"
                  WHERE outlet = 'unn' AND dt >= '2026-11-01' AND dt <= '2026-11-30'
                )
                , matches AS (
                  SELECT outlet, dt, published, title, url, substr(text, greatest(1, strpos(lower(text), 'energy') - 80), 240) AS snippet, date_format(date_trunc('week', date(dt)), '%%Y-%%m-%%d') AS bucket
                  FROM versions
                  WHERE rn = 1 AND (regexp_like(%s, '(^|[^\\p{L}\\p{N}])energy'))
                ), ranked AS (
                  SELECT *, row_number() OVER (ORDER BY published DESC, url) AS hit,
                         row_number() OVER (PARTITION BY bucket ORDER BY published DESC, url) AS nth,
                         count(*) OVER (PARTITION BY bucket) AS articles,
                         count(*) OVER () AS total
                  FROM matches
                )
                SELECT outlet, dt, published, title, url, snippet, bucket, articles, total, hit
                FROM ranked
                WHERE hit <= 50 OR nth = 1
                ORDER BY hit""".formatted(ANY), sql);
        assertEquals(1, sql.split("\"articles_clean\"", -1).length - 1, "the table is read once");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SQL.searchAndCount(SearchRequest.of("x")))
                .getMessage().contains("--count-by"));
    }

    @Test
    void allVersionsDropsTheRanking() {
        String sql = SQL.count(SearchRequest.of("drone").withCountBy(CountBy.DAY).withAllVersions(true));
        assertFalse(sql.contains("row_number"), sql);
        assertTrue(sql.contains("WHERE regexp_like("), sql);
    }

    @Test
    void exportsCarryEveryColumnAndUnloadToAnS3Folder() {
        SearchRequest everything = SearchRequest.of(null).withOutlets(List.of("unn")).withDays(NOV_1, NOV_30);
        String unload = SQL.unload(everything, AthenaSql.UnloadFormat.PARQUET, "s3://my-archive/exports/2026-11/");
        assertTrue(unload.startsWith("UNLOAD (\nWITH versions AS (\n  SELECT outlet, dt, url, canonicalurl, title,"), unload);
        assertTrue(unload.contains("WHERE rn = 1\nORDER BY dt, url, fetchedat\n) TO 's3://my-archive/exports/2026-11/'\n"
                + "WITH (format = 'PARQUET', compression = 'SNAPPY')"), unload);
        assertTrue(SQL.unload(everything, AthenaSql.UnloadFormat.JSONL, "s3://b-1/x/")
                .endsWith("WITH (format = 'JSON', compression = 'GZIP')"));
        String flat = SQL.exportFlat(everything);
        assertTrue(flat.contains("array_join(authors, '|') AS authors") && flat.contains("access.free AS access_free"), flat);
        for (String bad : List.of("s3://b/x", "s3://b/x'/", "/tmp/out/", "s3://b/x/') TO ('s3://evil/")) {
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> SQL.unload(everything, AthenaSql.UnloadFormat.JSONL, bad)).getMessage().startsWith("--out"), bad);
        }
    }

    /** Whatever the user types, it stays inside string literals: no quote closes one early. */
    @Test
    void userTextNeverLeavesItsLiteral() {
        for (String q : List.of("x' OR 1=1", "a\\' OR title:'b", "\"'; DROP TABLE articles; --\"", "o'brien")) {
            String sql = SQL.search(SearchRequest.of(q));
            String outsideLiterals = Pattern.compile("'(?:[^']|'')*'").matcher(sql).replaceAll("L");
            assertFalse(outsideLiterals.contains("'"), q + " -> " + sql);
            assertFalse(outsideLiterals.contains("--") || outsideLiterals.contains(";") || outsideLiterals.contains("DROP"),
                    q + " -> " + sql);
        }
        assertThrows(IllegalArgumentException.class, () -> SQL.search(SearchRequest.of("x') OR 1=1 --")),
                "a stray parenthesis is refused, not passed on");
        assertEquals("'o''brien'", AthenaSql.literal("o'brien"));
        assertThrows(IllegalArgumentException.class, () -> AthenaSql.regex(List.of("a.*")));
    }

    @Test
    void badParametersAreRefusedBeforeAnySql() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SearchRequest.of("x").withOutlets(List.of("up' OR '1"))).getMessage().startsWith("--outlet"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SearchRequest.of("x").withDays(NOV_30, NOV_1)).getMessage().contains("swap them"));
        assertThrows(IllegalArgumentException.class, () -> SearchRequest.of("x").withLimit(0));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new AthenaSql("db\"; x")).getMessage()
                .startsWith("GLUE_DATABASE"));
    }
}
