package dev.newsharvester.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * The headline of a page. The outlet's title selector wins; then the JSON-LD headline, og:title,
 * twitter:title, the first {@code h1} and the {@code <title>} element, each without the site's
 * chrome ({@link TitleCleaner}).
 *
 * <p>Two exceptions to that order, both where another source shows that the chosen headline
 * carries a label: a kicker before a colon ("Olympic Games: Germany beat France" against og:title
 * "Germany beat France"; the kicker is the line above the headline, not part of it), and a
 * segment after a pipe ("Headline | Sport" against og:title or h1 "Headline").
 */
final class Headlines {

    /** A kicker is a label: a few words at most. */
    private static final int MAX_KICKER_WORDS = 6;
    /** Fewer words than this is a logo or a label, not a headline to fall back to. */
    private static final int MIN_HEADLINE_WORDS = 3;
    /** A separator, then a short segment. */
    private static final Pattern SUFFIX = Pattern.compile("\\s+[|•·»/]\\s+\\S.{0,40}");

    private Headlines() {
    }

    static String title(Page page) {
        List<String> chrome = new ArrayList<>(page.siteNames);
        String section = page.meta.content("article:section");
        if (section == null && page.article() != null) {
            section = MetaText.clean(JsonLd.string(page.article().get("articleSection"), "name"));
        }
        if (section != null) {
            chrome.add(section);
        }
        String host = page.host;

        Element override = first(page, page.selectors.title());
        if (override != null) {
            String t = TitleCleaner.clean(override.text(), chrome, host, false);
            if (t != null) {
                return t;
            }
        }
        String ld = page.article() == null ? null
                : TitleCleaner.clean(JsonLd.string(page.article().get("headline"), "name"), chrome, host, false);
        String og = TitleCleaner.clean(page.meta.content("og:title"), chrome, host, false);
        String twitter = TitleCleaner.clean(page.meta.content("twitter:title"), chrome, host, false);
        Element h1 = page.scan.firstH1;
        String heading = h1 == null ? null : TitleCleaner.clean(h1.text(), chrome, host, false);

        String title = firstNonNull(ld, og, twitter, heading);
        if (title == null) {
            return TitleCleaner.clean(page.doc.title(), chrome, host, true);
        }
        for (String alt : new String[] {og, twitter}) {
            if (alt != null && isKickerOf(title, alt)) {
                return alt;
            }
        }
        for (String alt : new String[] {og, twitter, heading}) {
            if (alt != null && hasChromeSuffix(title, alt)) {
                return alt;
            }
        }
        return title;
    }

    /** True when {@code title} is "Kicker: " + {@code alt} with a short kicker. */
    static boolean isKickerOf(String title, String alt) {
        if (title.length() <= alt.length() + 2 || !title.endsWith(alt)) {
            return false;
        }
        String kicker = title.substring(0, title.length() - alt.length()).stripTrailing();
        if (!kicker.endsWith(":")) {
            return false;
        }
        int words = Text.words(kicker);
        return words >= 1 && words <= MAX_KICKER_WORDS && Text.words(alt) >= MIN_HEADLINE_WORDS;
    }

    /**
     * True when {@code title} is {@code alt} plus a separated segment ("Headline | Sport" against
     * "Headline"): a label the other source does not carry.
     */
    static boolean hasChromeSuffix(String title, String alt) {
        return title.length() > alt.length() && title.startsWith(alt) && Text.words(alt) >= MIN_HEADLINE_WORDS
                && SUFFIX.matcher(title.substring(alt.length())).matches();
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static Element first(Page page, String css) {
        var found = Page.select(page.doc, css);
        return found.isEmpty() ? null : found.first();
    }
}
