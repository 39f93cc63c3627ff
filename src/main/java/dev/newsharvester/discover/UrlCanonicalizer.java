package dev.newsharvester.discover;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the many spellings of an article URL into one, so that the same article found in a feed, a sitemap and a
 * listing is stored once. The rules:
 * <ul>
 *   <li>only absolute http and https URLs are accepted;</li>
 *   <li>scheme and host are lower-cased; internationalised host names become punycode; a trailing dot on the host
 *       is dropped; default ports (80 for http, 443 for https) are dropped;</li>
 *   <li>the fragment is dropped;</li>
 *   <li>characters not allowed in URLs (spaces, non-ASCII, {@code "<>\^`{|}[]}) are percent-encoded as UTF-8;
 *       percent-escapes get upper-case hex digits, and escapes of unreserved characters ({@code A-Z a-z 0-9 - . _ ~})
 *       are decoded;</li>
 *   <li>in the path, runs of slashes collapse to one and {@code .} / {@code ..} segments are resolved; an empty path
 *       becomes {@code /}; a trailing slash is KEPT as served, because sites differ on whether {@code /a} and
 *       {@code /a/} are the same page;</li>
 *   <li>query parameters used only for tracking are removed: {@code utm_*}, {@code fbclid}, {@code gclid},
 *       {@code yclid}, {@code mc_cid}, {@code mc_eid}, {@code _ga}, {@code ref_src} (names compared
 *       case-insensitively); empty parameters ({@code &&}) are removed; the others keep their order and spelling;
 *       a query left empty is dropped with its {@code ?};</li>
 *   <li>user info ({@code user:pass@}) is kept as is.</li>
 * </ul>
 */
public final class UrlCanonicalizer {

    private static final Pattern SPLIT = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://([^/?#]*)([^?#]*)(\\?[^#]*)?(#.*)?$",
            Pattern.DOTALL);
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern HOST = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)*");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\t\\r\\n]");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+]");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");
    private static final Pattern SLASHES = Pattern.compile("/{2,}");
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "yclid", "mc_cid", "mc_eid", "_ga", "ref_src");

    private UrlCanonicalizer() {
    }

    /**
     * The canonical form of an absolute http(s) URL.
     *
     * @throws IllegalArgumentException naming the URL when it is not an absolute http(s) URL or cannot be repaired
     */
    public static String canonicalize(String url) {
        if (url == null) {
            throw new IllegalArgumentException("URL is null");
        }
        String s = LINE_BREAKS.matcher(url.strip()).replaceAll("");
        Matcher m = SPLIT.matcher(s);
        if (!m.matches()) {
            throw bad(url, "not an absolute http(s) URL");
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw bad(url, "scheme is not http or https");
        }
        String authority = authority(url, scheme, m.group(2));
        String path = path(m.group(3));
        String query = query(m.group(4));
        String result = scheme + "://" + authority + path + (query.isEmpty() ? "" : "?" + query);
        try {
            new URI(result); // the output must be a valid URI for every consumer downstream
        } catch (URISyntaxException e) {
            throw bad(url, e.getReason());
        }
        return result;
    }

    /**
     * Resolves a link found in a document against the document's URL; returns the link unchanged when it is
     * already absolute (whatever its scheme), or null when it cannot be resolved.
     */
    static String resolve(URI base, String href) {
        if (href == null) {
            return null;
        }
        String h = LINE_BREAKS.matcher(href.strip()).replaceAll("");
        if (h.isEmpty() || h.startsWith("#")) {
            return null;
        }
        if (SCHEME.matcher(h).find()) {
            return h;
        }
        if (h.startsWith("//")) {
            return base.getScheme() + ":" + h;
        }
        try {
            URI b = base.getRawPath() == null || base.getRawPath().isEmpty()
                    ? new URI(base.getScheme() + "://" + base.getRawAuthority() + "/") : base;
            String encoded = encodeIllegal(h);
            if (encoded.startsWith("?")) { // RFC 3986 keeps the base path; URI.resolve (RFC 2396) drops its last segment
                return b.getScheme() + "://" + b.getRawAuthority() + b.getRawPath() + encoded;
            }
            return b.resolve(new URI(encoded)).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String authority(String url, String scheme, String authority) {
        String userInfo = "";
        String hostPort = authority;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            userInfo = encodeIllegal(authority.substring(0, at)) + "@";
            hostPort = authority.substring(at + 1);
        }
        String host;
        String port = "";
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw bad(url, "unterminated IPv6 address");
            }
            host = hostPort.substring(0, close + 1).toLowerCase(Locale.ROOT);
            if (!IPV6.matcher(host).matches()) {
                throw bad(url, "invalid IPv6 address");
            }
            String rest = hostPort.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw bad(url, "junk after IPv6 address");
                }
                port = rest.substring(1);
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
            port = colon >= 0 ? hostPort.substring(colon + 1) : "";
            if (host.endsWith(".")) {
                host = host.substring(0, host.length() - 1);
            }
            try {
                host = (isAscii(host) ? host : IDN.toASCII(host, IDN.ALLOW_UNASSIGNED)).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw bad(url, "invalid host name");
            }
            if (host.isEmpty() || !HOST.matcher(host).matches()) {
                throw bad(url, "invalid host name");
            }
        }
        if (!port.isEmpty()) {
            if (!PORT.matcher(port).matches() || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                throw bad(url, "invalid port");
            }
            int p = Integer.parseInt(port);
            port = scheme.equals("http") && p == 80 || scheme.equals("https") && p == 443 ? "" : ":" + p;
        }
        return userInfo + host + port;
    }

    private static String path(String rawPath) {
        String p = normalizeEscapes(encodeIllegal(rawPath));
        if (p.isEmpty()) {
            return "/";
        }
        p = p.contains("//") ? SLASHES.matcher(p).replaceAll("/") : p;
        return removeDotSegments(p);
    }

    private static String query(String rawQuery) {
        if (rawQuery == null || rawQuery.length() <= 1) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&");
        for (String param : rawQuery.substring(1).split("&")) {
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            String name = (eq >= 0 ? param.substring(0, eq) : param).toLowerCase(Locale.ROOT);
            if (name.startsWith("utm_") || TRACKING.contains(name)) {
                continue;
            }
            kept.add(normalizeEscapes(encodeIllegal(param)));
        }
        return kept.toString();
    }

    /** RFC 3986 section 5.2.4. */
    private static String removeDotSegments(String path) {
        Deque<String> out = new ArrayDeque<>();
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) { // segments[0] is "" (path starts with '/')
            String seg = segments[i];
            boolean last = i == segments.length - 1;
            if (seg.equals(".")) {
                if (last) {
                    out.addLast("");
                }
            } else if (seg.equals("..")) {
                out.pollLast();
                if (last) {
                    out.addLast("");
                }
            } else {
                out.addLast(seg);
            }
        }
        return "/" + String.join("/", out);
    }

    /** Upper-case hex in escapes; decode escapes of unreserved characters. */
    private static String normalizeEscapes(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                int v = Integer.parseInt(s.substring(i + 1, i + 3), 16); // encodeIllegal guarantees two hex digits
                if (Character.isLetterOrDigit(v) && v < 0x80 || v == '-' || v == '.' || v == '_' || v == '~') {
                    out.append((char) v);
                } else {
                    out.append('%').append(s.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
                }
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Percent-encodes (as UTF-8) what may not appear raw in a URI; a '%' not followed by two hex digits becomes
     * "%25".
     */
    private static String encodeIllegal(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            boolean loneEscape = c == '%' && !(i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]));
            if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}[]".indexOf(c) >= 0 || loneEscape) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    /** ASCII host names need no IDNA mapping (the HOST pattern then checks them); only others go through it. */
    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(byte b) {
        return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F';
    }

    private static IllegalArgumentException bad(String url, String why) {
        String shown = url.length() > 300 ? url.substring(0, 300) + "…" : url;
        return new IllegalArgumentException("invalid URL '" + shown + "': " + why);
    }
}
