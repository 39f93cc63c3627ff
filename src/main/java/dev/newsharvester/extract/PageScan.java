package dev.newsharvester.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
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
    private static final String[] BYLINE_PARTS = {"author-name", "author__name", "authorline", "byline"};
    /**
     * BEM-style author elements of the article's own header: "article__author", "story__author",
     * "meta__author", "post_article_author"; not those of cards, images or quotes, nor an author
     * block ("article-author-box" holds a role and links too: its "__name" element is the byline).
     */
    private static final Pattern ARTICLE_AUTHOR_CLASS = Pattern.compile(
            "(?:^|\\s)(?![\\w-]*(?:card|teaser|recirc|latest|widget|grid|image|figcaption|quote|comment|related))"
                    + "[\\w-]*(?:article|story|post|entry|meta)[\\w-]*(?:__|_)authors?(?:\\s|$)");
    /** Class or id substrings of elements whose short text is often the visible date line. */
    private static final String[] DATE_PARTS = {"date", "time", "publish", "posted", "byline", "meta"};

    /**
     * Text that opens with a credit: "By Jane Doe", "Von Anna Sleegers", "Author: …", "（责编：…）".
     * "By" and its kin need a capital after them ("By the way" is no credit) or a name element; the
     * CJK labels a colon.
     */
    private static final Pattern CREDIT_START = Pattern.compile(
            "(?U)^[\\s(（\\[]*+(?:(?i:" + AuthorNames.CREDIT_WORDS + ")(?:\\s+\\p{Lu}|\\s*$)"
                    + "|(?i:author|authors|autor|autorin|auteur|автор|авторы|автори)\\s*:\\s*\\p{L}"
                    + "|(?:作者|记者|記者|责任编辑|責任編輯|责编|責編|编辑|編輯|撰文)\\s*[:：]\\s*\\p{L})");
    /** The first letters of the credit words and labels above (Cyrillic credit words need a label: "Від" also means "from"). */
    private static final String CREDIT_FIRST = "bvpdaа作记記责責编編撰";
    /** Text nodes longer than this are prose, not a credit. */
    private static final int MAX_CREDIT_TEXT = 160;

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
    /** Short text nodes that open with a credit word or label. */
    final List<TextNode> credits = new ArrayList<>();
    /** Paragraphs whose whole content is one bold element ({@code <p><strong>Jane Doe</strong></p>}). */
    final List<Element> boldParagraphs = new ArrayList<>();
    /** Values of {@code data-*} attributes named for the publication time ({@code data-publish-date}). */
    final List<String> dataPublished = new ArrayList<>();

    private PageScan() {
    }

    static PageScan of(Document doc) {
        PageScan scan = new PageScan();
        NodeTraversor.traverse((NodeVisitor) (Node node, int depth) -> {
            if (node instanceof Element e) {
                scan.classify(e);
            } else if (node instanceof TextNode t) {
                scan.classify(t);
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
        if (tag.equals("p") && e.childrenSize() == 1 && isBold(e.child(0))
                && e.textNodes().stream().allMatch(t -> t.text().replace('\u00a0', ' ').isBlank())) {
            boldParagraphs.add(e);
        }
        if (e.attributesSize() > 0) {
            for (Attribute a : e.attributes()) {
                if (a.getKey().startsWith("data-") && isPublishedDataKey(a.getKey())) {
                    dataPublished.add(a.getValue());
                }
            }
        }
    }

    private static boolean isBold(Element e) {
        return e.normalName().equals("strong") || e.normalName().equals("b");
    }

    private void classify(TextNode t) {
        String text = t.getWholeText();
        if (text.length() > MAX_CREDIT_TEXT) {
            return;
        }
        // Most text nodes are whitespace between tags or start with another letter: skip the regex.
        int i = 0;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || "(（[\u00a0".indexOf(text.charAt(i)) >= 0)) {
            i++;
        }
        if (i < text.length() && CREDIT_FIRST.indexOf(Character.toLowerCase(text.charAt(i))) >= 0
                && CREDIT_START.matcher(text).lookingAt()) {
            credits.add(t);
        }
    }

    /**
     * {@code data-publish-date}, {@code data-published-at}, {@code data-article-pubdate},
     * {@code data-deploy-dt}: a publishing word and otherwise only words for the article or a time;
     * not {@code data-publisher}, {@code data-re-deploy-dt} or {@code data-publish-url}.
     */
    static boolean isPublishedDataKey(String key) {
        if (!(key.contains("pub") || key.contains("deploy") || key.contains("releas") || key.contains("issued")
                || key.contains("posted"))) {
            return false; // most data-* attributes: no need to split them into words
        }
        boolean publishing = false;
        for (String w : key.substring(5).toLowerCase(Locale.ROOT).split("[-_]")) {
            if (PUBLISH_WORDS.contains(w)) {
                publishing = true;
            } else if (!DATA_DATE_WORDS.contains(w)) {
                return false;
            }
        }
        return publishing;
    }

    private static final Set<String> PUBLISH_WORDS = Set.of(
            "publish", "published", "publication", "pub", "pubdate", "publishdate", "publishedat", "publishtime",
            "deploy", "deployed", "release", "released", "issued", "posted");
    private static final Set<String> DATA_DATE_WORDS = Set.of(
            "article", "post", "story", "content", "page", "date", "dt", "time", "datetime", "at", "on", "ts",
            "timestamp");

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
        if (containsAny(cls, BYLINE_PARTS) || ARTICLE_AUTHOR_CLASS.matcher(cls).find()) {
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
