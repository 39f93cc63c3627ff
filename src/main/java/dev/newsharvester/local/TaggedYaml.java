package dev.newsharvester.local;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;

/**
 * Builds a Jackson tree from a YAML stream, turning CloudFormation short-form tags into their
 * long form. Jackson's tree reader would silently drop the tags ({@code !Ref X} would become
 * the plain string {@code X}), so the tree is built here from the parser's events.
 */
final class TaggedYaml {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Reads the value at the parser's current token, which must be a value start. */
    static JsonNode read(YAMLParser p) throws IOException {
        String tag = p.getTypeId(); // the tag of the current node, leading '!' removed
        JsonToken token = p.currentToken();
        JsonNode value = switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    object.set(name, read(p));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(p));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(p.getBooleanValue());
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IllegalArgumentException("unexpected YAML token " + token + " at "
                    + p.currentLocation());
        };
        return tag == null || tag.isEmpty() || tag.startsWith("tag:yaml.org,2002:") ? value : longForm(tag, value);
    }

    /** {@code !Ref} → {@code Ref}, {@code !Condition} → {@code Condition}, {@code !X} → {@code Fn::X}. */
    private static JsonNode longForm(String tag, JsonNode value) {
        String fn = switch (tag) {
            case "Ref", "Condition" -> tag;
            default -> "Fn::" + tag;
        };
        JsonNode arg = value;
        if (fn.equals("Fn::GetAtt") && value.isTextual()) {
            // !GetAtt Resource.Attr.Maybe.Dotted → ["Resource", "Attr.Maybe.Dotted"]
            String text = value.asText();
            int dot = text.indexOf('.');
            ArrayNode parts = NODES.arrayNode();
            parts.add(dot < 0 ? text : text.substring(0, dot));
            if (dot >= 0) {
                parts.add(text.substring(dot + 1));
            }
            arg = parts;
        }
        ObjectNode node = NODES.objectNode();
        node.set(fn, arg);
        return node;
    }

    private TaggedYaml() {
    }
}
