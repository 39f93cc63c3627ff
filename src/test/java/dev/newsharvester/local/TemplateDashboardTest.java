package dev.newsharvester.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.newsharvester.local.TemplateNodes.RESOURCES;
import static dev.newsharvester.local.TemplateNodes.TREE;
import static dev.newsharvester.local.TemplateNodes.ofType;
import static dev.newsharvester.local.TemplateNodes.subVariables;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard: its body is JSON once CloudFormation substitutes it, and it shows what the alarms watch. */
class TemplateDashboardTest {

    private static final Pattern SEARCH = Pattern.compile(
            "SEARCH\\('\\{([^}]*)}\\s+([^']*?)MetricName=\"([^\"]+)\"'");
    private static final Pattern SEARCH_FILTER = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /**
     * The body with Number parameters replaced by their defaults and every other {@code ${X}} left as it is (all
     * of them sit inside JSON strings, where the text is valid as it stands).
     */
    private static JsonNode body() {
        JsonNode sub = RESOURCES.path("Dashboard").path("Properties").path("DashboardBody").path("Fn::Sub");
        assertTrue(sub.isTextual(), "DashboardBody is !Sub text: " + sub);
        String text = sub.asText();
        for (String v : subVariables(text)) {
            String id = v.contains(".") ? v.substring(0, v.indexOf('.')) : v;
            JsonNode parameter = TREE.path("Parameters").path(v);
            assertTrue(v.startsWith("AWS::") || RESOURCES.has(id) || !parameter.isMissingNode(),
                    "${" + v + "} is neither a parameter, a resource nor a pseudo parameter");
            if (parameter.path("Type").asText().equals("Number")) {
                text = text.replace("${" + v + "}", parameter.path("Default").asText());
            }
        }
        String json = text;
        return assertDoesNotThrow(() -> new ObjectMapper().readTree(json), "the dashboard body is not JSON");
    }

    @Test
    void theBodyIsJsonAndItsWidgetsArePlaced() {
        JsonNode widgets = body().path("widgets");
        assertTrue(widgets.isArray() && widgets.size() >= 8, "widgets: " + widgets.size());
        for (JsonNode w : widgets) {
            assertTrue(Set.of("metric", "alarm", "text").contains(w.path("type").asText()), w.toString());
            assertTrue(w.path("x").asInt(-1) >= 0 && w.path("x").asInt() + w.path("width").asInt() <= 24, "within 24 columns: " + w);
            assertFalse(w.path("properties").path("title").asText().isBlank(), "a title: " + w);
        }
        assertEquals("Dashboard", RESOURCES.path("Dashboard").path("Type").asText().replace("AWS::CloudWatch::", ""));
        String url = TREE.path("Outputs").path("DashboardUrl").path("Value").path("Fn::Sub").asText();
        assertTrue(url.contains("#dashboards/dashboard/${Dashboard}") && url.contains("region=${AWS::Region}"), url);
    }

    @Test
    void everyMetricOnItIsOfTheContractOrOfThisStack() {
        List<String> wrong = new ArrayList<>();
        for (TemplateAlarmsTest.MetricRef m : dashboardMetrics()) {
            String why = TemplateAlarmsTest.contractViolation(m);
            if (why != null) {
                wrong.add(why);
            }
        }
        assertEquals(List.of(), wrong);
        for (JsonNode w : body().path("widgets")) {
            JsonNode metrics = w.path("properties").path("metrics");
            ArrayNode queries = JsonNodeFactory.instance.arrayNode();
            metrics.forEach(row -> row.forEach(cell -> {
                if (cell.isObject() && cell.has("id")) {
                    queries.add(cell);
                }
            }));
            assertEquals(List.of(), TemplateAlarmsTest.undefinedExpressionIds(queries), w.path("properties").path("title").asText());
        }
    }

