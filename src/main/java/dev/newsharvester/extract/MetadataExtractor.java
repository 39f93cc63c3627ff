package dev.newsharvester.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsharvester.outlet.Selectors;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Metadata from JSON-LD, OpenGraph/meta tags and the markup, in that order of trust, with the
 * outlet's selectors overriding when they match.
 */
final class MetadataExtractor {

    private static final String[] PUBLISHED_KEYS = {
            "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
            "article.published", "published_time", "pubdate", "publishdate", "publish-date", "publish_date",
            "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created", "parsely-pub-date", "sailthru.date",
            "date", "release_date", "og:pubdate"};
    private static final String[] MODIFIED_KEYS = {
            "article:modified_time", "og:article:modified_time", "og:updated_time", "datemodified",
            "article.updated", "modified_time", "last-modified", "lastmod", "dc.date.modified", "dcterms.modified"};
    private static final String[] AUTHOR_KEYS = {
            "author", "article:author", "og:article:author", "byl", "dc.creator", "dcterms.creator",
            "sailthru.author", "parsely-author", "cxenseparse:author"};
    private static final String BYLINE_SELECTOR = "[rel=author], [itemprop~=(?i)^author$], .author-name, .author__name, "
            + ".byline-name, .byline__name, .article-author, .post-author, .post_author_name, .author, .byline, "
            + ".by-author, .posted-by, .journalist-name, [class*=author-name], [class*=byline]";

    private MetadataExtractor() {
    }

    static Metadata extract(Document doc, String url, Selectors sel, ZoneId zone) {
        Map<String, List<Element>> meta = metaTags(doc);
        JsonLd ld = JsonLd.of(doc);
        JsonNode art = ld.article();
        String host = host(url);

        List<String> siteNames = new ArrayList<>();
        addIfPresent(siteNames, content(meta, "og:site_name"));
        addIfPresent(siteNames, content(meta, "application-name"));
        addIfPresent(siteNames, ld.siteName());

        String title = null;
        String override = selectText(doc, sel.title());
        if (override != null) {
            title = TitleCleaner.clean(override, siteNames, host, false);
        }
        if (title == null && art != null) {
            title = TitleCleaner.clean(JsonLd.string(art.get("headline"), "name"), siteNames, host, false);
        }
        if (title == null) {
            title = TitleCleaner.clean(content(meta, "og:title"), siteNames, host, false);
        }
        if (title == null) {
            title = TitleCleaner.clean(content(meta, "twitter:title"), siteNames, host, false);
        }
        if (title == null) {
            Elements h1 = doc.select("h1");
            if (!h1.isEmpty()) {
                title = TitleCleaner.clean(h1.first().text(), siteNames, host, false);
            }
        }
        if (title == null) {
            title = TitleCleaner.clean(doc.title(), siteNames, host, true);
        }

        List<String> authors = authors(doc, sel, meta, art);

        OffsetDateTime published = null;
        if (sel.date() != null) {
            published = dateFromElement(first(doc, sel.date()), zone);
        }
        if (published == null && art != null) {
            published = DateParser.parse(JsonLd.string(art.get("datePublished"), "@value"), zone);
        }
        if (published == null) {
            published = dateFromMeta(meta, PUBLISHED_KEYS, zone);
        }
        if (published == null) {
            published = dateFromElement(doc.selectFirst("[itemprop=datePublished]"), zone);
        }
        if (published == null) {
            published = dateFromElement(doc.selectFirst("time[pubdate], time.published, time.entry-date, "
                    + "[class*=publish] time[datetime], time[itemprop], article time[datetime], time[datetime]"), zone);
        }
        OffsetDateTime modified = null;
        if (art != null) {
            modified = DateParser.parse(JsonLd.string(art.get("dateModified"), "@value"), zone);
        }
        if (modified == null) {
            modified = dateFromMeta(meta, MODIFIED_KEYS, zone);
        }
        if (modified == null) {
            modified = dateFromElement(doc.selectFirst("[itemprop=dateModified]"), zone);
        }

        String language = language(doc.selectFirst("html") == null ? null : doc.selectFirst("html").attr("lang"));
        if (language == null) {
            language = language(content(meta, "og:locale"));
        }
        if (language == null && art != null) {
            language = language(JsonLd.string(art.get("inLanguage"), "alternateName"));
        }
        if (language == null) {
            language = language(content(meta, "content-language"));
        }
        if (language == null) {
            language = language(content(meta, "language"));
        }

        String canonical = absolute(doc.selectFirst("link[rel~=(?i)^canonical$]"), "href");
        if (canonical == null) {
            canonical = absolute(first(meta, "og:url"), "content");
        }

        String section = content(meta, "article:section");
        if (section == null && art != null) {
            section = JsonLd.string(art.get("articleSection"), "name");
        }

        List<String> tags = new ArrayList<>();
        for (Element e : meta.getOrDefault("article:tag", List.of())) {
            addTag(tags, e.attr("content"));
        }
        for (String key : new String[] {"news_keywords", "keywords"}) {
            for (Element e : meta.getOrDefault(key, List.of())) {
                for (String t : e.attr("content").split("[,;]")) {
                    addTag(tags, t);
                }
            }
        }
        if (tags.isEmpty() && art != null) {
            JsonLd.strings(art.get("keywords")).forEach(t -> addTag(tags, t));
        }

        String image = absolute(first(meta, "og:image"), "content");
        if (image == null) {
            image = absolute(first(meta, "og:image:url"), "content");
        }
        if (image == null) {
            image = absolute(first(meta, "twitter:image"), "content");
        }
        if (image == null && art != null) {
            image = resolve(url, JsonLd.string(art.get("image"), "url"));
        }

        String description = content(meta, "description");
        if (description == null) {
            description = content(meta, "og:description");
        }
        if (description == null) {
            description = content(meta, "twitter:description");
        }
        if (description == null && art != null) {
            description = JsonLd.string(art.get("description"), "name");
        }

        String jsonLdBody = art == null ? null : JsonLd.string(art.get("articleBody"), "@value");
        String ogType = content(meta, "og:type");
        boolean declaresArticle = art != null && JsonLd.isArticleType(art)
                || (ogType != null && ogType.toLowerCase(Locale.ROOT).contains("article"));
        return new Metadata(title, authors, published, modified, language, canonical, section,
                tags.size() > 50 ? tags.subList(0, 50) : tags, image, description, jsonLdBody, declaresArticle,
                ld.declaresListing());
    }

