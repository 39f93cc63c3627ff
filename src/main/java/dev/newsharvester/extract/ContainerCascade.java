package dev.newsharvester.extract;

import dev.newsharvester.extract.BodyExtractor.Result;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * The first opinion on where the article is: a cascade of likely containers, tried in order (after
 * trafilatura's {@code BODY_XPATH}): article-body class names and {@code itemprop=articleBody};
 * {@code <article>}; story containers; content containers; {@code <main>}. The first level whose
 * best match gives a real text wins.
 *
 * <p>Within a level: feeds (a match wrapping several other matches) are set aside; the match under
 * the page's headline wins over longer ones (stacked articles); otherwise the longest; matches of
 * the same class split around it join it.
 */
final class ContainerCascade {

    /** Elements whose class says nothing about a container: links, inline markup, headings, items. */
    private static final Set<String> NOT_CONTAINERS = Set.of(
            "a", "b", "i", "em", "strong", "img", "small", "time", "abbr", "cite", "sup", "sub", "u", "s", "span",
            "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "figcaption", "label", "button");

    private static final Set<String> STORY_IDS = Set.of("story", "article");
    private static final Set<String> STORY_CLASSES = Set.of(
            "story", "article", "post", "entry", "story-content", "storycontent", "fulltext", "single-post",
            "field-body", "post-single", "single-content");
    private static final Set<String> CONTENT_IDS = Set.of(
            "content", "content-main", "main-content", "page-content", "maincontent", "primary");
    private static final Set<String> CONTENT_CLASSES = Set.of(
            "content", "content-main", "main-content", "page-content", "maincontent", "content-area");

    private static final int LEVELS = 5;

    /** At most this many matches of a level are cleaned and compared. */
    private static final int MAX_CANDIDATES = 12;

    private ContainerCascade() {
    }

    /**
     * The cascade's result, or null when no level matched. Feeds set aside are added to {@code feeds}
     * (the scorer's pick is checked against them). Reads the page; cleans copies.
     */
    static Result run(Element body, LineFilter.Context ctx, List<Element> feeds) {
        TextStats stats = TextStats.of(body);
        List<List<Element>> levels = classify(body);
        Result weak = null;
        for (int i = 0; i < LEVELS; i++) {
            List<Element> all = levels.get(i);
            if (all.isEmpty()) {
                continue;
            }
            List<Element> matches = withoutFeeds(BodyExtractor.outermost(all), all, stats, feeds, ctx.title());
            Result best = bestOf(matches, ctx, i == 0);
            if (best == null) {
                continue;
            }
            if (isSubstantial(best)) {
                return best;
            }
            if (weak == null || best.chars() > weak.chars()) {
                weak = best;
            }
        }
        return weak;
    }

    /** The matches of every level, in document order, in one pass over the page. */
    private static List<List<Element>> classify(Element body) {
        List<List<Element>> levels = new ArrayList<>(LEVELS);
        for (int i = 0; i < LEVELS; i++) {
            levels.add(new ArrayList<>());
        }
        Map<Element, Boolean> bodyClassSeen = new IdentityHashMap<>();
        for (Element e : body.getAllElements()) {
            String tag = e.normalName();
            if (e.attributesSize() == 0) {
                if (tag.equals("article")) {
                    levels.get(1).add(e);
                } else if (tag.equals("main")) {
                    levels.get(4).add(e);
                }
                continue;
            }
            if (!NOT_CONTAINERS.contains(tag) && (ClassNames.isArticleBody(e)
                    || (e.hasAttr("itemprop") && e.attr("itemprop").equalsIgnoreCase("articleBody")))) {
                // A class marking paragraphs as body text (p.bodytext) marks their parent as the body.
                Element c = tag.equals("p") && e.parent() != null ? e.parent() : e;
                if (bodyClassSeen.put(c, Boolean.TRUE) == null) {
                    levels.get(0).add(c);
                }
            }
            if (tag.equals("article")) {
                levels.get(1).add(e);
            }
            String id = e.id();
            String cls = e.className();
            String role = e.attr("role");
            if (role.equalsIgnoreCase("article") || STORY_IDS.contains(id) || ClassNames.hasClassIn(cls, STORY_CLASSES)) {
                levels.get(2).add(e);
            }
            if (CONTENT_IDS.contains(id) || ClassNames.hasClassIn(cls, CONTENT_CLASSES)) {
                levels.get(3).add(e);
            }
            if (tag.equals("main") || role.equalsIgnoreCase("main") || id.regionMatches(true, 0, "main", 0, 4)
                    || cls.regionMatches(true, 0, "main", 0, 4)) {
                levels.get(4).add(e);
            }
        }
        return levels;
    }

    /**
     * Sets aside the matches that are feeds: two or more other matches nested inside, holding
     * most of the text (an {@code <article>} wrapping a list of teaser {@code <article>}s), unless
     * nothing else is left. Nested matches that are chrome by their class (comments, related
     * boxes) do not make a feed, nor does a match carrying the page's headline. The feeds set aside
     * are added to {@code feeds}.
     */
    private static List<Element> withoutFeeds(List<Element> outer, List<Element> all, TextStats stats,
                                              List<Element> feeds, String title) {
        if (outer.size() == all.size() || outer.size() < 2) {
            return outer;
        }
        Map<Element, int[]> nested = new IdentityHashMap<>(); // count, chars
        for (Element e : outer) {
            nested.put(e, new int[2]);
        }
        Map<Element, Boolean> matched = new IdentityHashMap<>();
        for (Element e : all) {
            matched.put(e, Boolean.TRUE);
        }
        for (Element e : all) {
            for (Element p = e.parent(); p != null; p = p.parent()) {
                if (matched.containsKey(p)) { // the nearest enclosing match
                    int[] n = nested.get(p);
                    if (n != null && !ClassNames.isBoilerplate(e)) {
                        n[0]++;
                        n[1] += stats.chars(e);
                    }
                    break;
                }
            }
        }
        List<Element> kept = new ArrayList<>();
        List<Element> dropped = new ArrayList<>();
        for (Element e : outer) {
            int[] n = nested.get(e);
            boolean feed = n[0] >= 2 && n[1] * 2 >= stats.chars(e) && !isHeadedByTitle(e, title);
            (feed ? dropped : kept).add(e);
        }
        if (kept.isEmpty()) {
            return outer;
        }
        feeds.addAll(dropped);
        return kept;
    }

    /**
     * The match with the most text, unless another one is headed by the page title; matches of the
     * same class join it: its siblings (articles split in boxes), or for body-class matches any in
     * the same {@code <article>} (Wired splits its text over several {@code article__body} blocks
     * in different wrappers).
     */
    private static Result bestOf(List<Element> matches, LineFilter.Context ctx, boolean anyParent) {
        Result best = null;
        Element bestEl = null;
        Result headed = null;
        Element headedEl = null;
        int limit = Math.min(matches.size(), MAX_CANDIDATES);
        for (int i = 0; i < limit; i++) {
            Element m = matches.get(i);
            Result r = BodyExtractor.process(m.clone(), ctx, "cascade:" + m.normalName());
            if (best == null || r.chars() > best.chars()) {
                best = r;
                bestEl = m;
            }
            if (headed == null && isSubstantial(r) && isHeadedByTitle(scope(m), ctx.title())) {
                headed = r;
                headedEl = m;
            }
        }
        if (bestEl == null) {
            return null;
        }
        // Stacked articles: the headed one must still be a real body, not a header box with the h1.
        if (headed != null && headedEl != bestEl && headed.chars() * 5 >= best.chars() * 2
                && !isHeadedByTitle(scope(bestEl), ctx.title())) {
            best = headed; // stacked articles (infinite scroll): the page's own story is the one under its title
            bestEl = headedEl;
        }
        boolean titled = headedEl == bestEl;
        Element bestScope = scope(bestEl);
        List<Element> split = new ArrayList<>();
        for (Element m : matches) {
            if ((anyParent ? scope(m) == bestScope : m.parent() == bestEl.parent())
                    && m.className().equals(bestEl.className()) && m.normalName().equals(bestEl.normalName())) {
                split.add(m);
            }
        }
        if (split.size() > 1) {
            Result merged = BodyExtractor.process(BodyExtractor.wrap(split), ctx, best.source() + "+siblings");
            if (merged.chars() > best.chars()) {
                best = merged;
            }
        }
        List<Element> parts = split.size() > 1 && best.source().endsWith("+siblings") ? split : List.of(bestEl);
        Element lead = leadBefore(parts.get(0));
        if (lead != null) {
            List<Element> withLead = new ArrayList<>();
            withLead.add(lead);
            withLead.addAll(parts);
            Result led = BodyExtractor.process(BodyExtractor.wrap(withLead), ctx, best.source() + "+lead");
            if (led.chars() > best.chars()) {
                best = led;
            }
        }
        return titled ? best.asTitled() : best;
    }

    /**
     * The summary set just before the body container, outside it ({@code div.article__summary}
     * beside {@code div.article__text}): the first text-bearing sibling before it, a paragraph-like
     * box whose class says summary or intro, holding one run of prose and no links. A deck in the
     * page header is not such a sibling, and stays out; nor is a box called "lead", which AEB's
     * pages leave out as often as not.
     */
    private static Element leadBefore(Element first) {
        for (Element p = first.previousElementSibling(); p != null; p = p.previousElementSibling()) {
            int chars = TextStats.nonSpace(p.text());
            if (chars == 0) {
                continue; // an emptied media box or ad slot between them
            }
            if (chars < 60 || chars > 600 || !(p.nameIs("p") || p.nameIs("div") || p.nameIs("section"))
                    || !ClassNames.isLead(p) || !p.select("a[href], h1, h2, h3, h4, h5, h6, li").isEmpty()) {
                return null;
            }
            return p;
        }
        return null;
    }

    /** A result good enough to end the cascade: two blocks and some text, or a long text. */
    private static boolean isSubstantial(Result r) {
        return (r.blocks().size() >= 2 && r.chars() >= 150) || r.chars() >= 400;
    }

    /** The {@code <article>} the element is part of, or the element itself. */
    private static Element scope(Element e) {
        for (Element a = e; a != null; a = a.parent()) {
            if (a.nameIs("article")) {
                return a;
            }
        }
        return e;
    }

    /** True when an h1 or h2 inside the element is the page's headline. */
    private static boolean isHeadedByTitle(Element scope, String title) {
        if (title == null || title.isBlank()) {
            return false;
        }
        String key = Text.key(title);
        for (Element h : scope.getAllElements()) {
            if (h.nameIs("h1") || h.nameIs("h2")) {
                String t = h.text();
                if (t.length() < 400 && (Text.key(t).equals(key) || Text.wordSimilarity(t, title) >= 0.75)) {
                    return true;
                }
            }
        }
        return false;
    }
}
