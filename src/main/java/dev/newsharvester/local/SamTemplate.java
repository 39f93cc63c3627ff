package dev.newsharvester.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The functions of a SAM {@code template.yaml}, as {@code sam local invoke} sees them: handler,
 * runtime, memory, timeout and environment, with {@code Globals.Function} merged in.
 *
 * <p>CloudFormation short-form tags ({@code !Ref X}, {@code !GetAtt X.Attr}, {@code !Sub ...},
 * {@code !If [...]} and the rest) are read as their long form ({@code {"Ref": "X"}},
 * {@code {"Fn::GetAtt": ["X", "Attr"]}}, ...), so any valid template parses.
 *
 * <p>Globals are merged the way SAM merges them: mappings key by key (so
 * {@code Environment.Variables} of a function add to and override the global ones), lists
 * concatenated (global entries first), and for anything else the function's own value wins.
 *
 * <p>Environment values are resolved against a map of resource values supplied by the caller
 * (the local invoker knows its table name, bucket, queue URL):
 * <ul>
 *   <li>{@code Ref X}: {@code resourceValues.get("X")}, else parameter X's {@code Default},
 *       else {@code ""};</li>
 *   <li>{@code Fn::GetAtt X.Attr}: {@code resourceValues.get("X.Attr")}, else {@code ""};</li>
 *   <li>{@code Fn::Sub}: each {@code ${X}} / {@code ${X.Attr}} as above (the list form's own
 *       variables first), {@code ${!Literal}} becomes {@code ${Literal}};</li>
 *   <li>{@code Fn::Join}: its resolved parts joined.</li>
 * </ul>
 * Pseudo parameters such as {@code AWS::Region} are plain names here: supply them in the map.
 * Any other intrinsic in an environment variable (e.g. {@code Fn::If}) is refused with an
 * {@link IllegalArgumentException} naming the function and the variable.
 */
public final class SamTemplate {

    private static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";
    private static final String LAMBDA_FUNCTION = "AWS::Lambda::Function";
    /** Lambda's defaults when a template leaves them out. */
    private static final int DEFAULT_TIMEOUT_SECONDS = 3;
    private static final int DEFAULT_MEMORY_MB = 128;
    private static final String DEFAULT_HANDLER_METHOD = "handleRequest";
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    /**
     * One function of the template, its Globals merged and its environment resolved.
     *
     * @param handlerClass  binary name of the handler class ({@code Handler} before {@code ::})
     * @param handlerMethod the handler method ({@code handleRequest} when the template names none)
     * @param timeoutSeconds {@code Timeout}, Lambda's 3 when absent
     * @param memoryMb       {@code MemorySize}, Lambda's 128 when absent
     * @param runtime        {@code Runtime}, or null when the template names none
     * @param environment    resolved variables, Globals' first, unmodifiable
     */
    public record Function(String logicalId, String handlerClass, String handlerMethod, int timeoutSeconds,
                           int memoryMb, String runtime, Map<String, String> environment) {

        public Function {
            Objects.requireNonNull(logicalId, "logicalId");
            Objects.requireNonNull(handlerClass, "handlerClass");
            Objects.requireNonNull(handlerMethod, "handlerMethod");
            Objects.requireNonNull(environment, "environment");
            // runtime may be null (a container image names none); keep the template's order.
            environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        }
    }

    private final Path source;
    private final Map<String, String> parameterDefaults;
    /** Function properties with Globals merged, in template order. */
    private final Map<String, ObjectNode> functions;

    private SamTemplate(Path source, Map<String, String> parameterDefaults, Map<String, ObjectNode> functions) {
        this.source = source;
        this.parameterDefaults = parameterDefaults;
        this.functions = functions;
    }

