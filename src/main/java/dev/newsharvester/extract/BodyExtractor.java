package dev.newsharvester.extract;

import dev.newsharvester.outlet.Selectors;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Finds and cleans the article body.
 *
 * <ol>
 * <li>Pre-clean: hard chrome tags and hidden nodes go.
 * <li>Outlet selector, when set and matching, is the container.
 * <li>Otherwise a cascade of likely containers ({@code itemprop=articleBody} and article-body class
 *     names, {@code <article>}, story containers, content containers, {@code <main>}); the first
 *     level giving a real text wins. Readability-style scoring gives a second candidate, and
 *     trafilatura's arbitration picks between them.
 * <li>Every candidate is cleaned the same way: class/id chrome pruning (with a restore guard),
 *     link-density filtering, serialisation to paragraphs, line filtering.
 * <li>Under 250 characters: JSON-LD {@code articleBody}, then every paragraph of the page.
 * </ol>
 */
final class BodyExtractor {

    static final int MIN_BODY_CHARS = 250;

    /** The body as paragraphs, where it came from, and how many linked headlines its container held. */
    record Result(List<Block> blocks, String source, int linkedHeadings, boolean titled) {

        Result(List<Block> blocks, String source, int linkedHeadings) {
            this(blocks, source, linkedHeadings, false);
        }

        /** The same result, marked as coming from the article that carries the page's headline. */
        Result asTitled() {
            return new Result(blocks, source, linkedHeadings, true);
        }

        int chars() {
            int n = 0;
            for (Block b : blocks) {
                n += b.text().length();
            }
            return n;
        }

        int paragraphChars() {
            int n = 0;
            for (Block b : blocks) {
                if (b.kind() == Block.Kind.PARAGRAPH || b.kind() == Block.Kind.QUOTE) {
                    n += b.text().length();
                }
            }
            return n;
        }

        String text() {
            StringBuilder sb = new StringBuilder();
            for (Block b : blocks) {
                if (!sb.isEmpty()) {
                    sb.append("\n\n");
                }
                sb.append(b.text());
            }
            return sb.toString();
        }
    }

