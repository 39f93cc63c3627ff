package dev.newsharvester.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date formats news pages use: ISO 8601 with or without an offset ({@code +0300},
 * {@code +03}, {@code Z}), a space instead of {@code T}, RFC 1123, and day–month–year text in
 * English, Ukrainian and Russian ({@code 23 August 2025, 11:07}, {@code 23 серпня 2025},
 * {@code August 23, 2025}, {@code 23.08.2025 11:07}). A value without an offset is read in the
 * given zone; the offset the page gave is kept. Dates before 1995 or more than two days ahead
 * are rejected as noise.
 */
final class DateParser {

    private static final Pattern SPACE_T = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})[ T]+(\\d{1,2}:\\d{2})");
    private static final Pattern OFFSET_NO_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");
    private static final Pattern OFFSET_HOURS = Pattern.compile("(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)([+-]\\d{2})$");
    private static final Pattern UTC_SUFFIX = Pattern.compile("\\s*(UTC|GMT)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME = Pattern.compile("(?<!\\d)(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?iU)\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(\\p{L}+)\\.?,?\\s+(\\d{4})");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("(?iU)\\b(\\p{L}+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");
    private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})[./](\\d{1,2})[./](\\d{4})\\b");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Map<String, Integer> MONTHS = months();

    private DateParser() {
    }

    /** The instant with its offset, or null when the text holds no plausible date. */
    static OffsetDateTime parse(String raw, ZoneId zone) {
        if (raw == null) {
            return null;
        }
        String s = Text.collapse(raw);
        if (s.isEmpty() || s.length() > 200) {
            return null;
        }
        OffsetDateTime d = parseIso(s, zone);
        if (d == null) {
            d = parseText(s, zone);
        }
        return plausible(d) ? d : null;
    }

    private static OffsetDateTime parseIso(String s, ZoneId zone) {
        String x = SPACE_T.matcher(s).replaceFirst("$1T$2");
        x = UTC_SUFFIX.matcher(x).replaceFirst("Z");
        if (x.contains("T")) {
            x = OFFSET_NO_COLON.matcher(x).replaceFirst("$1:$2");
            x = OFFSET_HOURS.matcher(x).replaceFirst("$1$4:00");
        }
        try {
            return OffsetDateTime.parse(x, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeException ignored) {
            // next format
        }
        try {
            return ZonedDateTime.parse(x, DateTimeFormatter.ISO_ZONED_DATE_TIME).toOffsetDateTime();
        } catch (DateTimeException ignored) {
            // next format
        }
        try {
            return LocalDateTime.parse(x, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(zone).toOffsetDateTime();
        } catch (DateTimeException ignored) {
            // next format
        }
        try {
            return LocalDate.parse(x, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(zone).toOffsetDateTime();
        } catch (DateTimeException ignored) {
            // next format
        }
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME);
        } catch (DateTimeException ignored) {
            // next format
        }
        if (s.matches("\\d{10}|\\d{13}")) { // epoch seconds or millis
            long v = Long.parseLong(s);
            Instant i = s.length() == 10 ? Instant.ofEpochSecond(v) : Instant.ofEpochMilli(v);
            return i.atZone(zone).toOffsetDateTime();
        }
        return null;
    }

    private static OffsetDateTime parseText(String s, ZoneId zone) {
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
        Matcher t = TIME.matcher(s);
        // Prefer a time after the date ("23 August 2025, 11:07"), else one before it ("11:07, 23.08.2025").
        if (t.find(dateEnd) || t.find(0)) {
            int h = Integer.parseInt(t.group(1));
            int min = Integer.parseInt(t.group(2));
            String ampm = t.group(4);
            if (ampm != null) {
                boolean pm = ampm.toLowerCase(Locale.ROOT).startsWith("p");
                h = h % 12 + (pm ? 12 : 0);
            }
            if (h < 24 && min < 60) {
                time = LocalTime.of(h, min, t.group(3) == null ? 0 : Math.min(59, Integer.parseInt(t.group(3))));
            }
        }
        return ZonedDateTime.of(date, time, zone).toOffsetDateTime();
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

    private static Map<String, Integer> months() {
        Map<String, Integer> m = new java.util.HashMap<>();
        String[][] names = {
                {"january", "jan", "січня", "січень", "января", "январь", "январе"},
                {"february", "feb", "лютого", "лютий", "февраля", "февраль"},
                {"march", "mar", "березня", "березень", "марта", "март"},
                {"april", "apr", "квітня", "квітень", "апреля", "апрель"},
                {"may", "травня", "травень", "мая", "май"},
                {"june", "jun", "червня", "червень", "июня", "июнь"},
                {"july", "jul", "липня", "липень", "июля", "июль"},
                {"august", "aug", "серпня", "серпень", "августа", "август"},
                {"september", "sep", "sept", "вересня", "вересень", "сентября", "сентябрь"},
                {"october", "oct", "жовтня", "жовтень", "октября", "октябрь"},
                {"november", "nov", "листопада", "листопад", "ноября", "ноябрь"},
                {"december", "dec", "грудня", "грудень", "декабря", "декабрь"}};
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                m.put(n, i + 1);
            }
        }
        return Map.copyOf(m);
    }
}
