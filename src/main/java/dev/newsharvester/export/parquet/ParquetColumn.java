package dev.newsharvester.export.parquet;

import java.util.Objects;

/** One optional column of a flat Parquet schema: a name and a type. */
public record ParquetColumn(String name, Kind kind) {

    /** The column types written: physical type, and the logical type readers show. */
    public enum Kind {
        /** BYTE_ARRAY, logical STRING (converted UTF8); values are {@link String}. */
        UTF8(Footer.BYTE_ARRAY),
        /** INT32; values are {@link Integer}. */
        INT32(Footer.INT32),
        /** INT64; values are {@link Long}. */
        INT64(Footer.INT64),
        /** BOOLEAN; values are {@link Boolean}. */
        BOOLEAN(Footer.BOOLEAN),
        /** INT64, logical TIMESTAMP(MILLIS, adjusted to UTC); values are {@link java.time.Instant} or epoch millis ({@link Long}). */
        TIMESTAMP_MILLIS(Footer.INT64);

        final int physical;

        Kind(int physical) {
            this.physical = physical;
        }
    }

    public ParquetColumn {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a Parquet column needs a name");
        }
        Objects.requireNonNull(kind, "kind");
    }
}
