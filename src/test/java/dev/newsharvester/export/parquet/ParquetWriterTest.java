package dev.newsharvester.export.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link ParquetWriter}'s files read back by an independent reader (DuckDB): every row and type, nulls in runs and
 * scattered (both halves of the level encoding), several row groups, both codecs.
 */
class ParquetWriterTest {

    static final List<ParquetColumn> COLUMNS = List.of(new ParquetColumn("s", ParquetColumn.Kind.UTF8),
            new ParquetColumn("i", ParquetColumn.Kind.INT32), new ParquetColumn("l", ParquetColumn.Kind.INT64),
            new ParquetColumn("b", ParquetColumn.Kind.BOOLEAN), new ParquetColumn("t", ParquetColumn.Kind.TIMESTAMP_MILLIS));
    static final Instant T0 = Instant.parse("2025-11-10T07:15:00.123Z");

    @TempDir
    Path dir;

    /** Row r: nulls scattered (every 7th s), in a long run (i over rows 100..299), alternating (b on odd rows over 1000..1099). */
    static Object[] row(int r) {
        String s = r % 7 == 0 ? null : r % 11 == 0 ? "" : "Київ, row " + r + " \"quoted\"\nline ✓";
        Integer i = r >= 100 && r < 300 ? null : r - 5000;
        Long l = r % 3 == 0 ? null : (long) r * 10_000_000_000L - 7;
        Boolean b = r >= 1000 && r < 1100 && r % 2 == 1 ? null : r % 3 == 1;
        Instant t = r % 5 == 0 ? null : T0.plusSeconds(r * 3601L);
        return new Object[] {s, i, l, b, t};
    }

    @ParameterizedTest
    @EnumSource(ParquetWriter.Codec.class)
    void duckDbReadsBackEveryRowAndType(ParquetWriter.Codec codec) throws Exception {
        int rows = 7_000;
        Path file = dir.resolve("rows-" + codec + ".parquet");
        int groups;
        try (OutputStream out = Files.newOutputStream(file);
                ParquetWriter w = new ParquetWriter(out, COLUMNS, codec, 64 * 1024)) {
            for (int r = 0; r < rows; r++) {
                w.write(row(r));
            }
            groups = w.rowGroups();
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            List<String> types = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + file + "')")) {
                while (rs.next()) {
                    types.add(rs.getString("column_name") + " " + rs.getString("column_type"));
                }
            }
            assertEquals(List.of("s VARCHAR", "i INTEGER", "l BIGINT", "b BOOLEAN", "t TIMESTAMP WITH TIME ZONE"), types);
            try (ResultSet rs = st.executeQuery("SELECT count(DISTINCT row_group_id) FROM parquet_metadata('" + file + "')")) {
                rs.next();
                int read = rs.getInt(1);
                assertTrue(read > 2, "several row groups at a 64 kB bound, was " + read);
                assertEquals(groups + 1, read, "the groups flushed at the bound, and the last one at close");
            }
            int r = 0;
            try (ResultSet rs = st.executeQuery("SELECT s, i, l, b, epoch_ms(t) AS t FROM read_parquet('" + file
                    + "', file_row_number = true) ORDER BY file_row_number")) {
                while (rs.next()) {
                    Object[] expected = row(r);
                    assertEquals(expected[0], rs.getString("s"), "s of row " + r);
                    assertEquals(expected[1], rs.getObject("i"), "i of row " + r);
                    assertEquals(expected[2], rs.getObject("l"), "l of row " + r);
                    assertEquals(expected[3], rs.getObject("b"), "b of row " + r);
                    Object t = rs.getObject("t");
                    assertEquals(expected[4] == null ? null : ((Instant) expected[4]).toEpochMilli(), t, "t of row " + r);
                    r++;
                }
            }
            assertEquals(rows, r);
        }
    }

    @ParameterizedTest
    @EnumSource(ParquetWriter.Codec.class)
    void aFileWithNoRowsIsStillAParquetFile(ParquetWriter.Codec codec) throws Exception {
        Path file = dir.resolve("empty-" + codec + ".parquet");
        try (OutputStream out = Files.newOutputStream(file); ParquetWriter w = new ParquetWriter(out, COLUMNS, codec, 1024)) {
            assertEquals(0, w.rows());
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet('" + file + "')")) {
            rs.next();
            assertEquals(0, rs.getLong(1));
        }
    }
}
