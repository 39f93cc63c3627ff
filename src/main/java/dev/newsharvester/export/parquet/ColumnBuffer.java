package dev.newsharvester.export.parquet;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** One column's values of the row group being filled: definition levels and PLAIN-encoded values. */
final class ColumnBuffer {

    final ParquetColumn column;
    final Levels levels = new Levels();
    final ByteArrayOutputStream values = new ByteArrayOutputStream();
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
                    values.writeBytes(b);
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

    /** The page body: levels (with their 4-byte length) then values; the buffer is empty afterwards. */
    byte[] drain() {
        if (bitCount > 0) {
            values.write(bits);
            bits = 0;
            bitCount = 0;
        }
        byte[] lv = levels.encode();
        ByteArrayOutputStream page = new ByteArrayOutputStream(4 + lv.length + values.size());
        page.write(lv.length & 0xFF);
        page.write(lv.length >>> 8 & 0xFF);
        page.write(lv.length >>> 16 & 0xFF);
        page.write(lv.length >>> 24 & 0xFF);
        page.writeBytes(lv);
        page.writeBytes(values.toByteArray());
        levels.clear();
        values.reset();
        return page.toByteArray();
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
