package dev.newsharvester.fetch;

import java.util.Locale;

/** The parts of a {@code Content-Type} header this package needs. */
record MediaType(String mimeType, String charset) {

    /** Parses a header value; null or blank gives null. Never throws: junk yields a junk mime type. */
    static MediaType parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String[] parts = header.split(";");
        String mime = parts[0].strip().toLowerCase(Locale.ROOT);
        String charset = null;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                charset = p.substring(eq + 1).strip().replace("\"", "").replace("'", "");
                if (charset.isEmpty()) {
                    charset = null;
                }
            }
        }
        return new MediaType(mime, charset);
    }

    boolean isHtml() {
        return mimeType.equals("text/html") || mimeType.equals("application/xhtml+xml");
    }

    /** Types that say nothing about the content; treated like a missing header. */
    boolean isUninformative() {
        return mimeType.isEmpty() || mimeType.equals("application/octet-stream") || mimeType.equals("unknown/unknown")
                || !mimeType.contains("/");
    }
}
