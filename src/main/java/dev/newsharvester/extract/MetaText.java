package dev.newsharvester.extract;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Clean-up of short metadata strings (titles, names, descriptions) and the loose keys used to
 * compare them with site names.
 */
final class MetaText {

    /** An entity left in a value that was escaped twice ({@code &amp;quot;}) or sits in JSON-LD. */
    private static final Pattern ENTITY = Pattern.compile("&(#\\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private MetaText() {
    }

    /**
     * Entities decoded (JSON-LD and doubly escaped attributes carry {@code &#8217;} or
     * {@code &quot;} literally), invisible characters removed, whitespace collapsed; null when blank.
     */
    static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw;
        for (int i = 0; i < 2 && s.indexOf('&') >= 0 && ENTITY.matcher(s).find(); i++) {
            s = Parser.unescapeEntities(s, false);
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isInvisible(c)) {
                sb.append(c);
            }
        }
        return Text.blankToNull(sb.toString());
    }

    /** Soft hyphen, zero-width characters, bidi marks and the BOM: they never belong in a title or a name. */
    static boolean isInvisible(char c) {
        return c == '\u00AD' || (c >= '\u200B' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2060' && c <= '\u2064') || c == '\uFEFF';
    }

    /**
     * Lower-case letters and digits without diacritics, for comparing a title segment with a site
     * or host name ("Börsen-Zeitung" ~ "boersen-zeitung.de" ~ "borsenzeitung"): German umlauts
     * give both spellings, so the result is the key with umlauts as plain vowels; see {@link #sameName}.
     */
    static String key(String s) {
        if (s == null) {
            return "";
        }
        String d = MARKS.matcher(Normalizer.normalize(s.replace("ß", "ss"), Normalizer.Form.NFD)).replaceAll("");
        return Text.key(d).toLowerCase(Locale.ROOT);
    }

    /** Same name by {@link #key}, also when one side writes umlauts as "ae", "oe", "ue". */
    static boolean sameName(String a, String b) {
        String ka = key(a);
        String kb = key(b);
        if (ka.isEmpty() || kb.isEmpty()) {
            return false;
        }
        return ka.equals(kb) || umlautKey(a).equals(kb) || ka.equals(umlautKey(b));
    }

    private static String umlautKey(String s) {
        return key(s.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue"));
    }
}
