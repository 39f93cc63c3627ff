package dev.newsharvester.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Reads what an element's {@code class} and {@code id} say about it. Tokens are split into
 * words at {@code - _ .}, digits and camelCase humps ({@code post_article_social_top} →
 * post, article, social, top), and matched as whole words, so "ad" matches {@code ad-slot} but
 * not {@code header}.
 */
final class ClassNames {

    /** Words that mark site chrome: sharing, related lists, ads, appeals, counters, bylines, captions. */
    private static final Set<String> BOILERPLATE_WORDS = Set.of(
            "share", "sharing", "shares", "sharebar", "sharethis", "social", "socials", "sociallinks",
            "related", "relatedposts", "rel", "recent", "popular", "trending", "mostread", "mostpopular", "recommended",
            "recommendations", "recommend", "readalso", "readmore", "readnext", "newsletter", "newsletters",
            "subscribe", "subscription", "subscriptions", "signup", "support", "donate", "donation", "patreon",
            "cookie", "cookies", "consent", "gdpr", "banner", "banners", "ad", "ads", "adv", "advert", "adverts",
            "advertisement", "advertising", "adslot", "adunit", "adsbygoogle", "dfp", "promo", "promos",
            "promoted", "sponsor", "sponsored", "sponsors", "sidebar", "comments", "comment", "disqus",
            "replies", "tags", "tag", "taglist", "breadcrumb", "breadcrumbs", "byline", "author", "authors",
            "counter", "counters", "views", "viewcount", "outbrain", "taboola", "widget", "widgets", "modal",
            "popup", "overlay", "caption", "captions", "credit", "credits", "meta", "dateline", "timestamp",
            "pubdate", "date", "nav", "navbar", "navigation", "menu", "footer", "masthead", "toolbar",
            "pagination", "pager", "print", "rating", "follow", "gallery", "photo", "image", "img", "video",
            "media", "embed", "teaser", "teasers", "more", "next", "prev", "previous", "also", "infobox",
            "login");

    /** Adjacent word pairs that mark chrome even when each word alone does not. */
    private static final Set<String> BOILERPLATE_PAIRS = Set.of(
            "read also", "also read", "read more", "see also", "most read", "more news", "more stories",
            "you may", "top stories", "latest news", "news feed", "news list", "read next");

    /** Words that must not trigger pruning on their own even though a chrome word is a prefix. */
    private static final Set<String> NEVER_ALONE = Set.of("more", "next", "prev", "previous", "also");

    /** WordPress puts {@code tag-<slug>} and {@code category-<slug>} on the article element itself. */
    private static final Set<String> TAXONOMY_PREFIXES = Set.of(
            "tag", "category", "categories", "topic", "post", "format", "status", "type");

    private static final Pattern ARTICLE_BODY_PAIR = Pattern.compile(
            "(article|post|entry|story|news|blog|single|body|full|content|publication|material|stattya|statya|novost)"
                    + "\\s+(body|content|text|copy|entry)|(article|story|post|entry)\\s+inner|main\\s+text|text\\s+body|"
                    + "name\\s+body");

    private static final Set<String> BODY_EXCLUDE = Set.of(
            "header", "meta", "footer", "title", "headline", "info", "tags", "author", "share", "related",
            "date", "top", "bottom", "aside", "sidebar", "nav", "comments", "comment", "lead", "image",
            "photo", "media", "teaser", "list", "subtitle", "summary");

    private ClassNames() {
    }

    /** The lower-case words of the element's class and id (taxonomy and modifier tokens skipped). */
    static List<String> words(Element e) {
        List<String> out = new ArrayList<>();
        addWords(out, e.className());
        addWords(out, e.id());
        return out;
    }

    private static void addWords(List<String> out, String attr) {
        if (attr == null) {
            return;
        }
        anyToken(attr, (s, start, end) -> {
            if (!isTaxonomy(s, start, end)) {
                splitToken(out, s, start, end);
                out.add("\u0000"); // token boundary: pairs never span two tokens
            }
            return false;
        });
    }

    /** A whitespace-separated token of a class or id attribute, as a range of the string. */
    @FunctionalInterface
    interface TokenTest {
        boolean test(String s, int start, int end);
    }

