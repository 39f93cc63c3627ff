package dev.newsharvester.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The elements the metadata readers look at, found in one walk over the page (a dozen CSS
 * selectors with attribute-contains tests would each walk it again). All lists are in document
 * order.
 */
final class PageScan {

    /** Class names that mark a byline or an author name. */
    private static final Set<String> BYLINE_CLASSES = Set.of(
            "author-name", "author__name", "byline-name", "byline__name", "article-author", "post-author",
            "post_author_name", "author", "byline", "by-author", "posted-by", "journalist-name");
    /** Class substrings that mark a byline. */
    private static final String[] BYLINE_PARTS = {"author-name", "authorline", "byline"};
    /** Class or id substrings of elements whose short text is often the visible date line. */
    private static final String[] DATE_PARTS = {"date", "time", "publish", "posted", "byline", "meta"};

    /** The first {@code h1}, or null. */
    Element firstH1;
    /** The first {@code link rel=canonical}, or null. */
    Element canonical;
    final List<Element> bylines = new ArrayList<>();
    final List<Element> times = new ArrayList<>();
    final List<Element> publishedProps = new ArrayList<>();
    final List<Element> modifiedProps = new ArrayList<>();
    final List<Element> dateLines = new ArrayList<>();
    final List<Element> labels = new ArrayList<>();

    private PageScan() {
    }

    static PageScan of(Document doc) {
        PageScan scan = new PageScan();
        NodeTraversor.traverse((NodeVisitor) (Node node, int depth) -> {
            if (node instanceof Element e) {
                scan.classify(e);
            }
        }, doc);
        return scan;
    }

    private void classify(Element e) {
        String tag = e.normalName();
        if (firstH1 == null && tag.equals("h1")) {
            firstH1 = e;
        } else if (canonical == null && tag.equals("link") && e.attr("rel").toLowerCase(Locale.ROOT).contains("canonical")) {
            canonical = e;
        }
        String cls = e.className().toLowerCase(Locale.ROOT);
        String itemprop = e.attr("itemprop");
        if (isByline(e, cls, itemprop)) {
            bylines.add(e);
        }
        if (tag.equals("time")) {
            if (e.hasAttr("datetime") || e.hasAttr("pubdate") || itemprop.equalsIgnoreCase("datePublished")
                    || e.hasClass("published") || e.hasClass("entry-date")) {
                times.add(e);
            }
            dateLines.add(e);
        } else if (containsAny(cls, DATE_PARTS) || e.id().toLowerCase(Locale.ROOT).contains("date")) {
            dateLines.add(e);
        }
        if (!tag.equals("meta") && !itemprop.isEmpty()) {
            if (itemprop.equalsIgnoreCase("datePublished")) {
                publishedProps.add(e);
            } else if (itemprop.equalsIgnoreCase("dateModified")) {
                modifiedProps.add(e);
            }
        }
        if (tag.equals("strong") || tag.equals("b") || tag.equals("dt") || tag.equals("th") || tag.equals("label")) {
            labels.add(e);
        }
    }

    private static boolean isByline(Element e, String cls, String itemprop) {
        if (e.attr("rel").equalsIgnoreCase("author")) {
            return true;
        }
        if (!itemprop.isEmpty() && hasToken(itemprop.toLowerCase(Locale.ROOT), "author")) {
            return true;
        }
        if (cls.isEmpty() || !(cls.contains("author") || cls.contains("byline") || cls.contains("journalist")
                || cls.contains("posted-by"))) {
            return false;
        }
        if (containsAny(cls, BYLINE_PARTS)) {
            return true;
        }
        for (String c : BYLINE_CLASSES) {
            if (hasToken(cls, c)) {
                return true;
            }
        }
        return false;
    }

    /** True when the space-separated list holds the token. */
    private static boolean hasToken(String list, String token) {
        int from = 0;
        while (true) {
            int i = list.indexOf(token, from);
            if (i < 0) {
                return false;
            }
            int end = i + token.length();
            if ((i == 0 || Character.isWhitespace(list.charAt(i - 1)))
                    && (end == list.length() || Character.isWhitespace(list.charAt(end)))) {
                return true;
            }
            from = i + 1;
        }
    }

    private static boolean containsAny(String s, String[] parts) {
        for (String p : parts) {
            if (s.contains(p)) {
                return true;
            }
        }
        return false;
    }
}
