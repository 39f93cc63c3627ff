package dev.newsharvester.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * Link-heavy blocks inside the article container: related-headline lists, menus and tag clouds
 * (by link density per tag), rivers of teaser cards around linked headlines, and small
 * {@code <article>} teasers. Each removal is guarded by {@link DomCleaner#removeGuarded} so a pass
 * that would take the article itself is abandoned.
 */
final class LinkBlocks {

    private LinkBlocks() {
    }

    /** Removes link-heavy lists, lines and boxes (related headlines, menus, tag clouds); two rounds. */
    static void filterLinkDensity(Element root, TextStats stats) {
        for (int round = 0; round < 2; round++) {
            DomCleaner.removeGuarded(root, stats, e -> isLinkHeavy(e, stats));
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
    static final int MAX_CARD_CHARS = 500;

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
        DomCleaner.removeAllGuarded(root, s, BodyExtractor.outermost(cards));
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
            DomCleaner.removeAllGuarded(root, s, cards);
        }
    }

    static boolean insideLink(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p.nameIs("a") && p.hasAttr("href")) {
                return true;
            }
        }
        return false;
    }
}
