package dev.newsharvester.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsharvester.outlet.Selectors;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * What the metadata readers share about one page: the parsed tree, its meta tags and JSON-LD,
 * the names the site gives itself, the outlet's selectors and zone.
 */
final class Page {

    final Document doc;
    final String url;
    final String host;
    final ZoneId zone;
    final Selectors selectors;
    final MetaTags meta;
    final JsonLd ld;
    final List<String> siteNames;
    final PageScan scan;
    private Set<Element> headlineAncestors;

    Page(Document doc, String url, Selectors selectors, ZoneId zone) {
        this.doc = doc;
        this.url = url;
        this.host = host(url);
        this.zone = zone;
        this.selectors = selectors;
        this.meta = MetaTags.of(doc);
        this.ld = JsonLd.of(doc);
        List<String> names = new ArrayList<>();
        for (String key : new String[] {"og:site_name", "application-name", "apple-mobile-web-app-title", "publisher"}) {
            add(names, meta.content(key));
        }
        ld.siteNames().forEach(n -> add(names, MetaText.clean(n)));
        this.siteNames = List.copyOf(names);
        this.scan = PageScan.of(doc);
    }

    /** True when the element contains the page's first {@code h1}. */
    boolean aroundHeadline(Element e) {
        if (headlineAncestors == null) {
            headlineAncestors = Collections.newSetFromMap(new IdentityHashMap<>());
            if (scan.firstH1 != null) {
                headlineAncestors.addAll(scan.firstH1.parents());
            }
        }
        return headlineAncestors.contains(e);
    }

    /** The JSON-LD article object, or null. */
    JsonNode article() {
        return ld.article();
    }

    /**
     * True when the text names the site itself: its og:site_name, publisher or WebSite name, its host
     * ("example.com", "www.example.com") or the host's first label ("example").
     */
    boolean isSiteName(String text) {
        return isSiteName(text, siteNames, host);
    }

    static boolean isSiteName(String text, List<String> siteNames, String host) {
        String k = MetaText.key(text);
        if (k.isEmpty()) {
            return false;
        }
        for (String s : siteNames) {
            if (MetaText.sameName(text, s)) {
                return true;
            }
        }
        if (host != null && !host.isEmpty()) {
            String h = host.toLowerCase(Locale.ROOT).replaceFirst("^(www\\d?|m|amp|mobile)\\.", "");
            String stem = h.contains(".") ? h.substring(0, h.indexOf('.')) : h;
            return MetaText.sameName(text, h) || MetaText.sameName(text, stem);
        }
        return false;
    }

    /** Elements matching an outlet selector; a broken selector matches nothing rather than failing. */
    static Elements select(Element root, String css) {
        if (css == null || css.isBlank()) {
            return new Elements();
        }
        try {
            return root.select(css);
        } catch (RuntimeException e) {
            return new Elements();
        }
    }

    /**
     * The length of the element's text, counted only up to {@code limit}: a larger element gives
     * {@code limit + 1} without its whole subtree being read (an ancestor of a byline may be the
     * whole page).
     */
    static int textLength(Element e, int limit) {
        int[] n = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    n[0] += t.text().strip().length() + 1;
                }
                return n[0] > limit ? FilterResult.STOP : FilterResult.CONTINUE;
            }
        }, e);
        return Math.min(n[0], limit + 1);
    }

    static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            return new URI(url.strip()).getHost();
        } catch (Exception e) {
            return null;
        }
    }

    /** Adds the name, and without its bracketed part too ("Deutsche Welle (www.dw.com)"). */
    private static void add(List<String> names, String name) {
        if (name == null) {
            return;
        }
        if (!names.contains(name)) {
            names.add(name);
        }
        String bare = Text.blankToNull(name.replaceAll("\\([^)]*\\)|\\[[^]]*]", " "));
        if (bare != null && !names.contains(bare)) {
            names.add(bare);
        }
    }
}
