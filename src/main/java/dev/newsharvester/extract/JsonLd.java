package dev.newsharvester.extract;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The JSON-LD objects of a page, flattened (top-level arrays, {@code @graph}, {@code mainEntity}),
 * read leniently: comments, raw control characters, single quotes, trailing commas, HTML comment
 * or CDATA wrappers and several concatenated values are accepted; a block that still does not
 * parse is mined with regular expressions for the few fields the extractor uses.
 */
final class JsonLd {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER,
                    JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS,
                    JsonReadFeature.ALLOW_MISSING_VALUES)
            .build();

    private static final Pattern WRAPPER = Pattern.compile("^\\s*(<!--|//\\s*<!\\[CDATA\\[|<!\\[CDATA\\[)|(-->|//\\s*]]>|]]>|;)\\s*$");
    private static final Pattern STRING_FIELD = Pattern.compile(
            "\"(@type|headline|name|datePublished|dateModified|articleBody|inLanguage|articleSection|description)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern AUTHOR_NAME = Pattern.compile(
            "\"author\"\\s*:\\s*(?:\\[\\s*)?\\{[^{}]*?\"name\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static final int MAX_DEPTH = 8;

    private final List<JsonNode> objects;
    private final Map<String, JsonNode> byId;
    private final JsonNode article;

    private JsonLd(List<JsonNode> objects) {
        this.objects = objects;
        this.byId = new HashMap<>();
        for (JsonNode o : objects) {
            String id = o.path("@id").asText("");
            if (!id.isEmpty() && o.size() > 1) {
                byId.putIfAbsent(id, o);
            }
        }
        this.article = findArticle();
    }

    static JsonLd of(Document doc) {
        List<JsonNode> out = new ArrayList<>();
        for (Element script : doc.select("script[type~=(?i)application/ld\\+json]")) {
            String json = script.data();
            if (json.isBlank()) {
                continue;
            }
            for (JsonNode n : parse(json)) {
                collect(n, out, 0);
            }
        }
        return new JsonLd(out);
    }

    static List<JsonNode> parse(String json) {
        List<JsonNode> values = new ArrayList<>();
        String cleaned = WRAPPER.matcher(json.strip()).replaceAll("").strip();
        try (MappingIterator<JsonNode> it = MAPPER.readerFor(JsonNode.class).readValues(cleaned)) {
            while (it.hasNextValue()) {
                values.add(it.nextValue());
            }
            return values;
        } catch (Exception | StackOverflowError e) {
            if (!values.isEmpty()) {
                return values; // keep what parsed before the damage
            }
        }
        return List.of(salvage(cleaned));
    }

    /** Regex rescue of a block Jackson cannot read. */
    private static JsonNode salvage(String json) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        Matcher m = STRING_FIELD.matcher(json);
        while (m.find()) {
            if (!o.has(m.group(1))) {
                o.put(m.group(1), unescape(m.group(2)));
            }
        }
        Matcher a = AUTHOR_NAME.matcher(json);
        if (a.find()) {
            o.putObject("author").put("name", unescape(a.group(1)));
        }
        return o;
    }

    private static String unescape(String s) {
        try {
            return MAPPER.readValue("\"" + s + "\"", String.class);
        } catch (Exception e) {
            return s.replace("\\\"", "\"").replace("\\n", "\n").replace("\\/", "/");
        }
    }

    private static void collect(JsonNode n, List<JsonNode> out, int depth) {
        if (n == null || depth > MAX_DEPTH) {
            return;
        }
        if (n.isArray()) {
            for (JsonNode c : n) {
                collect(c, out, depth + 1);
            }
        } else if (n.isObject()) {
            if (n.has("@type") || n.has("headline")) {
                out.add(n);
            }
            collect(n.get("@graph"), out, depth + 1);
            JsonNode main = n.get("mainEntity");
            if (main != null && (main.isObject() || main.isArray())) {
                collect(main, out, depth + 1);
            }
        }
    }

    /** The first object typed as an article (NewsArticle, BlogPosting, ReportageNewsArticle...). */
    JsonNode article() {
        return article;
    }

    private JsonNode findArticle() {
        for (JsonNode o : objects) {
            if (isArticleType(o)) {
                return o;
            }
        }
        for (JsonNode o : objects) {
            if (o.hasNonNull("headline") || o.hasNonNull("articleBody")) {
                return o;
            }
        }
        return null;
    }

    /**
     * The node itself, or, when it is only a reference ({@code {"@id": "…"}}), the object of the page
     * with that {@code @id}; null stays null.
     */
    JsonNode resolve(JsonNode n) {
        if (n != null && n.isObject() && n.has("@id") && !n.has("name") && !n.has("@type")) {
            JsonNode target = byId.get(n.path("@id").asText(""));
            return target == null ? n : target;
        }
        return n;
    }

    /** Name of the article's publisher, or null. */
    String publisherName() {
        JsonNode art = article();
        return art == null ? null : string(resolve(art.get("publisher")), "name");
    }

    /**
     * Names the page gives itself: the article's publisher, then WebSite and Organization objects
     * (their {@code name} and {@code alternateName}).
     */
    List<String> siteNames() {
        List<String> names = new ArrayList<>();
        String p = publisherName();
        if (p != null) {
            names.add(p);
        }
        for (JsonNode o : objects) {
            for (String t : types(o)) {
                if (t.equals("website") || t.endsWith("organization")) {
                    for (String key : new String[] {"name", "alternateName"}) {
                        String name = string(o.get(key), "@value");
                        if (name != null && !names.contains(name)) {
                            names.add(name);
                        }
                    }
                }
            }
        }
        return names;
    }

    /** True when the page declares a listing (CollectionPage, ItemList, SearchResultsPage) and no article. */
    boolean declaresListing() {
        if (article() != null) {
            return false;
        }
        for (JsonNode o : objects) {
            for (String t : types(o)) {
                if (t.equals("collectionpage") || t.equals("itemlist") || t.equals("searchresultspage")) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean isArticleType(JsonNode o) {
        for (String t : types(o)) {
            if (t.endsWith("article") || t.contains("blogposting") || t.equals("report") || t.equals("newsarticle")) {
                return true;
            }
        }
        return false;
    }

    static List<String> types(JsonNode o) {
        List<String> out = new ArrayList<>();
        JsonNode t = o == null ? null : o.get("@type");
        if (t == null) {
            return out;
        }
        if (t.isArray()) {
            t.forEach(x -> out.add(typeName(x.asText())));
        } else {
            out.add(typeName(t.asText()));
        }
        return out;
    }

    private static String typeName(String t) {
        int slash = t.lastIndexOf('/');
        return (slash >= 0 ? t.substring(slash + 1) : t).toLowerCase(Locale.ROOT).trim();
    }

    /**
     * Text of a field that may be a string, an object with {@code key} (or {@code name}/{@code @value}),
     * or an array of those (the first usable one).
     */
    static String string(JsonNode n, String key) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isTextual() || n.isNumber()) {
            return Text.blankToNull(n.asText());
        }
        if (n.isArray()) {
            for (JsonNode c : n) {
                String s = string(c, key);
                if (s != null) {
                    return s;
                }
            }
            return null;
        }
        if (n.isObject()) {
            for (String k : new String[] {key, "name", "@value", "url"}) {
                JsonNode v = n.get(k);
                if (v != null && (v.isTextual() || v.isNumber())) {
                    return Text.blankToNull(v.asText());
                }
            }
        }
        return null;
    }

    /** All strings of a field that may be a string, an array of strings, or a comma list. */
    static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            for (JsonNode c : n) {
                out.addAll(strings(c));
            }
        } else if (n.isTextual()) {
            for (String s : n.asText().split(",")) {
                String c = Text.blankToNull(s);
                if (c != null) {
                    out.add(c);
                }
            }
        } else if (n.isObject()) {
            String s = string(n, "name");
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }
}
