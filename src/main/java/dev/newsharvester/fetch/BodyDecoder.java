package dev.newsharvester.fetch;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Decodes a response body as it arrives, chunk by chunk, into a buffer with a hard cap on DECODED bytes.
 * The cap is checked while inflating, so a gzip bomb stops after {@code cap} bytes of output, long before the
 * compressed stream is read to its end. Push-style (not an InputStream) because the HTTP client delivers bytes
 * to a subscriber; the caller cancels the download when {@link LimitExceededException} is thrown.
 *
 * <p>Not thread-safe; one instance per response.
 */
abstract sealed class BodyDecoder {

    /** Thrown when the decoded body would exceed the cap; {@link #bytes()} then holds the first {@code cap} bytes. */
    static final class LimitExceededException extends IOException {
        LimitExceededException(int cap) {
            super("decoded body exceeds " + cap + " bytes");
        }
    }

    private final int cap;
    private byte[] buf = new byte[8192];
    private int size;

    BodyDecoder(int cap) {
        this.cap = cap;
    }

    /**
     * A decoder for a {@code Content-Encoding} value; null, empty and "identity" mean none.
     *
     * @throws IOException for encodings this client does not ask for (br, zstd, compress, stacked encodings)
     */
    static BodyDecoder forEncoding(String contentEncoding, int cap) throws IOException {
        String e = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        return switch (e) {
            case "", "identity" -> new Identity(cap);
            case "gzip", "x-gzip" -> new Gzip(cap);
            case "deflate" -> new Deflate(cap);
            default -> throw new IOException("unsupported Content-Encoding: " + contentEncoding);
        };
    }

    /** Feeds the next chunk of the body as received. */
    abstract void write(byte[] in, int off, int len) throws IOException;

    /** Signals the end of the body; fails if a compressed stream is incomplete. */
    abstract void finish() throws IOException;

    /** Frees native inflater memory; call once, whatever the outcome. */
    void release() {
    }

    /** The decoded bytes so far. */
    final byte[] bytes() {
        return Arrays.copyOf(buf, size);
    }

    final int size() {
        return size;
    }