    /** True when the test holds for one of the whitespace-separated tokens (stops at the first). */
    static boolean anyToken(String attr, TokenTest test) {
        int n = attr.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(attr.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(attr.charAt(i))) {
                i++;
            }
            if (i > start && test.test(attr, start, i)) {
                return true;
            }
        }
        return false;
    }

    /** True when one of the class tokens, lower-cased, is in the set. */
    static boolean hasClassIn(String cls, Set<String> lowerCaseNames) {
        return anyToken(cls, (s, start, end) -> {
            for (String name : lowerCaseNames) {
                if (name.length() == end - start && s.regionMatches(true, start, name, 0, name.length())) {
                    return true;
                }
            }
            return false;
        });
    }

    /**
     * Splits at {@code - _ . :}, at digit boundaries and before a capital that follows a lower-case
     * letter. A segment (between separators) that splits into two or more one- or two-letter parts
     * is a generated id ({@code block-id-n1AuAdJlVL}, {@code sc-bZkfAd}) and gives no words: read as
     * words it would say "ad" by chance.
     */
    private static void splitToken(List<String> out, String s, int from, int to) {
        int segStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || isSeparator(s.charAt(i))) {
                if (i > segStart) {
                    splitSegment(out, s, segStart, i);
                }
                segStart = i + 1;
            }
        }
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == '_' || c == '.' || c == ':';
    }

    private static void splitSegment(List<String> out, String s, int from, int to) {
        int mark = out.size();
        int shortParts = 0;
        int start = from;
        for (int i = from + 1; i <= to; i++) {
            boolean cut = i == to;
            if (!cut) {
                char c = s.charAt(i);
                char prev = s.charAt(i - 1);
                cut = (Character.isUpperCase(c) && Character.isLowerCase(prev))
                        || Character.isDigit(c) != Character.isDigit(prev);
            }
            if (cut) {
                if (i - start <= 2 && !Character.isDigit(s.charAt(start))) {
                    shortParts++;
                }
                out.add(s.substring(start, i).toLowerCase(Locale.ROOT));
                start = i;
            }
        }
        if (shortParts >= 2 && out.size() - mark >= 3) {
            out.subList(mark, out.size()).clear(); // a generated id
        }
    }

    /** WordPress taxonomy tokens ({@code tag-politics}, {@code category-news}) name the topic, not the element. */
    private static boolean isTaxonomy(String s, int from, int to) {
        int dash = s.indexOf('-', from);
        if (dash < 0 || dash >= to - 1) {
            return false;
        }
        String prefix = s.substring(from, dash).toLowerCase(Locale.ROOT);
        return TAXONOMY_PREFIXES.contains(prefix) || MODIFIER_PREFIXES.contains(prefix);
    }

    /** State modifiers ({@code has-image}, {@code with-sidebar}, {@code no-comments}) say what an element holds, not what it is. */
    private static final Set<String> MODIFIER_PREFIXES = Set.of("has", "with", "without", "no");

    /** True when class/id words mark the element as chrome (share bars, related lists, ads, ...). */
    static boolean isBoilerplate(Element e) {
        return chromeStrength(e) > 0;
    }

    /**
     * True when the only chrome words are ones that page builders also put on the boxes of the
     * text itself, and a word next to them says text: {@code elementor-widget-text-editor},
     * {@code elementor-widget-heading}, {@code hs_cos_wrapper_meta_field hs_cos_wrapper_type_rich_text}.
     */
    /** True when the only chrome words are weak ones (widget, media, meta, ...). */
    static boolean isWeakChrome(Element e) {
        return chromeStrength(e) == 1;
    }

    static boolean isBuilderTextBox(Element e) {
        if (chromeStrength(e) != 1) {
            return false;
        }
        for (String w : words(e)) {
            if (TEXT_WORDS.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> TEXT_WORDS = Set.of(
            "text", "editor", "content", "body", "paragraph", "heading", "richtext", "rich", "copy", "prose");

    /** Words that name a kind of box rather than chrome: content sits in such boxes too. */
    private static final Set<String> WEAK_WORDS = Set.of(
            "widget", "widgets", "media", "embed", "meta", "modal", "overlay", "gallery", "photo", "image", "img",
            "video", "teaser", "teasers", "infobox", "banner", "banners");

    /** 0: no chrome word; 1: only weak ones; 2: a chrome word that never names a box of text. */
    private static int chromeStrength(Element e) {
        List<String> words = words(e);
        int strength = 0;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (i > 0 && MODIFIER_PREFIXES.contains(words.get(i - 1))) {
                continue; // card-has-image, layout-with-sidebar
            }
            if (BOILERPLATE_WORDS.contains(w) && !NEVER_ALONE.contains(w)) {
                if (!WEAK_WORDS.contains(w)) {
                    return 2;
                }
                strength = 1;
                continue;
            }
            if (i + 1 < words.size() && BOILERPLATE_PAIRS.contains(w + " " + words.get(i + 1))) {
                return 2;
            }
            if (w.length() > 6 && !w.equals("commentary") && (w.startsWith("share") || w.startsWith("social")
                    || w.startsWith("related") || w.startsWith("newsletter") || w.startsWith("subscri")
                    || w.startsWith("advert") || w.startsWith("sponsor") || w.startsWith("comment")
                    || w.startsWith("breadcrumb") || w.startsWith("outbrain") || w.startsWith("taboola")
                    || w.startsWith("cookie") || w.startsWith("readalso"))) {
                return 2;
            }
        }
        return strength;
    }

    /** Chrome that is prose too: comments and related-story boxes read like paragraphs but are never the article. */
    private static final Set<String> PROSE_CHROME_WORDS = Set.of(
            "comment", "comments", "replies", "disqus", "related", "outbrain", "taboola", "cookie", "cookies",
            "consent", "gdpr", "newsletter");

    /** True when class/id words name chrome made of prose (comments, related stories, consent texts). */
    static boolean isProseChrome(Element e) {
        for (String w : words(e)) {
            if (PROSE_CHROME_WORDS.contains(w) || (w.startsWith("comment") && !w.equals("commentary"))) {
                return true;
            }
        }
        return false;
    }

    /** Words of the class of a standfirst set apart from the text. */
    private static final Set<String> LEAD_WORDS = Set.of(
            "summary", "intro", "introduction", "standfirst", "excerpt", "sapo", "chapo", "chapeau", "abstract");

    /** True when class/id words name a summary or lead ({@code article__summary}, {@code summary-art}). */
    static boolean isLead(Element e) {
        for (String w : words(e)) {
            if (LEAD_WORDS.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** True for class/id tokens such as {@code article-body}, {@code post_article_text}, {@code entry-content}. */
    static boolean isArticleBody(Element e) {
        String cls = e.className();
        String id = e.id();
        if (!mayNameBody(cls) && !mayNameBody(id)) {
            return false; // every body name ends in one of these words
        }
        return hasBodyToken(cls) || hasBodyToken(id);
    }

    /** Whether the string contains body, content, text, copy, entry or inner (any case): one pass. */
    private static boolean mayNameBody(String s) {
        for (int i = 0, n = s.length() - 3; i < n; i++) {
            String word = switch (s.charAt(i) | 0x20) { // ASCII lower case
                case 'b' -> "body";
                case 'c' -> (s.charAt(i + 1) | 0x20) == 'o' && (s.charAt(i + 2) | 0x20) == 'p' ? "copy" : "content";
                case 't' -> "text";
                case 'e' -> "entry";
                case 'i' -> "inner";
                default -> null;
            };
            if (word != null && s.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasBodyToken(String attr) {
        for (String token : attr.trim().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            String lower = token.toLowerCase(Locale.ROOT);
            if (lower.equals("articlebody") || lower.equals("bodytext") || lower.equals("articletext")
                    || lower.equals("storybody") || lower.equals("fulltext") || lower.equals("entrycontent")
                    || lower.equals("postcontent") || lower.equals("itemfulltext")) {
                return true;
            }
            List<String> ws = new ArrayList<>();
            splitToken(ws, token, 0, token.length());
            boolean excluded = false;
            for (String w : ws) {
                excluded |= BODY_EXCLUDE.contains(w);
            }
            if (!excluded && ARTICLE_BODY_PAIR.matcher(String.join(" ", ws)).find()) {
                return true;
            }
        }
        return false;
    }

    /** Class/id string for regex tests (Readability's unlikely/positive/negative lists). */
    static String matchString(Element e) {
        return (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
    }
}
