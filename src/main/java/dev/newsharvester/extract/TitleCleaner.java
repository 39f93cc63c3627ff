package dev.newsharvester.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Strips the site's chrome from a headline: leading or trailing segments (after " | ", " - ",
 * " — ", " – ", " :: ", " · ", " • ", " » ", " / ") that name the site (its site name, its host, a
 * domain), the section, a date ("| 28.04.2023") or the author ("| by Jane Doe"). For the
 * {@code <title>} element, where outlets always append something, a short last segment is
 * dropped even when the site name is unknown.
 */
final class TitleCleaner {

    private static final Pattern SEPARATORS = Pattern.compile("\\s+(?:\\||-|—|–|::|·|•|»|«|/)\\s+");
    private static final Pattern DOMAIN = Pattern.compile("(?i)^[\\w-]+(\\.[\\w-]+)*\\.[a-z]{2,}$");
    private static final Pattern DATE = Pattern.compile(
            "^(\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2})(,?\\s+\\d{1,2}[:.]\\d{2})?$");
    /**
     * A separator glued to the site name, as CJK titles write it ("…커졌다-정치ㅣ한국일보",
     * "…気象庁：朝日新聞デジタル"): the Hangul letter ㅣ and full-width forms stand in for a pipe. Not
     * a hyphen or a slash: glued, those make compounds ("Reform-Politik").
     */
    private static final Pattern GLUED_SEPARATOR = Pattern.compile("[|｜ㅣ:：·•»]$");
    /** A section glued in front of a glued site name ("-정치ㅣ"): one short word after a hyphen. */
    private static final Pattern GLUED_SECTION = Pattern.compile("(?U)-\\w{1,10}$");
    private static final Pattern BY_AUTHOR = Pattern.compile(
            "(?U)^(?i:" + AuthorNames.CREDIT_WORDS + "|автор)\\s+\\p{Lu}[\\p{L}.'-]*(\\s+\\p{Lu}[\\p{L}.'-]*){0,3}$");

    private TitleCleaner() {
    }

    /**
     * @param title            the raw headline (entities and whitespace already cleaned)
     * @param chromeNames      names that are chrome when they stand alone in a segment: the site
     *                         names, the section
     * @param host             the page's host, or null
     * @param fromTitleElement true for the {@code <title>} element
     * @return the headline, or null when blank
     */
    static String clean(String title, List<String> chromeNames, String host, boolean fromTitleElement) {
        String t = MetaText.clean(title);
        if (t == null) {
            return null;
        }
        t = withoutGluedSiteName(t, chromeNames);
        List<String> parts = new ArrayList<>(Arrays.asList(SEPARATORS.split(t)));
        if (parts.size() < 2) {
            return t;
        }
        List<String> seps = separators(t);
        int start = 0;
        int end = parts.size();
        boolean changed = false;
        while (end - start > 1 && isChrome(parts.get(end - 1), chromeNames, host, true)) {
            end--;
            changed = true;
        }
        while (end - start > 1 && isChrome(parts.get(start), chromeNames, host, false)) {
            start++;
            changed = true;
        }
        if (!changed && fromTitleElement && end - start >= 2) {
            String last = parts.get(end - 1);
            String rest = join(parts, seps, start, end - 1);
            if (Text.words(last) <= 4 && Text.words(rest) >= 3) {
                end--; // "Headline | Section | Outlet": outlets append, they rarely prepend
            }
        }
        return join(parts, seps, start, end);
    }

    /**
     * The title without a site name that ends it behind a separator written without spaces, and
     * without a one-word section glued in front of that separator. Spaced separators are left to
     * the segment rules of {@link #clean}.
     */
    static String withoutGluedSiteName(String t, List<String> names) {
        for (String name : names) {
            if (name.length() < 2 || t.length() <= name.length() || !t.endsWith(name)) {
                continue;
            }
            String rest = t.substring(0, t.length() - name.length());
            var sep = GLUED_SEPARATOR.matcher(rest);
            if (!sep.find()) {
                continue;
            }
            String head = rest.substring(0, sep.start()).strip();
            if (head.codePointCount(0, head.length()) < 8) {
                continue;
            }
            var section = GLUED_SECTION.matcher(head);
            if (section.find() && head.length() - section.group().length() >= 8) {
                head = head.substring(0, section.start());
            }
            return head;
        }
        return t;
    }

    private static List<String> separators(String t) {
        List<String> seps = new ArrayList<>();
        var m = SEPARATORS.matcher(t);
        while (m.find()) {
            seps.add(m.group());
        }
        return seps;
    }

    private static String join(List<String> parts, List<String> seps, int start, int end) {
        StringBuilder sb = new StringBuilder(parts.get(start));
        for (int i = start + 1; i < end; i++) {
            sb.append(seps.get(i - 1)).append(parts.get(i));
        }
        return sb.toString().strip();
    }

    private static boolean isChrome(String part, List<String> names, String host, boolean trailing) {
        String p = part.strip();
        if (p.isEmpty()) {
            return false;
        }
        if (DOMAIN.matcher(p).matches() || DATE.matcher(p).matches() || (trailing && BY_AUTHOR.matcher(p).matches())) {
            return true;
        }
        if (Page.isSiteName(p, names, host)) {
            return true;
        }
        // "Outlet Online", "Outlet.com - News": the site name and a word or two more.
        String k = MetaText.key(p);
        for (String s : names) {
            String sk = MetaText.key(s);
            if (sk.length() >= 3 && k.startsWith(sk) && Text.words(p) <= Text.words(s) + 2) {
                return true;
            }
        }
        return false;
    }
}
