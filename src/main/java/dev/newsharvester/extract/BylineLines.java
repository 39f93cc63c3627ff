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

    /** What opens a byline line: a credit word (not Italian "di", a surname particle) or a label. */
    private static final Set<String> BY_WORDS = Lexicon.union(Lexicon.except(Lexicon.CREDIT_WORDS, "di"),
            Set.of("автор", "авторка", "автори", "text", "texto", "tekst"));

    /**
     * "By Jane Doe and Tom O'Neill", "Von Anna Sleegers, Frankfurt", "Von t-online, jse": a
     * capitalised by-word, then up to eight name-like words (the first capitalised or hyphenated)
     * joined by commas and "and" in the outlets' languages.
     */
    private static final Pattern BYLINE = Pattern.compile(
            "(?U)^" + capitalised(BY_WORDS) + ":?\\s+"
                    + "(\\p{Lu}[\\p{L}\\p{M}.'’-]*|\\p{Ll}+-[\\p{L}.-]+)"
                    + "((\\s*,\\s*|\\s*&\\s*|\\s+(?i:" + Lexicon.anyOf(Lexicon.union(Lexicon.AND_WORDS, Set.of("mit", "with"))) + ")\\s+|\\s+)[\\p{L}\\p{M}.'’-]+){0,7}\\s*$");

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

    /** Words a byline line may hold besides the names and dates. */
    private static final Set<String> BYLINE_WORDS = Lexicon.union(Lexicon.CREDIT_WORDS, Lexicon.AND_WORDS,
            Lexicon.AUTHOR_LABELS, Set.of("text", "photo", "текст", "фото"));

    /** The words capitalised and in capitals, as an alternation: {@code (?:By|BY|Von|VON|…)}. */
    private static String capitalised(Set<String> words) {
        Set<String> forms = new java.util.LinkedHashSet<>();
        for (String w : words) {
            forms.add(Character.toUpperCase(w.charAt(0)) + w.substring(1));
            forms.add(w.toUpperCase(Locale.ROOT));
        }
        return Lexicon.anyOf(forms);
    }
}
