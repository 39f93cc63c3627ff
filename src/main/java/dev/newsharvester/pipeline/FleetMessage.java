package dev.newsharvester.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsharvester.discover.Source;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages of the task queue, one JSON object each:
 * <ul>
 *   <li>{@code {"outlet": "unn", "url": "https://…"}}: an article to fetch ({@link ArticleTask}); a fleet worker
 *       puts it in its host's frontier;</li>
 *   <li>{@code {"host": "unn.ua", "token": "…"}}: a host's turn ({@link Turn}): fetch its next queued article;</li>
 *   <li>{@code {"discover": "unn", "run": "…", "turn": 0, "sources": [{"kind": "feed", "url": "…"}]}}: discover an
 *       outlet ({@link Discover}); {@code sources} absent means all of its profile's sources.</li>
 * </ul>
 */
public sealed interface FleetMessage {

    ObjectMapper JSON = new ObjectMapper();

    /** An article to fetch. */
    record Article(ArticleTask task) implements FleetMessage {
    }

    /** A host's turn: the one message that carries the right to take the host's next queued article. */
    record Turn(String host, String token) implements FleetMessage {
    }

    /** Discovery of one outlet, or of the sources of it that an earlier turn could not read yet. */
    record Discover(String outlet, String run, int turn, List<Source> sources) implements FleetMessage {
        public Discover {
            sources = sources == null ? null : List.copyOf(sources);
        }
    }

    /** Reads a message body; a body of no known shape is an {@link IllegalArgumentException} naming what it lacks. */
    static FleetMessage parse(String body) {
        JsonNode n;
        try {
            n = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("body is not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("body must be a JSON object");
        }
        if (n.has("token")) {
            return new Turn(text(n, "host"), text(n, "token"));
        }
        if (n.has("discover")) {
            List<Source> sources = null;
            if (n.hasNonNull("sources")) {
                sources = new ArrayList<>();
                for (JsonNode s : n.get("sources")) {
                    sources.add(new Source(text(s, "kind"), URI.create(text(s, "url"))));
                }
            }
            return new Discover(text(n, "discover"), n.path("run").asText(""), n.path("turn").asInt(0), sources);
        }
        return new Article(new ArticleTask(text(n, "outlet"), text(n, "url")));
    }

    /** The body of a message. */
    static String body(FleetMessage m) {
        ObjectNode o = JSON.createObjectNode();
        switch (m) {
            case Article a -> o.put("outlet", a.task().outlet()).put("url", a.task().url());
            case Turn t -> o.put("host", t.host()).put("token", t.token());
            case Discover d -> {
                o.put("discover", d.outlet()).put("run", d.run()).put("turn", d.turn());
                if (d.sources() != null) {
                    ArrayNode a = o.putArray("sources");
                    d.sources().forEach(s -> a.addObject().put("kind", s.kind()).put("url", s.url().toString()));
                }
            }
        }
        return o.toString();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException("missing \"" + field + "\"");
        }
        return v.asText();
    }
}
