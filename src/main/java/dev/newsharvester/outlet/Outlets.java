package dev.newsharvester.outlet;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.time.Clock;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The configured outlets, read from an outlets YAML file (see DESIGN.md). Every mistake is reported
 * as an {@link OutletConfigException} naming the outlet and the field.
 */
public final class Outlets {

    /** Classpath resource holding the bundled profiles (the real UNN and Ukrainska Pravda editions). */
    public static final String BUNDLED = "outlets.yaml";

    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    private static final Set<String> FIELDS = Set.of("id", "name", "language", "timezone", "feeds", "sitemaps",
            "listings", "articlePattern", "revisit", "revisitUntil", "revisitSchedule", "minRevisitInterval", "crawlDelay", "selectors", "notes");
    private static final Set<String> SELECTOR_FIELDS = Set.of("body", "title", "authors", "date", "remove");
    /** A key given twice in one mapping is an error (Jackson keeps the last one silently otherwise). */
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private final Map<String, Outlet> byId;
    /** For {@link #reloading} outlets: where the current ones come from (null for fixed outlets). */
    private final OutletsReloader reloader;

    private Outlets(Map<String, Outlet> byId) {
        this.byId = byId;
        this.reloader = null;
    }

    private Outlets(OutletsReloader reloader) {
        this.byId = null;
        this.reloader = reloader;
    }

    /**
     * Outlets read from {@code loader} now, and again whenever the last read is older than {@code ttl} (zero: only on
     * {@link #refresh()}). Every call ({@link #all}, {@link #get}, {@link #select}) answers from the current read, so a
     * long-lived process (a Lambda environment, a SnapStart snapshot) follows edits of the outlets file.
     */
    public static Outlets reloading(Supplier<Outlets> loader, Duration ttl, Clock clock) {
        return new Outlets(new OutletsReloader(loader, ttl, clock));
    }

    /** Reads reloading outlets again now (after a SnapStart restore); false when the source could not be read. */
    public boolean refresh() {
        return reloader == null || reloader.reload();
    }

    private Map<String, Outlet> byId() {
        return reloader == null ? byId : reloader.current().byId();
    }

