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
 * <p>Exceptions to that order, where another source shows what the chosen headline carries: a
 * kicker before a colon ("Olympic Games: Germany beat France" against og:title "Germany beat
 * France"; the kicker is the line above the headline, not part of it) unless the shorter form
 * opens with a label of its own; a segment after a pipe ("Headline | Sport" against og:title or h1
 * "Headline"); a trailing clause og:title or twitter:title does without ("Headline in battling
 * win" against "Headline"); a qualifier hyphenated to the first word ("MSV-Trainer Schubert: …"
 * against "Trainer Schubert: …"); quote marks around a phrase that the other source does without;
 * and a segment before the headline that og:title has and the {@code h1} prints ("Demo /
 * Headline" against the JSON-LD "Headline"). Numeric entities for
 * typographic quotes in the JSON-LD are read as the quotes that were typed ({@link #typedQuotes}).
 *
 * <p>Where og:title and the JSON-LD headline are simply different wordings, neither the
 * {@code h1} nor a majority of sources tells which one a reader calls the title (on the fundus
 * pages the labels follow the JSON-LD headline on 26 such pages and og:title on 7, and a rule
 * learnt from the other publishers does worse than this default on the publisher left out: see
 * {@code TitleSourcesBench}), so the JSON-LD headline keeps its place.
 */
final class Headlines {

    /** A kicker is a label: a few words at most. */
    private static final int MAX_KICKER_WORDS = 6;
    /** Fewer words than this is a logo or a label, not a headline to fall back to. */
    private static final int MIN_HEADLINE_WORDS = 3;
    /** A separator, then a short segment. */
    private static final Pattern SUFFIX = Pattern.compile("\\s+[|•·»/]\\s+\\S.{0,40}");

    /** A label of a few words ending in a colon at the start of a headline. */
    private static final Pattern KICKER = Pattern.compile("^[^:\\s]+(\\s[^:\\s]+){0,5}:\\s");
    /** One short word joined to the headline's first word by a hyphen: "MSV-". */
    private static final Pattern QUALIFIER = Pattern.compile("(?U)[\\w.]{1,12}-");
    /** Double quotes and guillemets: the marks that quote a phrase (apostrophes are letters' business). */
    private static final Pattern QUOTE_MARKS = Pattern.compile("[\"“”„«»]");
    private static final Pattern NOT_LETTER = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** The numeric entities of typographic single and double quotes. */
    private static final Pattern TYPOGRAPHIC_ENTITY = Pattern.compile("&#(8216|8217|8220|8221);");

    private Headlines() {
    }

    /**
     * The page's headline sources, each without the site's chrome; null where the page has none.
     *
     * @param titleElement the {@code <title>} element, which also loses a short last segment
     */
    record Sources(String override, String ld, String og, String twitter, String heading, String titleElement) {
    }

    static Sources sources(Page page) {
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
        Element h1 = page.scan.firstH1;
        return new Sources(
                override == null ? null : TitleCleaner.clean(override.text(), chrome, host, false),
                page.article() == null ? null
                        : TitleCleaner.clean(typedQuotes(JsonLd.string(page.article().get("headline"), "name")), chrome,
                                host, false),
                TitleCleaner.clean(page.meta.content("og:title"), chrome, host, false),
                TitleCleaner.clean(page.meta.content("twitter:title"), chrome, host, false),
                h1 == null ? null : TitleCleaner.clean(h1.text(), chrome, host, false),
                TitleCleaner.clean(page.doc.title(), chrome, host, true));
    }

    static String title(Page page) {
        Sources src = sources(page);
        if (src.override() != null) {
            return src.override();
        }
        String og = src.og();
        String twitter = src.twitter();
        String heading = src.heading();
        String title = firstNonNull(src.ld(), og, twitter, heading);
        if (title == null) {
            return src.titleElement();
        }
        for (String alt : new String[] {og, twitter}) {
            if (alt != null && (isKickerOf(title, alt) || isQualifiedFormOf(title, alt) || isQuotedFormOf(title, alt))) {
                return alt;
            }
        }
        for (String alt : new String[] {og, twitter, heading}) {
            if (alt != null && hasChromeSuffix(title, alt)) {
                return alt;
            }
        }
        for (String alt : new String[] {og, twitter}) {
            if (alt != null && (isExtensionOf(title, alt) || isPrintedKickerOf(alt, title, heading))) {
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
        if (!kicker.endsWith(":") || KICKER.matcher(alt).lookingAt()) {
            return false; // one kicker to a headline: "Bei Protesten 2022: Bericht: ..." is whole
        }
        int words = Text.words(kicker);
        return words >= 1 && words <= MAX_KICKER_WORDS && Text.words(alt) >= MIN_HEADLINE_WORDS;
    }

    /**
     * True when {@code title} is {@code alt} with a qualifier hyphenated to its first word
     * ("MSV-Interimstrainer Schubert: …" against "Interimstrainer Schubert: …"): the same headline,
     * the shorter form without the qualifier a kicker would carry.
     */
    static boolean isQualifiedFormOf(String title, String alt) {
        if (!title.endsWith(alt) || Text.words(alt) < MIN_HEADLINE_WORDS) {
            return false;
        }
        String qualifier = title.substring(0, title.length() - alt.length());
        return QUALIFIER.matcher(qualifier).matches() && Character.isUpperCase(alt.codePointAt(0));
    }

    /**
     * True when {@code alt} is {@code title} without the double quotes or guillemets around a
     * phrase ("\"Pink hair sparks ridicule\"… the riddle" against "Pink hair sparks ridicule… the
     * riddle"): the marks quote a statement for display; the headline reads without them.
     */
    static boolean isQuotedFormOf(String title, String alt) {
        return quoteMarks(title) > 0 && quoteMarks(alt) == 0 && Text.words(alt) >= MIN_HEADLINE_WORDS
                && QUOTE_MARKS.matcher(title).replaceAll("").replace(" ", "")
                        .equals(alt.replace(" ", ""));
    }

    private static int quoteMarks(String s) {
        int n = 0;
        for (var m = QUOTE_MARKS.matcher(s); m.find();) {
            n++;
        }
        return n;
    }

    /**
     * True when {@code title} is {@code alt} plus a separated segment ("Headline | Sport" against
     * "Headline"): a label the other source does not carry.
     */
    static boolean hasChromeSuffix(String title, String alt) {
        return title.length() > alt.length() && title.startsWith(alt) && Text.words(alt) >= MIN_HEADLINE_WORDS
                && SUFFIX.matcher(title.substring(alt.length())).matches();
    }

    /**
     * True when {@code alt} is {@code title} with a segment before it ("Nationale Demo / Der 9.
     * Juli naht: ...") and the page's {@code h1} prints that segment as part of the headline (same
     * letters, however the kicker element is spaced).
     */
    static boolean isPrintedKickerOf(String alt, String title, String heading) {
        return heading != null && alt.length() > title.length() + 1 && alt.endsWith(title)
                && Text.words(title) >= MIN_HEADLINE_WORDS && letters(heading).equals(letters(alt))
                && !letters(heading).equals(letters(title));
    }

    private static String letters(String s) {
        return NOT_LETTER.matcher(s).replaceAll("");
    }

    /**
     * True when {@code title} is {@code alt} continued by a clause of a few more words ("Chelsea
     * send clear message at Cobham" against "... at Cobham in battling win over Tottenham"): the
     * social title is the headline, the longer form its teaser line.
     */
    static boolean isExtensionOf(String title, String alt) {
        if (title.length() <= alt.length() + 1 || !title.startsWith(alt) || title.charAt(alt.length()) != ' '
                || Text.words(alt) < MIN_HEADLINE_WORDS) {
            return false;
        }
        String rest = title.substring(alt.length()).strip();
        return !SUFFIX.matcher(" " + rest).matches() && Character.isLetter(rest.codePointAt(0))
                && Text.words(rest) >= 2;
    }

    /**
     * The numeric entities CMSs write when they turn a typed quote into a typographic one
     * (WordPress's {@code &#8217;}), read back as the quote that was typed: the og:title and the
     * {@code <title>} of such pages carry the plain quote. A typographic quote written as such
     * ({@code ’} or {@code \u2019}) is kept.
     */
    static String typedQuotes(String raw) {
        if (raw == null || raw.indexOf("&#82") < 0) {
            return raw;
        }
        return TYPOGRAPHIC_ENTITY.matcher(raw).replaceAll(m -> m.group(1).startsWith("822") ? "\"" : "'");
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
