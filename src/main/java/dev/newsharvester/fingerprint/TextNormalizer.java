package dev.newsharvester.fingerprint;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Canonical form of a clean article text, for hashing: two texts that a reader would call
 * identical (they differ only in whitespace, NBSP, quote or dash style, invisible characters or
 * Unicode compatibility forms) normalise to the same string.
 *
 * <p>Steps: HTML entities left in the text decoded ({@code &rsquo;}, {@code &#8212;},
 * {@code &amp;nbsp;} from a page that escaped twice); Unicode NFKC (full-width forms, ligatures,
 * "…"); invisible characters dropped (zero-width space and joiners, word joiner, BOM, soft hyphen,
 * bidi marks, variation selectors, tag characters, controls); curly, angle and low quotes to
 * {@code '} or {@code "}, and the apostrophe look-alikes (the Ukrainian {@code ʼ}, the prime, the
 * backtick and the acute accent used as one) to {@code '}; hyphen, dash and minus variants to
 * {@code -}; every Unicode space to a plain space; each run of whitespace that contains a line
 * break (LF, CR, CRLF, U+2028/2029) becomes one paragraph boundary {@code "\n"}, every other run
 * one space; lines are stripped and empty lines dropped.
 *
 * <p>Case is kept on purpose: the exact hash says "the same text", and a change of case (a
 * corrected name, a fixed acronym) is a real edit that should produce a new version. The
 * similarity fingerprints ({@link SimHash}, {@link MinHash}) lower-case their tokens themselves.
 */
public final class TextNormalizer {

    /** A named or numeric character reference, as a page that escaped twice leaves in the text. */
    private static final Pattern ENTITY = Pattern.compile("&(#\\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");

    private TextNormalizer() {
    }

    /** Returns the normalised text; {@code null} gives the empty string. */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = text;
        for (int i = 0; i < 2 && s.indexOf('&') >= 0 && ENTITY.matcher(s).find(); i++) {
            s = Parser.unescapeEntities(s, false);
        }
        s = Normalizer.normalize(apostrophes(s), Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        boolean pendingBreak = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isInvisible(cp)) {
                continue;
            }
            if (isLineBreak(cp)) {
                pendingBreak = true;
                continue;
            }
            if (isSpace(cp)) {
                pendingSpace = true;
                continue;
            }
            if (Character.getType(cp) == Character.CONTROL) {
                continue; // stray C0/C1 controls carry no text
            }
            if (!out.isEmpty()) {
                if (pendingBreak) {
                    out.append('\n');
                } else if (pendingSpace) {
                    out.append(' ');
                }
            }
            pendingSpace = false;
            pendingBreak = false;
            out.appendCodePoint(mapPunctuation(cp));
        }
        return out.toString();
    }

    static boolean isInvisible(int cp) {
        return (cp >= 0x200B && cp <= 0x200F)      // zero-width space, ZWNJ, ZWJ, LRM, RLM
                || (cp >= 0x202A && cp <= 0x202E)  // bidi embeddings and overrides
                || (cp >= 0x2060 && cp <= 0x2064)  // word joiner, invisible operators
                || (cp >= 0x2066 && cp <= 0x2069)  // bidi isolates
                || (cp >= 0xFE00 && cp <= 0xFE0F)  // variation selectors (text/emoji presentation)
                || (cp >= 0xE0000 && cp <= 0xE007F) // tag characters
                || (cp >= 0xFFF9 && cp <= 0xFFFB)  // interlinear annotation marks
                || cp == 0xFEFF                     // BOM / zero-width no-break space
                || cp == 0x00AD                     // soft hyphen
                || cp == 0x034F                     // combining grapheme joiner
                || cp == 0x180E                     // Mongolian vowel separator
                || cp == 0x061C;                    // Arabic letter mark
    }

    /**
     * Apostrophe look-alikes to {@code '} before NFKC (which would turn the acute accent into a
     * space and a combining mark): Ukrainian texts use {@code ʼ}, {@code ’} and {@code '} for the
     * same letter, and editors type {@code `} or {@code ´} for it.
     */
    private static String apostrophes(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean apostrophe = c == 0x02BC || c == 0x02B9 || c == 0x02BB || c == 0x0060 || c == 0x00B4 || c == 0xFF07;
            if (apostrophe && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(apostrophe ? '\'' : c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean isLineBreak(int cp) {
        return cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
    }

    private static boolean isSpace(int cp) {
        return cp == ' ' || cp == '\t' || cp == 0xA0 || Character.isSpaceChar(cp) || Character.isWhitespace(cp);
    }

    private static int mapPunctuation(int cp) {
        return switch (cp) {
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2039, 0x203A, 0x2032 -> '\'';
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2033, 0x301D, 0x301E, 0x301F, 0x2E42 -> '"';
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x2043, 0xFE58, 0xFE63, 0xFF0D -> '-';
            default -> cp;
        };
    }
}