    private static List<String> authors(Document doc, Selectors sel, Map<String, List<Element>> meta, JsonNode art) {
        List<String> names = new ArrayList<>();
        if (sel.authors() != null) {
            for (Element e : select(doc, sel.authors())) {
                AuthorNames.addAll(names, AuthorNames.clean(e.text()));
            }
            if (!names.isEmpty()) {
                return names;
            }
        }
        if (art != null) {
            JsonNode a = art.get("author");
            List<JsonNode> items = new ArrayList<>();
            if (a != null && a.isArray()) {
                a.forEach(items::add);
            } else if (a != null) {
                items.add(a);
            }
            for (JsonNode item : items) {
                if (item.isTextual()) {
                    AuthorNames.addAll(names, AuthorNames.clean(item.asText()));
                } else if (item.isObject() && !isOrganization(item)) {
                    String name = JsonLd.string(item.get("name"), "@value");
                    if (name == null && item.has("givenName")) {
                        name = (item.path("givenName").asText("") + " " + item.path("familyName").asText("")).strip();
                    }
                    AuthorNames.addAll(names, AuthorNames.clean(name));
                }
            }
            if (!names.isEmpty()) {
                return names;
            }
        }
        for (String key : AUTHOR_KEYS) {
            for (Element e : meta.getOrDefault(key, List.of())) {
                List<String> cleaned = AuthorNames.clean(e.attr("content"));
                // A lone word in a meta author is usually the outlet ("UNN", "admin"), not a person.
                cleaned.removeIf(n -> !n.contains(" "));
                AuthorNames.addAll(names, cleaned);
            }
            if (!names.isEmpty()) {
                break;
            }
        }
        List<String> byline = bylineNames(doc);
        // Meta tags often name only the first author: a byline naming them all (and more) is better.
        if (names.isEmpty() || (byline.size() > names.size() && containsAllIgnoreCase(byline, names))) {
            return byline;
        }
        return names;
    }

