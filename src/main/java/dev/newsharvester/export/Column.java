package dev.newsharvester.export;

/**
 * One column of an export: its name (snake_case, the same in every format) and its type. Every column may be empty
 * (null in JSONL, an empty field in CSV, an undefined value in Parquet).
 */
public record Column(String name, Type type) {

    /** What a column holds, and the Java value a row carries for it. */
    public enum Type {
        /** {@link String}. */
        STRING,
        /** {@code List<String>}: an array in JSONL, joined with {@value ExportColumns#LIST_SEPARATOR} in CSV and Parquet. */
        STRINGS,
        /** {@link Integer}. */
        INT,
        /** {@link Boolean}. */
        BOOLEAN,
        /** {@link java.time.Instant}: ISO-8601 UTC in JSONL and CSV, a UTC millisecond timestamp in Parquet. */
        TIMESTAMP
    }
}
