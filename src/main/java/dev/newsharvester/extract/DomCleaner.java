package dev.newsharvester.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

/**
 * The cleaning passes of the body extractor. They change the tree they are given and keep the
 * {@link TextStats} they are given exact.
 */
final class DomCleaner {

    /** Removed with their content before anything else (they never hold article text). */
    private static final Set<String> HARD_TAGS = Set.of(
            "script", "style", "noscript", "nav", "aside", "footer", "iframe", "figure", "figcaption", "svg", "button",
            "input", "select", "textarea", "label", "object", "embed", "video", "audio", "canvas", "picture",
            "template", "dialog", "menu", "link", "meta", "map", "source", "track", "img", "math", "fieldset");

    private static final Set<String> HARD_ROLES = Set.of(
            "navigation", "contentinfo", "complementary", "banner", "dialog", "alertdialog", "menu", "menubar",
            "search", "toolbar");

    private static final Pattern HIDDEN_STYLE = Pattern.compile("(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");

    private static final Set<String> HIDDEN_CLASSES = Set.of(
            "hidden", "hide", "d-none", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
            "screenreader-only", "invisible", "is-hidden", "u-hidden");

    static final Set<String> NEVER_PRUNED = Set.of("article", "main", "body", "html");

    /** Embedded posts (tweets, Instagram, TikTok) quote what the article discusses; their blockquote fallback is text. */
    private static final Evaluator EMBEDDED_POST = QueryParser.parse(
            "blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed, blockquote.twitter-video");

    private DomCleaner() {
    }