    private static boolean containsAllIgnoreCase(List<String> all, List<String> some) {
        for (String s : some) {
            if (all.stream().noneMatch(a -> a.equalsIgnoreCase(s))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> bylineNames(Document doc) {
        List<String> names = new ArrayList<>();
        for (Element e : doc.select(BYLINE_SELECTOR)) {
            if (names.size() >= 6) {
                break;
            }
            if (inChrome(e) || e.text().length() > 120) {
                continue;
            }
            Element name = e.selectFirst("[itemprop=name]");
            String text = name != null ? name.text() : e.text();
            AuthorNames.addAll(names, AuthorNames.clean(text));
        }
        return names;
    }

    private static boolean isOrganization(JsonNode item) {
        for (String t : JsonLd.types(item)) {
            if (t.contains("organization") || t.equals("corporation") || t.equals("newsmediaorganization")) {
                return true;
            }
        }
        return false;
    }

    /** Inside navigation, sidebars, footers, related lists or comments: a name there is not the byline. */
    private static boolean inChrome(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            String tag = p.normalName();
            if (tag.equals("aside") || tag.equals("footer") || tag.equals("nav")) {
                return true;
            }
            String m = ClassNames.matchString(p);
            if (m.contains("related") || m.contains("comment") || m.contains("sidebar") || m.contains("recent")
                    || m.contains("popular") || m.contains("teaser")) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, List<Element>> metaTags(Document doc) {
        Map<String, List<Element>> map = new LinkedHashMap<>();
        for (Element m : doc.select("meta[content]")) {
            for (String attr : new String[] {"property", "name", "itemprop", "http-equiv"}) {
                String k = m.attr(attr).trim().toLowerCase(Locale.ROOT);
                if (!k.isEmpty()) {
                    map.computeIfAbsent(k, x -> new ArrayList<>()).add(m);
                }
            }
        }
        return map;
    }

    private static Element first(Map<String, List<Element>> meta, String key) {
        List<Element> l = meta.get(key);
        return l == null || l.isEmpty() ? null : l.get(0);
    }

    private static String content(Map<String, List<Element>> meta, String key) {
        for (Element e : meta.getOrDefault(key, List.of())) {
            String v = Text.blankToNull(e.attr("content"));
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static OffsetDateTime dateFromMeta(Map<String, List<Element>> meta, String[] keys, ZoneId zone) {
        for (String k : keys) {
            for (Element e : meta.getOrDefault(k, List.of())) {
                OffsetDateTime d = DateParser.parse(e.attr("content"), zone);
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    private static OffsetDateTime dateFromElement(Element e, ZoneId zone) {
        if (e == null) {
            return null;
        }
        for (String attr : new String[] {"datetime", "content", "data-datetime", "data-date", "title"}) {
            OffsetDateTime d = DateParser.parse(e.attr(attr), zone);
            if (d != null) {
                return d;
            }
        }
        return DateParser.parse(e.text(), zone);
    }

    static String language(String raw) {
        String s = Text.blankToNull(raw);
        if (s == null) {
            return null;
        }
        String primary = s.split("[-_\\s]")[0].toLowerCase(Locale.ROOT);
        if (!primary.matches("[a-z]{2,3}")) {
            return null;
        }
        return switch (primary) {
            case "ua" -> "uk"; // a frequent mistake on Ukrainian sites: "ua" is the country, "uk" the language
            case "iw" -> "he";
            case "in" -> "id";
            case "ji" -> "yi";
            default -> primary;
        };
    }

    private static String absolute(Element e, String attr) {
        if (e == null) {
            return null;
        }
        String abs = e.absUrl(attr);
        if (abs.isEmpty()) {
            abs = e.attr(attr).strip();
        }
        return abs.startsWith("http://") || abs.startsWith("https://") ? abs : null;
    }

    private static String resolve(String base, String ref) {
        if (ref == null) {
            return null;
        }
        try {
            URI r = base == null || base.isEmpty() ? new URI(ref) : new URI(base).resolve(ref.strip());
            String s = r.toString();
            return s.startsWith("http://") || s.startsWith("https://") ? s : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static void addTag(List<String> tags, String raw) {
        String t = Text.blankToNull(raw);
        if (t == null || t.length() > 80) {
            return;
        }
        for (String x : tags) {
            if (x.equalsIgnoreCase(t)) {
                return;
            }
        }
        tags.add(t);
    }

    private static void addIfPresent(List<String> l, String s) {
        if (s != null) {
            l.add(s);
        }
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

    private static Element first(Element root, String css) {
        Elements e = select(root, css);
        return e.isEmpty() ? null : e.first();
    }

    private static String selectText(Element root, String css) {
        Element e = first(root, css);
        return e == null ? null : Text.blankToNull(e.text());
    }
}
