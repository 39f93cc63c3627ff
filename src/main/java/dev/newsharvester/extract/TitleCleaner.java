package dev.newsharvester.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Strips the site name from a headline: a leading or trailing segment (after " | ", " - ", " — ",
 * " – ", " :: ", " · ", " • ", " » ") that equals the site name, the host name or looks like a
 * domain. For the {@code <title>} element, where outlets always append something, a short last
 * segment is dropped even when the site name is unknown.
 */
final class TitleCleaner {

    private static final Pattern SEPARATORS = Pattern.compile("\\s+(?:\\||-|—|–|::|·|•|»|«|/)\\s+");
    private static final Pattern DOMAIN = Pattern.compile("(?i)^[\\w-]+(\\.[\\w-]+)*\\.[a-z]{2,}$");

    private TitleCleaner() {
    }

    static String clean(String title, List<String> siteNames, String host, boolean fromTitleElement) {
        String t = Text.blankToNull(title);
        if (t == null) {
            return null;
        }
        List<String> parts = new ArrayList<>(Arrays.asList(SEPARATORS.split(t)));
        if (parts.size() < 2) {
            return t;
        }
        List<String> seps = separators(t);
        int start = 0;
        int end = parts.size();
        boolean changed = false;
        while (end - start > 1 && isSite(parts.get(end - 1), siteNames, host)) {
            end--;
            changed = true;
        }
        while (end - start > 1 && isSite(parts.get(start), siteNames, host)) {
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

    private static boolean isSite(String part, List<String> siteNames, String host) {
        String k = Text.key(part);
        if (k.isEmpty()) {
            return false;
        }
        for (String s : siteNames) {
            String sk = Text.key(s);
            if (!sk.isEmpty() && (k.equals(sk) || (k.startsWith(sk) && Text.words(part) <= Text.words(s) + 2))) {
                return true;
            }
        }
        if (DOMAIN.matcher(part.strip()).matches()) {
            return true;
        }
        if (host != null && !host.isEmpty()) {
            String h = host.toLowerCase(java.util.Locale.ROOT).replaceFirst("^(www|m|amp)\\.", "");
            String stem = Text.key(h.contains(".") ? h.substring(0, h.indexOf('.')) : h);
            return k.equals(stem) || k.equals(Text.key(h));
        }
        return false;
    }
}
