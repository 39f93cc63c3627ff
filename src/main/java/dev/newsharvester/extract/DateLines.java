package dev.newsharvester.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Datelines: lines made of a date and time ("Updated: 19 November 2019, 09:01 AM", "Stand:
 * 22.04.2024, 06:00 Uhr", "기사입력 2018-09-28 17:32"), a date with a byline ("Posted on 30 March
 * 2015 by Admin"), or a place and an agency around a bullet ("Kyiv • CNA"). Prices and phone
 * numbers are not dates.
 */
final class DateLines {

    /** Words a date or dateline is made of, in the languages the outlets write in. */
    private static final Set<String> DATE_WORDS = Lexicon.union(Lexicon.MONTHS.keySet(), Lexicon.WEEKDAYS, Set.copyOf(List.of((
            "updated published posted last first modified on at am pm a.m p.m gmt utc eet eest cet cest est edt bst "
                    + "pt et ct mt pst pdt cst cdt ist msk kst jst aest stand uhr h hrs "
                    + "оновлено опубліковано обновлено опубликовано сьогодні вчора сегодня вчера о в г р року года year "
                    // German, French, Spanish, Portuguese, Italian, Indonesian labels and particles
                    + "veröffentlicht aktualisiert erschienen am um publié mis à jour le publicado actualizado "
                    + "actualizada de del las a atualizado às pubblicato aggiornato alle il diperbarui dipublikasikan pada "
                    + "pukul wib "
                    + "기사입력 입력 수정 승인 등록 발행").split(" "))));

    private DateLines() {
    }

    /**
     * A dateline: segments (split at {@code | • ·}) that are dates ("Updated: 19 November 2019,
     * 09:01 AM"), a date with a byline ("Posted on 30 March 2015 by Admin"), or a few words of
     * place and agency beside a date or a bullet ("Kyiv • UNN").
     */
    static boolean isDateline(String t) {
        if (!hasDigitOrBullet(t) || hasCurrency(t)) {
            return false;
        }
        String[] segments = t.split("\\s*[|•·]\\s*");
        boolean anyDate = false;
        for (String seg : segments) {
            if (seg.isEmpty()) {
                continue;
            }
            if (isDate(seg)) {
                anyDate = true;
            } else if (segments.length == 1 || words(seg).size() > 4 || endsSentence(seg)) {
                return false;
            }
        }
        if (anyDate) {
            return true;
        }
        // "Kyiv • UNN", "WASHINGTON | Reuters": a few words around a bullet, no sentence.
        return segments.length > 1 && words(t).size() <= 6 && !t.matches("^\\W*[•·].*") && !endsSentence(t);
    }

    private static boolean hasCurrency(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.getType(t.charAt(i)) == Character.CURRENCY_SYMBOL) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigitOrBullet(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if ((c >= '0' && c <= '9') || c == '|' || c == '•' || c == '·' || Character.isDigit(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsSentence(String s) {
        return s.matches(".*[.!?]\\s*$") && !s.matches(".*\\b(a\\.m|p\\.m|am|pm)\\.\\s*$");
    }

    /**
     * Date and time words and numbers only, with a digit and something only a date has (a month or
     * day name, a year, a time, 22.04.2024), optionally followed by "by" and a name.
     */
    private static boolean isDate(String s) {
        List<String> ws = words(s);
        boolean digit = false;
        boolean datelike = false;
        for (int i = 0; i < ws.size(); i++) {
            String w = ws.get(i);
            if (isNumberToken(w)) {
                digit = true;
                datelike |= isDateNumber(w);
            } else if (DATE_WORDS.contains(w)) {
                datelike |= w.length() > 3;
            } else {
                // "... by Admin": a byline after the date
                return digit && datelike && i > 0 && BY_WORDS.contains(w) && ws.size() - i - 1 <= 3
                        && ws.size() - i - 1 >= 1;
            }
        }
        return digit && datelike;
    }

    /**
     * A year (1900–2099), a time or a day-month group: 2019, 17:32, 22.04.2024, 05/10/2018; not a
     * price (139.00) or a phone number part (751).
     */
    private static boolean isDateNumber(String w) {
        if (w.length() == 4 && Character.isDigit(w.charAt(3))) {
            return w.startsWith("19") || w.startsWith("20");
        }
        int sep = -1;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c == ':' || c == '.' || c == '/') {
                sep = i;
                break;
            }
        }
        return sep >= 1 && sep <= 2 && sep < w.length() - 1;
    }

    private static final Set<String> BY_WORDS = Lexicon.CREDIT_WORDS;

    /** 2019, 12th, 17:32, 22.04.2024, 05/10/2018, 9h30. */
    private static boolean isNumberToken(String w) {
        if (w.isEmpty() || !Character.isDigit(w.charAt(0))) {
            return false;
        }
        int i = 0;
        while (i < w.length() && (Character.isDigit(w.charAt(i)) || ":./-h".indexOf(w.charAt(i)) >= 0)) {
            i++;
        }
        String rest = w.substring(i);
        return rest.isEmpty() || rest.equals("st") || rest.equals("nd") || rest.equals("rd") || rest.equals("th")
                || rest.equals("am") || rest.equals("pm") || rest.equals("uhr") || rest.equals("h");
    }

    /** Lower-case words with surrounding punctuation removed; separators are spaces, commas, brackets, dashes. */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.split("[\\s,()\\[\\]\\-–—:;]+")) {
            int a = 0;
            int b = w.length();
            while (a < b && !Character.isLetterOrDigit(w.charAt(a))) {
                a++;
            }
            while (b > a && !Character.isLetterOrDigit(w.charAt(b - 1))) {
                b--;
            }
            if (a < b) {
                out.add(w.substring(a, b).toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** A date or time word, or a number of a date. */
    static boolean isDateWord(String w) {
        return DATE_WORDS.contains(w) || isNumberToken(w);
    }
}
