package dev.newsharvester.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/** The file formats an export writes. */
public enum Format {
    /** JSON Lines: one object per row. */
    JSONL,
    /** RFC 4180 CSV with a header row. */
    CSV,
    /** Apache Parquet, written by {@link dev.newsharvester.export.parquet.ParquetWriter} (no Hadoop). */
    PARQUET;

    /** The format named (any case), or a one-line error naming the formats there are. */
    public static Format parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("--format: '" + name + "' is not a format: give jsonl, csv or parquet");
        }
    }

    /** A sink writing rows of these columns to {@code out} in this format; closing it closes {@code out}. */
    public RowSink open(OutputStream out, List<Column> columns) throws IOException {
        return switch (this) {
            case JSONL -> new JsonlSink(out, columns);
            case CSV -> new CsvSink(out, columns);
            case PARQUET -> new ParquetSink(out, columns);
        };
    }
}
