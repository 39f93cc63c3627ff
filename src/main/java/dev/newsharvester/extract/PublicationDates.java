package dev.newsharvester.extract;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Publication and modification instants. Sources in order of trust: the outlet's date selector,
 * JSON-LD, {@code article:*} and other meta tags, {@code itemprop} markup, {@code <time>}
 * elements, a {@code data-publish-date}-style attribute that the whole page agrees on, visible date
 * lines ("23 серпня 2025, 11:07") and, last, a date in the URL.
 *
 * <p>The first source that has a date wins, but its precision can be completed from the others:
 * a value printed without an offset takes the offset of another source that gives the same local
 * time (JSON-LD "2024-04-30 16:17:29" beside meta "2024-04-30T16:17:29+02:00"), and a bare date
 * takes the time of another source on the same day. Only a value that nothing completes is read
 * in the outlet's zone.
 */
final class PublicationDates {

    static final String[] PUBLISHED_KEYS = {
            "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
            "article:published", "published_time", "pubdate", "publishdate", "publish-date", "dc.date.issued",
            "dcterms.issued", "dc.date", "dcterms.created", "parsely-pub-date", "sailthru.date", "date",
            "date.available", "date.created", "release_date", "og:pubdate", "cxenseparse:recs:publishtime",
            "article:post_date"};
    static final String[] MODIFIED_KEYS = {
            "article:modified_time", "og:article:modified_time", "og:updated_time", "datemodified",
            "article:updated", "modified_time", "last-modified", "lastmod", "dc.date.modified", "dcterms.modified",
            "date.modified", "date.updated"};

    private static final Pattern URL_DATE = Pattern.compile(
            "/((?:19|20)\\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\\d|3[01])(?:/|[-_]|$)");

    /** A visible date line is short; a date element's text may say a little more. */
    private static final int MAX_DATE_LINE = 80;
    private static final int MAX_DATE_TEXT = 120;

    /** Published and modified instants, each null when the page states none. */
    record Dates(OffsetDateTime published, OffsetDateTime modified) {
    }

    private PublicationDates() {
    }

    static Dates of(Page page) {
        List<DateParser.Parsed> published = new ArrayList<>();
        List<DateParser.Parsed> modified = new ArrayList<>();
        if (page.selectors.date() != null) {
            Page.select(page.doc, page.selectors.date()).stream().limit(1).forEach(e -> add(published, fromElement(e, page)));
        }
        if (page.article() != null) {
            add(published, DateParser.parseDetailed(JsonLd.string(page.article().get("datePublished"), "@value"), page.zone));
            add(modified, DateParser.parseDetailed(JsonLd.string(page.article().get("dateModified"), "@value"), page.zone));
        }
        for (String k : PUBLISHED_KEYS) {
            page.meta.all(k).forEach(e -> add(published, DateParser.parseDetailed(e.attr("content"), page.zone)));
        }
        for (String k : MODIFIED_KEYS) {
            page.meta.all(k).forEach(e -> add(modified, DateParser.parseDetailed(e.attr("content"), page.zone)));
        }
        for (Element e : page.scan.publishedProps) {
            add(published, fromElement(e, page));
        }
        for (Element e : page.scan.modifiedProps) {
            add(modified, fromElement(e, page));
        }
        for (Element e : page.scan.times) {
            if (!Bylines.inChrome(e, page)) {
                add(published, fromElement(e, page));
            }
        }
        if (published.isEmpty()) {
            add(published, dataAttributeDate(page));
        }
        if (published.isEmpty()) {
            add(published, visibleDate(page));
        }
        if (published.isEmpty()) {
            add(published, urlDate(page));
        }
        OffsetDateTime p = best(published);
        OffsetDateTime m = best(modified);
        if (m != null && p != null && m.isBefore(p.truncatedTo(ChronoUnit.MINUTES))) {
            m = null; // a "modified" before the publication is someone else's date
        }
        return new Dates(p, m);
    }