    @Test
    void itShowsEveryAlarmAndEveryMetricAnAlarmWatches() {
        Set<String> listed = new TreeSet<>();
        for (JsonNode w : body().path("widgets")) {
            w.path("properties").path("alarms").forEach(a -> listed.add(a.asText()));
        }
        Set<String> alarms = new TreeSet<>();
        ofType(RESOURCES, "AWS::CloudWatch::Alarm").keySet().forEach(id -> alarms.add("${" + id + ".Arn}"));
        assertEquals(alarms, listed, "the alarm widget lists every alarm");

        Set<String> shown = new TreeSet<>();
        dashboardMetrics().forEach(m -> shown.add(key(m)));
        for (JsonNode alarm : ofType(RESOURCES, "AWS::CloudWatch::Alarm").values()) {
            for (TemplateAlarmsTest.MetricRef m : TemplateAlarmsTest.metrics(alarm.path("Properties"))) {
                assertTrue(shown.contains(key(m)), key(m) + " is alarmed but not on the dashboard; shown: " + shown);
            }
        }
        // and the per-outlet side of FAILED / BLOCKED / silent, which no alarm can name outlet by outlet
        for (String perOutlet : List.of("Failed", "Blocked", "DiscoveredUrls")) {
            assertTrue(shown.contains("NewsHarvester " + perOutlet + " [Outlet, Service]"), perOutlet + " per outlet: " + shown);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** "namespace name [dimension names]" and, for dimensions naming a stack resource or an outcome, their values. */
    private static String key(TemplateAlarmsTest.MetricRef m) {
        StringBuilder k = new StringBuilder(m.namespace() + " " + m.name() + " " + new TreeSet<>(m.dimensions().keySet()));
        m.dimensions().forEach((name, value) -> {
            if (!name.equals("Service") && !name.equals("Outlet")) {
                k.append(' ').append(name).append('=').append(asSubText(value));
            }
        });
        return k.toString();
    }

    /** A dimension value as the dashboard's Fn::Sub text writes it: {@code !Ref X} is {@code ${X}}. */
    private static String asSubText(JsonNode value) {
        if (value.has("Ref")) {
            return "${" + value.path("Ref").asText() + "}";
        }
        if (value.has("Fn::GetAtt")) {
            return "${" + value.path("Fn::GetAtt").path(0).asText() + "." + value.path("Fn::GetAtt").path(1).asText() + "}";
        }
        return value.asText();
    }

    /** The metrics the widgets draw: rows [namespace, name, dim, value, ..., {options}] and SEARCH expressions. */
    private static List<TemplateAlarmsTest.MetricRef> dashboardMetrics() {
        List<TemplateAlarmsTest.MetricRef> out = new ArrayList<>();
        for (JsonNode w : body().path("widgets")) {
            for (JsonNode row : w.path("properties").path("metrics")) {
                if (row.path(0).isTextual()) {
                    Map<String, JsonNode> dims = new LinkedHashMap<>();
                    for (int i = 2; i + 1 < row.size() && row.get(i).isTextual(); i += 2) {
                        dims.put(row.get(i).asText(), row.get(i + 1));
                    }
                    out.add(new TemplateAlarmsTest.MetricRef(row.get(0).asText(), row.get(1).asText(), dims));
                }
                for (JsonNode cell : row) {
                    Matcher m = SEARCH.matcher(cell.path("expression").asText());
                    if (m.find()) {
                        out.add(search(m));
                    }
                }
            }
        }
        assertFalse(out.isEmpty(), "no metrics on the dashboard");
        return out;
    }

    /** {@code SEARCH('{Ns,Dim1,Dim2} Dim1="v" MetricName="X"', ...)}: the schema's dimensions, filters as values. */
    private static TemplateAlarmsTest.MetricRef search(Matcher m) {
        String[] schema = m.group(1).split(",");
        Map<String, JsonNode> dims = new LinkedHashMap<>();
        for (int i = 1; i < schema.length; i++) {
            dims.put(schema[i].trim(), JsonNodeFactory.instance.textNode(""));
        }
        Matcher f = SEARCH_FILTER.matcher(m.group(2));
        while (f.find()) {
            dims.put(f.group(1), JsonNodeFactory.instance.textNode(f.group(2)));
        }
        return new TemplateAlarmsTest.MetricRef(schema[0].trim(), m.group(3), dims);
    }
}
