package dev.newsharvester.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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

    private static final Set<String> NEVER_PRUNED = Set.of("article", "main", "body", "html");

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
        removeAllGuarded(root, stats, captionBoxes(root, mediaParents, stats));
        List<Element> hiddenChrome = new ArrayList<>(BodyExtractor.outermost(hidden));
        hiddenChrome.removeIf(e -> e.parent() == null || isProseBlock(e, stats) || isBlurredParagraph(e, stats));
        removeAllGuarded(root, stats, hiddenChrome);
        return scripts;
    }

    private static final Set<String> MEDIA_TAGS = Set.of("img", "picture", "video");

    /**
     * Wrappers that can make an image box. Quotes, list items and headings are content
     * that may carry an image (a screenshot quoted, a product in a list): the box never grows into them.
     */
    private static final Set<String> CAPTION_BOX_TAGS = Set.of(
            "div", "span", "a", "p", "section", "td", "tr", "tbody", "table", "center", "font", "small", "em", "i", "b", "strong");

    /** An emoji set in the text as an image ({@code img.emoji}, {@code img.wp-smiley}): it makes no image box. */
    private static boolean isIcon(Element img) {
        String cls = img.className();
        return cls.contains("emoji") || cls.contains("smiley");
    }

    /** A caption holds at most this much text. */
    private static final int MAX_CAPTION_CHARS = 250;

    /**
     * The boxes that held an image or video (removed by now) and its caption (credit, description)
     * and nothing else: the largest ancestor of the media element with little text, none of it
     * running text beside the image (an image set inside a paragraph leaves the paragraph alone).
     */
    private static List<Element> captionBoxes(Element root, List<Element> mediaParents, TextStats stats) {
        List<Element> boxes = new ArrayList<>();
        for (Element parent : mediaParents) {
            Element box = null;
            for (Element p = parent; p != null && p != root && !NEVER_PRUNED.contains(p.normalName()); p = p.parent()) {
                if (!CAPTION_BOX_TAGS.contains(p.normalName()) || stats.chars(p) > MAX_CAPTION_CHARS || hasOwnText(p)) {
                    break;
                }
                box = p;
            }
            if (box != null && stats.chars(box) > 0 && isUnder(box, root) && !isListEntry(box, stats)) {
                boxes.add(box);
            }
        }
        return BodyExtractor.outermost(boxes);
    }

    /**
     * An entry of a gallery or gift guide: a heading that is not a link, and a sentence of prose
     * (a teaser card's headline is a link, or the card is a small {@code <article>} of its own).
     */
    private static boolean isListEntry(Element box, TextStats stats) {
        for (Element a = box; a != null; a = a.parent()) {
            if (a.nameIs("article")) {
                if (stats.chars(a) <= MAX_CARD_CHARS) {
                    return false;
                }
                break;
            }
        }
        boolean heading = false;
        boolean sentence = false;
        for (Element e : box.getAllElements()) {
            switch (e.normalName()) {
                case "h2", "h3", "h4", "h5", "h6" ->
                    heading |= stats.chars(e) > 0 && stats.linkDensity(e) < 0.5 && !insideLink(e);
                case "p" -> {
                    String t = e.text();
                    sentence |= stats.chars(e) >= 40 && stats.linkDensity(e) < 0.3 && endsSentence(t);
                }
                default -> {
                }
            }
        }
        return heading && sentence;
    }

    private static boolean endsSentence(String t) {
        String s = t.strip();
        return !s.isEmpty() && ".!?…\"”»".indexOf(s.charAt(s.length() - 1)) >= 0;
    }

    /** False for an element of a subtree removed meanwhile (a small form). */
    private static boolean isUnder(Element e, Element root) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == root) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasOwnText(Element e) {
        for (Node n : e.childNodes()) {
            if (n instanceof org.jsoup.nodes.TextNode t && !t.isBlank()) {
                return true;
            }
        }
        return false;
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

    /** Removes link-heavy lists, lines and boxes (related headlines, menus, tag clouds); two rounds. */
    static void filterLinkDensity(Element root, TextStats stats) {
        for (int round = 0; round < 2; round++) {
            removeGuarded(root, stats, e -> isLinkHeavy(e, stats));
        }
    }

    private static boolean isLinkHeavy(Element e, TextStats s) {
        int chars = s.chars(e);
        int links = s.links(e);
        if (links == 0 || chars == 0) {
            return false;
        }
        double ld = s.linkDensity(e);
        if (links == 1 && ld >= 0.9 && chars > 100 && !e.nameIs("a")
                && (BlockSerializer.BLOCK_TAGS.contains(e.normalName()) || !inParagraph(e))) {
            return true; // one long linked headline (trafilatura's single-link rule); a linked lead-in of a paragraph stays
        }
        return switch (e.normalName()) {
            case "ul", "ol", "dl" -> links >= 2 && ld > 0.7;
            case "p", "li", "dt", "dd", "h2", "h3", "h4", "h5", "h6" -> ld > 0.8 && chars < 150;
            case "div", "section", "header" -> (links >= 3 && ld > 0.65)
                    || (chars < 100 && ld > 0.5 && e.childrenSize() >= 3);
            // A span inside a paragraph is part of a sentence: only a pure link cluster (a pop-up card) goes.
            case "span" -> inParagraph(e) ? links >= 3 && ld > 0.9
                    : (links >= 3 && ld > 0.65) || (chars < 100 && ld > 0.5 && e.childrenSize() >= 3);
            case "table" -> (chars >= 1000 && ld > 0.5) || ld > 0.8;
            default -> false;
        };
    }

    private static boolean inParagraph(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            switch (p.normalName()) {
                case "p", "li", "dd", "td", "blockquote" -> {
                    return true;
                }
                case "div", "section", "article", "body" -> {
                    return false;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /** Number of headlines that are links (teaser lists): h2–h6 mostly linked, or a link wrapping one. */
    static int linkedHeadings(Element root, TextStats s) {
        return linkedHeadingList(root, s).size();
    }

    private static List<Element> linkedHeadingList(Element root, TextStats s) {
        List<Element> out = new ArrayList<>();
        for (Element h : root.getAllElements()) {
            switch (h.normalName()) {
                case "h2", "h3", "h4", "h5", "h6" -> {
                    if (s.chars(h) > 0 && (s.linkDensity(h) >= 0.6 || insideLink(h))) {
                        out.add(h);
                    }
                }
                default -> {
                }
            }
        }
        return out;
    }

    /** A teaser card holds one linked headline and at most this much text (headline, excerpt, byline, time). */
    private static final int MAX_CARD_CHARS = 500;

    /**
     * Removes teaser cards when there are three or more: the largest box around each linked
     * headline that holds no other linked headline and little text (a "river" of related stories:
     * headline, excerpt, author, time). One linked headline alone is left to the link rules.
     */
    static void removeTeaserCards(Element root, TextStats s) {
        List<Element> headings = linkedHeadingList(root, s);
        if (headings.size() < 3) {
            return;
        }
        Map<Element, Integer> perElement = new IdentityHashMap<>();
        for (Element h : headings) {
            for (Element p = h; p != null && p != root; p = p.parent()) {
                perElement.merge(p, 1, Integer::sum);
            }
        }
        List<Element> cards = new ArrayList<>();
        for (Element h : headings) {
            Element card = h;
            for (Element p = h.parent(); p != null && p != root; p = p.parent()) {
                if (perElement.get(p) > 1 || s.chars(p) > MAX_CARD_CHARS) {
                    break;
                }
                card = p;
            }
            cards.add(card);
        }
        removeAllGuarded(root, s, BodyExtractor.outermost(cards));
    }

    /**
     * Teasers marked up as {@code <article>}s inside the article: two or more small ones, each
     * mostly its link (kicker and byline around the linked headline). Runs before class pruning,
     * which may take the link (a {@code teaser} class on the anchor) and leave the rest.
     */
    static void removeArticleCards(Element root, TextStats s) {
        List<Element> cards = new ArrayList<>();
        for (Element a : root.getElementsByTag("article")) {
            if (a != root && s.chars(a) > 0 && s.chars(a) <= MAX_CARD_CHARS && s.linkDensity(a) >= 0.3) {
                cards.add(a);
            }
        }
        cards = BodyExtractor.outermost(cards);
        if (cards.size() >= 2) {
            removeAllGuarded(root, s, cards);
        }
    }

    private static boolean insideLink(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p.nameIs("a") && p.hasAttr("href")) {
                return true;
            }
        }
        return false;
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
    private static void removeAllGuarded(Element root, TextStats stats, List<Element> hits) {
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
