package dev.newsharvester.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Paragraph-level clean-up after serialisation: drops the lines that survive DOM cleaning but
 * are not the article: "Read also" inserts, advertisement labels, share-word lines, captions
 * and credits, the headline, bylines, datelines, counters, tag lines and support appeals;
 * repeated paragraphs; trailing headings.
 */
final class LineFilter {

    private static final Pattern READ_ALSO = Pattern.compile(
            "(?iU)^\\W*(read also|also read|read more|see also|related( stories| articles| news)?|more on (this|the) topic|"
                    + "recommended|читайте також|також читайте|читайте ще|читайте|дивіться також|по темі|більше на тему|"
                    + "читайте также|также читайте|читайте еще|смотрите также|по теме|больше по теме)\\s*[:.!»\\-–—]");
    private static final Pattern AD_LABEL = Pattern.compile(
            "(?iU)^\\W*(advertisement|advertising|ad|ads|sponsored( content)?|реклама|рекламa|scroll to continue( with content)?|"
                    + "continue reading( below)?|story continues below( advertisement)?|article continues below)\\W*$");
    private static final Set<String> SHARE_WORDS = Set.of(
            "share", "shares", "sharing", "tweet", "facebook", "twitter", "x", "telegram", "whatsapp", "viber",
            "linkedin", "email", "e", "mail", "print", "copy", "link", "pinterest", "reddit", "flipboard",
            "pocket", "messenger", "instagram", "youtube", "threads", "bluesky", "this", "article", "on", "via",
            "the", "comments", "comment", "поділитися", "поширити", "поделиться", "копіювати", "скопіювати",
            "посилання", "ссылку", "ссылка", "скопировать", "друк", "печать", "надіслати", "отправить", "more",
            "mehr", "drucken", "whatsApp");
    private static final Pattern CAPTION = Pattern.compile(
            "(?iU)^\\W*(photo|photos|фото|фото ілюстративне|ілюстративне фото|иллюстративное фото|image|images|picture|"
                    + "illustration|ілюстрація|иллюстрация|credit|credits|video|відео|видео|колаж|коллаж|collage|"
                    + "photograph|джерело фото|источник фото)\\s*(:|©|by\\b|—|–|-|/)");
    private static final Pattern COUNTER = Pattern.compile(
            "(?iU)^\\W*(\\d[\\d\\s.,kKтис]*\\s*(views?|reads?|comments?|переглядів|перегляди|перегляд|просмотров|просмотра|"
                    + "просмотр|коментар\\w*|комментар\\w*)|(views?|переглядів|перегляди|просмотры|просмотров)\\W*\\d[\\d\\s.,]*|"
                    + "\\d+\\s*(min|mins|minutes?|хв|хвилин\\w*|мин|минут\\w*)\\.?\\s*(read|reading|читання|чтения))\\W*$");
    private static final Pattern TAG_LINE = Pattern.compile(
            "(?iU)^\\W*(tags|tag|теги|теґи|мітки|метки|topics|теми|темы|keywords)\\s*:.{0,200}$");
    private static final Pattern APPEAL = Pattern.compile(
            "(?iU)^\\W*((support|subscribe|follow|join|donate|sign up|read us|підтримайте|підтримай|підпишіться|"
                    + "підписуйтесь|слідкуйте|стежте|приєднуйтесь|читайте нас|поддержите|поддержи|подпишитесь|"
                    + "подписывайтесь|следите|присоединяйтесь)\\b.*\\b(patreon|telegram|телеграм\\w*|viber|facebook|"
                    + "instagram|youtube|twitter|newsletters?|розсилк\\w*|рассылк\\w*|google news|channel|канал\\w*|"
                    + "club|клуб\\w*)\\b.*|(support|підтримайте|поддержите) (us|нас)\\W*)$");
    private static final Pattern DATE_WORDS = Pattern.compile(
            "(?iU)(updated|published|posted|last|modified|on|at|am|pm|gmt|utc|eet|eest|cet|cest|est|edt|bst|"
                    + "оновлено|опубліковано|обновлено|опубликовано|сьогодні|вчора|сегодня|вчера|о|в|"
                    + "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|"
                    + "понеділок|вівторок|середа|четвер|пʼятниця|п'ятниця|субота|неділя|понедельник|вторник|среда|"
                    + "четверг|пятница|суббота|воскресенье|"
                    + "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|"
                    + "august|september|october|november|december|січня|лютого|березня|квітня|травня|червня|липня|"
                    + "серпня|вересня|жовтня|листопада|грудня|січень|лютий|березень|квітень|травень|червень|липень|"
                    + "серпень|вересень|жовтень|листопад|грудень|января|февраля|марта|апреля|мая|июня|июля|августа|"
                    + "сентября|октября|ноября|декабря|г|р|року|года|year|\\d+(st|nd|rd|th)?|\\d+[:.]\\d+([:.]\\d+)?)");

    private LineFilter() {
    }

    /** What the filter knows about the page: headline and author names. */
    record Context(String title, List<String> authors) {
    }

