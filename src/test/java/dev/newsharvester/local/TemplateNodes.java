package dev.newsharvester.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's {@code template.yaml} as a tree ({@link SamTemplate#tree}), and what the template tests ask of it:
 * resources by type, the branches of an {@code Fn::If}, and the values of the few intrinsics its conditions use.
 */
final class TemplateNodes {

    /** Surefire runs with the project directory as working directory. */
    static final Path TEMPLATE = Path.of("template.yaml");
    static final JsonNode TREE = SamTemplate.tree(TEMPLATE);
    static final JsonNode RESOURCES = TREE.path("Resources");

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private TemplateNodes() {
    }

    /** A node that may be one value or a list of them, as a list (empty when absent). */
    static List<JsonNode> list(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(out::add);
        } else if (!node.isMissingNode() && !node.isNull()) {
            out.add(node);
        }
        return out;
    }

    /** {@code !Ref name} as the tree holds it. */
    static JsonNode refNode(String name) {
        return JsonNodeFactory.instance.objectNode().put("Ref", name);
    }

    /** {@code !GetAtt resource.attribute} as the tree holds it. */
    static JsonNode getAttNode(String resource, String attribute) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.putArray("Fn::GetAtt").add(resource).add(attribute);
        return n;
    }

    /** Logical id -> resource, for the resources of one type, in template order. */
    static Map<String, JsonNode> ofType(JsonNode resources, String type) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        resources.properties().forEach(r -> {
            if (r.getValue().path("Type").asText().equals(type)) {
                out.put(r.getKey(), r.getValue());
            }
        });
        return out;
    }

    /** A value that may be {@code !If [Cond, a, b]}: its branch, or both with their condition; AWS::NoValue left out. */
    record Branch(String condition, JsonNode value) {
    }

    static List<Branch> branches(JsonNode node) {
        List<Branch> out = new ArrayList<>();
        JsonNode fnIf = node.get("Fn::If");
        if (node.size() == 1 && fnIf != null && fnIf.isArray() && fnIf.size() == 3) {
            String condition = fnIf.get(0).asText();
            for (int i = 1; i <= 2; i++) {
                if (!refNode("AWS::NoValue").equals(fnIf.get(i))) {
                    out.add(new Branch((i == 1 ? "" : "!") + condition, fnIf.get(i)));
                }
            }
        } else {
            out.add(new Branch(null, node));
        }
        return out;
    }

    /** The text of {@code ${X}} or {@code ${X.Attr}} references in a {@code Fn::Sub} text, in order. */
    static List<String> subVariables(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = SUB_VARIABLE.matcher(text);
        while (m.find()) {
            out.add(m.group(1).trim());
        }
        return out;
    }

    /**
     * Evaluates a condition or value made of {@code Ref} (to the given parameter values), {@code Fn::Sub} (text
     * form), {@code Fn::Split}, {@code Fn::Select}, {@code Fn::Equals}, {@code Fn::Not}, {@code Fn::And},
     * {@code Fn::Or}, {@code Condition} and {@code Fn::If}: what CloudFormation computes at deploy time.
     * Returns a String, a List of Strings or a Boolean.
     */
    static Object evaluate(JsonNode node, Map<String, String> parameters) {
        if (node.isValueNode()) {
            return node.isBoolean() ? (Object) node.asBoolean() : node.asText();
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>();
            node.forEach(n -> out.add(evaluate(n, parameters)));
            return out;
        }
        String fn = node.fieldNames().next();
        JsonNode arg = node.get(fn);
        return switch (fn) {
            case "Ref" -> require(parameters, arg.asText());
            case "Condition" -> evaluate(TREE.path("Conditions").path(arg.asText()), parameters);
            case "Fn::Sub" -> {
                String text = arg.asText();
                for (String v : subVariables(text)) {
                    text = text.replace("${" + v + "}", require(parameters, v));
                }
                yield text;
            }
            case "Fn::Split" -> Arrays.asList(((String) evaluate(arg.get(1), parameters))
                    .split(Pattern.quote(arg.get(0).asText()), -1));
            case "Fn::Select" -> ((List<?>) evaluate(arg.get(1), parameters)).get(arg.get(0).asInt());
            case "Fn::Equals" -> evaluate(arg.get(0), parameters).equals(evaluate(arg.get(1), parameters));
            case "Fn::Not" -> !(Boolean) evaluate(arg.get(0), parameters);
            case "Fn::And", "Fn::Or" -> {
                boolean and = fn.equals("Fn::And");
                boolean result = and;
                for (JsonNode c : arg) {
                    boolean b = (Boolean) evaluate(c, parameters);
                    result = and ? result && b : result || b;
                }
                yield result;
            }
            case "Fn::If" -> (Boolean) evaluate(TREE.path("Conditions").path(arg.get(0).asText()), parameters)
                    ? evaluate(arg.get(1), parameters) : evaluate(arg.get(2), parameters);
            default -> throw new IllegalArgumentException("cannot evaluate " + fn + ": " + node);
        };
    }

    private static String require(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no value given for " + name + " (given: " + parameters.keySet() + ")");
        }
        return value;
    }
}