    /**
     * Removes hard chrome tags, hidden nodes (unless they hold prose) and small forms (a form
     * holding most of the text is unwrapped).
     *
     * @return the scripts removed (their data may carry the article when the page renders it by script)
     */
    static List<Element> preclean(Element root) {
        List<Element> hard = new ArrayList<>();
        List<Element> mediaParents = new ArrayList<>();
        List<Element> forms = new ArrayList<>();
        List<Element> hidden = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element e) || e == root) {
                    return FilterResult.CONTINUE;
                }
                if (HARD_TAGS.contains(e.normalName()) || (e.hasAttr("role") && HARD_ROLES.contains(e.attr("role")))) {
                    hard.add(e);
                    if (MEDIA_TAGS.contains(e.normalName()) && e.parent() != root && !isIcon(e)) {
                        mediaParents.add(e.parent());
                    }
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (isHidden(e)) {
                    hidden.add(e); // chrome inside still goes first: it must not count as prose
                }
                if (e.nameIs("form")) {
                    forms.add(e);
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        TextStats stats = TextStats.of(root);
        int total = stats.chars(root); // with the chrome: a form must outweigh all of it to be the page
        List<Element> scripts = new ArrayList<>();
        for (Element e : hard) {
            if (e.nameIs("script")) {
                scripts.add(e);
            }
            stats.remove(e);
        }
        for (Element form : forms) {
            if (form.parent() == null) {
                continue;
            }
            if (stats.chars(form) > total / 2) {
                form.unwrap(); // ASP.NET pages wrap everything in one form; counts of the rest stay right
            } else {
                stats.remove(form);
            }
        }
        // captions, credits, thumbnails of teasers: an image's words are not the article's
        removeAllGuarded(root, stats, CaptionBoxes.of(root, mediaParents, stats));
        List<Element> hiddenChrome = new ArrayList<>(BodyExtractor.outermost(hidden));
        hiddenChrome.removeIf(e -> e.parent() == null || isProseBlock(e, stats) || isBlurredParagraph(e, stats));
        removeAllGuarded(root, stats, hiddenChrome);
        return scripts;
    }

    private static final Set<String> MEDIA_TAGS = Set.of("img", "picture", "video");

    /** An emoji set in the text as an image ({@code img.emoji}, {@code img.wp-smiley}): it makes no image box. */
    private static boolean isIcon(Element img) {
        String cls = img.className();
        return cls.contains("emoji") || cls.contains("smiley");
    }

    static boolean isHidden(Element e) {
        return e.attributesSize() > 0 && ("true".equalsIgnoreCase(e.attr("aria-hidden")) || isHiddenFromEye(e));
    }

    /** Hidden for everyone: the {@code hidden} attribute, {@code display:none} and the like, a hiding class. */
    private static boolean isHiddenFromEye(Element e) {
        if (e.hasAttr("hidden")) {
            return true;
        }
        String style = e.attr("style");
        if (!style.isEmpty() && style.length() < 2000 && HIDDEN_STYLE.matcher(style).find()) {
            return true;
        }
        String cls = e.className();
        if (cls.isEmpty() || !(cls.contains("hid") || cls.contains("invisible") || cls.contains("only")
                || cls.contains("none"))) {
            return false;
        }
        for (String c : e.classNames()) {
            if (HIDDEN_CLASSES.contains(c.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A paragraph hidden only from screen readers ({@code aria-hidden}, which does not hide it from
     * the eye) is the blurred text of a paywall, not chrome, when it reads like prose.
     */
    private static boolean isBlurredParagraph(Element e, TextStats stats) {
        return e.nameIs("p") && !isHiddenFromEye(e) && stats.chars(e) >= 80 && stats.linkDensity(e) < 0.3;
    }

    /**
     * Hidden prose is the rest of the article behind a paywall or a "read more" button (revealed by
     * script); hidden menus, pop-ups and consent boxes hold no run of real paragraphs.
     */
    private static boolean isProseBlock(Element e, TextStats stats) {
        return stats.chars(e) >= 250 && holdsParagraphs(e, stats, 80, 0.3);
    }

    /** Two {@code <p>} of at least {@code paragraphChars} characters, and link density under the bound. */
    private static boolean holdsParagraphs(Element e, TextStats stats, int paragraphChars, double maxLinkDensity) {
        if (stats.linkDensity(e) >= maxLinkDensity) {
            return false;
        }
        int paragraphs = 0;
        for (Element p : e.getElementsByTag("p")) {
            if (stats.chars(p) >= paragraphChars && ++paragraphs >= 2) {
                return true;
            }
        }
        return false;
    }

    /** Class/id chrome pruning, undone when it would leave a seventh of the text or less. */
    static void pruneBoilerplate(Element root, TextStats stats) {
        int total = stats.chars(root);
        List<Element> hits = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            private Element textBox; // the page builder's box of text being walked, if any
            private boolean textSeen; // whether a text node came before (the lead is the first text of the body)

            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof org.jsoup.nodes.TextNode t) {
                    textSeen |= !t.isBlank();
                    return FilterResult.CONTINUE;
                }
                if (!(node instanceof Element e) || e == root || NEVER_PRUNED.contains(e.normalName())
                        || !ClassNames.isBoilerplate(e)) {
                    return FilterResult.CONTINUE;
                }
                if (!textSeen && ClassNames.isWeakChrome(e) && ClassNames.words(e).contains("teaser")
                        && isLeadParagraph(e, stats)) {
                    textSeen = true;
                    return FilterResult.SKIP_ENTIRELY; // "article__teaser" opening the body: its standfirst
                }
                if (ClassNames.isWeakChrome(e) && (textBox != null || ClassNames.isBuilderTextBox(e)) && isTextBox(e, stats)) {
                    if (textBox == null) {
                        textBox = e; // its inner wrappers of the text (widget-container) are spared too, nothing else
                    }
                    return FilterResult.CONTINUE;
                }
                if ((ClassNames.isProseChrome(e) || !isProse(e, stats, total)) && !wrapsEmbeddedPost(e, stats)) {
                    hits.add(e);
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node == textBox) {
                    textBox = null;
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        removeAllGuarded(root, stats, hits);
    }

    /** One run of prose: 80 to 600 characters, no links, at most two paragraphs, no heading or list. */
    private static boolean isLeadParagraph(Element e, TextStats stats) {
        int chars = stats.chars(e);
        if (chars < 80 || chars > 600 || stats.links(e) > 0) {
            return false;
        }
        int paragraphs = 0;
        for (Element x : e.getAllElements()) {
            switch (x.normalName()) {
                case "h1", "h2", "h3", "h4", "h5", "h6", "li", "table" -> {
                    return false;
                }
                case "p" -> paragraphs++;
                default -> {
                }
            }
        }
        return paragraphs <= 2;
    }

    /**
     * A box of the text itself, as page builders make them: two real paragraphs, or a subheading
     * and nothing else (one {@code elementor-widget-text-editor} or {@code -heading} of several).
     */
    private static boolean isTextBox(Element e, TextStats stats) {
        if (holdsParagraphs(e, stats, 100, 0.25)) {
            return true;
        }
        int chars = stats.chars(e);
        if (chars == 0 || chars > 150 || stats.links(e) > 0) {
            return false;
        }
        for (Element h : e.getAllElements()) {
            switch (h.normalName()) {
                case "h2", "h3", "h4", "h5", "h6" -> {
                    return stats.chars(h) == chars;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /** The element is an embedded post, or a wrapper (such as {@code div.social-embed}) holding little else. */
    private static boolean wrapsEmbeddedPost(Element e, TextStats stats) {
        int chars = stats.chars(e);
        if (chars == 0 || chars > 3000) {
            return false;
        }
        int quoted = 0;
        for (Element q : e.select(EMBEDDED_POST)) {
            quoted += stats.chars(q);
        }
        return quoted * 10 >= chars * 8;
    }

    /**
     * Prose guard: an element that holds half the text in at least two real paragraphs with few
     * links is the article, whatever its class says (WordPress puts {@code tag-social} on it);
     * comments and related stories are prose too, and are not guarded.
     */
    private static boolean isProse(Element e, TextStats stats, int total) {
        return stats.chars(e) * 2 >= total && holdsParagraphs(e, stats, 100, 0.25);
    }

    /**
     * Removes the outermost elements matching the test, unless together they hold all but a
     * seventh of the text (then the pass is abandoned: it was about to remove the article).
     */
    static void removeGuarded(Element root, TextStats stats, Predicate<Element> test) {
        List<Element> hits = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element e && e != root && !NEVER_PRUNED.contains(e.normalName()) && test.test(e)) {
                    hits.add(e);
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        removeAllGuarded(root, stats, hits);
    }

    /** Removes the given (disjoint) elements unless together they hold all but a seventh of the text. */
    static void removeAllGuarded(Element root, TextStats stats, List<Element> hits) {
        if (hits.isEmpty()) {
            return;
        }
        int total = stats.chars(root);
        int removed = 0;
        for (Element e : hits) {
            removed += stats.chars(e);
        }
        if (total > 0 && total - removed <= total / 7) {
            return;
        }
        for (Element e : hits) {
            stats.remove(e);
        }
    }
}
