package dev.newsharvester.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;

/**
 * Reads whether an article is free or paywalled and whether its body is cut off by the paywall, from what every
 * paywall leaves in a page: schema.org {@code isAccessibleForFree} (with {@code hasPart} naming the paywalled part by
 * {@code cssSelector}) and {@code wordCount}, the {@code article:content_tier} meta tag, paywall boxes (class and id
 * words of {@link PaywallWords}) and calls to subscribe to read on in the content, never in the header, menus,
 * footer or a newsletter box. Generic: no rule names a site.
 *
 * <p>Two steps, because the body extractor edits the tree: {@link #scan} before it, {@link #access} after.
 */
final class Paywalls {

    /** A body under this share of the declared word count is cut off. */
    private static final double SHORT_OF_DECLARED = 0.6;

    /** Paragraphs at least this long are the ones a paywall cuts after. */
    private static final int MIN_PARAGRAPH = 40;

    /** Calls to subscribe are short; longer text is prose about subscriptions. */
    private static final int MAX_CALL = 200;

    /** A paywall box holds an offer; a longer one holds the paywalled text itself. */
    private static final int MAX_WALL = 600;

    /** The declared paywalled part is in the body when this share of its paragraphs' text is. */
    private static final double PART_IN_BODY = 0.6;

    /** Chrome where a "subscribe" box is the newsletter's or the site's, not the article's paywall. */
    private static final Set<String> CHROME_TAGS = Set.of("header", "nav", "footer", "aside");
    private static final Set<String> CHROME_WORDS = Set.of(
            "newsletter", "newsletters", "footer", "cookie", "cookies", "consent", "gdpr", "nav", "navbar", "navigation",
            "menu", "sidebar", "masthead", "header", "related", "comments", "comment", "social", "share");
    private static final Set<String> BLOCK_TAGS = Set.of(
            "p", "div", "section", "article", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "form", "table");
    private static final Set<String> CALL_TAGS = Set.of(
            "p", "div", "span", "li", "h2", "h3", "h4", "h5", "h6", "a", "button", "strong", "b", "em");

    /**
     * What the page shows before the body is read.
     *
     * @param declared      what the page declares about being free
     * @param signals       what was seen, in the order found
     * @param shown         a paywall shows in the content (a call to subscribe, a paywall box with text)
     * @param called        a call to subscribe to read on shows in the content
     * @param declaredWords the JSON-LD {@code wordCount}, 0 when none
     * @param partKeys      text keys of the paragraphs of the declared paywalled part; null when no part is declared
     * @param beforeWall    text keys of the paragraph just before each paywall box or call
     * @param faded         text keys of paragraphs whose class says they fade out
     */
    record Scan(Access.Free declared, List<String> signals, boolean shown, boolean called, int declaredWords,
            List<String> partKeys,
            Set<String> beforeWall, Set<String> faded) {
    }

    private Paywalls() {
    }

    static Scan scan(Page page) {
        List<String> signals = new ArrayList<>();
        JsonNode art = page.article();
        Access.Free declared = art == null ? Access.Free.UNKNOWN : bool(art.get("isAccessibleForFree"));
        if (declared != Access.Free.UNKNOWN) {
            signals.add("jsonld:free=" + declared.name().toLowerCase(Locale.ROOT));
        }
        List<String> partKeys = art == null ? null : paywalledPart(page, art.get("hasPart"), signals);
        if (partKeys != null && declared == Access.Free.UNKNOWN) {
            declared = Access.Free.FALSE;
        }
        String tier = page.meta.content("article:content_tier");
        if (tier != null) {
            String t = tier.strip().toLowerCase(Locale.ROOT);
            signals.add("tier:" + t);
            if (declared == Access.Free.UNKNOWN && PaywallWords.LOCKED_TIERS.contains(t)) {
                declared = Access.Free.FALSE;
            } else if (declared == Access.Free.UNKNOWN && PaywallWords.FREE_TIERS.contains(t)) {
                declared = Access.Free.TRUE;
            }
        }
        int words = art == null ? 0 : count(art.get("wordCount"));
        Walk walk = new Walk();
        if (page.doc.body() != null) {
            NodeTraversor.filter(walk, page.doc.body());
        }
        signals.addAll(walk.signals);
        return new Scan(declared, signals, walk.shown, walk.called, words, partKeys, walk.beforeWall, walk.faded);
    }

