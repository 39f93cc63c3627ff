package dev.newsharvester.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of a {@link ChangeEvent}, the one owner of that format in both directions: the change log's objects, the
 * EventBridge {@code detail} and {@code query changes --json} are all this document.
 *
 * <pre>{"id","kind","outlet","url","at","versionBefore","versionAfter","titleBefore","titleAfter",
 *  "cleanKeyBefore","cleanKeyAfter","redirectTo","sameArticle",
 *  "changes":{"headlineBefore","headlineAfter","authorsAdded","authorsRemoved","wordsBefore","wordsAfter",
 *             "paragraphsChanged","headline","byline","body"}}</pre>
 * ({@code headline}/{@code byline}/{@code body} are booleans saying what changed, for EventBridge rule patterns.)
 */
public final class ChangeEventJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChangeEventJson() {
    }

    /** The event as a JSON object. */
    public static ObjectNode toNode(ChangeEvent e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", e.id());
        o.put("kind", e.kind().name());
        o.put("outlet", e.outlet());
        o.put("url", e.url());
        o.put("at", e.at().toString());
        o.put("versionBefore", e.versionBefore());
        o.put("versionAfter", e.versionAfter());
        o.put("titleBefore", e.titleBefore());
        o.put("titleAfter", e.titleAfter());
        o.put("cleanKeyBefore", e.cleanKeyBefore());
        o.put("cleanKeyAfter", e.cleanKeyAfter());
        o.put("redirectTo", e.redirectTo());
        o.put("sameArticle", e.sameArticle());
        Changes c = e.changes();
        ObjectNode changes = o.putObject("changes");
        changes.put("headlineBefore", c.headlineBefore());
        changes.put("headlineAfter", c.headlineAfter());
        c.authorsAdded().forEach(changes.putArray("authorsAdded")::add);
        c.authorsRemoved().forEach(changes.putArray("authorsRemoved")::add);
        changes.put("wordsBefore", c.wordsBefore());
        changes.put("wordsAfter", c.wordsAfter());
        changes.put("paragraphsChanged", c.paragraphsChanged());
        changes.put("headline", c.headlineChanged());
        changes.put("byline", c.bylineChanged());
        changes.put("body", c.bodyChanged());
        return o;
    }

    /** The event as UTF-8 JSON bytes. */
    public static byte[] toBytes(ChangeEvent e) {
        try {
            return JSON.writeValueAsBytes(toNode(e));
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    /** The event as a JSON string (the EventBridge detail). */
    public static String toJson(ChangeEvent e) {
        return toNode(e).toString();
    }

    /**
     * Reads an event back.
     *
     * @throws IllegalArgumentException when the bytes are not a change event (names what is missing)
     */
    public static ChangeEvent read(byte[] json) {
        JsonNode o;
        try {
            o = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a change event (not JSON): " + e.getMessage(), e);
        }
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("not a change event: a JSON object was expected");
        }
        for (String field : new String[] {"id", "kind", "outlet", "url", "at"}) {
            if (text(o, field) == null) {
                throw new IllegalArgumentException("not a change event: field \"" + field + "\" is missing");
            }
        }
        ChangeKind kind;
        Instant at;
        try {
            kind = ChangeKind.valueOf(text(o, "kind"));
            at = Instant.parse(text(o, "at"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a change event: bad kind or time: " + e.getMessage(), e);
        }
        JsonNode c = o.path("changes");
        Changes changes = c.isObject()
                ? new Changes(text(c, "headlineBefore"), text(c, "headlineAfter"), strings(c, "authorsAdded"),
                        strings(c, "authorsRemoved"), c.path("wordsBefore").asInt(), c.path("wordsAfter").asInt(),
                        c.path("paragraphsChanged").asInt())
                : Changes.NONE;
        return new ChangeEvent(text(o, "id"), kind, text(o, "outlet"), text(o, "url"), at, text(o, "versionBefore"),
                text(o, "versionAfter"), text(o, "titleBefore"), text(o, "titleAfter"), text(o, "cleanKeyBefore"),
                text(o, "cleanKeyAfter"), changes, text(o, "redirectTo"), o.path("sameArticle").asBoolean(false));
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static List<String> strings(JsonNode o, String field) {
        List<String> out = new ArrayList<>();
        o.path(field).forEach(n -> out.add(n.asText()));
        return out;
    }
}
