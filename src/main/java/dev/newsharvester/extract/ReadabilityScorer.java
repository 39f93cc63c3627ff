package dev.newsharvester.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The second opinion: Mozilla Readability's content scoring, in short. Paragraph-like elements
 * (and runs of loose text beside blocks) score 1 + commas + one point per 100 characters (max 3);
 * the score flows to the parent in full, the grandparent by half and further ancestors by
 * 1/(3 × level); ancestors start from a tag bonus and ±25 for positive/negative class names; final
 * scores are scaled by (1 − link density). The best element is then widened to its parent when the
 * parent scores about as well, and joined by siblings that score well or read like prose.
 *
 * <p>Reads the page without changing it: "unlikely" chrome is skipped, not removed, and only the
 * chosen content is copied.
 */
final class ReadabilityScorer {

    /** Readability's word lists, matched as substrings of the lower-cased class and id (as its regexes do). */
    private static final String[] UNLIKELY = {
        "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
        "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
        "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
        "yom-remote", "cookie", "newsletter", "subscribe", "share"};
    private static final String[] MAYBE = {"and", "article", "body", "column", "content", "main", "mathjax", "shadow"};
    private static final String[] POSITIVE = {
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text", "blog",
        "story"};
    private static final String[] NEGATIVE = {
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "media", "meta",
        "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping",
        "tags", "widget", "byline", "author", "dateline", "caption", "credit", "recent", "popular", "views", "counter",
        "subscribe", "newsletter"};