    /** The access of the extracted body, given what the scan saw. */
    static Access access(Scan scan, List<Block> body) {
        List<String> signals = new ArrayList<>(scan.signals());
        Access.Free free = scan.declared();
        if (free == Access.Free.UNKNOWN && scan.shown()) {
            free = Access.Free.FALSE;
        }
        // a page that says it is free is paywalled only when it also asks to subscribe to read on
        boolean paywalled = free == Access.Free.FALSE || (free == Access.Free.TRUE ? scan.called() : scan.shown());
        String bodyKey = Text.key(joined(body));
        String last = lastParagraph(body);
        String lastKey = Text.key(last);
        boolean truncated = false;
        if (!paywalled) {
            return new Access(free, false, false, signals); // a free text that ends oddly is not cut off by a paywall
        }
        if (scan.partKeys() != null && !scan.partKeys().isEmpty() && inBody(scan.partKeys(), bodyKey)) {
            signals.add("part:in-body"); // the paywalled part is served and extracted: metered, not cut
        } else {
            if (scan.partKeys() != null && !scan.partKeys().isEmpty()) {
                truncated = true; // served (often hidden) but not in the text
                signals.add("part:not-in-body");
            } else if (scan.partKeys() != null) {
                signals.add("part:missing"); // also a marker class of its own: the word count decides
            }
            int words = Text.words(joined(body));
            if (scan.declaredWords() > 0 && words < scan.declaredWords() * SHORT_OF_DECLARED) {
                truncated = true;
                signals.add("words:" + words + "/" + scan.declaredWords());
            }
            if (!lastKey.isEmpty() && scan.beforeWall().contains(lastKey)) {
                truncated = true;
                signals.add("ends:at-paywall");
            }
            if (!lastKey.isEmpty() && scan.faded().contains(lastKey)) {
                truncated = true;
                signals.add("ends:faded");
            }
            if (last.endsWith("…") || last.endsWith("...")) {
                truncated = true;
                signals.add("ends:ellipsis");
            } else if (!last.isEmpty() && endsMidSentence(last)) {
                truncated = true;
                signals.add("ends:mid-sentence");
            }
        }
        return new Access(free, true, truncated, signals);
    }

    /**
     * Keys of the text of the elements a non-free {@code hasPart} names by {@code cssSelector} (empty when they are
     * not in the page), or null when no paywalled part is declared.
     */
    private static List<String> paywalledPart(Page page, JsonNode hasPart, List<String> signals) {
        if (hasPart == null || hasPart.isNull()) {
            return null;
        }
        List<String> keys = null;
        for (JsonNode part : hasPart.isArray() ? hasPart : List.of(hasPart)) {
            if (!part.isObject() || bool(part.get("isAccessibleForFree")) != Access.Free.FALSE) {
                continue;
            }
            keys = keys == null ? new ArrayList<>() : keys;
            for (String css : JsonLd.strings(part.get("cssSelector"))) {
                signals.add("jsonld:part=" + css);
                for (Element e : Page.select(page.doc, css)) {
                    Elements paragraphs = e.select("p");
                    for (Element p : paragraphs.isEmpty() ? List.of(e) : paragraphs) {
                        String k = Text.key(p.text());
                        if (k.length() >= 20) {
                            keys.add(k);
                        }
                    }
                }
            }
        }
        return keys;
    }

    /** A schema.org boolean: JSON true/false or the strings "True", "false", "https://schema.org/False". */
    static Access.Free bool(JsonNode n) {
        if (n == null || n.isNull()) {
            return Access.Free.UNKNOWN;
        }
        if (n.isBoolean()) {
            return n.asBoolean() ? Access.Free.TRUE : Access.Free.FALSE;
        }
        String s = n.asText("").strip().toLowerCase(Locale.ROOT);
        s = s.substring(s.lastIndexOf('/') + 1);
        return switch (s) {
            case "true", "yes" -> Access.Free.TRUE;
            case "false", "no" -> Access.Free.FALSE;
            default -> Access.Free.UNKNOWN;
        };
    }