    /** The bundled profiles shipped inside the jar. */
    public static Outlets bundled() {
        try (InputStream in = Outlets.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new OutletConfigException("bundled outlets profile '" + BUNDLED + "' is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled " + BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads an outlets file. */
    public static Outlets load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            throw new OutletConfigException("outlets file not found: " + file);
        } catch (IOException e) {
            throw new OutletConfigException("cannot read outlets file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses outlets YAML; {@code source} names it in error messages. */
    public static Outlets parse(String yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String line = at == null || at.getLineNr() < 1 ? "" : ": line " + at.getLineNr();
            String what = firstLine(e.getOriginalMessage());
            if (what.startsWith("Duplicate field ")) {
                what = "key " + what.substring("Duplicate field ".length()) + " is given twice in one mapping (remove one)";
            }
            throw new OutletConfigException(source + line + ": not valid YAML: " + what, e);
        } catch (IOException e) {
            throw new OutletConfigException(source + ": not valid YAML: " + firstLine(e.getMessage()), e);
        }
        if (root == null || !root.isObject() || !root.has("outlets")) {
            throw new OutletConfigException(source + ": expected a top-level 'outlets:' list");
        }
        JsonNode list = root.get("outlets");
        if (!list.isArray() || list.isEmpty()) {
            throw new OutletConfigException(source + ": 'outlets' must be a non-empty list");
        }
        Map<String, Outlet> byId = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode node : list) {
            index++;
            Outlet outlet = outlet(node, source + ": outlet #" + index);
            if (byId.putIfAbsent(outlet.id(), outlet) != null) {
                throw new OutletConfigException(source + ": outlet '" + outlet.id() + "': id is used twice");
            }
        }
        return new Outlets(byId);
    }

    private static Outlet outlet(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new OutletConfigException(where + ": must be a mapping with id, name, feeds, ...");
        }
        String id = text(node, "id", where, true);
        if (!ID.matcher(id).matches()) {
            throw new OutletConfigException(where + ": field 'id': '" + id + "' must match [a-z0-9-]+");
        }
        String at = "outlet '" + id + "'";
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new OutletConfigException(at + ": unknown field '" + f + "' (known: " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
        }
        String name = orDefault(text(node, "name", at, false), id);
        String language = text(node, "language", at, false);
        ZoneId zone = zone(orDefault(text(node, "timezone", at, false), "UTC"), at);
        List<URI> feeds = uris(node, "feeds", at);
        List<URI> sitemaps = uris(node, "sitemaps", at);
        List<URI> listings = uris(node, "listings", at);
        if (feeds.isEmpty() && sitemaps.isEmpty() && listings.isEmpty()) {
            throw new OutletConfigException(at + ": needs at least one of 'feeds', 'sitemaps' or 'listings'");
        }
        Pattern pattern = pattern(text(node, "articlePattern", at, false), at);
        if (!listings.isEmpty() && pattern == null) {
            throw new OutletConfigException(at + ": field 'articlePattern' is required when 'listings' are given");
        }
        if (node.has("revisit") && node.has("revisitUntil")) {
            throw new OutletConfigException(at + ": field 'revisit' is the old name of 'revisitUntil': give only 'revisitUntil'");
        }
        Duration revisit = duration(node, node.has("revisit") ? "revisit" : "revisitUntil", Outlet.DEFAULT_REVISIT_UNTIL, at);
        Duration minRevisit = duration(node, "minRevisitInterval", Duration.ofMinutes(10), at);
        List<Duration> schedule = RevisitSchedules.parse(node.get("revisitSchedule"), at);
        Duration crawlDelay = duration(node, "crawlDelay", Duration.ofSeconds(1), at);
        return new Outlet(id, name, language, zone, feeds, sitemaps, listings, pattern, revisit, minRevisit, crawlDelay,
                selectors(node.get("selectors"), at), schedule);
    }

    private static Selectors selectors(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            return Selectors.NONE;
        }
        if (!node.isObject()) {
            throw new OutletConfigException(at + ": field 'selectors' must be a mapping (body, title, authors, date, remove)");
        }
        String where = at + ": selectors";
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!SELECTOR_FIELDS.contains(f)) {
                throw new OutletConfigException(where + ": unknown field '" + f + "' (known: body, title, authors, date, remove)");
            }
        }
        List<String> remove = new ArrayList<>();
        JsonNode r = node.get("remove");
        if (r != null && !r.isNull()) {
            if (!r.isArray()) {
                throw new OutletConfigException(where + ": field 'remove' must be a list of CSS selectors");
            }
            r.forEach(n -> remove.add(css(n.asText(), where + ".remove")));
        }
        return new Selectors(css(text(node, "body", where, false), where + ".body"),
                css(text(node, "title", where, false), where + ".title"),
                css(text(node, "authors", where, false), where + ".authors"),
                css(text(node, "date", where, false), where + ".date"), remove);
    }

    private static String css(String selector, String where) {
        if (selector == null) {
            return null;
        }
        try {
            org.jsoup.select.QueryParser.parse(selector);
            return selector;
        } catch (RuntimeException e) {
            throw new OutletConfigException(where + ": '" + selector + "' is not a valid CSS selector: " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field, String at, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            if (required) {
                throw new OutletConfigException(at + ": field '" + field + "' is required");
            }
            return null;
        }
        if (!v.isValueNode()) {
            throw new OutletConfigException(at + ": field '" + field + "' must be a single value");
        }
        return v.asText().strip();
    }

    private static List<URI> uris(JsonNode node, String field, String at) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new OutletConfigException(at + ": field '" + field + "' must be a list of http(s) URLs");
        }
        List<URI> out = new ArrayList<>();
        for (JsonNode n : v) {
            String s = n.asText().strip();
            try {
                URI u = new URI(s);
                if (!("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme())) || u.getHost() == null) {
                    throw new URISyntaxException(s, "not an absolute http(s) URL");
                }
                out.add(u);
            } catch (URISyntaxException e) {
                throw new OutletConfigException(at + ": field '" + field + "': '" + s + "' is not an absolute http(s) URL");
            }
        }
        return out;
    }

    private static Pattern pattern(String regex, String at) {
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new OutletConfigException(at + ": field 'articlePattern': invalid regular expression: " + firstLine(e.getMessage()));
        }
    }

    private static ZoneId zone(String zone, String at) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new OutletConfigException(at + ": field 'timezone': unknown time zone '" + zone + "' (use e.g. Europe/Kyiv)");
        }
    }

    private static Duration duration(JsonNode node, String field, Duration dflt, String at) {
        String s = text(node, field, at, false);
        if (s == null) {
            return dflt;
        }
        try {
            Duration d = Duration.parse(s);
            if (d.isNegative()) {
                throw new OutletConfigException(at + ": field '" + field + "': must not be negative");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new OutletConfigException(at + ": field '" + field + "': '" + s + "' is not an ISO-8601 duration (e.g. PT48H, PT60M)");
        }
    }

    private static String orDefault(String v, String d) {
        return v == null ? d : v;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    /** All outlets, in file order. */
    public Collection<Outlet> all() {
        return byId().values();
    }

    /** The outlet with this id, or an exception listing the known ids. */
    public Outlet get(String id) {
        Map<String, Outlet> current = byId();
        Outlet o = current.get(id);
        if (o == null) {
            throw new OutletConfigException("unknown outlet '" + id + "' (configured: " + String.join(", ", current.keySet()) + ")");
        }
        return o;
    }

    /** The outlets with these ids (all when the list is null or empty), failing on an unknown id. */
    public List<Outlet> select(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.copyOf(byId().values());
        }
        List<Outlet> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (seen.add(id)) {
                out.add(get(id));
            }
        }
        return out;
    }
}
