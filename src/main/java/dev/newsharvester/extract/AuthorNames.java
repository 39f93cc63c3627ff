package dev.newsharvester.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns raw byline strings into person names: no "By", no e-mail addresses, handles, URLs, dates
 * or roles; several names in one string are split at "and", commas, ampersands and the like.
 */
final class AuthorNames {

    private static final Pattern URL = Pattern.compile("(?i)^(https?:|www\\.)|://");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern HANDLE = Pattern.compile("(^|\\s)@\\w+");
    private static final Pattern BRACKETS = Pattern.compile("\\([^)]*\\)|\\[[^]]*]|\\{[^}]*}");
    private static final Pattern PREFIX = Pattern.compile(
            "(?iU)^\\W*(written by|posted by|reported by|story by|words by|text by|by|from|author|authors|автор|авторка|"
                    + "автори|авторы|текст|від|от)\\b\\s*[:\\-–—]?\\s*");
    private static final Pattern SPLIT = Pattern.compile(
            "(?iU)\\s+(and|und|і|та|и)\\s+|\\s*[,;&|/\\n•]\\s*|\\s+[-–—]\\s+(?=\\p{Lu}\\p{Ll}+\\s+\\p{Lu})");
    private static final Pattern AFFILIATION = Pattern.compile("(?iU)\\s+[-–—]\\s+.*$|\\s+(at|for|in|of|для|из|з|із)\\s+\\p{Lu}.*$");
    private static final Pattern ROLE = Pattern.compile(
            "(?iU)\\b(staff|writer|correspondent|editor|editors|reporter|contributor|contributing|journalist|columnist|"
                    + "photographer|photo|desk|team|editorial|newsroom|agency|updated|published|press|service|"
                    + "кореспондент\\w*|журналіст\\w*|редактор\\w*|редакці\\w*|редакци\\w*|корреспондент\\w*|"
                    + "журналист\\w*|фотограф\\w*|оновлено|опубліковано|обновлено|опубликовано)\\b");

    private AuthorNames() {
    }

    /** Clean names from one raw value (empty when it holds none). */
    static List<String> clean(String raw) {
        List<String> out = new ArrayList<>();
        if (raw == null || raw.isBlank() || URL.matcher(raw.strip()).find()) {
            return out;
        }
        String s = EMAIL.matcher(raw).replaceAll(" ");
        s = HANDLE.matcher(s).replaceAll(" ");
        s = BRACKETS.matcher(s).replaceAll(" ");
        s = Text.collapse(s);
        s = PREFIX.matcher(s).replaceFirst("");
        for (String part : SPLIT.split(s)) {
            String name = cleanOne(part);
            if (name != null) {
                out.add(name);
            }
        }
        return out;
    }

    private static String cleanOne(String part) {
        String p = PREFIX.matcher(Text.collapse(part)).replaceFirst("");
        int digit = firstDigit(p);
        if (digit >= 0) {
            p = p.substring(0, digit); // "Anna Smith 23 August 2025"
        }
        p = AFFILIATION.matcher(p).replaceFirst("");
        p = p.replaceAll("^[\\p{P}\\p{S}\\s]+|[\\p{P}\\p{S}\\s&&[^.]]+$", "").strip();
        if (p.endsWith(".") && !p.matches(".*\\b\\p{L}\\.$")) {
            p = p.substring(0, p.length() - 1).strip();
        }
        if (p.length() < 3 || p.length() > 60 || ROLE.matcher(p).find() || p.contains("@")) {
            return null;
        }
        String[] words = p.split("\\s+");
        if (words.length > 5 || !Character.isLetter(p.codePointAt(0))) {
            return null;
        }
        if (p.equals(p.toUpperCase(Locale.ROOT)) && p.length() > 3) {
            p = titleCase(p); // "JOHN SMITH" -> "John Smith"
        }
        return p;
    }

    /** Adds names not already present (case-insensitive; a name inside a longer one is dropped). */
    static void addAll(List<String> target, List<String> names) {
        for (String n : names) {
            String k = n.toLowerCase(Locale.ROOT);
            boolean dup = false;
            for (int i = 0; i < target.size(); i++) {
                String t = target.get(i).toLowerCase(Locale.ROOT);
                if (t.equals(k) || t.contains(k)) {
                    dup = true;
                    break;
                }
                if (k.contains(t)) {
                    target.set(i, n);
                    dup = true;
                    break;
                }
            }
            if (!dup) {
                target.add(n);
            }
        }
    }

    private static int firstDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String titleCase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = !Character.isLetter(c);
        }
        return sb.toString();
    }
}