    /**
     * Reads a SAM template.
     *
     * @throws UncheckedIOException     if the file cannot be read
     * @throws IllegalArgumentException if it is not YAML or has no {@code Resources} mapping
     */
    public static SamTemplate read(Path templateYaml) {
        JsonNode root = tree(templateYaml);

        Map<String, String> defaults = new LinkedHashMap<>();
        root.path("Parameters").properties().forEach(p -> {
            JsonNode d = p.getValue().get("Default");
            if (d != null && d.isValueNode()) {
                defaults.put(p.getKey(), d.asText());
            }
        });

        JsonNode globals = root.path("Globals").path("Function");
        Map<String, ObjectNode> functions = new LinkedHashMap<>();
        root.get("Resources").properties().forEach(r -> {
            String type = r.getValue().path("Type").asText();
            if (!type.equals(SERVERLESS_FUNCTION) && !type.equals(LAMBDA_FUNCTION)) {
                return;
            }
            JsonNode own = r.getValue().path("Properties");
            JsonNode merged = own.isObject() ? own : JsonNodeFactory.instance.objectNode();
            if (type.equals(SERVERLESS_FUNCTION) && globals.isObject()) {
                merged = mergeGlobal(globals, merged);
            }
            functions.put(r.getKey(), (ObjectNode) merged);
        });
        return new SamTemplate(templateYaml, Collections.unmodifiableMap(defaults),
                Collections.unmodifiableMap(functions));
    }

    /**
     * The whole template as a tree, short-form tags in their long form ({@code !GetAtt Queue.Arn} is
     * {@code {"Fn::GetAtt": ["Queue", "Arn"]}}), unresolved: for checks of properties this class does not model
     * (policies, event sources, other resources). Globals are not merged in.
     *
     * @throws UncheckedIOException     if the file cannot be read
     * @throws IllegalArgumentException if it is not YAML or has no {@code Resources} mapping
     */
    public static JsonNode tree(Path templateYaml) {
        JsonNode root;
        try (Reader in = Files.newBufferedReader(templateYaml, StandardCharsets.UTF_8);
             YAMLParser parser = new YAMLFactory().createParser(in)) {
            root = parser.nextToken() == null ? null : TaggedYaml.read(parser);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot parse " + templateYaml + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + templateYaml, e);
        }
        if (root == null || !root.path("Resources").isObject()) {
            throw new IllegalArgumentException(templateYaml + " is not a CloudFormation template: no Resources mapping");
        }
        return root;
    }

