package dev.newsharvester.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The second opinion: Mozilla Readability's content scoring, in short. Paragraph-like elements
 * score 1 + commas + one point per 100 characters (max 3); the score flows to the parent in full,
 * the grandparent by half and further ancestors by 1/(3 × level); ancestors start from a tag
 * bonus and ±25 for positive/negative class names; final scores are scaled by (1 − link density).
 * The best element is then widened to its parent when the parent scores about as well, and joined
 * by siblings that score well or read like prose.
 */
final class ReadabilityScorer {

    private static final Pattern UNLIKELY = Pattern.compile(
            "-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|"
                    + "legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|"
                    + "ad-break|agegate|pagination|pager|popup|yom-remote|cookie|newsletter|subscribe|share");
    private static final Pattern MAYBE = Pattern.compile("and|article|body|column|content|main|mathjax|shadow");
    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story");
    private static final Pattern NEGATIVE = Pattern.compile(
            "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|"
                    + "outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|"
                    + "byline|author|dateline|caption|credit|recent|popular|views|counter|subscribe|newsletter");

    private ReadabilityScorer() {
    }

    /** The best container's content (the top element and qualifying siblings), or null. Changes {@code root}. */
    static Element findContent(Element root) {
        stripUnlikely(root);
        wrapLooseText(root);
        Map<Element, Double> scores = new IdentityHashMap<>();
        TextStats stats = TextStats.of(root);
        List<Element> scorable = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            String tag = e.normalName();
            boolean paragraphLike = switch (tag) {
                case "p", "td", "pre", "h2", "h3", "h4", "h5", "h6", "section" -> true;
                case "div" -> !hasBlockChild(e);
                default -> false;
            };
            if (paragraphLike && stats.chars(e) >= 25) {
                scorable.add(e);
            }
        }
        for (Element e : scorable) {
            String text = e.text();
            int segments = text.split("[,，、]", -1).length;
            double score = 1 + segments + Math.min(Math.floor(text.length() / 100.0), 3);
            Element ancestor = e.parent();
            for (int level = 0; ancestor != null && level < 5; level++, ancestor = ancestor.parent()) {
                if (ancestor.parent() == null) {
                    break; // never the document itself
                }
                scores.computeIfAbsent(ancestor, ReadabilityScorer::initialScore);
                double share = level == 0 ? score : level == 1 ? score / 2 : score / (level * 3);
                scores.merge(ancestor, share, Double::sum);
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
        for (Element parent = top.parent(); parent != null && parent != root && parent.parent() != null;
             parent = parent.parent()) {
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
            content.appendChild(top.clone());
            return content;
        }
        double siblingThreshold = Math.max(10, topScore * 0.2);
        for (Element sib : parent.children()) {
            boolean append = sib == top;
            if (!append) {
                double bonus = !top.className().isEmpty() && sib.className().equals(top.className()) ? topScore * 0.2 : 0;
                Double ss = scores.get(sib);
                if (ss != null && ss + bonus >= siblingThreshold) {
                    append = true;
                } else if (sib.normalName().equals("p")) {
                    String t = sib.text();
                    double ld = stats.linkDensity(sib);
                    append = (t.length() > 80 && ld < 0.25)
                            || (t.length() <= 80 && t.length() > 0 && ld == 0 && (t.contains(". ") || t.endsWith(".")));
                }
            }
            if (append) {
                content.appendChild(sib.clone());
            }
        }
        return content;
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
            if (NEGATIVE.matcher(cls).find()) w -= 25;
            if (POSITIVE.matcher(cls).find()) w += 25;
        }
        if (!id.isEmpty()) {
            if (NEGATIVE.matcher(id).find()) w -= 25;
            if (POSITIVE.matcher(id).find()) w += 25;
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

    /**
     * Text lying directly in a div next to block children ({@code <div>text<br>text<div>..</div></div>})
     * is wrapped in {@code <p>} runs, split at {@code <br>}, so that it can be scored like paragraphs.
     */
    private static void wrapLooseText(Element root) {
        for (Element div : root.select("div, section, article, main, td")) {
            if (!hasBlockChild(div)) {
                continue;
            }
            List<Node> run = new ArrayList<>();
            for (Node n : new ArrayList<>(div.childNodes())) {
                boolean phrasing = n instanceof TextNode
                        || (n instanceof Element e && !BlockSerializer.BLOCK_TAGS.contains(e.normalName()));
                if (phrasing) {
                    run.add(n);
                } else {
                    wrap(run);
                }
            }
            wrap(run);
        }
    }

    private static void wrap(List<Node> run) {
        if (run.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (Node n : run) {
            text.append(n instanceof Element e ? e.text() : ((TextNode) n).text());
        }
        if (!text.toString().isBlank()) {
            Element p = new Element("p");
            run.get(0).before(p);
            for (Node n : run) {
                p.appendChild(n); // moves the node
            }
        }
        run.clear();
    }

    private static void stripUnlikely(Element root) {
        List<Element> hits = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element e && e != root) {
                    String tag = e.normalName();
                    if (tag.equals("table") || tag.equals("code") || tag.equals("pre")) {
                        return FilterResult.SKIP_ENTIRELY; // Readability leaves table/code content alone
                    }
                    if (!tag.equals("body") && !tag.equals("article") && !tag.equals("main") && !tag.equals("a")) {
                        String m = ClassNames.matchString(e);
                        if (m.length() > 1 && UNLIKELY.matcher(m).find() && !MAYBE.matcher(m).find()) {
                            hits.add(e);
                            return FilterResult.SKIP_ENTIRELY;
                        }
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        hits.forEach(Element::remove);
    }
}
