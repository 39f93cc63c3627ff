package dev.newsharvester.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * The boxes an image or video left behind once the media is removed: the wrapper with its caption,
 * credit or description, and nothing else. Gallery and gift-guide entries (a plain heading and a
 * sentence of prose beside the image) are content and stay.
 */
final class CaptionBoxes {

    private CaptionBoxes() {
    }

    /**
     * Wrappers that can make an image box. Quotes, list items and headings are content
     * that may carry an image (a screenshot quoted, a product in a list): the box never grows into them.
     */
    private static final Set<String> CAPTION_BOX_TAGS = Set.of(
            "div", "span", "a", "p", "section", "td", "tr", "tbody", "table", "center", "font", "small", "em", "i", "b", "strong");

    /** A caption holds at most this much text. */
    private static final int MAX_CAPTION_CHARS = 250;

    /**
     * The boxes that held an image or video (removed by now) and its caption (credit, description)
     * and nothing else: the largest ancestor of the media element with little text, none of it
     * running text beside the image (an image set inside a paragraph leaves the paragraph alone).
     */
    static List<Element> of(Element root, List<Element> mediaParents, TextStats stats) {
        List<Element> boxes = new ArrayList<>();
        for (Element parent : mediaParents) {
            Element box = null;
            for (Element p = parent; p != null && p != root && !DomCleaner.NEVER_PRUNED.contains(p.normalName()); p = p.parent()) {
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
                if (stats.chars(a) <= LinkBlocks.MAX_CARD_CHARS) {
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
                    heading |= stats.chars(e) > 0 && stats.linkDensity(e) < 0.5 && !LinkBlocks.insideLink(e);
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
}
