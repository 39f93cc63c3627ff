package dev.newsharvester.fetch;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the charset of a body. A byte-order mark decides (it is unambiguous, and WHATWG lets it override the header);
 * otherwise the label, from the {@code Content-Type} header or else a {@code <meta charset>} /
 * {@code <meta http-equiv>} or XML declaration in the first 4 KB, is checked against the bytes, because servers and
 * templates get it wrong in both directions:
 * <ul>
 *   <li>bytes that are valid UTF-8 with multi-byte sequences are UTF-8, whatever a legacy label says (a page in
 *       windows-1251 or KOI8 is never valid UTF-8 beyond a few words);</li>
 *   <li>bytes that are not UTF-8, labelled UTF-8, a Cyrillic single-byte charset or a Western one (or not labelled),
 *       are given to {@link CyrillicDetector}: Ukrainian and Russian text in windows-1251, KOI8-U/R, ISO-8859-5 or
 *       IBM866 is recognised by its letter frequencies, even when labelled as another of them;</li>
 *   <li>other labels (Shift_JIS, GBK, ISO-8859-7, …) are trusted; without any label, windows-1252 (the web's
 *       default for legacy pages).</li>
 * </ul>
 */
final class CharsetDetector {

    static final Charset WINDOWS_1251 = CyrillicDetector.WINDOWS_1251;
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final int PRESCAN_BYTES = 4096;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+?charset\\s*=\\s*[\"']?\\s*([a-z0-9_:.+-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING = Pattern.compile(
            "^\\s*<\\?xml[^>]+encoding\\s*=\\s*[\"']([a-z0-9_:.+-]+)[\"']", Pattern.CASE_INSENSITIVE);

    private CharsetDetector() {
    }

    static Charset detect(String headerCharset, byte[] body) {
        Charset bom = fromBom(body);
        if (bom != null) {
            return bom;
        }
        Charset declared = lookup(headerCharset);
        if (declared == null) {
            declared = fromPrescan(body);
        }
        return verify(declared, body);
    }

    /** The label checked against the bytes, as described in the class comment. */
    private static Charset verify(Charset declared, byte[] body) {
        Utf8Stats utf8 = Utf8Stats.of(body);
        if (utf8.high == 0) {
            return declared != null ? declared : StandardCharsets.UTF_8;  // ASCII reads the same in all of them
        }
        if (declared != null && declared.name().startsWith("UTF-16") || declared != null && declared.name().startsWith("UTF-32")) {
            return declared;
        }
        if (utf8.mostlyUtf8()) {
            return StandardCharsets.UTF_8;
        }
        boolean checkable = declared == null || declared.equals(StandardCharsets.UTF_8)
                || CyrillicDetector.isCandidate(declared) || isWestern(declared);
        if (!checkable) {
            return declared;
        }
        Charset cyrillic = CyrillicDetector.detect(body);
        if (cyrillic != null) {
            return cyrillic;
        }
        if (declared == null) {
            return WINDOWS_1252;
        }
        // A UTF-8 label on bytes that are not UTF-8 and not Cyrillic: most likely a Western legacy page.
        return declared.equals(StandardCharsets.UTF_8) && utf8.valid == 0 ? WINDOWS_1252 : declared;
    }

    private static boolean isWestern(Charset c) {
        String n = c.name();
        return n.equals("windows-1252") || n.equals("ISO-8859-1") || n.equals("ISO-8859-15") || n.equals("US-ASCII");
    }

    static Charset fromBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static Charset fromPrescan(byte[] body) {
        // ISO-8859-1 maps bytes 1:1, so ASCII markup is found whatever the real charset is.
        String head = new String(body, 0, Math.min(body.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (m.find()) {
            Charset c = lookup(m.group(1));
            // A meta tag readable as ASCII cannot be in UTF-16; WHATWG says to take UTF-8 then.
            if (c != null) {
                return c.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : c;
            }
        }
        m = XML_ENCODING.matcher(head);
        if (m.find()) {
            Charset c = lookup(m.group(1));
            if (c != null && !c.name().startsWith("UTF-16")) {
                return c;
            }
        }
        return null;
    }

    /** The charset for a label, with WHATWG's remapping of Latin-1 and ASCII to windows-1252; null if unknown. */
    static Charset lookup(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String l = label.strip().toLowerCase(Locale.ROOT);
        if (l.equals("iso-8859-1") || l.equals("latin1") || l.equals("us-ascii") || l.equals("ascii")) {
            return WINDOWS_1252;
        }
        if (l.equals("utf8")) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(l);
        } catch (RuntimeException e) { // IllegalCharsetNameException, UnsupportedCharsetException
            return null;
        }
    }

    /** Counts of UTF-8 structure in a body: high bytes, well-formed multi-byte sequences, and stray bytes. */
    private record Utf8Stats(long high, long valid, long invalid) {

        static Utf8Stats of(byte[] b) {
            long high = 0;
            long valid = 0;
            long invalid = 0;
            int i = 0;
            while (i < b.length) {
                int c = b[i] & 0xff;
                if (c < 0x80) {
                    i++;
                    continue;
                }
                high++;
                int need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
                if (need < 0) {
                    invalid++;
                    i++;
                    continue;
                }
                if (i + need >= b.length) {
                    break; // a sequence cut off by the end of the body (or the size cap) proves nothing
                }
                boolean ok = true;
                for (int k = 1; k <= need; k++) {
                    if ((b[i + k] & 0xc0) != 0x80) {
                        ok = false;
                        break;
                    }
                }
                if (ok) {
                    valid++;
                    high += need;
                    i += need + 1;
                } else {
                    invalid++;
                    i++;
                }
            }
            return new Utf8Stats(high, valid, invalid);
        }

        /** Well-formed sequences, and at most one stray byte per 20 of them (a stray legacy character is common). */
        boolean mostlyUtf8() {
            return valid > 0 && invalid * 20 <= valid;
        }
    }
}
