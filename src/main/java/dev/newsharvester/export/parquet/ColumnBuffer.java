package dev.newsharvester.export.parquet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** One column's values of the row group being filled: definition levels and PLAIN-encoded values. */
final class ColumnBuffer {

    final ParquetColumn column;
    final Levels levels = new Levels();
    final BlockBuffer values = new BlockBuffer();
    private int bits;
    private int bitCount;

    ColumnBuffer(ParquetColumn column) {
        this.column = column;
    }

    void add(Object v) {
        levels.add(v != null);
        if (v == null) {
            return;
        }
        try {
            switch (column.kind()) {
                case UTF8 -> {
                    byte[] b = ((String) v).getBytes(StandardCharsets.UTF_8);
                    int32(b.length);
                    values.write(b, 0, b.length);
                }
                case INT32 -> int32((Integer) v);
                case INT64 -> int64((Long) v);
                case TIMESTAMP_MILLIS -> int64(v instanceof Instant t ? t.toEpochMilli() : (Long) v);
                case BOOLEAN -> bit((Boolean) v);
            }
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("Parquet column " + column.name() + " (" + column.kind() + ") cannot hold a "
                    + v.getClass().getSimpleName(), e);
        }
    }

    /** Bytes buffered so far (the row-group bound counts these). */
    long size() {
        return values.size() + levels.size() / 8 + 1;
    }

    /** Closes the page: pads the last boolean byte and encodes the levels; then {@link #pageSize} and {@link #writePage}. */
    byte[] finishLevels() {
        if (bitCount > 0) {
            values.write(bits);
            bits = 0;
            bitCount = 0;
        }
        return levels.encode();
    }

    /** The page body's size: the levels' 4-byte length, the levels, the values. */
    long pageSize(byte[] encodedLevels) {
        return 4L + encodedLevels.length + values.size();
    }

    /** Writes the page body (levels with their length, then values) and empties the buffer. */
    void writePage(byte[] encodedLevels, OutputStream out) throws IOException {
        int n = encodedLevels.length;
        out.write(new byte[] {(byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)});
        out.write(encodedLevels);
        values.writeTo(out);
        levels.clear();
        values.reset();
    }

    private void bit(boolean b) {
        if (b) {
            bits |= 1 << bitCount;
        }
        if (++bitCount == 8) {
            values.write(bits);
            bits = 0;
            bitCount = 0;
        }
    }

    private void int32(int v) {
        values.write(v & 0xFF);
        values.write(v >>> 8 & 0xFF);
        values.write(v >>> 16 & 0xFF);
        values.write(v >>> 24 & 0xFF);
    }

    private void int64(long v) {
        for (int i = 0; i < 8; i++) {
            values.write((int) (v >>> 8 * i & 0xFF));
        }
    }
}
