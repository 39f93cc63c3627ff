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
    private static final Pattern BRACKETS = Pattern.compile("\\([^)]*\\)|\\[[^]]*]|\\{[^}]*}|（[^）]*）");
    /**
     * The credit words before a name ("By", "Von", "Від", …) as an alternation; not Italian "di", which is
     * also a surname particle ("Di Maio").
     */
    static final String CREDIT_WORDS = Lexicon.anyOf(Lexicon.except(Lexicon.CREDIT_WORDS, "di"));
    /** "By", "Von:", "Автор:", "Written by": a credit word before the first name. */
    private static final Pattern PREFIX = Pattern.compile(
            "(?U)^\\W*(?i:(?:written|posted|reported|story|words|text|photos?)\\s+by|" + CREDIT_WORDS + "|from|"
                    + "authors?|autor|autorin|автор|авторка|автори|авторы|текст)(?:\\s*[:\\-–—]\\s*|\\s+)(?=\\p{Lu}|\\p{Lo})"
                    // "by admin", "by the editors": no name particle starts with "by"
                    + "|^\\W*(?i:by)\\s+(?=\\p{Ll})"
                    // Chinese and Japanese credit labels take a colon: 作者：, 责编：, 文／
                    + "|^\\W*(?:作者|记者|記者|责任编辑|責任編輯|责编|責編|编辑|編輯|撰文|文)\\s*[:：/／]\\s*");
    /** "Eine Analyse von", "A commentary by": the kind of piece, then the credit word. */
    private static final Pattern LEADING_PHRASE = Pattern.compile(
            "(?U)^(?i:(?:eine?|a|an|un|une)\\s+)?(?i:analyse|analysis|kommentar|commentary|kolumne|column|gastbeitrag|essay|"
                    + "reportage|interview|bericht|report|review|rezension|chronique|tribune|колонка|аналіз|анализ|"
                    + "коментар|комментарий)\\s+(?i:" + CREDIT_WORDS + ")\\s+(?=\\p{Lu})");
    /** Names split at "and" in the outlets' languages; not Italian and Portuguese "e", a name particle too. */
    private static final Pattern CONJUNCTIONS = Pattern.compile(
            "(?U)\\s+(?i:" + Lexicon.anyOf(Lexicon.except(Lexicon.AND_WORDS, "e")) + ")\\s+|\\s*[;&|/\\n•·、／；]\\s*|\\s+[-–—]\\s+(?=\\p{Lu}\\p{Ll}+\\s+\\p{Lu})");
    private static final Pattern COMMA = Pattern.compile("\\s*[,，]\\s*");
    private static final Pattern AFFILIATION = Pattern.compile("(?U)\\s+[-–—]\\s+.*$|\\s+(?i:at|for|in|of|для|из|з|із)\\s+\\p{Lu}.*$");
    /** "in News", "at Reuters", "in": what follows a name after a comma ("By TPN, in News"), not a name. */
    private static final Pattern PLACE_OR_SECTION = Pattern.compile("(?U)^(?:in|at|for|of|on|from|für|aus|im|dans|em)(?:\\s+\\p{Lu}.*)?$");
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
    /**
     * Roles in scripts written without spaces, which may also be glued to the name ("신현주기자") or
     * to the outlet before it ("本报记者"): Korean, Chinese and Japanese reporter, correspondent,
     * editor and columnist titles.
     */
    private static final Pattern CJK_ROLE = Pattern.compile(
            "(기자|특파원|논설위원|편집위원|칼럼니스트|통신원|선임기자|전문기자|객원기자|인턴기자|수습기자|"
                    + "记者|記者|特约记者|特約記者|特派记者|特派記者|通讯员|通訊員|责任编辑|責任編輯|责编|責編|编辑|編輯|"
                    + "主编|主編|实习生|實習生|特派员|特派員|論説委員|編集委員|編集部|解説委員)$");
    /** A credit word standing alone ("By" in its own element): no name. */
    private static final Pattern CREDIT_WORD = Pattern.compile(
            "(?iU)(" + CREDIT_WORDS + "|from|author|authors|autor|autorin|автор|автори|авторы|текст)");
    /** Scripts written without spaces between words: one word may be a whole name. */
    static final Pattern NO_SPACES = Pattern.compile("[\\p{IsHan}\\p{IsHangul}\\p{IsHiragana}\\p{IsKatakana}\\p{IsThai}]+");
    private static final Pattern NUMBER_TOKEN = Pattern.compile("(?U)(^|\\s)\\d");
    /** News agencies credited after the reporters ("Jane Doe, dpa"): kept, unlike a place after a name. */
    private static final Set<String> AGENCIES = Set.of(
            "ap", "afp", "dpa", "reuters", "sid", "epd", "kna", "apa", "sda", "ansa", "efe", "pa", "xinhua", "bloomberg",
            "ukrinform", "unian", "interfax", "tass", "ria", "ntb", "tt", "ritzau", "anp", "belga", "pap", "ctk", "mti",
            "укрінформ", "уніан", "інтерфакс", "интерфакс", "тасс", "риа");
    /** CMS logins a byline may print ("by admin"): no one. */
    private static final Set<String> LOGINS = Set.of(
            "admin", "administrator", "webmaster", "siteadmin", "superuser", "root", "guest", "anonymous", "unknown");
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
        if (PLACE_OR_SECTION.matcher(p).matches()) {
            return null;
        }
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
        if (words.length == 1 && (CALENDAR.contains(p.toLowerCase(Locale.ROOT)) || LOGINS.contains(p.toLowerCase(Locale.ROOT))
                || CREDIT_WORD.matcher(p).matches())) {
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

    /**
     * Role words at either end go ("Nicole Opitz Redakteurin", "신현주 기자", "记者 牛镛"); a name that
     * was only roles is none. A CJK role glued to the end of the last word goes from it ("신현주기자");
     * a first word ending in one is the outlet's "our reporter" ("本报记者 张三") and goes whole, and
     * so does a place before a role or an equals sign ("워싱턴 특파원 박지훈", "워싱턴=박지훈 특파원").
     */
    private static String stripRoles(String p) {
        List<String> words = new ArrayList<>(Arrays.asList(p.split("\\s+")));
        if (!words.isEmpty() && words.get(0).indexOf('=') > 0 && NO_SPACES.matcher(words.get(0).substring(0, words.get(0).indexOf('='))).matches()) {
            words.set(0, words.get(0).substring(words.get(0).indexOf('=') + 1));
        }
        boolean stripped = false;
        for (int i = words.size() - 2; i > 0; i--) {
            if (CJK_ROLE.matcher(words.get(i)).matches()) {
                words.subList(0, i + 1).clear();
                stripped = true;
                break;
            }
        }
        while (!words.isEmpty() && isRole(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
            stripped = true;
        }
        while (!words.isEmpty() && (isRole(words.get(0)) || (words.size() > 1 && CJK_ROLE.matcher(words.get(0)).find()))) {
            words.remove(0);
            stripped = true;
        }
        if (words.size() == 1) {
            Matcher glued = CJK_ROLE.matcher(words.get(0));
            if (glued.find() && glued.start() >= 2) {
                words.set(0, words.get(0).substring(0, glued.start()));
                stripped = true;
            }
        }
        if (words.isEmpty()) {
            return null;
        }
        // "Staff Writer", "Guardian staff reporter": a role, not a name; one word written without
        // spaces ("신현주") is a whole name.
        if (stripped && words.size() < 2 && !NO_SPACES.matcher(words.get(0)).matches()) {
            return null;
        }
        return String.join(" ", words);
    }

    private static boolean isRole(String word) {
        return ROLE.matcher(word).matches() || CJK_ROLE.matcher(word).matches();
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
