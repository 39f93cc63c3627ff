package dev.newsharvester.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsharvester.observe.HarvestMetrics;
import dev.newsharvester.pipeline.Outcome;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.newsharvester.local.TemplateNodes.RESOURCES;
import static dev.newsharvester.local.TemplateNodes.TEMPLATE;
import static dev.newsharvester.local.TemplateNodes.TREE;
import static dev.newsharvester.local.TemplateNodes.evaluate;
import static dev.newsharvester.local.TemplateNodes.getAttNode;
import static dev.newsharvester.local.TemplateNodes.list;
import static dev.newsharvester.local.TemplateNodes.ofType;
import static dev.newsharvester.local.TemplateNodes.refNode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The alarms of template.yaml against the metric contract the code emits, and what each must watch. */
class TemplateAlarmsTest {

    static final String NAMESPACE = HarvestMetrics.NAMESPACE;
    /**
     * The metrics the functions emit (embedded metric format), each with the dimension sets it carries: the shared
     * contract of issue 10 (HELPERS.md). Every NewsHarvester metric an alarm or the dashboard names must be here.
     */
    static final Map<String, Set<Set<String>>> CONTRACT = contract();
    private static final Pattern EXPRESSION_ID = Pattern.compile("\\b([a-z][A-Za-z0-9_]*)\\b");

    /** One metric an alarm or widget names: namespace, name, dimension name -> value as the tree holds it. */
    record MetricRef(String namespace, String name, Map<String, JsonNode> dimensions) {
    }

    private static Map<String, Set<Set<String>>> contract() {
        Map<String, Set<Set<String>>> c = new LinkedHashMap<>();
        Set<String> byOutlet = Set.of("Service", "Outlet");
        c.put("Articles", Set.of(Set.of("Service", "Outcome"), byOutlet));
        for (String m : HarvestMetrics.PER_OUTLET) {
            c.putIfAbsent(m, Set.of(byOutlet));
        }
        for (String m : HarvestMetrics.FLEET) {
            c.put(m, Set.of(Set.of("Service")));
        }
        return Map.copyOf(c);
    }

