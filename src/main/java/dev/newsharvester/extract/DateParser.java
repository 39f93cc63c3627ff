package dev.newsharvester.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date formats news pages use: ISO 8601 with or without an offset ({@code +0300},
 * {@code +03}, {@code Z}), a space instead of {@code T}, RFC 1123, and day–month–year text in
 * English, Ukrainian and Russian ({@code 23 August 2025, 11:07}, {@code 23 серпня 2025},
 * {@code August 23, 2025}, {@code 23.08.2025 11:07}) and year first as East Asian pages write it
 * ({@code 2026.01.29 18:40}, {@code 2024年04月24日23:52}). A value without an offset is read in the
 * given zone; the offset the page gave is kept. Dates before 1995 or more than two days ahead
 * are rejected as noise.
 */
final class DateParser {

    private static final Pattern SPACE_T = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})[ T]+(\\d{1,2}:\\d{2})");
    private static final Pattern SPACE_OFFSET = Pattern.compile("(T[\\d:.]+)\\s+([+-]\\d{2}:?\\d{2})$");
    private static final Pattern TEXT_OFFSET = Pattern.compile(
            "\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*(?:UTC|GMT)\\s*|\\s+)([+-]\\d{1,2}(?::?\\d{2})?)\\b|\\d{1,2}:\\d{2}\\s*(?:UTC|GMT)\\b");
    private static final Pattern OFFSET_NO_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");
    private static final Pattern OFFSET_HOURS = Pattern.compile("(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)([+-]\\d{2})$");
    private static final Pattern UTC_SUFFIX = Pattern.compile("\\s*(UTC|GMT)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME = Pattern.compile("(?<!\\d)(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?iU)\\b(\\d{1,2})(?:st|nd|rd|th|er|º)?\\.?\\s+(?:de\\s+)?(\\p{L}+)\\.?,?\\s+(?:de\\s+)?(\\d{4})");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("(?iU)\\b(\\p{L}+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");
    private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})[./](\\d{1,2})[./](\\d{4})\\b");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    /** Year first, as East Asian pages write it: 2026.01.29, 2026/1/29, 2024年04月24日, 2024년 4월 24일. */
    private static final Pattern YEAR_FIRST = Pattern.compile(
            "(?<!\\d)(\\d{4})(?:[./]|\\s*[年년]\\s*)(\\d{1,2})(?:[./]|\\s*[月월]\\s*)(\\d{1,2})(?:\\s*[日일])?(?!\\d)");
    /** Korean, Chinese and Japanese "a.m."/"p.m.", written before the time. */
    private static final Pattern CJK_AM_PM = Pattern.compile("(오전|오후|上午|下午|午前|午後)\\s*$");
    private static final Set<String> CJK_PM = Set.of("오후", "下午", "午後");
    private static final Map<String, Integer> MONTHS = Lexicon.MONTHS;

    private DateParser() {
    }

    /**
     * A date read from a page.
     *
     * @param at          the instant with the offset the page gave, or the zone's offset
     * @param offsetGiven true when the page stated the offset (or "Z", "UTC", "GMT")
     * @param timeGiven   true when the page stated a time of day, not only a date
     */
    record Parsed(OffsetDateTime at, boolean offsetGiven, boolean timeGiven) {
    }

    /** The instant with its offset, or null when the text holds no plausible date. */
    static OffsetDateTime parse(String raw, ZoneId zone) {
        Parsed p = parseDetailed(raw, zone);
        return p == null ? null : p.at();
    }

    /** Like {@link #parse} but says whether the offset and the time of day were given; null when no date. */
    static Parsed parseDetailed(String raw, ZoneId zone) {
        if (raw == null) {
            return null;
        }
        String s = Text.collapse(raw);
        if (s.isEmpty() || s.length() > 200) {
            return null;
        }
        Parsed d = parseIso(s, zone);
        if (d == null) {
            d = parseText(s, zone);
        }
        return d != null && plausible(d.at()) ? d : null;
    }

    private static Parsed parseIso(String s, ZoneId zone) {
        String x = SPACE_T.matcher(s).replaceFirst("$1T$2");
        x = UTC_SUFFIX.matcher(x).replaceFirst("Z");
        if (x.contains("T")) {
            x = SPACE_OFFSET.matcher(x).replaceFirst("$1$2");
            x = OFFSET_NO_COLON.matcher(x).replaceFirst("$1:$2");
            x = OFFSET_HOURS.matcher(x).replaceFirst("$1$4:00");
        }
        try {
            return new Parsed(OffsetDateTime.parse(x, DateTimeFormatter.ISO_OFFSET_DATE_TIME), true, true);
        } catch (DateTimeException ignored) {
            // next format
        }
        try {
            return new Parsed(ZonedDateTime.parse(x, DateTimeFormatter.ISO_ZONED_DATE_TIME).toOffsetDateTime(), true, true);
        } catch (DateTimeException ignored) {
            // next format
        }
        try {
            return new Parsed(LocalDateTime.parse(x, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(zone).toOffsetDateTime(),
                    false, true);
        } catch (DateTimeException ignored) {
            // next format
        }
        try {
            return new Parsed(LocalDate.parse(x, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(zone).toOffsetDateTime(),
                    false, false);
        } catch (DateTimeException ignored) {
            // next format
        }
        try {
            return new Parsed(OffsetDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME), true, true);
        } catch (DateTimeException ignored) {
            // next format
        }
        if (s.matches("\\d{10}|\\d{13}")) { // epoch seconds or millis: an instant, shown in the zone
            long v = Long.parseLong(s);
            Instant i = s.length() == 10 ? Instant.ofEpochSecond(v) : Instant.ofEpochMilli(v);
            return new Parsed(i.atZone(zone).toOffsetDateTime(), true, true);
        }
        return null;
    }

    private static Parsed parseText(String s, ZoneId zone) {
        LocalDate date = null;
        int dateEnd = -1;
        Matcher m = DAY_MONTH_YEAR.matcher(s);
        while (date == null && m.find()) {
            Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
            if (month != null) {
                date = safeDate(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)));
                dateEnd = m.end();
            }
        }
        if (date == null) {
            m = MONTH_DAY_YEAR.matcher(s);
            while (date == null && m.find()) {
                Integer month = MONTHS.get(m.group(1).toLowerCase(Locale.ROOT));
                if (month != null) {
                    date = safeDate(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(2)));
                    dateEnd = m.end();
                }
            }
        }
        if (date == null) {
            m = ISO_DATE.matcher(s);
            if (m.find()) {
                date = safeDate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                dateEnd = m.end();
            }
        }
        if (date == null) {
            m = YEAR_FIRST.matcher(s);
            if (m.find()) {
                date = safeDate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                dateEnd = m.end();
            }
        }
        if (date == null) {
            m = NUMERIC.matcher(s);
            if (m.find()) { // day first, as in Europe; swap when the "month" cannot be one
                int a = Integer.parseInt(m.group(1));
                int b = Integer.parseInt(m.group(2));
                date = b > 12 ? safeDate(Integer.parseInt(m.group(3)), a, b) : safeDate(Integer.parseInt(m.group(3)), b, a);
                dateEnd = m.end();
            }
        }
        if (date == null) {
            return null;
        }
        LocalTime time = LocalTime.MIDNIGHT;
        boolean timeGiven = false;
        Matcher t = TIME.matcher(s);
        // Prefer a time after the date ("23 August 2025, 11:07"), else one before it ("11:07, 23.08.2025").
        if (t.find(dateEnd) || t.find(0)) {
            int h = Integer.parseInt(t.group(1));
            int min = Integer.parseInt(t.group(2));
            String ampm = t.group(4);
            Matcher before = CJK_AM_PM.matcher(s.substring(Math.max(0, t.start() - 4), t.start()));
            if (ampm != null) {
                boolean pm = ampm.toLowerCase(Locale.ROOT).startsWith("p");
                h = h % 12 + (pm ? 12 : 0);
            } else if (before.find()) { // "오후 3:20", "下午3:20": the half of the day comes first
                h = h % 12 + (CJK_PM.contains(before.group(1)) ? 12 : 0);
            }
            if (h < 24 && min < 60) {
                time = LocalTime.of(h, min, t.group(3) == null ? 0 : Math.min(59, Integer.parseInt(t.group(3))));
                timeGiven = true;
            }
        }
        Matcher o = TEXT_OFFSET.matcher(s);
        if (o.find()) { // "11:07 GMT+3", "11:07 UTC+03:00", "11:07 +0300"
            try {
                ZoneOffset off = ZoneOffset.of(normalizeOffset(o.group(1)));
                return new Parsed(OffsetDateTime.of(date, time, off), true, timeGiven);
            } catch (DateTimeException ignored) {
                // fall back to the zone
            }
        }
        return new Parsed(ZonedDateTime.of(date, time, zone).toOffsetDateTime(), false, timeGiven);
    }

    /** "+3" -> "+03:00", "+0300" -> "+03:00", "" (a bare UTC/GMT) -> "Z". */
    private static String normalizeOffset(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "Z";
        }
        String sign = raw.substring(0, 1);
        String digits = raw.substring(1).replace(":", "");
        String h = digits.length() <= 2 ? digits : digits.substring(0, digits.length() - 2);
        String m = digits.length() <= 2 ? "00" : digits.substring(digits.length() - 2);
        return sign + (h.length() == 1 ? "0" + h : h) + ":" + m;
    }

    private static LocalDate safeDate(int y, int m, int d) {
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean plausible(OffsetDateTime d) {
        return d != null && d.getYear() >= 1995
                && d.toInstant().isBefore(Instant.now().plus(2, ChronoUnit.DAYS));
    }
}
