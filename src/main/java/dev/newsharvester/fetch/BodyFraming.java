package dev.newsharvester.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Locale;

/**
 * Where a response body ends (RFC 9112 section 6.3), for the head {@link ResponseReader} has read: no body for 204 and
 * 304; chunked transfer coding when it is the final coding; otherwise a Content-Length (repeated values must agree);
 * otherwise the connection's close. The returned stream ends exactly at the body's end and turns a body cut short
 * (a closed connection before the declared length or inside the chunked framing) into a {@link ProtocolException},
 * so a truncated page is never taken for a short one.
 */
final class BodyFraming {

    private BodyFraming() {
    }

    /** The body of a response with this status and these headers, read from {@code in} just after the head. */
    static InputStream body(InputStream in, int status, HttpHeaders h) throws IOException {
        if (status == 204 || status == 304) {
            return InputStream.nullInputStream();
        }
        List<String> te = h.allValues("transfer-encoding");
        if (!te.isEmpty()) {
            String codings = String.join(",", te).toLowerCase(Locale.ROOT);
            String[] parts = codings.split(",");
            // chunked must be the final coding; anything else is read until the connection closes
            return parts[parts.length - 1].strip().equals("chunked") ? new ChunkedInputStream(in) : in;
        }
        List<String> cl = h.allValues("content-length");
        if (!cl.isEmpty()) {
            long length = -1;
            for (String value : cl) {
                for (String v : value.split(",")) {
                    String t = v.strip();
                    if (!t.matches("\\d{1,18}")) {
                        throw new ProtocolException("invalid Content-Length: " + ResponseReader.abbreviate(value));
                    }
                    long n = Long.parseLong(t);
                    if (length >= 0 && n != length) {
                        throw new ProtocolException("conflicting Content-Length values: "
                                + ResponseReader.abbreviate(String.join(", ", cl)));
                    }
                    length = n;
                }
            }
            return new FixedLengthInputStream(in, length);
        }
        return in;
    }

    /** A framed body; bulk reads are what the fetcher uses, single bytes go through them. */
    private abstract static class FramedInputStream extends InputStream {
        @Override
        public final int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }
    }

    /** A body of a declared length; ending early is an error. */
    private static final class FixedLengthInputStream extends FramedInputStream {
        private final InputStream in;
        private final long length;
        private long remaining;

        FixedLengthInputStream(InputStream in, long length) {
            this.in = in;
            this.length = length;
            this.remaining = length;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new ProtocolException("connection closed after " + (length - remaining) + " of " + length
                        + " body bytes");
            }
            remaining -= n;
            return n;
        }
    }

    /** RFC 9112 section 7.1 chunked transfer coding; extensions and trailers are read and ignored. */
    private static final class ChunkedInputStream extends FramedInputStream {
        private static final int MAX_LINE = 4096;
        private final InputStream in;
        private long chunkLeft;
        private boolean done;
        private boolean started;

        ChunkedInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (chunkLeft == 0) {
                if (started) {
                    expectLineEnd();
                }
                started = true;
                chunkLeft = chunkSize();
                if (chunkLeft == 0) {
                    skipTrailers();
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, chunkLeft));
            if (n < 0) {
                throw new ProtocolException("connection closed inside a chunk (truncated chunked body)");
            }
            chunkLeft -= n;
            return n;
        }

        private long chunkSize() throws IOException {
            String line = line();
            int semi = line.indexOf(';');
            String hex = (semi >= 0 ? line.substring(0, semi) : line).strip();
            if (!hex.matches("[0-9a-fA-F]{1,15}")) {
                throw new ProtocolException("invalid chunk size: \"" + ResponseReader.quote(line) + "\"");
            }
            return Long.parseLong(hex, 16);
        }

        private void expectLineEnd() throws IOException {
            if (!line().isEmpty()) {
                throw new ProtocolException("chunk data longer than its size");
            }
        }

        private void skipTrailers() throws IOException {
            for (int i = 0; i < 100; i++) {
                if (line().isEmpty()) {
                    return;
                }
            }
            throw new ProtocolException("too many trailer lines");
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            while (true) {
                int c = in.read();
                if (c < 0) {
                    throw new ProtocolException("connection closed inside the chunked framing (truncated chunked body)");
                }
                if (c == '\n') {
                    int len = sb.length();
                    return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
                }
                if (sb.length() >= MAX_LINE) {
                    throw new ProtocolException("chunk header line longer than " + MAX_LINE + " bytes");
                }
                sb.append((char) c);
            }
        }
    }
}
