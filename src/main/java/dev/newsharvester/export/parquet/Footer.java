package dev.newsharvester.export.parquet;

import java.util.List;

/**
 * The Thrift structures of a Parquet file (parquet-format's {@code parquet.thrift}), with the field ids and enum values
 * this writer uses: page headers, and the footer's {@code FileMetaData} (schema, row groups, column chunks).
 */
final class Footer {

    // Type
    static final int BOOLEAN = 0, INT32 = 1, INT64 = 2, BYTE_ARRAY = 6;
    // ConvertedType
    static final int UTF8 = 0, TIMESTAMP_MILLIS = 9;
    // FieldRepetitionType
    static final int REQUIRED = 0, OPTIONAL = 1;
    // Encoding
    static final int PLAIN = 0, RLE = 3;
    // PageType
    static final int DATA_PAGE = 0;

    /** Where one column's chunk of a row group lies and what it holds. */
    record Chunk(ParquetColumn column, int codec, long values, long offset, long uncompressed, long compressed) {
    }

    /** A written row group: its chunks, in schema order, and rows. */
    record RowGroup(List<Chunk> chunks, long rows) {
    }

    private Footer() {
    }

    /** A DATA_PAGE (v1) header: PLAIN values, RLE definition and repetition levels. */
    static byte[] dataPageHeader(int values, int uncompressed, int compressed) {
        ThriftCompact t = new ThriftCompact().begin();
        t.i32(1, DATA_PAGE).i32(2, uncompressed).i32(3, compressed);
        t.structField(5).i32(1, values).i32(2, PLAIN).i32(3, RLE).i32(4, RLE).end();
        return t.end().bytes();
    }

    /** The footer: {@code FileMetaData} version 1 with a flat schema of optional columns. */
    static byte[] fileMetaData(List<ParquetColumn> columns, List<RowGroup> groups, long rows, String createdBy) {
        ThriftCompact t = new ThriftCompact().begin();
        t.i32(1, 1);
        t.list(2, ThriftCompact.STRUCT, columns.size() + 1);
        t.begin().string(4, "schema").i32(5, columns.size()).end();
        for (ParquetColumn c : columns) {
            schemaElement(t, c);
        }
        t.i64(3, rows);
        t.list(4, ThriftCompact.STRUCT, groups.size());
        for (RowGroup g : groups) {
            t.begin();
            t.list(1, ThriftCompact.STRUCT, g.chunks().size());
            long bytes = 0;
            for (Chunk c : g.chunks()) {
                columnChunk(t, c);
                bytes += c.uncompressed();
            }
            t.i64(2, bytes).i64(3, g.rows());
            t.end();
        }
        t.string(6, createdBy);
        return t.end().bytes();
    }

    private static void schemaElement(ThriftCompact t, ParquetColumn c) {
        t.begin().i32(1, c.kind().physical).i32(3, OPTIONAL).string(4, c.name());
        switch (c.kind()) {
            case UTF8 -> {
                t.i32(6, UTF8);
                t.structField(10).structField(1).end().end(); // LogicalType.STRING
            }
            case TIMESTAMP_MILLIS -> {
                t.i32(6, TIMESTAMP_MILLIS);
                // LogicalType.TIMESTAMP { isAdjustedToUTC: true, unit: TimeUnit.MILLIS }
                t.structField(10).structField(8).bool(1, true).structField(2).structField(1).end().end().end().end();
            }
            default -> {
            }
        }
        t.end();
    }

    private static void columnChunk(ThriftCompact t, Chunk c) {
        t.begin().i64(2, c.offset());
        t.structField(3);
        t.i32(1, c.column().kind().physical);
        t.list(2, ThriftCompact.I32, 2).i32Element(PLAIN).i32Element(RLE);
        t.list(3, ThriftCompact.BINARY, 1).string(c.column().name());
        t.i32(4, c.codec()).i64(5, c.values()).i64(6, c.uncompressed()).i64(7, c.compressed()).i64(9, c.offset());
        t.end();
        t.end();
    }
}