    @Test
    void everyAlarmWatchesAMetricOfTheContractOrOfThisStacksResources() {
        Map<String, JsonNode> alarms = ofType(RESOURCES, "AWS::CloudWatch::Alarm");
        assertTrue(alarms.size() >= 13, "alarms: " + alarms.keySet());
        List<String> wrong = new ArrayList<>();
        alarms.forEach((id, alarm) -> {
            for (MetricRef m : metrics(alarm.path("Properties"))) {
                String why = contractViolation(m);
                if (why != null) {
                    wrong.add(id + ": " + why);
                }
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyAlarmNotifiesTheTopicWhenItFiresAndWhenItClears() {
        ofType(RESOURCES, "AWS::CloudWatch::Alarm").forEach((id, alarm) -> {
            JsonNode p = alarm.path("Properties");
            assertTrue(list(p.path("AlarmActions")).contains(refNode("AlarmTopic")), id + " AlarmActions");
            assertTrue(list(p.path("OKActions")).contains(refNode("AlarmTopic")), id + " OKActions");
            assertFalse(p.path("AlarmDescription").asText().isBlank(), id + ": say what it means and what to do");
            assertEquals("notBreaching", p.path("TreatMissingData").asText(), id + ": no data is no alarm");
        });
        assertEquals("AWS::SNS::Topic", RESOURCES.path("AlarmTopic").path("Type").asText());
        JsonNode subscription = RESOURCES.path("AlarmEmailSubscription");
        assertEquals("HasAlarmEmail", subscription.path("Condition").asText());
        assertEquals(refNode("AlarmTopic"), subscription.path("Properties").path("TopicArn"));
        assertEquals(refNode("AlarmEmail"), subscription.path("Properties").path("Endpoint"));
        JsonNode condition = TREE.path("Conditions").path("HasAlarmEmail");
        assertEquals(false, evaluate(condition, Map.of("AlarmEmail", "")));
        assertEquals(true, evaluate(condition, Map.of("AlarmEmail", "desk@newsroom.example")));
        assertEquals("", TREE.path("Parameters").path("AlarmEmail").path("Default").asText(), "optional");
    }

    @Test
    void eachFunctionHasErrorsThrottlesAndADurationAlarmNearItsTimeout() {
        SamTemplate template = SamTemplate.read(TEMPLATE);
        for (String function : template.functionIds()) {
            for (String metric : List.of("Errors", "Throttles", "Duration")) {
                JsonNode alarm = alarmOn("AWS/Lambda", metric, "FunctionName", refNode(function));
                if (metric.equals("Duration")) {
                    double timeoutMs = template.function(function).timeoutSeconds() * 1000.0;
                    assertEquals(0.9 * timeoutMs, alarm.path("Threshold").asDouble(), 1e-6, function + ": 90 % of the timeout");
                    assertEquals("Maximum", alarm.path("Statistic").asText());
                } else {
                    assertEquals(1, alarm.path("Threshold").asInt(), function + " " + metric);
                }
                assertEquals("GreaterThanOrEqualToThreshold", alarm.path("ComparisonOperator").asText());
            }
        }
    }

    @Test
    void bothDeadLetterQueuesAndTheTaskAgeAreWatched() {
        Set<String> deadLetterQueues = new HashSet<>(); // null for "none here"
        ofType(RESOURCES, "AWS::SQS::Queue").forEach((id, q) ->
                deadLetterQueues.add(q.path("Properties").path("RedrivePolicy").path("deadLetterTargetArn")
                        .path("Fn::GetAtt").path(0).asText(null)));
        JsonNode harvest = RESOURCES.path("HarvestFunction").path("Properties");
        deadLetterQueues.add(harvest.path("EventInvokeConfig").path("DestinationConfig").path("OnFailure")
                .path("Destination").path("Fn::GetAtt").path(0).asText(null));
        harvest.path("Events").forEach(e -> deadLetterQueues.add(
                e.path("Properties").path("DeadLetterConfig").path("Arn").path("Fn::GetAtt").path(0).asText(null)));
        deadLetterQueues.remove(null);
        assertEquals(Set.of("ArticleTaskDLQ", "HarvestScheduleDLQ"), deadLetterQueues);
        for (String dlq : deadLetterQueues) {
            JsonNode alarm = alarmOn("AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", getAttNode(dlq, "QueueName"));
            assertEquals(1, alarm.path("Threshold").asInt(), dlq + ": one message is enough");
        }
        JsonNode age = alarmOn("AWS/SQS", "ApproximateAgeOfOldestMessage", "QueueName",
                getAttNode("ArticleTaskQueue", "QueueName"));
        assertEquals(refNode("TaskAgeAlarmSeconds"), age.path("Threshold"));
    }

    @Test
    void theOutletGaugesAreWatchedAndTheirThresholdsReachTheFunctions() {
        for (String gauge : List.of("OutletsSilent", "OutletsFailing", "OutletsDrifting")) {
            JsonNode alarm = alarmOn(NAMESPACE, gauge, "Service", refNode("ServiceName"));
            assertEquals(1, alarm.path("Threshold").asInt(), gauge + ": one flagged outlet is enough");
        }
        JsonNode env = TREE.path("Globals").path("Function").path("Environment").path("Variables");
        Map<String, String> thresholds = Map.of("HEALTH_SILENT_RUNS", "HealthSilentRuns",
                "HEALTH_FAILING_SHARE", "HealthFailingShare", "HEALTH_DRIFT_DROP", "HealthDriftDrop");
        thresholds.forEach((variable, parameter) -> {
            assertEquals(refNode(parameter), env.path(variable), variable);
            assertEquals("Number", TREE.path("Parameters").path(parameter).path("Type").asText(), parameter);
        });
        assertEquals(NAMESPACE, env.path("POWERTOOLS_METRICS_NAMESPACE").asText());
        assertEquals(refNode("ServiceName"), env.path("POWERTOOLS_SERVICE_NAME"));
    }

    @Test
    void theFleetWideFailedShareIsMetricMathOverTheFinishedOutcomes() {
        JsonNode p = RESOURCES.path("ArticlesFailedShareAlarm").path("Properties");
        assertEquals(refNode("HealthFailingShare"), p.path("Threshold"));
        Set<String> outcomes = new TreeSet<>();
        for (MetricRef m : metrics(p)) {
            assertEquals("Articles", m.name());
            outcomes.add(m.dimensions().get("Outcome").asText());
        }
        Set<String> finished = new TreeSet<>();
        for (Outcome o : Outcome.values()) {
            finished.add(o.name());
        }
        finished.remove(Outcome.DEFERRED.name()); // put off, not done
        assertEquals(finished, outcomes, "every finished outcome counts towards the total");
        assertEquals(List.of(), undefinedExpressionIds(p.path("Metrics")));
        long returned = list(p.path("Metrics")).stream().filter(m -> m.path("ReturnData").asBoolean(true)).count();
        assertEquals(1, returned, "an alarm's math returns one series");
    }

    // ------------------------------------------------------------------ helpers

    /** Why the metric breaks the contract, or null. */
    static String contractViolation(MetricRef m) {
        Map<String, JsonNode> d = m.dimensions();
        switch (m.namespace()) {
            case NAMESPACE -> {
                Set<Set<String>> allowed = CONTRACT.get(m.name());
                if (allowed == null) {
                    return "no metric " + m.name() + " in the contract " + CONTRACT.keySet();
                }
                if (!allowed.contains(d.keySet())) {
                    return m.name() + " is emitted with dimensions " + allowed + ", not " + d.keySet();
                }
                if (!refNode("ServiceName").equals(d.get("Service")) && !"${ServiceName}".equals(d.get("Service").asText())) {
                    return m.name() + ": Service must be the ServiceName parameter, is " + d.get("Service");
                }
                if (d.containsKey("Outcome")) {
                    String outcome = d.get("Outcome").asText();
                    if (List.of(Outcome.values()).stream().noneMatch(o -> o.name().equals(outcome))) {
                        return m.name() + ": no outcome " + outcome;
                    }
                }
                return null;
            }
            case "AWS/Lambda" -> {
                JsonNode f = d.get("FunctionName");
                String id = f == null ? null : f.path("Ref").asText(f.asText().replaceAll("^\\$\\{(.*)}$", "$1"));
                return d.size() == 1 && id != null && RESOURCES.path(id).path("Type").asText().equals("AWS::Serverless::Function")
                        ? null : m.name() + ": FunctionName of a function of this stack: " + d;
            }
            case "AWS/SQS" -> {
                JsonNode q = d.get("QueueName");
                String id = q == null ? null : q.path("Fn::GetAtt").path(0).asText(q.asText().replaceAll("^\\$\\{(.*)\\.QueueName}$", "$1"));
                return d.size() == 1 && id != null && RESOURCES.path(id).path("Type").asText().equals("AWS::SQS::Queue")
                        ? null : m.name() + ": QueueName of a queue of this stack: " + d;
            }
            default -> {
                return "namespace " + m.namespace() + " is not watched by this stack";
            }
        }
    }

    /** The metrics of an alarm's properties: its own, or those of its metric math. */
    static List<MetricRef> metrics(JsonNode props) {
        List<MetricRef> out = new ArrayList<>();
        if (props.has("MetricName")) {
            out.add(metricRef(props.path("Namespace").asText(), props.path("MetricName").asText(), props.path("Dimensions")));
        }
        for (JsonNode q : props.path("Metrics")) {
            JsonNode m = q.path("MetricStat").path("Metric");
            if (!m.isMissingNode()) {
                out.add(metricRef(m.path("Namespace").asText(), m.path("MetricName").asText(), m.path("Dimensions")));
            }
        }
        return out;
    }

    /** Names used in expressions (lower-case words, functions are upper case) that no query of the list defines. */
    static List<String> undefinedExpressionIds(JsonNode queries) {
        Set<String> ids = new LinkedHashSet<>();
        queries.forEach(q -> ids.add(q.path("Id").asText(q.path("id").asText())));
        List<String> out = new ArrayList<>();
        for (JsonNode q : queries) {
            String expression = q.path("Expression").asText(q.path("expression").asText(""));
            Matcher m = EXPRESSION_ID.matcher(expression.replaceAll("'[^']*'", ""));
            while (m.find()) {
                if (!ids.contains(m.group(1))) {
                    out.add(m.group(1) + " in " + expression);
                }
            }
        }
        return out;
    }

    private static MetricRef metricRef(String namespace, String name, JsonNode dimensions) {
        Map<String, JsonNode> d = new LinkedHashMap<>();
        dimensions.forEach(x -> d.put(x.path("Name").asText(), x.path("Value")));
        return new MetricRef(namespace, name, d);
    }

    /** The one alarm on this metric and dimension value; fails if there is none. */
    private static JsonNode alarmOn(String namespace, String metric, String dimension, JsonNode value) {
        for (JsonNode alarm : ofType(RESOURCES, "AWS::CloudWatch::Alarm").values()) {
            for (MetricRef m : metrics(alarm.path("Properties"))) {
                if (m.namespace().equals(namespace) && m.name().equals(metric) && value.equals(m.dimensions().get(dimension))
                        && alarm.path("Properties").has("MetricName")) {
                    return alarm.path("Properties");
                }
            }
        }
        throw new AssertionError("no alarm on " + namespace + " " + metric + " " + dimension + "=" + value);
    }
}
