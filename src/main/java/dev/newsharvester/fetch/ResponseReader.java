package dev.newsharvester.fetch;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads an HTTP/1.x response head for {@link Http1Client}: the status line, the header fields (obsolete line folding
 * joined, malformed lines skipped as browsers do) and any interim (1xx) responses before the final one. The whole head
 * is capped at {@value #MAX_HEAD_BYTES} bytes, interim responses at {@value #MAX_INTERIM_RESPONSES}; a 101 is refused.
 * The body that follows is framed by {@link BodyFraming}.
 *
 * <p>Also the one place that quotes received protocol text in error messages ({@link #quote}, {@link #abbreviate}).
 */
final class ResponseReader {

    static final int MAX_HEAD_BYTES = 64 * 1024;
    static final int MAX_INTERIM_RESPONSES = 8;

    private ResponseReader() {
    }

    /** Reads the head of the final response from {@code in}; its body is read from the response's stream. */
    static Http1Client.Response read(InputStream in, Closeable connection) throws IOException {
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
                if (name.isEmpty() || !name.chars().allMatch(ResponseReader::isTokenChar)) {
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
            return new Http1Client.Response(status, h, BodyFraming.body(in, status, h), connection);
        }
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
        throw new ProtocolException("not an HTTP/1.x status line: \"" + quote(line) + "\"");
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

    /** A received line as it may stand in an error message: printable ASCII only, abbreviated. */
    static String quote(String s) {
        return abbreviate(printable(s));
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return sb.toString();
    }

    /** A received value cut to 80 characters for an error message. */
    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
