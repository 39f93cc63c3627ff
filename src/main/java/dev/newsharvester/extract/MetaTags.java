package dev.newsharvester.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The {@code <meta>} tags of a page by name, property, itemprop or http-equiv. Keys are compared
 * loosely: case and the separators {@code : . _ -} do not matter, because outlets write
 * {@code article:published_time}, {@code article:published:time} and {@code article.published} alike.
 */
final class MetaTags {

    private final Map<String, List<Element>> byKey = new LinkedHashMap<>();

    private MetaTags() {
    }

    static MetaTags of(Document doc) {
        MetaTags tags = new MetaTags();
        for (Element m : doc.select("meta[content]")) {
            List<String> seen = new ArrayList<>(2);
            for (String attr : new String[] {"property", "name", "itemprop", "http-equiv"}) {
                String k = key(m.attr(attr));
                if (!k.isEmpty() && !seen.contains(k)) {
                    seen.add(k);
                    tags.byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(m);
                }
            }
        }
        return tags;
    }

    static String key(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '.' || c == '_' || c == '-' || c == ':') {
                sb.append(':');
            } else if (!Character.isWhitespace(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** The tags with that key, in document order (empty when none). */
    List<Element> all(String key) {
        return byKey.getOrDefault(key(key), List.of());
    }

    /** The first tag with that key, or null. */
    Element first(String key) {
        List<Element> l = all(key);
        return l.isEmpty() ? null : l.get(0);
    }

    /** The first non-blank content with that key, entities decoded and whitespace collapsed; or null. */
    String content(String key) {
        for (Element e : all(key)) {
            String v = MetaText.clean(e.attr("content"));
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