    private static boolean containsAny(String lower, String[] words) {
        for (String w : words) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** NEGATIVE, plus the class token "hid" on its own. */
    private static boolean isNegative(String lower) {
        return containsAny(lower, NEGATIVE) || ClassNames.anyToken(lower, (t, from, to) -> t.startsWith("hid", from) && to - from == 3);
    }

    private ReadabilityScorer() {
    }

    /** Something that scores: its text and the element its points go to first. */
    private record Scorable(String text, Element parent) {
    }

    /** The best container's content (a copy of the top element and qualifying siblings), or null. */
    static Element findContent(Element root) {
        TextStats stats = TextStats.of(root);
        Map<String, Integer> unlikelyNames = new java.util.HashMap<>(); // pages repeat their class names
        List<Scorable> scorable = new ArrayList<>();
        List<Element> unlikely = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            private int verbatim; // depth inside table/code/pre, whose content Readability leaves alone

            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element e) || e == root) {
                    return FilterResult.CONTINUE;
                }
                if (verbatim == 0 && isUnlikely(e, unlikelyNames)) {
                    unlikely.add(e);
                    return FilterResult.SKIP_ENTIRELY;
                }
                String tag = e.normalName();
                if (tag.equals("table") || tag.equals("code") || tag.equals("pre")) {
                    verbatim++;
                }
                boolean blockChild = hasBlockChild(e);
                boolean paragraphLike = switch (tag) {
                    case "p", "td", "pre", "h2", "h3", "h4", "h5", "h6", "section" -> true;
                    case "div" -> !blockChild;
                    default -> false;
                };
                if (paragraphLike && stats.chars(e) >= 25 && e.parent() != null) {
                    scorable.add(new Scorable(e.text(), e.parent()));
                }
                if (blockChild && isLooseTextHolder(tag)) {
                    addLooseText(e, scorable);
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && e != root) {
                    String tag = e.normalName();
                    if (tag.equals("table") || tag.equals("code") || tag.equals("pre")) {
                        verbatim--;
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        for (Element u : unlikely) {
            stats.exclude(u); // chrome counts neither as text nor as links of its ancestors
        }

        // in document order of first score, so a tie between two candidates goes the same way every time (an
        // IdentityHashMap iterates by identity hash: the same page could pick a different box on the next parse)
        Map<Element, Double> scores = new LinkedHashMap<>();
        for (Scorable s : scorable) {
            String text = s.text();
            int segments = 1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == ',' || c == '，' || c == '、') {
                    segments++;
                }
            }
            double score = 1 + segments + Math.min(Math.floor(text.length() / 100.0), 3);
            Element ancestor = s.parent();
            for (int level = 0; ancestor != null && ancestor != root && level < 5; level++, ancestor = ancestor.parent()) {
                double share = level == 0 ? score : level == 1 ? score / 2 : score / (level * 3);
                Double old = scores.get(ancestor);
                scores.put(ancestor, (old == null ? initialScore(ancestor) : old) + share);
            }
        }
        if (scores.isEmpty()) {
            return null;
        }
        Element top = null;
        double topScore = 0;
        for (Map.Entry<Element, Double> en : scores.entrySet()) {
            double s = en.getValue() * (1 - stats.linkDensity(en.getKey()));
            en.setValue(s);
            if (top == null || s > topScore) {
                top = en.getKey();
                topScore = s;
            }
        }
        // Widen to a parent that scores about as well (the article split over several boxes).
        double threshold = topScore / 3;
        double last = topScore;
        for (Element parent = top.parent(); parent != null && parent != root; parent = parent.parent()) {
            Double ps = scores.get(parent);
            if (ps == null) {
                continue;
            }
            if (ps < threshold) {
                break;
            }
            if (ps > last) {
                top = parent;
                topScore = ps;
                break;
            }
            last = ps;
        }
        while (top.parent() != null && top.parent() != root && top.parent().childrenSize() == 1) {
            top = top.parent();
        }
        Element parent = top.parent();
        Element content = new Element("div");
        if (parent == null) {
            content.appendChild(copy(top, unlikelyNames));
            return content;
        }
        Map<Element, Boolean> skipped = new IdentityHashMap<>();
        for (Element u : unlikely) {
            skipped.put(u, Boolean.TRUE);
        }
        double siblingThreshold = Math.max(10, topScore * 0.2);
        for (Element sib : parent.children()) {
            if (skipped.containsKey(sib)) {
                continue;
            }
            boolean append = sib == top;
            if (!append) {
                double bonus = !top.className().isEmpty() && sib.className().equals(top.className()) ? topScore * 0.2 : 0;
                Double ss = scores.get(sib);
                if (ss != null && ss + bonus >= siblingThreshold) {
                    append = true;
                } else if (sib.nameIs("p")) {
                    String t = sib.text();
                    double ld = stats.linkDensity(sib);
                    append = (t.length() > 80 && ld < 0.25)
                            || (t.length() <= 80 && t.length() > 0 && ld == 0 && (t.contains(". ") || t.endsWith(".")));
                }
            }
            if (append) {
                content.appendChild(copy(sib, unlikelyNames));
            }
        }
        return content;
    }

    private static boolean isLooseTextHolder(String tag) {
        return tag.equals("div") || tag.equals("section") || tag.equals("article") || tag.equals("main")
                || tag.equals("td");
    }

    /**
     * Text lying directly in a container next to block children ({@code <div>text<br>text<div>..</div></div>})
     * scores like paragraphs: one per run of inline content between blocks.
     */
    private static void addLooseText(Element holder, List<Scorable> out) {
        StringBuilder run = new StringBuilder();
        for (Node n : holder.childNodes()) {
            if (n instanceof TextNode t) {
                run.append(t.text());
            } else if (n instanceof Element e) {
                if (BlockSerializer.BLOCK_TAGS.contains(e.normalName())) {
                    flushRun(run, holder, out);
                } else {
                    run.append(e.text());
                }
            }
        }
        flushRun(run, holder, out);
    }

    private static void flushRun(StringBuilder run, Element holder, List<Scorable> out) {
        String text = Text.collapse(run.toString());
        if (TextStats.nonSpace(text) >= 25) {
            out.add(new Scorable(text, holder));
        }
        run.setLength(0);
    }

    /** A copy of the element without the unlikely chrome inside it. */
    private static Element copy(Element e, Map<String, Integer> unlikelyNames) {
        Element c = e.clone();
        List<Element> unlikely = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element x && x != c) {
                    String tag = x.normalName();
                    if (tag.equals("table") || tag.equals("code") || tag.equals("pre")) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (isUnlikely(x, unlikelyNames)) {
                        unlikely.add(x);
                        return FilterResult.SKIP_ENTIRELY;
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, c);
        unlikely.forEach(Element::remove);
        return c;
    }

    /** Readability's "unlikely candidate": chrome by its class or id, unless these also say "content". */
    private static boolean isUnlikely(Element e, Map<String, Integer> cache) {
        String tag = e.normalName();
        if (tag.equals("body") || tag.equals("article") || tag.equals("main") || tag.equals("a")) {
            return false;
        }
        String cls = e.className();
        String id = e.id();
        if (cls.isEmpty() && id.isEmpty()) {
            return false;
        }
        int flags = nameFlags(cls, cache) | nameFlags(id, cache);
        return flags == UNLIKELY_FLAG;
    }

    private static final int UNLIKELY_FLAG = 1;
    private static final int MAYBE_FLAG = 2;

    /** Whether the class or id string names chrome, content, or both; remembered per page. */
    private static int nameFlags(String name, Map<String, Integer> cache) {
        if (name.isEmpty()) {
            return 0;
        }
        Integer known = cache.get(name);
        if (known == null) {
            String lower = name.toLowerCase(Locale.ROOT);
            known = (containsAny(lower, UNLIKELY) ? UNLIKELY_FLAG : 0) | (containsAny(lower, MAYBE) ? MAYBE_FLAG : 0);
            if (cache.size() < 10_000) {
                cache.put(name, known);
            }
        }
        return known;
    }

    private static double initialScore(Element e) {
        double s = switch (e.normalName()) {
            case "div" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return s + classWeight(e);
    }

    private static double classWeight(Element e) {
        double w = 0;
        String cls = e.className().toLowerCase(Locale.ROOT);
        String id = e.id().toLowerCase(Locale.ROOT);
        if (!cls.isEmpty()) {
            if (isNegative(cls)) {
                w -= 25;
            }
            if (containsAny(cls, POSITIVE)) {
                w += 25;
            }
        }
        if (!id.isEmpty()) {
            if (isNegative(id)) {
                w -= 25;
            }
            if (containsAny(id, POSITIVE)) {
                w += 25;
            }
        }
        return w;
    }

    private static boolean hasBlockChild(Element e) {
        for (Element c : e.children()) {
            if (BlockSerializer.BLOCK_TAGS.contains(c.normalName())) {
                return true;
            }
        }
        return false;
    }
}
