package dev.newsharvester.export.parquet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A byte buffer in 64 kB blocks: it grows a block at a time (no doubling and copying, unlike a ByteArrayOutputStream),
 * so a row group of N bytes holds about N bytes of heap.
 */
final class BlockBuffer extends OutputStream {

    private static final int BLOCK = 64 * 1024;

    private final List<byte[]> blocks = new ArrayList<>();
    private int last = BLOCK; // bytes used in the last block
    private long size;

    @Override
    public void write(int b) {
        if (last == BLOCK) {
            blocks.add(new byte[BLOCK]);
            last = 0;
        }
        blocks.get(blocks.size() - 1)[last++] = (byte) b;
        size++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        while (len > 0) {
            if (last == BLOCK) {
                blocks.add(new byte[BLOCK]);
                last = 0;
            }
            int n = Math.min(len, BLOCK - last);
            System.arraycopy(b, off, blocks.get(blocks.size() - 1), last, n);
            last += n;
            off += n;
            len -= n;
            size += n;
        }
    }

    long size() {
        return size;
    }

    void writeTo(OutputStream out) throws IOException {
        for (int i = 0; i < blocks.size(); i++) {
            out.write(blocks.get(i), 0, i == blocks.size() - 1 ? last : BLOCK);
        }
    }

    /** Empties the buffer and gives its blocks back to the heap. */
    void reset() {
        blocks.clear();
        last = BLOCK;
        size = 0;
    }
}