    private static int count(JsonNode n) {
        if (n == null || n.isNull()) {
            return 0;
        }
        if (n.isNumber()) {
            return Math.max(0, n.asInt());
        }
        try {
            return Math.max(0, Integer.parseInt(n.asText("").replaceAll("[\\s,.]", "")));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** True when most of the paragraphs' text (by length) is in the body. */
    private static boolean inBody(List<String> keys, String bodyKey) {
        long total = 0;
        long found = 0;
        for (String k : keys) {
            total += k.length();
            found += bodyKey.contains(k) ? k.length() : 0;
        }
        return found >= total * PART_IN_BODY;
    }

    /** A paragraph that stops on a word or a comma, where a sentence cannot end. */
    private static boolean endsMidSentence(String p) {
        char c = p.charAt(p.length() - 1);
        return Character.isLetter(c) || c == ',' || c == ';' || c == '-';
    }

    private static String joined(List<Block> body) {
        StringBuilder sb = new StringBuilder();
        for (Block b : body) {
            sb.append(b.text()).append('\n');
        }
        return sb.toString();
    }

    private static String lastParagraph(List<Block> body) {
        for (int i = body.size() - 1; i >= 0; i--) {
            if (!body.get(i).isHeading()) {
                return body.get(i).text().strip();
            }
        }
        return "";
    }

    /** The document-order walk over the page body: paywall boxes, calls, and the paragraph before each. */
    private static final class Walk implements NodeFilter {
        final List<String> signals = new ArrayList<>();
        final Set<String> beforeWall = new HashSet<>();
        final Set<String> faded = new HashSet<>();
        boolean shown;
        boolean called;
        private String lastParagraph;

        @Override
        public FilterResult head(Node node, int depth) {
            if (!(node instanceof Element e)) {
                return FilterResult.CONTINUE;
            }
            String tag = e.normalName();
            List<String> words = ClassNames.words(e);
            if (CHROME_TAGS.contains(tag) || words.stream().anyMatch(CHROME_WORDS::contains)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (isBox(words)) {
                int length = Page.textLength(e, MAX_WALL);
                if (length > MAX_WALL) {
                    note("box:content"); // the paywalled text itself, served in the page: read on inside
                    return FilterResult.CONTINUE;
                }
                boolean says = length >= 20 && proseLength(e) >= 20; // "Subscribe | Log in" links are a menu
                note(says ? "box" : "box:empty");
                if (says) {
                    wall();
                }
                return FilterResult.SKIP_ENTIRELY;
            }
            if (CALL_TAGS.contains(tag) && !hasBlockChild(e) && Page.textLength(e, MAX_CALL) <= MAX_CALL) {
                String t = e.text().strip();
                if (!t.isEmpty() && PaywallWords.CONTINUE_CALL.matcher(t).find()) {
                    note("call");
                    called = true;
                    wall();
                    return FilterResult.SKIP_ENTIRELY;
                }
            }
            if (tag.equals("p")) {
                String t = e.text().strip();
                if (t.length() >= MIN_PARAGRAPH) {
                    lastParagraph = Text.key(t);
                    if (words.stream().anyMatch(PaywallWords.FADE_WORDS::contains)) {
                        faded.add(lastParagraph);
                    }
                }
                return FilterResult.SKIP_ENTIRELY;
            }
            return FilterResult.CONTINUE;
        }

        private void note(String signal) {
            if (!signals.contains(signal)) {
                signals.add(signal);
            }
        }

        private void wall() {
            shown = true;
            if (lastParagraph != null) {
                beforeWall.add(lastParagraph);
            }
        }

        private static boolean isBox(List<String> words) {
            for (int i = 0; i < words.size(); i++) {
                if (PaywallWords.BOX_WORDS.contains(words.get(i))
                        || (i + 1 < words.size() && PaywallWords.BOX_PAIRS.contains(words.get(i) + " " + words.get(i + 1)))) {
                    return true;
                }
            }
            return false;
        }

        /** Characters of the element's text outside links. */
        private static int proseLength(Element e) {
            int n = e.text().length();
            for (Element a : e.select("a, button")) {
                n -= a.text().length();
            }
            return n;
        }

        private static boolean hasBlockChild(Element e) {
            for (Element c : e.children()) {
                if (BLOCK_TAGS.contains(c.normalName())) {
                    return true;
                }
            }
            return false;
        }
    }
}
