package dev.newsharvester.fetch;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.net.SocketFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A minimal HTTP/1.1 client: one GET per connection ({@code Connection: close}), to addresses given by the caller.
 * It exists because {@link java.net.http.HttpClient} resolves host names itself, so the address it connects to is
 * not necessarily the one the {@link AddressGuard} checked. Here the socket is connected to a checked address, and
 * the name stays what TLS sees: SNI and certificate verification ({@code HTTPS} endpoint identification) use the
 * URL's host, exactly as with a resolving client.
 *
 * <p>Reading is defensive: the response head is capped ({@value #MAX_HEAD_BYTES} bytes), bodies are framed by
 * chunked encoding, Content-Length or connection close (RFC 9112 section 6.3), and a body shorter than announced is an
 * error, not a short page.
 */
final class Http1Client {

    static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int MAX_INTERIM_RESPONSES = 8;

    private final SocketFactory sockets;
    private final SSLSocketFactory tls;
    private final Duration connectTimeout;

    Http1Client(SocketFactory sockets, SSLSocketFactory tls, Duration connectTimeout) {
        this.sockets = sockets;
        this.tls = tls;
        this.connectTimeout = connectTimeout;
    }

    /** Thrown when no address accepted a connection within the connect timeout. */
    static final class ConnectTimeoutException extends SocketTimeoutException {
        ConnectTimeoutException(String message) {
            super(message);
        }
    }

    /** A response whose head has been read; the body is read from {@link #body()}. Close it to drop the connection. */
    record Response(int status, HttpHeaders headers, InputStream body, Closeable connection) implements Closeable {
        @Override
        public void close() throws IOException {
            connection.close();
        }
    }

    /**
     * Sends a GET and reads the response head.
     *
     * @param addresses checked addresses of {@code target.host()}, tried in order
     * @param headers   request headers as name/value pairs (Host and Connection are added here)
     */
    Response get(Target target, List<InetAddress> addresses, List<String[]> headers, Deadline deadline)
            throws IOException {
        Socket socket = connect(target, addresses, deadline);
        boolean ok = false;
        try {
            if (target.https()) {
                socket = startTls(socket, target, deadline);
            }
            // A backstop only: the deadline closes the socket when time is up, however the server spaces its bytes.
            socket.setSoTimeout(deadline.remainingMillis() + 250);
            OutputStream out = socket.getOutputStream();
            out.write(request(target, headers));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            Response response = readResponse(in, socket);
            ok = true;
            return response;
        } finally {
            if (!ok) {
                socket.close();
            }
        }
    }

    private Socket connect(Target target, List<InetAddress> addresses, Deadline deadline) throws IOException {
        IOException last = null;
        boolean timedOut = false;
        for (InetAddress address : addresses) {
            Socket s = sockets.createSocket();
            deadline.guard(s);
            try {
                int timeout = (int) Math.min(connectTimeout.toMillis(), deadline.remainingMillis());
                s.connect(new InetSocketAddress(address, target.port()), Math.max(1, timeout));
                s.setTcpNoDelay(true);
                return s;
            } catch (SocketTimeoutException e) {
                timedOut = true;
                last = e;
                s.close();
            } catch (IOException e) {
                last = e;
                s.close();
            }
            if (deadline.expired()) {
                break;
            }
        }
        if (timedOut) {
            throw new ConnectTimeoutException("no connection to " + target.hostHeader());
        }
        throw last instanceof ConnectException ? last
                : new ConnectException(last == null ? "no address" : last.getMessage());
    }

    private Socket startTls(Socket plain, Target target, Deadline deadline) throws IOException {
        SSLSocket ssl = (SSLSocket) tls.createSocket(plain, target.host(), target.port(), true);
        deadline.guard(ssl);
        SSLParameters p = ssl.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the URL's host
        if (!target.hostIsLiteral()) {
            try {
                p.setServerNames(List.of(new SNIHostName(target.host())));
            } catch (IllegalArgumentException e) {
                // not a valid SNI name (e.g. an underscore): send none; the certificate check still applies
            }
        }
        p.setApplicationProtocols(new String[] {"http/1.1"});
        ssl.setSSLParameters(p);
        ssl.setSoTimeout(deadline.remainingMillis() + 250);
        ssl.startHandshake();
        return ssl;
    }

    private static byte[] request(Target target, List<String[]> headers) {
        StringBuilder sb = new StringBuilder(512);
        sb.append("GET ").append(target.requestTarget()).append(" HTTP/1.1\r\n");
        sb.append("Host: ").append(target.hostHeader()).append("\r\n");
        for (String[] h : headers) {
            sb.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        sb.append("Connection: close\r\n\r\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** True when the value can be sent as a header value: no control characters that could split the header. */
    static boolean isSafeHeaderValue(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f || c > 0xff) {
                return false;
            }
        }
        return true;
    }

    static Response readResponse(InputStream in, Closeable connection) throws IOException {
        int budget = MAX_HEAD_BYTES;
        for (int interim = 0; ; interim++) {
            int[] used = new int[1];
            String statusLine = readLine(in, budget, used, true);
            budget -= used[0];
            int status = parseStatus(statusLine);
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            String previous = null;
            while (true) {
                String line = readLine(in, budget, used, false);
                budget -= used[0];
                if (line.isEmpty()) {
                    break;
                }
                if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && previous != null) {
                    List<String> values = headers.get(previous); // obsolete line folding: continue the last value
                    values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.strip());
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    continue; // not a header line; browsers skip these too
                }
                String name = line.substring(0, colon).strip();
                if (name.isEmpty() || !name.chars().allMatch(Http1Client::isTokenChar)) {
                    continue;
                }
                headers.computeIfAbsent(name, k -> new ArrayList<>()).add(line.substring(colon + 1).strip());
                previous = name;
            }
            if (status >= 100 && status < 200) {
                if (status == 101) {
                    throw new ProtocolException("unexpected 101 Switching Protocols");
                }
                if (interim >= MAX_INTERIM_RESPONSES) {
                    throw new ProtocolException("more than " + MAX_INTERIM_RESPONSES + " interim (1xx) responses");
                }
                continue; // 100 Continue, 103 Early Hints: the real response follows
            }
            HttpHeaders h = HttpHeaders.of(headers, (a, b) -> true);
            return new Response(status, h, body(in, status, h), connection);
        }
    }

    /** The body as framed by RFC 9112 section 6.3. */
    private static InputStream body(InputStream in, int status, HttpHeaders h) throws IOException {
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
                        throw new ProtocolException("invalid Content-Length: " + abbreviate(value));
                    }
                    long n = Long.parseLong(t);
                    if (length >= 0 && n != length) {
                        throw new ProtocolException("conflicting Content-Length values: " + abbreviate(String.join(", ", cl)));
                    }
                    length = n;
                }
            }
            return new FixedLengthInputStream(in, length);
        }
        return in;
    }

    private static int parseStatus(String line) throws ProtocolException {
        // "HTTP/1.1 200 OK"; the reason phrase may be empty or missing
        if (line.length() >= 12 && line.startsWith("HTTP/1.") && line.charAt(8) == ' '
                && (line.length() == 12 || line.charAt(12) == ' ')) {
            String code = line.substring(9, 12);
            if (code.chars().allMatch(Character::isDigit) && code.charAt(0) != '0') {
                return Integer.parseInt(code);
            }
        }
        throw new ProtocolException("not an HTTP/1.x status line: \"" + abbreviate(printable(line)) + "\"");
    }

    /** Reads one line ending in LF (a preceding CR is dropped), counting bytes against the head budget. */
    private static String readLine(InputStream in, int budget, int[] used, boolean first) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int n = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new ProtocolException(first && n == 0 ? "connection closed before a response"
                        : "connection closed inside the response head");
            }
            if (++n > budget) {
                throw new ProtocolException("response head exceeds " + MAX_HEAD_BYTES + " bytes");
            }
            if (b == '\n') {
                break;
            }
            line.write(b);
        }
        used[0] = n;
        byte[] bytes = line.toByteArray();
        int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
    }

    private static boolean isTokenChar(int c) {
        return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return sb.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
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
                throw new ProtocolException("invalid chunk size: \"" + abbreviate(printable(line)) + "\"");
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
