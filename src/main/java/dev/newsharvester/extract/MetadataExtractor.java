package dev.newsharvester.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsharvester.outlet.Selectors;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Metadata from JSON-LD, OpenGraph/meta tags and the markup, in that order of trust, with the
 * outlet's selectors overriding when they match.
 */
final class MetadataExtractor {

    private MetadataExtractor() {
    }

    static Metadata extract(Document doc, String url, Selectors sel, ZoneId zone) {
        Page page = new Page(doc, url, sel, zone);
        JsonNode art = page.article();
        MetaTags meta = page.meta;

        String title = Headlines.title(page);
        List<String> authors = Bylines.authors(page);
        PublicationDates.Dates dates = PublicationDates.of(page);

        String language = language(doc.selectFirst("html") == null ? null : doc.selectFirst("html").attr("lang"));
        if (language == null) {
            language = language(meta.content("og:locale"));
        }
        if (language == null && art != null) {
            language = language(JsonLd.string(art.get("inLanguage"), "alternateName"));
        }
        if (language == null) {
            language = language(meta.content("content-language"));
        }
        if (language == null) {
            language = language(meta.content("language"));
        }

        String canonical = absolute(page.scan.canonical, "href");
        if (canonical == null) {
            canonical = absolute(meta.first("og:url"), "content");
        }

        String section = meta.content("article:section");
        if (section == null && art != null) {
            section = MetaText.clean(JsonLd.string(art.get("articleSection"), "name"));
        }

        List<String> tags = new ArrayList<>();
        for (Element e : meta.all("article:tag")) {
            addTag(tags, e.attr("content"));
        }
        for (String key : new String[] {"news_keywords", "keywords"}) {
            for (Element e : meta.all(key)) {
                for (String t : e.attr("content").split("[,;]")) {
                    addTag(tags, t);
                }
            }
        }
        if (tags.isEmpty() && art != null) {
            JsonLd.strings(art.get("keywords")).forEach(t -> addTag(tags, t));
        }

        String image = absolute(meta.first("og:image"), "content");
        if (image == null) {
            image = absolute(meta.first("og:image:url"), "content");
        }
        if (image == null) {
            image = absolute(meta.first("twitter:image"), "content");
        }
        if (image == null && art != null) {
            image = resolve(url, JsonLd.string(page.ld.resolve(art.get("image")), "url"));
        }

        String description = meta.content("description");
        if (description == null) {
            description = meta.content("og:description");
        }
        if (description == null) {
            description = meta.content("twitter:description");
        }
        if (description == null && art != null) {
            description = MetaText.clean(JsonLd.string(art.get("description"), "name"));
        }

        String jsonLdBody = art == null ? null : JsonLd.string(art.get("articleBody"), "@value");
        String ogType = meta.content("og:type");
        boolean declaresArticle = art != null && JsonLd.isArticleType(art)
                || (ogType != null && ogType.toLowerCase(Locale.ROOT).contains("article"));
        return new Metadata(title, authors, dates.published(), dates.modified(), language, canonical, section,
                tags.size() > 50 ? tags.subList(0, 50) : tags, image, description, jsonLdBody, declaresArticle,
                page.ld.declaresListing(), Paywalls.scan(page));
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

    /** Elements matching an outlet selector; a broken selector matches nothing rather than failing. */
    static Elements select(Element root, String css) {
        return Page.select(root, css);
    }
}
