package dev.newsharvester.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/** Turning what servers put in {@code Location} headers into URLs that can be requested. */
final class Locations {

    private Locations() {
    }

    /**
     * Resolves a Location header against the current URL. Servers often send raw UTF-8 (or other) bytes there; the
     * HTTP client hands them over as ISO-8859-1 characters, so those bytes are percent-encoded as they came, which
     * gives the URL a browser would request.
     */
    static URI resolve(URI base, String location) {
        String cleaned = location.replaceAll("[\\t\\r\\n]", "");
        int hash = cleaned.indexOf('#');
        if (hash >= 0) {
            cleaned = cleaned.substring(0, hash);
        }
        boolean latin1 = cleaned.chars().allMatch(c -> c <= 0xff);
        byte[] raw = cleaned.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        String encoded = encodeIllegal(raw);
        try {
            if (encoded.startsWith("?")) { // RFC 3986 keeps the base path; URI.resolve (RFC 2396) drops its last segment
                return new URI(base.getScheme() + "://" + base.getRawAuthority() + withPath(base).getRawPath() + encoded);
            }
            return withPath(base.resolve(new URI(encoded)));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Percent-encodes spaces, bytes above 0x7E and other bytes not allowed in a URI; keeps valid escapes. */
    static String encodeIllegal(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            boolean escape = c == '%' && !(i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]));
            if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0 || escape) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    private static boolean isHex(byte b) {
        return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F';
    }

    /** "http://host" → "http://host/": an empty path makes {@link URI#resolve} glue relative paths to the host. */
    static URI withPath(URI u) {
        if (!u.isOpaque() && u.getRawAuthority() != null && (u.getRawPath() == null || u.getRawPath().isEmpty())) {
            return URI.create(u.getScheme() + "://" + u.getRawAuthority() + "/"
                    + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
        }
        return u;
    }
}
