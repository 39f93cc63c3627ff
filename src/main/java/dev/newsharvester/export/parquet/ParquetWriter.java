package dev.newsharvester.export.parquet;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * A small Apache Parquet writer, no Hadoop: a flat schema of optional columns ({@link ParquetColumn}), rows appended one
 * at a time and written out in row groups whenever the buffered values reach a size bound, so memory stays at about one
 * row group whatever the file's size. Each column chunk is one data page (v1): definition levels in the RLE/bit-packed
 * hybrid, values PLAIN, the page uncompressed or GZIP'd; the footer is Thrift compact protocol. Readers see logical
 * types STRING and TIMESTAMP(MILLIS, UTC) where set. Not thread-safe.
 */
public final class ParquetWriter implements Closeable {

    /** Page compression. */
    public enum Codec {
        UNCOMPRESSED(0), GZIP(2);

        final int id;

        Codec(int id) {
            this.id = id;
        }
    }

    /** The default row-group bound: buffered values of all columns, in bytes. */
    public static final long DEFAULT_ROW_GROUP_BYTES = 16L << 20;

    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private final Counting out;
    private final List<ParquetColumn> columns;
    private final List<ColumnBuffer> buffers = new ArrayList<>();
    private final Codec codec;
    private final long rowGroupBytes;
    private final List<Footer.RowGroup> groups = new ArrayList<>();
    private long rows;
    private int groupRows;
    private boolean closed;

    /**
     * @param rowGroupBytes a row group is written once its columns buffer this many bytes (at least one row each)
     */
    public ParquetWriter(OutputStream out, List<ParquetColumn> columns, Codec codec, long rowGroupBytes) throws IOException {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a Parquet file needs at least one column");
        }
        if (rowGroupBytes < 1) {
            throw new IllegalArgumentException("rowGroupBytes must be positive, was " + rowGroupBytes);
        }
        this.out = new Counting(out);
        this.columns = List.copyOf(columns);
        this.codec = codec;
        this.rowGroupBytes = rowGroupBytes;
        this.columns.forEach(c -> buffers.add(new ColumnBuffer(c)));
        this.out.write(MAGIC);
    }

    public ParquetWriter(OutputStream out, List<ParquetColumn> columns) throws IOException {
        this(out, columns, Codec.GZIP, DEFAULT_ROW_GROUP_BYTES);
    }

    /** Appends a row: one value per column in schema order, null for none. */
    public void write(Object[] row) throws IOException {
        if (row.length != columns.size()) {
            throw new IllegalArgumentException("a row needs " + columns.size() + " values, had " + row.length);
        }
        for (int i = 0; i < row.length; i++) {
            buffers.get(i).add(row[i]);
        }
        rows++;
        groupRows++;
        long buffered = 0;
        for (ColumnBuffer b : buffers) {
            buffered += b.size();
        }
        if (buffered >= rowGroupBytes) {
            flushRowGroup();
        }
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    /** Row groups written so far (the one being filled not counted). */
    public int rowGroups() {
        return groups.size();
    }

    private void flushRowGroup() throws IOException {
        if (groupRows == 0) {
            return;
        }
        List<Footer.Chunk> chunks = new ArrayList<>();
        for (ColumnBuffer b : buffers) {
            byte[] levels = b.finishLevels();
            long body = b.pageSize(levels);
            if (body > Integer.MAX_VALUE) {
                throw new IllegalStateException("column " + b.column.name() + ": a page of " + body + " bytes is over"
                        + " Parquet's 2 GB; lower the row-group bound");
            }
            long offset = out.count;
            byte[] header;
            if (codec == Codec.GZIP) {
                ByteArrayOutputStream zipped = new ByteArrayOutputStream((int) Math.min(body / 3 + 64, 1 << 20));
                try (GZIPOutputStream z = new GZIPOutputStream(zipped, 1 << 16)) {
                    b.writePage(levels, z);
                }
                header = Footer.dataPageHeader(groupRows, (int) body, zipped.size());
                out.write(header);
                zipped.writeTo(out);
            } else {
                header = Footer.dataPageHeader(groupRows, (int) body, (int) body);
                out.write(header);
                b.writePage(levels, out);
            }
            chunks.add(new Footer.Chunk(b.column, codec.id, groupRows, offset, header.length + body, out.count - offset));
        }
        groups.add(new Footer.RowGroup(chunks, groupRows));
        groupRows = 0;
    }

    /** Writes the last row group and the footer, and closes the stream. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (out) {
            flushRowGroup();
            byte[] footer = Footer.fileMetaData(columns, groups, rows, "news-harvester export.parquet");
            out.write(footer);
            out.write(footer.length & 0xFF);
            out.write(footer.length >>> 8 & 0xFF);
            out.write(footer.length >>> 16 & 0xFF);
            out.write(footer.length >>> 24 & 0xFF);
            out.write(MAGIC);
        }
    }

    /** The stream with a count of the bytes written: the offsets the footer records. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