    static List<Block> filter(List<Block> blocks, Context ctx) {
        List<Block> kept = new ArrayList<>();
        Set<String> seenLong = new HashSet<>();
        String titleKey = Text.key(ctx.title());
        for (Block b : blocks) {
            String t = b.text().strip();
            if (t.isEmpty() || isJunk(t, b, ctx, titleKey)) {
                continue;
            }
            String key = Text.key(t);
            if (!kept.isEmpty() && Text.key(kept.get(kept.size() - 1).text()).equals(key)) {
                continue; // consecutive repeat
            }
            if (key.length() >= 50 && !seenLong.add(key)) {
                continue; // the same paragraph again (sticky headers, recovered text)
            }
            kept.add(t.equals(b.text()) ? b : new Block(t, b.kind(), b.linkChars()));
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isHeading()) {
            kept.remove(kept.size() - 1);
        }
        return kept;
    }

    static boolean isJunk(String t, Block b, Context ctx, String titleKey) {
        int len = t.length();
        if (len < 150 && b.linkDensity() >= 0.8 && !isUrl(t) && !isSentence(t)) {
            return true; // a linked headline or a menu entry standing alone (a printed address is content)
        }
        if (!titleKey.isEmpty() && len < 400) {
            String k = Text.key(t);
            if (k.equals(titleKey) || (b.isHeading() && Text.wordSimilarity(t, ctx.title()) >= 0.75)) {
                return true;
            }
        }
        if (len < 300 && READ_ALSO.matcher(t).find()) {
            return true;
        }
        if (len < 60 && (AD_LABEL.matcher(t).matches() || COUNTER.matcher(t).matches())) {
            return true;
        }
        if (len < 250 && CAPTION.matcher(t).find()) {
            return true;
        }
        if (len < 250 && TAG_LINE.matcher(t).matches()) {
            return true;
        }
        if (len < 200 && APPEAL.matcher(t).matches()) {
            return true;
        }
        if (len < 80 && isShareLine(t)) {
            return true;
        }
        if (len < 80 && isDateOrDateline(t)) {
            return true;
        }
        return len < 150 && isByline(t, ctx.authors());
    }

    /** A sentence of four words or more, ended by a full stop or exclamation mark (headlines have none). */
    private static boolean isSentence(String t) {
        char last = t.charAt(t.length() - 1);
        return (last == '.' || last == '!') && !t.endsWith("...") && t.split(" ", 5).length >= 4;
    }

    private static boolean isUrl(String t) {
        return t.regionMatches(true, 0, "http", 0, 4) || t.regionMatches(true, 0, "www.", 0, 4);
    }

    private static boolean isShareLine(String t) {
        String[] words = t.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        int n = 0;
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            if (!SHARE_WORDS.contains(w)) {
                return false;
            }
            n++;
        }
        return n > 0;
    }

    /** A line made only of date/time words and numbers, or a short "Kyiv • UNN" dateline. */
    private static boolean isDateOrDateline(String t) {
        String[] words = t.split("[\\s,|•·/()\\-–—]+");
        int n = 0;
        boolean allDate = true;
        boolean anyDigit = false;
        for (String w : words) {
            String x = w.replaceAll("^\\p{P}+|\\p{P}+$", "");
            if (x.isEmpty()) {
                continue;
            }
            n++;
            if (x.chars().anyMatch(Character::isDigit)) {
                anyDigit = true;
            }
            if (!DATE_WORDS.matcher(x).matches()) {
                allDate = false;
            }
        }
        if (n > 0 && allDate && anyDigit) {
            return true;
        }
        // "Kyiv • UNN", "WASHINGTON | Reuters": a few words around a bullet, no sentence.
        return (t.contains("•") || t.contains(" | ") || t.contains("·")) && n <= 6
                && !t.matches("^\\W*[•·].*") && !t.matches(".*[.!?]\\s*$");
    }

    /** A line that is only author names with "By", connectors, dates and punctuation around them. */
    private static boolean isByline(String t, List<String> authors) {
        String rest = t;
        boolean hadName = false;
        for (String a : authors) {
            if (a.length() >= 3) {
                String r = rest.replaceAll("(?iU)" + Pattern.quote(a), " ");
                hadName |= !r.equals(rest);
                rest = r;
            }
        }
        if (!hadName) {
            return rest.matches("(?u)^(By|BY)\\s+\\p{Lu}[\\p{L}.'’-]+(\\s+\\p{Lu}[\\p{L}.'’-]+){0,3}"
                    + "((\\s*,\\s*|\\s+and\\s+)\\p{Lu}[\\p{L}.'’-]+(\\s+\\p{Lu}[\\p{L}.'’-]+){0,3})*\\s*$");
        }
        String left = rest.replaceAll("(?iU)\\b(by|and|text|photo|author|authors|автор|авторка|автори|текст|фото|і|та|и|від|от)\\b", " ");
        for (String w : left.split("[\\s,|•·/()\\-–—:;&]+")) {
            String x = w.replaceAll("^\\p{P}+|\\p{P}+$", "");
            if (!x.isEmpty() && !DATE_WORDS.matcher(x).matches()) {
                return false;
            }
        }
        return true;
    }
}