    /**
     * The first candidate, completed from the others: an offset from a candidate with the same
     * local time (or whose instant equals the first read as UTC), a time of day from one on the
     * same date, and for a UTC value the local offset of a candidate at the same instant.
     */
    static OffsetDateTime best(List<DateParser.Parsed> candidates) {
        if (candidates.isEmpty()) {
            return null;
        }
        DateParser.Parsed first = candidates.get(0);
        if (!first.timeGiven()) {
            for (DateParser.Parsed c : candidates) {
                if (c.timeGiven() && c.at().toLocalDate().equals(first.at().toLocalDate())) {
                    first = c;
                    break;
                }
            }
        }
        if (first.offsetGiven() && first.at().getOffset().equals(ZoneOffset.UTC)) {
            // The same instant in the outlet's local time says more ("04:21-04:00" rather than "08:21Z").
            var instant = first.at().toInstant().truncatedTo(ChronoUnit.MINUTES);
            for (DateParser.Parsed c : candidates) {
                if (c.offsetGiven() && !c.at().getOffset().equals(ZoneOffset.UTC)
                        && c.at().toInstant().truncatedTo(ChronoUnit.MINUTES).equals(instant)) {
                    return first.at().withOffsetSameInstant(c.at().getOffset());
                }
            }
        }
        if (!first.offsetGiven()) {
            var local = first.at().toLocalDateTime().truncatedTo(ChronoUnit.MINUTES);
            for (DateParser.Parsed c : candidates) {
                if (!c.offsetGiven()) {
                    continue;
                }
                if (c.at().toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).equals(local)
                        || c.at().toInstant().truncatedTo(ChronoUnit.MINUTES).equals(local.toInstant(ZoneOffset.UTC))) {
                    return c.at();
                }
            }
        }
        return first.at();
    }

    private static DateParser.Parsed fromElement(Element e, Page page) {
        if (e == null) {
            return null;
        }
        for (String attr : new String[] {"datetime", "content", "data-datetime", "data-date", "data-timestamp", "title"}) {
            DateParser.Parsed d = DateParser.parseDetailed(e.attr(attr), page.zone);
            if (d != null) {
                return d;
            }
        }
        return Page.textLength(e, MAX_DATE_TEXT) > MAX_DATE_TEXT ? null : DateParser.parseDetailed(e.text(), page.zone);
    }

    /**
     * The date of {@code data-publish-date}-style attributes (analytics layers, article wrappers),
     * when every one on the page gives the same instant: teaser cards carry them too, each with the
     * date of its own story.
     */
    private static DateParser.Parsed dataAttributeDate(Page page) {
        DateParser.Parsed found = null;
        for (String value : page.scan.dataPublished) {
            DateParser.Parsed d = DateParser.parseDetailed(value, page.zone);
            if (d == null) {
                continue;
            }
            if (found != null && !found.at().toInstant().equals(d.at().toInstant())) {
                return null;
            }
            found = d;
        }
        return found;
    }

    /** A short visible date line near the top of the article ("Published 23 August 2025, 11:07"). */
    private static DateParser.Parsed visibleDate(Page page) {
        for (Element label : page.scan.labels) {
            String value = Labels.valueAfter(label, Labels.DATE);
            DateParser.Parsed d = value == null || Bylines.inChrome(label, page) ? null : DateParser.parseDetailed(value, page.zone);
            if (d != null) {
                return d;
            }
        }
        int seen = 0;
        for (Element e : page.scan.dateLines) {
            int length = Page.textLength(e, MAX_DATE_LINE);
            if (length < 6 || length > MAX_DATE_LINE || Bylines.inChrome(e, page) || ++seen > 40) {
                continue;
            }
            DateParser.Parsed d = DateParser.parseDetailed(e.text(), page.zone);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /** A full year-month-day in the page URL (or its canonical URL): midnight in the outlet's zone. */
    private static DateParser.Parsed urlDate(Page page) {
        for (String u : new String[] {page.url, canonical(page)}) {
            if (u == null) {
                continue;
            }
            Matcher m = URL_DATE.matcher(u);
            if (m.find()) {
                String iso = String.format("%s-%02d-%02d", m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                DateParser.Parsed d = DateParser.parseDetailed(iso, page.zone);
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    private static String canonical(Page page) {
        Element link = page.scan.canonical;
        return link == null ? null : link.attr("href");
    }

    private static void add(List<DateParser.Parsed> list, DateParser.Parsed d) {
        if (d != null) {
            list.add(d);
        }
    }
}
