package dev.newsharvester.extract;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A line of the body that is only a byline: the page's author names with "By", connectors, dates and
 * punctuation around them, a capitalised by-word and names in the outlets' languages, or an East
 * Asian "name + reporter" line.
 */
final class BylineLines {

    private BylineLines() {
    }

    /** A line that is only author names with "By", connectors, dates and punctuation around them. */
    static boolean isByline(String t, List<String> authors) {
        if (t.length() < 40 && CJK_BYLINE.matcher(t).matches()) {
            return true;
        }
        String rest = t;
        boolean hadName = false;
        String lower = t.toLowerCase(Locale.ROOT);
        for (String a : authors) {
            if (a.length() >= 3 && lower.contains(a.toLowerCase(Locale.ROOT))) {
                String r = rest.replaceAll("(?iU)" + Pattern.quote(a), " ");
                hadName |= !r.equals(rest);
                rest = r;
            }
        }
        if (!hadName) {
            return t.length() < 80 && BYLINE.matcher(t).matches() && !t.endsWith(".") && !hasDigit(t);
        }
        for (String w : DateLines.words(rest.replace('/', ' ').replace('|', ' ').replace('&', ' '))) {
            if (!BYLINE_WORDS.contains(w) && !DateLines.isDateWord(w)) {
                return false;
            }
        }
        return true;
    }

    /**
     * "By Jane Doe and Tom O'Neill", "Von Anna Sleegers, Frankfurt", "Von t-online, jse": a
     * capitalised by-word, then up to eight name-like words (the first capitalised or hyphenated)
     * joined by commas and "and" in the outlets' languages.
     */
    private static final Pattern BYLINE = Pattern.compile(
            "(?U)^(By|BY|Von|VON|Por|POR|Par|PAR|Av|Af|Від|ВІД|От|ОТ|Автор|Авторка|Автори|Text|Texto|Tekst):?\\s+"
                    + "(\\p{Lu}[\\p{L}\\p{M}.'’-]*|\\p{Ll}+-[\\p{L}.-]+)"
                    + "((\\s*,\\s*|\\s*&\\s*|\\s+(and|und|mit|with|y|e|et|og|och|і|та|и)\\s+|\\s+)[\\p{L}\\p{M}.'’-]+){0,7}\\s*$");

    /** East Asian bylines: a name followed by "reporter" ("박준석 기자 외 1명", "渡辺洋介 記者"). */
    private static final Pattern CJK_BYLINE = Pattern.compile(
            "(?U)^[\\p{L}·]{2,12}(\\s?[\\p{L}·]{1,12})?\\s?(기자|특파원|記者|特派員|编辑|通讯员)(\\s?외\\s?\\d+명)?\\s*$");

    private static boolean hasDigit(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.isDigit(t.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> BYLINE_WORDS = Set.of(
            "by", "and", "text", "photo", "author", "authors", "автор", "авторка", "автори", "текст", "фото", "і", "та",
            "и", "від", "от", "von", "und", "por", "y", "par", "et", "di", "e", "door", "en", "av", "og", "och");
}
