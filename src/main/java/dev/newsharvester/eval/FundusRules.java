package dev.newsharvester.eval;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metadata comparisons of {@code fundus_eval.py}: folded titles and authors, dates to the minute. */
final class FundusRules {

    /**
     * What {@code datetime.fromisoformat} (Python 3.11) reads of the forms news pages use: a date,
     * optionally any one separator and a time (hours, minutes, seconds, fraction), and an offset.
     */
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-?(\\d{2})-?(\\d{2})"
            + "(?:.(\\d{2})(?::?(\\d{2})(?::?(\\d{2})(?:[.,](\\d+))?)?)?"
            + "(?:([+-])(\\d{2})(?::?(\\d{2})(?::?(\\d{2}))?)?)?)?");

    private FundusRules() {
    }

    /** Whitespace runs folded to one space, ends trimmed, case kept ({@code ' '.join(s.split())}); null is empty. */
    static String fold(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isPythonSpace(c)) {
                space = !out.isEmpty();
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Python's {@code str.isspace}: Java's whitespace plus the no-break spaces and NEL. */
    private static boolean isPythonSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    /** A parsed date-time; {@code offset} null for a local (naive) one. */
    record When(LocalDateTime local, ZoneOffset offset) {
    }

    /** As the scorer's {@code parse_when}: Z read as +00:00; if the whole fails, its first 19 characters; else null. */
    static When parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip().replace("Z", "+00:00");
        When w = parseIso(t);
        if (w == null && t.length() > 19) {
            w = parseIso(t.substring(0, 19));
        }
        return w;
    }

    private static When parseIso(String s) {
        Matcher m = ISO.matcher(s);
        if (!m.matches()) {
            return null;
        }
        try {
            int nanos = 0;
            if (m.group(7) != null) {
                String f = (m.group(7) + "000000").substring(0, 6);
                nanos = Integer.parseInt(f) * 1000;
            }
            LocalDateTime local = LocalDateTime.of(num(m, 1), num(m, 2), num(m, 3), num(m, 4), num(m, 5), num(m, 6), nanos);
            ZoneOffset offset = null;
            if (m.group(8) != null) {
                int sign = m.group(8).equals("-") ? -1 : 1;
                offset = ZoneOffset.ofHoursMinutesSeconds(sign * num(m, 9), sign * num(m, 10), sign * num(m, 11));
            }
            return new When(local, offset);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int num(Matcher m, int group) {
        return m.group(group) == null ? 0 : Integer.parseInt(m.group(group));
    }

    /**
     * Whether the extracted date is the expected one to the minute: the same instant when both
     * carry an offset, else the same wall-clock time (an expected value without an offset is the
     * page's local time).
     */
    static boolean sameMinute(String expected, String got) {
        When e = parse(expected);
        When g = parse(got);
        if (e == null || g == null) {
            return false;
        }
        if (e.offset() != null && g.offset() != null) {
            return e.local().toInstant(e.offset()).truncatedTo(ChronoUnit.MINUTES)
                    .equals(g.local().toInstant(g.offset()).truncatedTo(ChronoUnit.MINUTES));
        }
        return e.local().truncatedTo(ChronoUnit.MINUTES).equals(g.local().truncatedTo(ChronoUnit.MINUTES));
    }
}
