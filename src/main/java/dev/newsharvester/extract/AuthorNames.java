package dev.newsharvester.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns raw byline strings into names: no "By", no e-mail addresses, handles, URLs, dates or
 * roles; several names in one string are split at "and" (in the languages of the outlets:
 * "і", "та", "и", "und", "og", "et", "y"…), commas, ampersands and the like.
 *
 * <p>Case is kept as the page prints it ("JÖRG ZSCHOCHE" stays): the name is data, not display.
 */
final class AuthorNames {

    private static final Pattern URL = Pattern.compile("(?i)^(https?:|www\\.)|://");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern HANDLE = Pattern.compile("(^|\\s)@\\w+");
    private static final Pattern BRACKETS = Pattern.compile("\\([^)]*\\)|\\[[^]]*]|\\{[^}]*}");
    /** "By", "Von:", "Автор:", "Written by": a credit word before the first name. */
    private static final Pattern PREFIX = Pattern.compile(
            "(?U)^\\W*(?i:(?:written|posted|reported|story|words|text|photos?)\\s+by|by|von|door|par|por|af|av|from|"
                    + "authors?|autor|autorin|автор|авторка|автори|авторы|текст|від|от)(?:\\s*[:\\-–—]\\s*|\\s+)(?=\\p{Lu}|\\p{Lo})");
    /** "Eine Analyse von", "A commentary by": the kind of piece, then the credit word. */
    private static final Pattern LEADING_PHRASE = Pattern.compile(
            "(?U)^(?i:(?:eine?|a|an|un|une)\\s+)?(?i:analyse|analysis|kommentar|commentary|kolumne|column|gastbeitrag|essay|"
                    + "reportage|interview|bericht|report|review|rezension|chronique|tribune|колонка|аналіз|анализ|"
                    + "коментар|комментарий)\\s+(?i:von|by|par|door|від|от)\\s+(?=\\p{Lu})");
    private static final Pattern CONJUNCTIONS = Pattern.compile(
            "(?U)\\s+(?i:and|und|og|och|et|y|en|і|та|и)\\s+|\\s*[;&|/\\n•·]\\s*|\\s+[-–—]\\s+(?=\\p{Lu}\\p{Ll}+\\s+\\p{Lu})");
    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");
    private static final Pattern AFFILIATION = Pattern.compile("(?U)\\s+[-–—]\\s+.*$|\\s+(?i:at|for|in|of|для|из|з|із)\\s+\\p{Lu}.*$");
    /** Words after which a byline carries dates and labels, not names. */
    private static final Pattern STOP = Pattern.compile(
            "(?iU)\\b(updated|published|posted|last updated|veröffentlicht|aktualisiert|stand|publié|mis à jour|publicado|"
                    + "actualizado|pubblicato|aggiornato|publisert|oppdatert|оновлено|опубліковано|обновлено|опубликовано|"
                    + "quelle|source|sendung)\\b.*$");
    private static final Pattern CREDIT = Pattern.compile(
            "(?iU)^(foto|fotos|photo|photos|bild|image|images|picture|illustration|video|credit|фото|відео|видео)\\b.*");
    private static final Pattern ROLE = Pattern.compile(
            "(?iU)^(staff|writer|writers|correspondent|editor|editors|reporter|reporters|contributor|contributing|journalist|"
                    + "columnist|photographer|senior|chief|special|political|deputy|managing|desk|team|editorial|newsroom|"
                    + "redakteur|redakteurin|korrespondent|korrespondentin|autor|autorin|reporterin|mitarbeiter|"
                    + "journaliste|rédacteur|rédactrice|correspondant|correspondante|envoyé|envoyée|redactor|redactora|"
                    + "periodista|corresponsal|giornalista|inviato|кореспондент\\w*|журналіст\\w*|редактор\\w*|"
                    + "корреспондент\\w*|журналист\\w*|фотограф\\w*|оглядач\\w*|обозреватель\\w*)$");
    /** A credit word standing alone ("By" in its own element): no name. */
    private static final Pattern CREDIT_WORD = Pattern.compile(
            "(?iU)(by|von|door|par|por|af|av|from|author|authors|autor|autorin|автор|автори|авторы|від|от|текст)");
    private static final Pattern NUMBER_TOKEN = Pattern.compile("(?U)(^|\\s)\\d");
    /** News agencies credited after the reporters ("Jane Doe, dpa"): kept, unlike a place after a name. */
    private static final Set<String> AGENCIES = Set.of(
            "ap", "afp", "dpa", "reuters", "sid", "epd", "kna", "apa", "sda", "ansa", "efe", "pa", "xinhua", "bloomberg",
            "ukrinform", "unian", "interfax", "tass", "ria", "ntb", "tt", "ritzau", "anp", "belga", "pap", "ctk", "mti",
            "укрінформ", "уніан", "інтерфакс", "интерфакс", "тасс", "риа");
    private static final Set<String> CALENDAR = Set.of(
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
            "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "am", "pm", "utc", "gmt",
            "uhr", "today", "yesterday", "сьогодні", "вчора", "сегодня", "вчера");