    /** Elements whose class says nothing about a container: links, inline markup, headings, items. */
    private static final Set<String> NOT_CONTAINERS = Set.of(
            "a", "b", "i", "em", "strong", "img", "small", "time", "abbr", "cite", "sup", "sub", "u", "s", "span",
            "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "figcaption", "label", "button");

    private static final Result EMPTY = new Result(List.of(), "none", 0);

    private BodyExtractor() {
    }

    static Result extract(Document doc, Selectors sel, Metadata meta) {
        Element body = doc.body();
        if (body == null) {
            return EMPTY;
        }
        List<Element> scripts = DomCleaner.preclean(body);
        LineFilter.Context ctx = new LineFilter.Context(meta.title(), meta.authors());

        if (sel.body() != null) {
            List<Element> matches = outermost(MetadataExtractor.select(body, sel.body()));
            if (!matches.isEmpty()) {
                Result r = process(wrap(matches), ctx, "selector");
                if (Text.words(r.text()) >= 25) {
                    return r;
                }
            }
        }

        List<Element> feeds = new ArrayList<>();
        Result own = cascade(body, ctx, feeds);
        Element scored = ReadabilityScorer.findContent(body.clone());
        Result alt = scored == null ? null : process(scored, ctx, "readability");
        Result best = arbitrate(own, alt);
        if (best == alt && own != null && own.chars() > 0 && isMostlyFrom(alt, feeds)) {
            best = own; // the scorer fell for the teaser feed the cascade had set aside
        }

        if (best.chars() < MIN_BODY_CHARS && meta.jsonLdBody() != null) {
            Result ld = fromJsonLd(meta.jsonLdBody(), ctx);
            if (ld.chars() > best.chars()) {
                best = ld;
            }
        }
        if (best.chars() < MIN_BODY_CHARS) {
            Result wild = allParagraphs(body, ctx);
            if (wild.chars() > best.chars()) {
                best = wild;
            }
        }
        if (best.chars() < MIN_BODY_CHARS) {
            List<Element> all = new ArrayList<>(doc.head() == null ? List.of() : doc.head().getElementsByTag("script"));
            all.addAll(scripts);
            Result scripted = fromScripts(all, ctx);
            if (scripted.chars() > best.chars()) {
                best = scripted;
            }
        }
        return best;
    }

    /** The longest article-like HTML found in script data (client-rendered pages). */
    private static Result fromScripts(List<Element> scripts, LineFilter.Context ctx) {
        Result best = EMPTY;
        for (String html : ScriptHtml.htmlStrings(scripts)) {
            Element frag = Parser.parseBodyFragment(html, "").body();
            DomCleaner.preclean(frag);
            Result r = process(frag, ctx, "script");
            if (r.paragraphChars() > best.paragraphChars()) {
                best = r;
            }
        }
        return best;
    }

    /** trafilatura's rule: the scorer's text replaces ours only when ours is empty, or much shorter. */
    private static Result arbitrate(Result own, Result alt) {
        if (alt == null || alt.chars() == 0) {
            return own == null ? EMPTY : own;
        }
        if (own == null || own.chars() == 0) {
            return alt;
        }
        if (own.titled() && own.paragraphChars() > 0) {
            return own; // the container of the article under the page's headline: more text elsewhere is not this story
        }
        if (own.chars() > 2 * alt.chars()) {
            return own;
        }
        if (alt.chars() > 2 * own.chars() && !alt.text().startsWith("{")) {
            return alt;
        }
        if (own.paragraphChars() == 0 && alt.chars() > 500) {
            return alt;
        }
        return own;
    }

    private static Result cascade(Element body, LineFilter.Context ctx, List<Element> feeds) {
        TextStats stats = TextStats.of(body);
        List<Function<Element, List<Element>>> levels = List.of(
                b -> {
                    List<Element> l = new ArrayList<>();
                    Map<Element, Boolean> seen = new IdentityHashMap<>();
                    for (Element e : b.getAllElements()) {
                        if (NOT_CONTAINERS.contains(e.normalName())) {
                            continue; // a.story-body__link, h1.story-body__h1
                        }
                        if (e.attr("itemprop").equalsIgnoreCase("articleBody") || ClassNames.isArticleBody(e)) {
                            // A class marking paragraphs as body text (p.bodytext) marks their parent as the body.
                            Element c = e.normalName().equals("p") && e.parent() != null ? e.parent() : e;
                            if (seen.put(c, Boolean.TRUE) == null) {
                                l.add(c);
                            }
                        }
                    }
                    return l;
                },
                b -> b.select("article"),
                b -> b.select("[role=article], #story, #article, .story, .article, .post, .entry, .story-content, "
                        + ".storycontent, .fulltext, .single-post, .field-body, .post-single, .single-content"),
                b -> b.select("#content, .content, #content-main, .content-main, #main-content, .main-content, "
                        + ".page-content, #page-content, #maincontent, .maincontent, #primary, .content-area"),
                b -> b.select("main, [role=main], [id^=main], [class^=main]"));
        Result weak = null;
        for (int i = 0; i < levels.size(); i++) {
            List<Element> all = levels.get(i).apply(body);
            List<Element> matches = withoutFeeds(outermost(all), all, stats, feeds);
            if (matches.isEmpty()) {
                continue;
            }
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

    /**
     * Sets aside the matches that are feeds: two or more other matches nested inside, holding
     * most of the text (an {@code <article>} wrapping a list of teaser {@code <article>}s), unless
     * nothing else is left. The feeds set aside are added to {@code feeds}.
     */
    private static List<Element> withoutFeeds(List<Element> outer, List<Element> all, TextStats stats,
                                              List<Element> feeds) {
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
                    if (n != null) {
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
            (n[0] >= 2 && n[1] * 2 >= stats.chars(e) ? dropped : kept).add(e);
        }
        if (kept.isEmpty()) {
            return outer;
        }
        feeds.addAll(dropped);
        return kept;
    }

    /** True when most of the result's text is text of the given elements. */
    private static boolean isMostlyFrom(Result r, List<Element> elements) {
        if (elements.isEmpty()) {
            return false;
        }
        StringBuilder sb = new StringBuilder();
        for (Element e : elements) {
            sb.append(Text.key(e.text()));
        }
        String pool = sb.toString();
        int found = 0;
        for (Block b : r.blocks()) {
            String k = Text.key(b.text());
            if (!k.isEmpty() && pool.contains(k)) {
                found += b.text().length();
            }
        }
        return found * 2 >= r.chars();
    }

    /**
     * The match with the most text; its siblings of the same class join it (articles split in
     * boxes). Body-class matches of the same class join it from anywhere in the page (Wired splits
     * its text over several {@code article__body} blocks in different wrappers).
     */
    private static Result bestOf(List<Element> matches, LineFilter.Context ctx, boolean anyParent) {
        Result best = null;
        Element bestEl = null;
        Result headed = null;
        Element headedEl = null;
        int limit = Math.min(matches.size(), 12);
        for (int i = 0; i < limit; i++) {
            Element m = matches.get(i);
            Result r = process(m.clone(), ctx, "cascade:" + m.normalName());
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
        if (headed != null && headedEl != bestEl && !isHeadedByTitle(scope(bestEl), ctx.title())) {
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
            Result merged = process(wrap(split), ctx, best.source() + "+siblings");
            if (merged.chars() > best.chars()) {
                best = merged;
            }
        }
        return titled ? best.asTitled() : best;
    }

    /** A result good enough to end the cascade: two blocks and some text, or a long text. */
    private static boolean isSubstantial(Result r) {
        return (r.blocks().size() >= 2 && r.chars() >= 150) || r.chars() >= 400;
    }

    /** The {@code <article>} the element is part of, or the element itself. */
    private static Element scope(Element e) {
        Element a = e.closest("article");
        return a == null ? e : a;
    }

    /** True when an h1 or h2 inside the element is the page's headline. */
    private static boolean isHeadedByTitle(Element scope, String title) {
        if (title == null || title.isBlank()) {
            return false;
        }
        String key = Text.key(title);
        for (Element h : scope.select("h1, h2")) {
            String t = h.text();
            if (t.length() < 400 && (Text.key(t).equals(key) || Text.wordSimilarity(t, title) >= 0.75)) {
                return true;
            }
        }
        return false;
    }

    /** The common cleaning of any candidate container (which it owns and changes). */
    static Result process(Element container, LineFilter.Context ctx, String source) {
        removeLeadingHeadline(container);
        DomCleaner.pruneBoilerplate(container);
        int linkedHeadings = DomCleaner.linkedHeadings(container);
        DomCleaner.filterLinkDensity(container);
        List<Block> blocks = LineFilter.filter(BlockSerializer.serialize(container), ctx);
        return new Result(blocks, source, linkedHeadings);
    }

    /** The first h1 before any paragraph is the headline, which the body does not repeat. */
    private static void removeLeadingHeadline(Element container) {
        for (Element e : container.getAllElements()) {
            String tag = e.normalName();
            if (tag.equals("p")) {
                return;
            }
            if (tag.equals("h1")) {
                e.remove();
                return;
            }
        }
    }

    private static Result fromJsonLd(String articleBody, LineFilter.Context ctx) {
        List<Block> raw = new ArrayList<>();
        if (articleBody.contains("<") && articleBody.contains(">")) {
            Document frag = Parser.parseBodyFragment(articleBody, "");
            raw.addAll(BlockSerializer.serialize(frag.body()));
        } else {
            for (String para : articleBody.split("\\s*\\n\\s*")) {
                String t = Text.collapse(para);
                if (!t.isEmpty()) {
                    raw.add(new Block(t, Block.Kind.PARAGRAPH));
                }
            }
        }
        return new Result(LineFilter.filter(raw, ctx), "json-ld", 0);
    }

    /** Last resort: every paragraph, quote and preformatted block of the cleaned page. */
    private static Result allParagraphs(Element body, LineFilter.Context ctx) {
        Element copy = body.clone();
        DomCleaner.pruneBoilerplate(copy);
        int linkedHeadings = DomCleaner.linkedHeadings(copy);
        DomCleaner.filterLinkDensity(copy);
        List<Block> raw = new ArrayList<>();
        for (Element e : outermost(copy.select("p, blockquote, pre"))) {
            raw.addAll(BlockSerializer.serialize(e));
        }
        return new Result(LineFilter.filter(raw, ctx), "paragraphs", linkedHeadings);
    }

    private static Element wrap(List<Element> parts) {
        Element div = new Element("div");
        for (Element p : parts) {
            div.appendChild(p.clone());
        }
        return div;
    }

    /** Drops elements nested in another element of the list (order kept). */
    static List<Element> outermost(List<Element> elements) {
        Map<Element, Boolean> set = new IdentityHashMap<>();
        for (Element e : elements) {
            set.put(e, Boolean.TRUE);
        }
        List<Element> out = new ArrayList<>();
        Map<Element, Boolean> seen = new IdentityHashMap<>();
        for (Element e : elements) {
            if (seen.put(e, Boolean.TRUE) != null) {
                continue;
            }
            boolean nested = false;
            for (Element p = e.parent(); p != null; p = p.parent()) {
                if (set.containsKey(p)) {
                    nested = true;
                    break;
                }
            }
            if (!nested) {
                out.add(e);
            }
        }
        return out;
    }
}
