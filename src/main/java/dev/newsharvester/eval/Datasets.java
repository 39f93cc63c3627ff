package dev.newsharvester.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the two dataset layouts the python scorers read. A folder of another shape is refused
 * with the layout it lacks.
 */
public final class Datasets {

    static final ObjectMapper JSON = new ObjectMapper();

    private Datasets() {
    }

    /**
     * An article-extraction-benchmark folder: {@code ID.html} pages, each with {@code ID.json}
     * holding {@code url} and {@code articleBody}. Pages in file-name order.
     */
    public static List<AebPage> aeb(Path dir) {
        requireDirectory(dir);
        String layout = "expected ID.html pages, each with an ID.json holding url and articleBody";
        List<AebPage> pages = new ArrayList<>();
        for (Path json : list(dir)) {
            String name = json.getFileName().toString();
            if (!name.endsWith(".json") || !Files.isRegularFile(json)) {
                continue;
            }
            String id = name.substring(0, name.length() - 5);
            JsonNode record = read(json);
            if (!record.has("articleBody")) {
                throw new IllegalArgumentException(dir + " is not an AEB dataset: " + name + " has no articleBody (" + layout + ")");
            }
            Path html = dir.resolve(id + ".html");
            if (!Files.isRegularFile(html)) {
                throw new IllegalArgumentException(dir + " is not a complete AEB dataset: " + name + " has no " + id + ".html beside it");
            }
            pages.add(new AebPage(id, html, text(record, "url"), text(record, "articleBody")));
        }
        if (pages.isEmpty()) {
            throw new IllegalArgumentException(dir + " is not an AEB dataset: no ID.json files in it (" + layout + ")");
        }
        return pages;
    }

    /**
     * A fundus-style folder: {@code COUNTRY/PUBLISHER/NAME.html} with a sibling {@code NAME.json}
     * holding url, title, authors, published and body_text. JSON files without a page beside them
     * are not pages (as for the python scorer). Pages in path order.
     */
    public static List<FundusPage> fundus(Path dir) {
        requireDirectory(dir);
        String layout = "expected COUNTRY/PUBLISHER/NAME.html pages, each with a NAME.json holding url, title, authors, published and body_text";
        List<FundusPage> pages = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path json : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                String name = json.getFileName().toString();
                String id = name.substring(0, name.length() - 5);
                Path html = json.resolveSibling(id + ".html");
                if (!Files.isRegularFile(json) || !Files.isRegularFile(html)) {
                    continue;
                }
                JsonNode record = read(json);
                if (!record.has("body_text")) {
                    throw new IllegalArgumentException(dir + " is not a fundus dataset: " + dir.relativize(json)
                            + " has no body_text (" + layout + ")");
                }
                Path other = seen.put(id, json);
                if (other != null) {
                    throw new IllegalArgumentException("two pages named " + id + " in " + dir + ": " + dir.relativize(other)
                            + " and " + dir.relativize(json) + " (outputs are one NAME.json per page)");
                }
                List<String> authors = new ArrayList<>();
                record.path("authors").forEach(a -> authors.add(a.asText()));
                pages.add(new FundusPage(id, html, text(record, "url"), text(record, "title"), authors,
                        text(record, "published"), text(record, "body_text")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        if (pages.isEmpty()) {
            throw new IllegalArgumentException(dir + " is not a fundus dataset: no NAME.html with NAME.json found under it (" + layout + ")");
        }
        return pages;
    }

    static void requireDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(Files.exists(dir) ? dir + " is not a directory" : "no such directory: " + dir);
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode read(Path json) {
        try {
            JsonNode node = JSON.readTree(json.toFile());
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(json + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException(json + " is not readable JSON: " + e.getMessage(), e);
        }
    }

    /** A string field; null when absent or null. */
    static String text(JsonNode record, String field) {
        JsonNode v = record.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
