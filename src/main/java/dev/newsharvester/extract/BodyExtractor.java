package dev.newsharvester.extract;

import dev.newsharvester.outlet.Selectors;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Finds and cleans the article body.
 *
 * <ol>
 * <li>Pre-clean: hard chrome tags and hidden nodes go.
 * <li>Outlet selector, when set and matching, is the container.
 * <li>Otherwise {@link ContainerCascade} gives a first candidate and {@link ReadabilityScorer} a
 *     second; trafilatura's arbitration picks between them, except that the article under the
 *     page's headline is kept, and a pick from a teaser feed is refused.
 * <li>Every candidate is cleaned the same way: class/id chrome pruning (with a restore guard),
 *     link-density filtering, serialisation to paragraphs, line filtering.
 * <li>Under 250 characters: JSON-LD {@code articleBody}, then every paragraph of the page, then
 *     article HTML carried in script data ({@link ScriptHtml}).
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

    private static final Result EMPTY = new Result(List.of(), "none", 0);

    private BodyExtractor() {
    }

    static Result extract(Document doc, Selectors sel, Metadata meta) {
        Element body = doc.body();
        if (body == null) {
            return EMPTY;
        }
        List<Element> scripts = DomCleaner.preclean(body);
        LineFilter.Context ctx = new LineFilter.Context(meta.title(), meta.authors(), meta.description());

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
        Result own = ContainerCascade.run(body, ctx, feeds);
        Element scored = ReadabilityScorer.findContent(body);
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
        if (own.titled() && own.paragraphChars() >= 400) {
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

    /** The common cleaning of any candidate container (which it owns and changes). */
    static Result process(Element container, LineFilter.Context ctx, String source) {
        removeLeadingHeadline(container);
        TextStats stats = TextStats.of(container);
        LinkBlocks.removeArticleCards(container, stats);
        DomCleaner.pruneBoilerplate(container, stats);
        int linkedHeadings = LinkBlocks.linkedHeadings(container, stats);
        LinkBlocks.removeTeaserCards(container, stats);
        LinkBlocks.filterLinkDensity(container, stats);
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
        TextStats stats = TextStats.of(copy);
        DomCleaner.pruneBoilerplate(copy, stats);
        int linkedHeadings = LinkBlocks.linkedHeadings(copy, stats);
        LinkBlocks.filterLinkDensity(copy, stats);
        List<Block> raw = new ArrayList<>();
        for (Element e : outermost(copy.select("p, blockquote, pre"))) {
            raw.addAll(BlockSerializer.serialize(e));
        }
        return new Result(LineFilter.filter(raw, ctx), "paragraphs", linkedHeadings);
    }

    /** A new div holding copies of the elements. */
    static Element wrap(List<Element> parts) {
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