    /** Logical ids of the template's functions, in template order. */
    public Set<String> functionIds() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(functions.keySet()));
    }

    /** The function, with environment references to resources resolved to {@code ""}. */
    public Function function(String logicalId) {
        return function(logicalId, Map.of());
    }

    /**
     * The function, its environment resolved against {@code resourceValues} (see the class
     * comment for the rules).
     *
     * @throws IllegalArgumentException if the template has no such function, the function has no
     *                                  {@code Handler}, or a value cannot be resolved
     */
    public Function function(String logicalId, Map<String, String> resourceValues) {
        ObjectNode props = functions.get(logicalId);
        if (props == null) {
            throw new IllegalArgumentException("no function '" + logicalId + "' in " + source
                    + "; known functions: " + String.join(", ", functions.keySet()));
        }
        Resolver resolver = new Resolver(resourceValues, logicalId);

        String handler = resolver.scalar(props.get("Handler"), "Handler");
        if (handler == null || handler.isBlank()) {
            throw new IllegalArgumentException("function '" + logicalId + "' in " + source + " has no Handler");
        }
        int split = handler.indexOf("::");
        String handlerClass = split < 0 ? handler : handler.substring(0, split);
        String handlerMethod = split < 0 ? DEFAULT_HANDLER_METHOD : handler.substring(split + 2);

        Map<String, String> environment = new LinkedHashMap<>();
        props.path("Environment").path("Variables").properties().forEach(v ->
                environment.put(v.getKey(), resolver.scalar(v.getValue(), "environment variable " + v.getKey())));

        return new Function(logicalId, handlerClass, handlerMethod,
                resolver.integer(props.get("Timeout"), "Timeout", DEFAULT_TIMEOUT_SECONDS),
                resolver.integer(props.get("MemorySize"), "MemorySize", DEFAULT_MEMORY_MB),
                resolver.scalar(props.get("Runtime"), "Runtime"),
                environment);
    }

    @Override
    public String toString() {
        return "SamTemplate[" + source + ", functions=" + functions.keySet() + "]";
    }

    // ------------------------------------------------------------------ Globals

    /** SAM's merge: mappings key by key, lists concatenated, otherwise the function's value. */
    private static JsonNode mergeGlobal(JsonNode global, JsonNode local) {
        if (global.isObject() && local.isObject() && !isIntrinsic(global) && !isIntrinsic(local)) {
            ObjectNode merged = ((ObjectNode) global).deepCopy();
            local.properties().forEach(e -> {
                JsonNode g = merged.get(e.getKey());
                merged.set(e.getKey(), g == null ? e.getValue() : mergeGlobal(g, e.getValue()));
            });
            return merged;
        }
        if (global.isArray() && local.isArray()) {
            ArrayNode merged = ((ArrayNode) global).deepCopy();
            merged.addAll((ArrayNode) local);
            return merged;
        }
        return local;
    }

    private static boolean isIntrinsic(JsonNode node) {
        if (!node.isObject() || node.size() != 1) {
            return false;
        }
        String key = node.fieldNames().next();
        return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
    }

    // ------------------------------------------------------------------ intrinsics

    /** Resolves the supported intrinsics of one function's properties. */
    private final class Resolver {
        private final Map<String, String> resourceValues;
        private final String functionId;

        Resolver(Map<String, String> resourceValues, String functionId) {
            this.resourceValues = Objects.requireNonNull(resourceValues, "resourceValues");
            this.functionId = functionId;
        }

        String scalar(JsonNode node, String what) {
            if (node == null || node.isNull() || node.isMissingNode()) {
                return null;
            }
            if (node.isValueNode()) {
                return node.asText();
            }
            if (node.isObject() && node.size() == 1) {
                String fn = node.fieldNames().next();
                JsonNode arg = node.get(fn);
                switch (fn) {
                    case "Ref":
                        if (arg.isTextual()) {
                            return ref(arg.asText());
                        }
                        break;
                    case "Fn::GetAtt":
                        if (arg.isArray() && arg.size() == 2 && arg.get(0).isTextual()) {
                            return getAtt(arg.get(0).asText() + "." + scalar(arg.get(1), what));
                        }
                        if (arg.isTextual()) {
                            return getAtt(arg.asText());
                        }
                        break;
                    case "Fn::Sub":
                        return sub(arg, what);
                    case "Fn::Join":
                        if (arg.isArray() && arg.size() == 2 && arg.get(0).isTextual() && arg.get(1).isArray()) {
                            List<String> parts = new ArrayList<>();
                            arg.get(1).forEach(part -> parts.add(Objects.requireNonNullElse(scalar(part, what), "")));
                            return String.join(arg.get(0).asText(), parts);
                        }
                        break;
                    default:
                        throw unsupported(what, fn);
                }
                throw new IllegalArgumentException(what + " of function '" + functionId + "' in " + source
                        + " has a malformed " + fn + ": " + arg);
            }
            throw unsupported(what, node.isArray() ? "a list" : "a mapping");
        }

        int integer(JsonNode node, String what, int absent) {
            String value = scalar(node, what);
            if (value == null || value.isEmpty()) {
                return absent;
            }
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + " of function '" + functionId + "' in " + source
                        + " is not a whole number: '" + value + "'", e);
            }
        }

        private String ref(String name) {
            String value = resourceValues.get(name);
            return value != null ? value : parameterDefaults.getOrDefault(name, "");
        }

        private String getAtt(String resourceDotAttribute) {
            return resourceValues.getOrDefault(resourceDotAttribute, "");
        }

        private String sub(JsonNode arg, String what) {
            String template;
            Map<String, String> variables = new LinkedHashMap<>();
            if (arg.isTextual()) {
                template = arg.asText();
            } else if (arg.isArray() && arg.size() == 2 && arg.get(0).isTextual() && arg.get(1).isObject()) {
                template = arg.get(0).asText();
                arg.get(1).properties().forEach(v -> variables.put(v.getKey(), scalar(v.getValue(), what)));
            } else {
                throw new IllegalArgumentException(what + " of function '" + functionId + "' in " + source
                        + " has a malformed Fn::Sub: " + arg);
            }
            Matcher m = SUB_VARIABLE.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = m.group(1).trim();
                String value;
                if (name.startsWith("!")) {
                    value = "${" + name.substring(1) + "}"; // ${!Literal} is written as ${Literal}
                } else if (variables.containsKey(name)) {
                    value = variables.get(name);
                } else if (name.contains(".")) {
                    value = getAtt(name);
                } else {
                    value = ref(name);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }

        private IllegalArgumentException unsupported(String what, String construct) {
            return new IllegalArgumentException(what + " of function '" + functionId + "' in " + source
                    + " uses " + construct + ", which the local reader cannot resolve"
                    + " (supported: plain values, Ref, Fn::GetAtt, Fn::Sub, Fn::Join)");
        }
    }
}
