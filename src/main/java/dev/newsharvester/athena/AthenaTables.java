package dev.newsharvester.athena;

import java.util.List;

/**
 * The Glue tables of {@code template.yaml} as the SQL here names them. Their columns are {@code store.CleanCopy}'s
 * fields in lower case (Glue's catalog lower-cases names; the JSON SerDe matches case-insensitively);
 * {@code AthenaTablesTest} holds the template, this class and CleanCopy together.
 */
public final class AthenaTables {

    /** One row per stored version, read from {@code clean/} as written (partitions outlet and dt, projected). */
    public static final String CLEAN = "articles_clean";
    /** The Parquet compaction of {@link #CLEAN} (partition dt; outlet a column; no minhash; source = the clean key). */
    public static final String COMPACT = "articles";

    /** Partition columns of {@link #CLEAN}: the outlet=<id>/dt=<yyyy-MM-dd>/ of the key. */
    public static final List<String> CLEAN_PARTITIONS = List.of("outlet", "dt");

    /** Data columns of {@link #CLEAN}, in the clean copy's order (its {@code outlet} field is the partition's). */
    public static final List<String> CLEAN_COLUMNS = List.of("schemaversion", "url", "canonicalurl", "title", "authors",
            "published", "modified", "language", "section", "tags", "image", "description", "text", "wordcount", "access",
            "sha256", "simhash", "minhash", "rawkey", "fetchedat", "extractorversion");

    /** Columns an export carries: everything but the MinHash signature, with outlet and dt first. */
    public static final List<String> EXPORT_COLUMNS = List.of("outlet", "dt", "url", "canonicalurl", "title", "authors",
            "published", "modified", "language", "section", "tags", "image", "description", "text", "wordcount", "access",
            "sha256", "simhash", "rawkey", "fetchedat", "extractorversion", "schemaversion");

    private AthenaTables() {
    }
}
