package dev.newsharvester.fetch;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a request goes: the URL's host in the one ASCII form that is resolved, checked, connected to, sent as
 * {@code Host} and as TLS SNI, and its port.
 *
 * <p>{@link URI} leaves the host null for many spellings it does not read as a host name (international names,
 * percent-escapes, "127.1", "0x7f.1"); this class reads them from the authority instead, maps them through IDNA
 * (so full-width "１２７.０.０.１" becomes "127.0.0.1" before any check, not after), and hands the result to
 * the resolver, whose answer the {@link AddressGuard} judges. Nothing is connected to by a name the guard did not
 * see.
 *
 * @param url   the URL as requested (for messages and results)
 * @param https whether TLS is used
 * @param host  lower-case ASCII host: a DNS name (punycode for IDN), an IPv4 literal, or an IPv6 literal without
 *              brackets
 * @param port  the port, defaulted from the scheme
 */
record Target(URI url, boolean https, String host, int port) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)*");

    /**
     * @throws IllegalArgumentException naming the URL when it is not http(s) or its host is unusable
     */
    static Target of(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        }
        if (url.isOpaque() || url.getRawAuthority() == null || url.getRawAuthority().isEmpty()) {
            throw new IllegalArgumentException("URL has no host: " + url);
        }
        boolean https = scheme.equals("https");
        String host;
        int port;
        if (url.getHost() != null) {
            host = url.getHost();
            port = url.getPort();
        } else {
            String authority = url.getRawAuthority();
            authority = authority.substring(authority.lastIndexOf('@') + 1);
            int colon = authority.lastIndexOf(':');
            port = -1;
            if (colon >= 0 && !authority.endsWith("]")) {
                String p = authority.substring(colon + 1);
                if (!p.isEmpty()) {
                    if (!p.matches("\\d{1,5}")) {
                        throw new IllegalArgumentException("URL has an invalid port: " + url);
                    }
                    port = Integer.parseInt(p);
                }
                authority = authority.substring(0, colon);
            }
            host = percentDecode(authority, url);
        }
        if (port > 65535 || port == 0) {
            throw new IllegalArgumentException("URL has an invalid port: " + url);
        }
        return new Target(url, https, asciiHost(host, url), port < 0 ? (https ? 443 : 80) : port);
    }

    private static String asciiHost(String raw, URI url) {
        String h = raw.strip();
        if (h.startsWith("[") && h.endsWith("]")) {
            String v6 = h.substring(1, h.length() - 1).toLowerCase(Locale.ROOT);
            if (!v6.matches("[0-9a-f:.]+")) { // zone ids ("%25eth0") and junk are not hosts to fetch from
                throw new IllegalArgumentException("URL has an invalid IPv6 host: " + url);
            }
            return v6;
        }
        String ascii;
        try {
            ascii = IDN.toASCII(h, 0).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("URL has an invalid host name: " + url, e);
        }
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        if (!NAME.matcher(ascii).matches()) {
            throw new IllegalArgumentException("URL has an invalid host name: " + url);
        }
        return ascii;
    }

    private static String percentDecode(String s, URI url) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new IllegalArgumentException("URL has an invalid host name: " + url);
                }
                int v = Character.digit(s.charAt(i + 1), 16) << 4 | Character.digit(s.charAt(i + 2), 16);
                if (v < 0) {
                    throw new IllegalArgumentException("URL has an invalid host name: " + url);
                }
                out.write(v);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** True when the host is an IP literal (no SNI is sent for those). */
    boolean hostIsLiteral() {
        return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
    }

    boolean defaultPort() {
        return port == (https ? 443 : 80);
    }

    /** "https://host[:port]", IPv6 in brackets: the robots.txt origin and the pacing key. */
    String origin() {
        return (https ? "https" : "http") + "://" + hostHeader();
    }

    /** The {@code Host} header value. */
    String hostHeader() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return defaultPort() ? h : h + ":" + port;
    }

    /** The request target: the path (at least "/") and query, ASCII only. */
    String requestTarget() {
        URI ascii = URI.create(url.toASCIIString());
        String path = ascii.getRawPath() == null || ascii.getRawPath().isEmpty() ? "/" : ascii.getRawPath();
        return ascii.getRawQuery() == null ? path : path + "?" + ascii.getRawQuery();
    }
}
