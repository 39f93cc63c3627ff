package dev.newsharvester.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/** The cleaning passes of the body extractor. They change the tree they are given. */
final class DomCleaner {

    /** Removed with their content before anything else (they never hold article text). */
    private static final String HARD_TAGS = "script, style, noscript, nav, aside, footer, iframe, figure, figcaption, "
            + "svg, button, input, select, textarea, label, object, embed, video, audio, canvas, picture, template, "
            + "dialog, menu, link, meta, map, source, track, img, math, fieldset, [role=navigation], "
            + "[role=contentinfo], [role=complementary], [role=banner], [role=dialog], [role=alertdialog], "
            + "[role=menu], [role=menubar], [role=search], [role=toolbar]";

    private static final Pattern HIDDEN_STYLE = Pattern.compile("(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");

    private static final Set<String> HIDDEN_CLASSES = Set.of(
            "hidden", "hide", "d-none", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
            "screenreader-only", "invisible", "is-hidden", "u-hidden");

    private static final Set<String> NEVER_PRUNED = Set.of("article", "main", "body", "html");

    private DomCleaner() {
    }

    /**
     * Removes hard chrome tags, hidden nodes and small forms (a form holding most text is unwrapped).
     *
     * @return the scripts removed (their data may carry the article when the page renders it by script)
     */
    static List<Element> preclean(Element root) {
        int total = TextStats.of(root).chars(root);
        for (Element form : root.select("form")) {
            if (form.parent() == null) {
                continue;
            }
            if (TextStats.of(form).chars(form) > total / 2) {
                form.unwrap(); // ASP.NET pages wrap everything in one form
            } else {
                form.remove();
            }
        }
        Elements hard = root.select(HARD_TAGS);
        List<Element> scripts = new ArrayList<>();
        for (Element e : hard) {
            if (e.normalName().equals("script")) {
                scripts.add(e);
            }
        }
        hard.remove();
        TextStats stats = TextStats.of(root);
        removeGuarded(root, e -> isHidden(e) && !isProseBlock(e, stats));
        return scripts;
    }

    /**
     * Hidden prose is the rest of the article behind a paywall or a "read more" button (revealed by
     * script); hidden menus, pop-ups and consent boxes hold no run of real paragraphs.
     */
    private static boolean isProseBlock(Element e, TextStats stats) {
        if (stats.chars(e) < 400 || stats.linkDensity(e) > 0.3) {
            return false;
        }
        int paragraphs = 0;
        for (Element p : e.getElementsByTag("p")) {
            if (stats.chars(p) >= 80 && ++paragraphs >= 2) {
                return true;
            }
        }
        return false;
    }

    static boolean isHidden(Element e) {
        if (e.hasAttr("hidden") || "true".equalsIgnoreCase(e.attr("aria-hidden"))) {
            return true;
        }
        String style = e.attr("style");
        if (!style.isEmpty() && HIDDEN_STYLE.matcher(style).find()) {
            return true;
        }
        for (String c : e.classNames()) {
            if (HIDDEN_CLASSES.contains(c.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Class/id chrome pruning, undone when it would leave a seventh of the text or less. */
    static void pruneBoilerplate(Element root) {
        TextStats stats = TextStats.of(root);
        int total = stats.chars(root);
        removeGuarded(root, e -> ClassNames.isBoilerplate(e) && !isProse(e, stats, total) && !wrapsEmbeddedPost(e, stats));
    }

    /** Embedded posts (tweets, Instagram, TikTok) quote what the article discusses; their blockquote fallback is text. */
    private static final String EMBEDDED_POST =
            "blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed, blockquote.twitter-video";

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
     * links is the article, whatever its class says (WordPress puts {@code tag-social} on it).
     */
    private static boolean isProse(Element e, TextStats stats, int total) {
        if (stats.chars(e) * 2 < total || stats.linkDensity(e) >= 0.25) {
            return false;
        }
        int longParagraphs = 0;
        for (Element p : e.select("p")) {
            if (stats.chars(p) >= 100 && ++longParagraphs >= 2) {
                return true;
            }
        }
        return false;
    }

    /** Removes link-heavy lists, lines and boxes (related headlines, menus, tag clouds); two rounds. */
    static void filterLinkDensity(Element root) {
        for (int round = 0; round < 2; round++) {
            TextStats stats = TextStats.of(root);
            removeGuarded(root, e -> isLinkHeavy(e, stats));
        }
    }

    private static boolean isLinkHeavy(Element e, TextStats s) {
        int chars = s.chars(e);
        int links = s.links(e);
        if (links == 0 || chars == 0) {
            return false;
        }
        double ld = s.linkDensity(e);
        if (links == 1 && ld >= 0.9 && chars > 100 && !e.normalName().equals("a")) {
            return true; // one long linked headline (trafilatura's single-link rule)
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
    static int linkedHeadings(Element root) {
        TextStats s = TextStats.of(root);
        int n = 0;
        for (Element h : root.select("h2, h3, h4, h5, h6")) {
            if (s.chars(h) > 0 && (s.linkDensity(h) >= 0.6 || h.closest("a[href]") != null)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Removes the outermost elements matching the test, unless together they hold all but a
     * seventh of the text (then the pass is abandoned: it was about to remove the article).
     */
    static void removeGuarded(Element root, java.util.function.Predicate<Element> test) {
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
        if (hits.isEmpty()) {
            return;
        }
        TextStats stats = TextStats.of(root);
        int total = stats.chars(root);
        int removed = 0;
        for (Element e : hits) {
            removed += stats.chars(e);
        }
        if (total > 0 && total - removed <= total / 7) {
            return;
        }
        new Elements(hits).remove();
    }
}