    /** Appends decoded output, keeping at most {@code cap} bytes. */
    final void emit(byte[] b, int off, int len) throws LimitExceededException {
        int room = cap - size;
        int n = Math.min(room, len);
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.min(cap, Math.max((long) size + n, buf.length * 2L)));
        }
        System.arraycopy(b, off, buf, size, n);
        size += n;
        if (n < len) {
            throw new LimitExceededException(cap);
        }
    }

    private static final class Identity extends BodyDecoder {
        Identity(int cap) {
            super(cap);
        }

        @Override
        void write(byte[] in, int off, int len) throws IOException {
            emit(in, off, len);
        }

        @Override
        void finish() {
        }
    }

    /** Shared inflate loop for gzip and deflate. */
    private abstract static sealed class Inflating extends BodyDecoder permits Gzip, Deflate {
        private final byte[] out = new byte[16384];
        Inflater inflater;
        final CRC32 crc = new CRC32();

        Inflating(int cap) {
            super(cap);
        }

        @Override
        final void release() {
            if (inflater != null) {
                inflater.end();
            }
        }

        /**
         * Inflates the input; returns how many trailing input bytes were not consumed because the compressed
         * stream ended within them.
         */
        final int inflate(byte[] in, int off, int len) throws IOException {
            inflater.setInput(in, off, len);
            try {
                while (true) {
                    int n = inflater.inflate(out);
                    if (n > 0) {
                        crc.update(out, 0, n);
                        emit(out, 0, n);
                        continue;
                    }
                    if (inflater.needsDictionary()) {
                        throw new ZipException("compressed body needs a preset dictionary");
                    }
                    // 0 bytes out: either the input is used up or the stream ended (possibly before the input did)
                    return inflater.finished() ? inflater.getRemaining() : 0;
                }
            } catch (DataFormatException e) {
                throw new ZipException("corrupt compressed body: " + e.getMessage());
            }
        }
    }

    /** RFC 1952 gzip, including multi-member streams; CRC and length are verified. */
    private static final class Gzip extends Inflating {
        private enum State { HEADER, DATA, TRAILER, BETWEEN_MEMBERS, GARBAGE }

        private static final int MAX_HEADER = 64 * 1024;
        private State state = State.HEADER;
        private final byte[] pending = new byte[MAX_HEADER]; // header or trailer bytes collected so far
        private int pendingLen;
        private long memberOut;
        private long totalIn;

        Gzip(int cap) {
            super(cap);
            inflater = new Inflater(true);
        }

        @Override
        void write(byte[] in, int off, int len) throws IOException {
            totalIn += len;
            while (len > 0) {
                switch (state) {
                    case BETWEEN_MEMBERS -> {
                        // Another member follows only if it starts with the gzip magic; otherwise ignore trailing junk.
                        state = (in[off] & 0xff) == 0x1f ? State.HEADER : State.GARBAGE;
                    }
                    case GARBAGE -> len = 0;
                    case HEADER -> {
                        int n = Math.min(len, MAX_HEADER - pendingLen);
                        System.arraycopy(in, off, pending, pendingLen, n);
                        pendingLen += n;
                        int headerLen = headerLength(pending, pendingLen);
                        if (headerLen < 0) {
                            if (pendingLen == MAX_HEADER) {
                                throw new ZipException("gzip header longer than " + MAX_HEADER + " bytes");
                            }
                            off += n;
                            len -= n;
                        } else {
                            // Bytes past the header were part of this chunk: continue with them as data.
                            int consumedFromChunk = n - (pendingLen - headerLen);
                            off += consumedFromChunk;
                            len -= consumedFromChunk;
                            pendingLen = 0;
                            state = State.DATA;
                            inflater.reset();
                            crc.reset();
                            memberOut = size();
                        }
                    }
                    case DATA -> {
                        int remaining = inflate(in, off, len);
                        if (inflater.finished()) {
                            off += len - remaining;
                            len = remaining;
                            state = State.TRAILER;
                        } else {
                            len = 0;
                        }
                    }
                    case TRAILER -> {
                        int n = Math.min(len, 8 - pendingLen);
                        System.arraycopy(in, off, pending, pendingLen, n);
                        pendingLen += n;
                        off += n;
                        len -= n;
                        if (pendingLen == 8) {
                            checkTrailer();
                            pendingLen = 0;
                            state = State.BETWEEN_MEMBERS;
                        }
                    }
                }
            }
        }

        private void checkTrailer() throws ZipException {
            long crcValue = le32(pending, 0);
            long isize = le32(pending, 4);
            if (crcValue != crc.getValue()) {
                throw new ZipException("gzip CRC mismatch");
            }
            if (isize != ((size() - memberOut) & 0xffffffffL)) {
                throw new ZipException("gzip length mismatch");
            }
        }

        @Override
        void finish() throws IOException {
            boolean empty = totalIn == 0; // some servers label an empty body as gzip
            if (!empty && state != State.BETWEEN_MEMBERS && state != State.GARBAGE) {
                throw new ZipException("truncated gzip body");
            }
        }

        /** Length of the complete gzip header at the start of {@code b}, or -1 if more bytes are needed. */
        private static int headerLength(byte[] b, int len) throws ZipException {
            if (len < 10) {
                if (len >= 1 && (b[0] & 0xff) != 0x1f || len >= 2 && (b[1] & 0xff) != 0x8b) {
                    throw new ZipException("not in gzip format");
                }
                return -1;
            }
            if ((b[0] & 0xff) != 0x1f || (b[1] & 0xff) != 0x8b) {
                throw new ZipException("not in gzip format");
            }
            if (b[2] != 8) {
                throw new ZipException("unsupported gzip compression method " + b[2]);
            }
            int flags = b[3] & 0xff;
            int p = 10;
            if ((flags & 4) != 0) { // FEXTRA
                if (len < p + 2) {
                    return -1;
                }
                p += 2 + ((b[p] & 0xff) | (b[p + 1] & 0xff) << 8);
            }
            for (int flag : new int[] {8, 16}) { // FNAME, FCOMMENT: zero-terminated
                if ((flags & flag) != 0) {
                    while (p < len && b[p] != 0) {
                        p++;
                    }
                    if (p >= len) {
                        return -1;
                    }
                    p++;
                }
            }
            if ((flags & 2) != 0) { // FHCRC
                p += 2;
            }
            return p <= len ? p : -1;
        }

        private static long le32(byte[] b, int i) {
            return ((b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8 | (b[i + 2] & 0xffL) << 16 | (b[i + 3] & 0xffL) << 24);
        }
    }

    /**
     * HTTP "deflate": meant to be zlib-wrapped (RFC 9110), but some servers send raw deflate; the first two bytes
     * tell which.
     */
    private static final class Deflate extends Inflating {
        private final byte[] head = new byte[2];
        private int headLen;
        private boolean started;
        private boolean done;

        Deflate(int cap) {
            super(cap);
        }

        @Override
        void write(byte[] in, int off, int len) throws IOException {
            if (done) {
                return;
            }
            if (!started) {
                while (headLen < 2 && len > 0) {
                    head[headLen++] = in[off++];
                    len--;
                }
                if (headLen < 2) {
                    return;
                }
                int cmf = head[0] & 0xff;
                boolean zlib = (cmf & 0x0f) == 8 && ((cmf << 8) | (head[1] & 0xff)) % 31 == 0;
                inflater = new Inflater(!zlib);
                started = true;
                inflate(head, 0, 2);
            }
            if (len > 0 && !inflater.finished()) {
                inflate(in, off, len);
            }
            done = inflater.finished();
        }

        @Override
        void finish() throws IOException {
            if (headLen > 0 && !done) {
                throw new ZipException("truncated deflate body");
            }
        }
    }
}