    private AuthorNames() {
    }

    /** Clean names from one raw value (empty when it holds none). */
    static List<String> clean(String raw) {
        List<String> out = new ArrayList<>();
        String s = MetaText.clean(raw);
        if (s == null || URL.matcher(s).find()) {
            return out;
        }
        s = EMAIL.matcher(s).replaceAll(" ");
        s = HANDLE.matcher(s).replaceAll(" ");
        s = BRACKETS.matcher(s).replaceAll(" ");
        s = Text.collapse(s);
        s = stripPrefix(s);
        for (String group : CONJUNCTIONS.split(s)) {
            String[] parts = COMMA.split(group);
            String first = null;
            for (int i = 0; i < parts.length; i++) {
                String name = cleanOne(parts[i]);
                if (name == null) {
                    continue;
                }
                // "Anna Sleegers, Frankfurt", "Jane Doe, Reuters": one word after a full name is a place
                // or an affiliation, not a second person.
                if (i > 0 && first != null && Text.words(first) >= 2 && !name.contains(" ") && isWordy(name)
                        && !AGENCIES.contains(name.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                if (first == null) {
                    first = name;
                }
                out.add(name);
            }
        }
        return out;
    }

    /** A news agency's name or acronym ("AP", "dpa", "Reuters"). */
    static boolean isAgency(String name) {
        return AGENCIES.contains(name.toLowerCase(Locale.ROOT));
    }

    private static boolean isWordy(String s) {
        return s.codePoints().anyMatch(Character::isLowerCase) || s.contains(".");
    }

    private static String stripPrefix(String s) {
        String t = LEADING_PHRASE.matcher(s).replaceFirst("");
        return PREFIX.matcher(t).replaceFirst("");
    }

    private static String cleanOne(String part) {
        String p = stripPrefix(Text.collapse(part));
        if (CREDIT.matcher(p).matches()) {
            return null;
        }
        p = STOP.matcher(p).replaceFirst("");
        p = cutAtNumber(p);
        p = AFFILIATION.matcher(p).replaceFirst("");
        p = p.replaceAll("^[\\p{P}\\p{S}\\s]+|[\\p{P}\\p{S}\\s&&[^.]]+$", "").strip();
        if (p.endsWith(".") && !p.matches("(?U).*\\b\\p{L}\\.$")) {
            p = p.substring(0, p.length() - 1).strip();
        }
        p = stripRoles(p);
        if (p == null || p.codePointCount(0, p.length()) < 2 || p.length() > 60 || p.contains("@")) {
            return null;
        }
        String[] words = p.split("\\s+");
        if (words.length > 5 || !Character.isLetter(p.codePointAt(0))) {
            return null;
        }
        if (words.length == 1 && (CALENDAR.contains(p.toLowerCase(Locale.ROOT)) || CREDIT_WORD.matcher(p).matches())) {
            return null;
        }
        return p;
    }

    /**
     * Everything from the first token that starts with a digit ("Anna Smith 23 August 2025"), and a
     * month or weekday name just before it; digits inside a word stay ("BR24 Redaktion").
     */
    private static String cutAtNumber(String p) {
        Matcher m = NUMBER_TOKEN.matcher(p);
        if (!m.find()) {
            return p;
        }
        String head = p.substring(0, m.start()).strip();
        List<String> words = new ArrayList<>(Arrays.asList(head.split("\\s+")));
        while (!words.isEmpty() && CALENDAR.contains(words.get(words.size() - 1).toLowerCase(Locale.ROOT).replace(",", ""))) {
            words.remove(words.size() - 1);
        }
        return String.join(" ", words);
    }

    /** Role words at either end go ("Nicole Opitz Redakteurin"); a name that was only roles is none. */
    private static String stripRoles(String p) {
        List<String> words = new ArrayList<>(Arrays.asList(p.split("\\s+")));
        boolean stripped = false;
        while (!words.isEmpty() && ROLE.matcher(words.get(words.size() - 1)).matches()) {
            words.remove(words.size() - 1);
            stripped = true;
        }
        while (!words.isEmpty() && ROLE.matcher(words.get(0)).matches()) {
            words.remove(0);
            stripped = true;
        }
        if (words.isEmpty() || (stripped && words.size() < 2)) {
            return null; // "Staff Writer", "Guardian staff reporter": a role, not a name
        }
        return String.join(" ", words);
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
}
