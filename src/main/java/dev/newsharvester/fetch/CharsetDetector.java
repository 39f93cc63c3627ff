package dev.newsharvester.fetch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the charset of a body. Order: a byte-order mark (it is unambiguous, and WHATWG lets it override the
 * header), the {@code Content-Type} charset, a {@code <meta charset>} / {@code <meta http-equiv>} or XML
 * declaration in the first 4 KB, UTF-8 if the bytes are valid UTF-8, windows-1251 if the high bytes look like
 * Cyrillic text, else windows-1252 (the web's default for legacy pages).
 */
final class CharsetDetector {

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
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
        if (declared != null) {
            return declared;
        }
        Charset inDocument = fromPrescan(body);
        if (inDocument != null) {
            return inDocument;
        }
        if (isValidUtf8(body)) {
            return StandardCharsets.UTF_8;
        }
        return looksCyrillic(body) ? WINDOWS_1251 : WINDOWS_1252;
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

    static boolean isValidUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * In windows-1251 Cyrillic letters are 0xC0-0xFF (plus Ё/ё, Є/є, І/і, Ї/ї, Ґ/ґ in 0xA0-0xBF) and Cyrillic
     * words are runs of them; in windows-1252 the same bytes are accented Latin letters, which mostly stand alone
     * between ASCII letters ("café", "Müller"). So: most such bytes have a neighbour of the same kind.
     */
    static boolean looksCyrillic(byte[] body) {
        long letters = 0;
        long inRuns = 0;
        boolean previous = false;
        for (byte x : body) {
            boolean current = isCp1251Letter(x & 0xff);
            if (current) {
                letters++;
                if (previous) {
                    inRuns++;
                }
            }
            previous = current;
        }
        return letters >= 2 && inRuns * 2 > letters;
    }

    private static boolean isCp1251Letter(int b) {
        return b >= 0xc0 || b == 0xa8 || b == 0xb8 || b == 0xaa || b == 0xba || b == 0xb2 || b == 0xb3
                || b == 0xaf || b == 0xbf || b == 0xa5 || b == 0xb4;
    }
}
