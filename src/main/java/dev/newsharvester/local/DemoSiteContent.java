package dev.newsharvester.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo site's resources, read from the classpath (so they work from inside the shaded jar)
 * and rendered for the three rounds when the site starts. See {@code demo-site/README.md} for the
 * index format and the placeholders. Round 3 keeps round 2's chrome (fragments and {@code {{round:A|B}}} values):
 * what changes in it is only what its own index column names.
 */
final class DemoSiteContent {

    static final String ROOT = "demo-site/";
    static final Instant ROUND1_MODIFIED = Instant.parse("2025-08-23T12:00:00Z");
    static final Instant ROUND2_MODIFIED = Instant.parse("2025-08-24T12:00:00Z");
    static final Instant ROUND3_MODIFIED = Instant.parse("2025-08-25T12:00:00Z");
    /** The number of rounds. */
    static final int ROUNDS = 3;
    /** In an index column: not served in that round (404). */
    private static final String ABSENT = "-";
    /** In an index column: {@code 301:/path}, a permanent redirect to that path of the same outlet. */
    private static final String MOVED = "301:";
    private static final Instant[] MODIFIED = {ROUND1_MODIFIED, ROUND2_MODIFIED, ROUND3_MODIFIED};

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]+)}}");
    private static final Pattern FRAGMENT_NAME = Pattern.compile("[a-z0-9-]+");
    private static final Pattern RESOURCE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "rss", "application/rss+xml; charset=utf-8",
            "atom", "application/atom+xml; charset=utf-8",
            "xml", "application/xml; charset=utf-8",
            "txt", "text/plain; charset=utf-8");

    /**
     * One resource as served in one round.
     *
     * @param movedTo for a permanent redirect, the path (of the same outlet) it leads to; the other fields are then
     *                empty
     */
    record Resource(String contentType, byte[] body, String etag, Instant lastModified, String movedTo) {
        Resource {
            body = body.clone();
        }

        static Resource moved(String path) {
            return new Resource(null, new byte[0], null, null, path);
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    private final Map<String, URI> origins;
    /** outlet → request path → [round 1, round 2, round 3] (null: not served in that round) */
    private final Map<String, Map<String, Resource[]>> resources = new HashMap<>();
    private final Map<String, String> fragmentCache = new HashMap<>();

    private DemoSiteContent(Map<String, URI> origins) {
        this.origins = Map.copyOf(origins);
    }

    /** Reads {@code demo-site/index.txt} and renders every listed resource for every round. */
    static DemoSiteContent load(Map<String, URI> origins) throws IOException {
        DemoSiteContent content = new DemoSiteContent(origins);
        String index = readResource("index.txt");
        int lineNo = 0;
        for (String line : index.split("\n")) {
            lineNo++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] f = trimmed.split("\\s+");
            String at = "demo-site/index.txt line " + lineNo + ": ";
            if (f.length < 3 || f.length > 2 + ROUNDS) {
                throw new IllegalStateException(at + "expected 'outlet path resource [round-2 resource [round-3 resource]]', got: "
                        + trimmed);
            }
            String outlet = f[0];
            String path = f[1];
            if (!origins.containsKey(outlet)) {
                throw new IllegalStateException(at + "unknown outlet '" + outlet + "'");
            }
            if (!path.startsWith("/")) {
                throw new IllegalStateException(at + "path must start with '/': " + path);
            }
            Resource[] rounds = new Resource[ROUNDS];
            String name = null;
            String contentType = null;
            for (int round = 1; round <= ROUNDS; round++) {
                name = f.length > round + 1 ? f[round + 1] : name;
                Resource before = round == 1 ? null : rounds[round - 2];
                rounds[round - 1] = content.resource(name, outlet, round, before, at);
                String type = rounds[round - 1] == null ? null : rounds[round - 1].contentType();
                if (type != null && contentType != null && !type.equals(contentType)) {
                    throw new IllegalStateException(at + "every round must serve the same type, got " + contentType
                            + " and " + type);
                }
                contentType = type != null ? type : contentType;
            }
            if (content.resources.computeIfAbsent(outlet, k -> new LinkedHashMap<>()).put(path, rounds) != null) {
                throw new IllegalStateException(at + "duplicate path " + outlet + " " + path);
            }
        }
        content.fragmentCache.clear();
        return content;
    }

    /**
     * The resource of one index column in one round: rendered, {@code null} for {@value #ABSENT}, a redirect for
     * {@code 301:/path}. Its Last-Modified is the round's when its bytes differ from the round before's.
     */
    private Resource resource(String name, String outlet, int round, Resource before, String at) throws IOException {
        if (name.equals(ABSENT)) {
            return null;
        }
        if (name.startsWith(MOVED)) {
            String target = name.substring(MOVED.length());
            if (!target.startsWith("/")) {
                throw new IllegalStateException(at + "a redirect's path must start with '/': " + name);
            }
            return Resource.moved(target);
        }
        // Round 3 keeps round 2's chrome.
        byte[] body = render(readResource(name), name, outlet, Math.min(round, 2)).getBytes(StandardCharsets.UTF_8);
        Instant modified = before != null && before.movedTo() == null && Arrays.equals(before.body(), body)
                ? before.lastModified() : MODIFIED[round - 1];
        return new Resource(contentType(name), body, etag(body), modified, null);
    }

    /** The resource served at exactly this (decoded) path, or null. Nothing outside the index is ever served. */
    Resource find(String outlet, String path, int round) {
        Resource[] rounds = resources.getOrDefault(outlet, Map.of()).get(path);
        return rounds == null ? null : rounds[round - 1];
    }

    /** Renders a classpath template that only uses origin placeholders (e.g. {@code outlets.yaml}). */
    String renderTemplate(String name) throws IOException {
        return render(readResource(name), name, null, 1);
    }

    private String render(String text, String source, String outlet, int round) throws IOException {
        return render(text, source, outlet, round, true);
    }

    private String render(String text, String source, String outlet, int round, boolean fragments) throws IOException {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 4096);
        while (m.find()) {
            String key = m.group(1);
            String value;
            if (key.startsWith("fragment:")) {
                if (!fragments || outlet == null) {
                    throw new IllegalStateException("{{" + key + "}} is not allowed in demo-site/" + source
                            + " (fragments do not nest and only outlet resources use them)");
                }
                value = fragment(outlet, key.substring("fragment:".length()), round, source);
            } else if (key.startsWith("round:")) {
                String[] choices = key.substring("round:".length()).split("\\|", -1);
                if (choices.length != 2) {
                    throw new IllegalStateException("Placeholder {{" + key + "}} in demo-site/" + source + " needs two values 'A|B'");
                }
                value = choices[round - 1];
            } else {
                value = origin(key, outlet);
                if (value == null) {
                    throw new IllegalStateException("Unknown placeholder {{" + key + "}} in demo-site/" + source);
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String origin(String key, String outlet) {
        boolean quoted = key.endsWith("_re");
        String id = quoted ? key.substring(0, key.length() - 3) : key;
        if (id.equals("base")) {
            id = outlet;
        }
        URI origin = id == null ? null : origins.get(id);
        if (origin == null) {
            return null;
        }
        return quoted ? regexQuote(origin.toString()) : origin.toString();
    }

    private String fragment(String outlet, String name, int round, String source) throws IOException {
        if (!FRAGMENT_NAME.matcher(name).matches()) {
            throw new IllegalStateException("Bad fragment name '" + name + "' in demo-site/" + source);
        }
        String file = outlet + "/fragments/round" + round + "/" + name + ".html";
        String raw = fragmentCache.get(file);
        if (raw == null) {
            raw = readResource(file);
            fragmentCache.put(file, raw);
        }
        return render(raw, file, outlet, round, false);
    }

    /** Backslash-quotes regex metacharacters, keeping the result readable (no \Q…\E). */
    static String regexQuote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            if ("\\.[]{}()<>*+-=!?^$|".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    static String etag(byte[] body) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(sha, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String contentType(String resourceName) {
        int dot = resourceName.lastIndexOf('.');
        String type = dot < 0 ? null : CONTENT_TYPES.get(resourceName.substring(dot + 1));
        if (type == null) {
            throw new IllegalStateException("demo-site resource " + resourceName
                    + " has no known extension (" + String.join(", ", CONTENT_TYPES.keySet()) + ")");
        }
        return type;
    }

    private static String readResource(String name) throws IOException {
        if (!RESOURCE_NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalStateException("Bad demo-site resource name: " + name);
        }
        ClassLoader loader = DemoSiteContent.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + ROOT + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
