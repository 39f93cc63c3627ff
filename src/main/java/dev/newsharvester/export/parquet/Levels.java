package dev.newsharvester.export.parquet;

import java.io.ByteArrayOutputStream;

/**
 * Definition levels of an optional column (0 = null, 1 = value) in the RLE/bit-packed hybrid encoding at bit width 1:
 * a run of eight or more equal levels becomes an RLE run (header {@code count << 1}, then the value in one byte);
 * anything else goes in bit-packed groups of eight (header {@code groups << 1 | 1}, one byte per group, first level in
 * the lowest bit). Only the last group of a page is padded, where the reader stops at the page's value count.
 */
final class Levels {

    private byte[] levels = new byte[1024];
    private int size;

    void add(boolean defined) {
        if (size == levels.length) {
            levels = java.util.Arrays.copyOf(levels, size * 2);
        }
        levels[size++] = (byte) (defined ? 1 : 0);
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    /** The encoded levels, without the 4-byte length that precedes them in a data page. */
    byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < size) {
            int run = runAt(pos);
            if (run >= 8) {
                varint(out, run << 1);
                out.write(levels[pos]);
                pos += run;
                continue;
            }
            int start = pos;
            int groups = 0;
            do {
                groups++;
                pos += 8;
            } while (pos < size && runAt(pos) < 8);
            varint(out, groups << 1 | 1);
            for (int g = 0; g < groups; g++) {
                int b = 0;
                for (int j = 0; j < 8; j++) {
                    int i = start + 8 * g + j;
                    if (i < size && levels[i] != 0) {
                        b |= 1 << j;
                    }
                }
                out.write(b);
            }
            pos = Math.min(pos, size);
        }
        return out.toByteArray();
    }

    private int runAt(int pos) {
        int end = pos;
        while (end < size && levels[end] == levels[pos]) {
            end++;
        }
        return end - pos;
    }

    private static void varint(ByteArrayOutputStream out, int v) {
        while ((v & ~0x7F) != 0) {
            out.write(v & 0x7F | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }
}
