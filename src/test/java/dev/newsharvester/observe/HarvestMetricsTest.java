package dev.newsharvester.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsharvester.pipeline.Outcome;
import dev.newsharvester.pipeline.OutletReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The metrics a run produces, and what the scheme costs: {@code mvn -B -q -o test -Dtest=HarvestMetricsTest} prints,
 * for 100 outlets, the distinct custom metrics (name × dimension values) and their monthly CloudWatch price.
 */
class HarvestMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** CloudWatch custom metrics, first 10,000 per month (us-east-1). */
    private static final double USD_PER_METRIC_MONTH = 0.30;
    /** The bound the README states for 100 outlets. */
    private static final int BOUND_100_OUTLETS = 750;

    private static List<JsonNode> drain(HarvestMetrics m) throws Exception {
        List<JsonNode> docs = new ArrayList<>();
        for (String d : m.drain(Instant.parse("2025-08-22T09:15:00Z"), "req")) {
            docs.add(JSON.readTree(d));
        }
        return docs;
    }

    /** Every metric of the documents as "Name{Dim=value,…}" → its values summed. */
    private static Map<String, Double> metrics(List<JsonNode> docs) {
        Map<String, Double> out = new TreeMap<>();
        for (JsonNode d : docs) {
            JsonNode directive = d.path("_aws").path("CloudWatchMetrics").get(0);
            assertEquals(HarvestMetrics.NAMESPACE, directive.path("Namespace").asText());
            StringBuilder dims = new StringBuilder();
            for (JsonNode dim : directive.path("Dimensions").get(0)) {
                dims.append(dims.isEmpty() ? "" : ",").append(dim.asText()).append('=').append(d.path(dim.asText()).asText());
            }
            assertTrue(dims.toString().startsWith("Service=news-harvester"), "every metric has Service first: " + dims);
            for (JsonNode m : directive.path("Metrics")) {
                String name = m.path("Name").asText();
                JsonNode v = d.path(name);
                double sum = 0;
                for (JsonNode x : v.isArray() ? v : JSON.createArrayNode().add(v)) {
                    sum += x.asDouble();
                }
                out.merge(name + "{" + dims + "}", sum, Double::sum);
            }
        }
        return out;
    }

    @Test
    void outcomesOfAnOutletBecomeItsCountsAndTheFleetsSamples() throws Exception {
        HarvestMetrics m = new HarvestMetrics(LogSettings.DEFAULT_SERVICE);
        m.article(Outcomes.fresh("unn", 1, 200, 30, 50_000));
        m.article(Outcomes.fresh("unn", 2, 300, 50, 70_000));
        m.article(Outcomes.notModified("unn", 3, 40));
        m.article(Outcomes.blocked("unn", 4, 60));
        m.article(Outcomes.deferred("unn", 5));
        m.outlet(new OutletReport("unn", 12, 5, 7, 5, 0, Map.of(), List.of("feed https://unn.example/rss: HTTP 500")));
        Map<String, Double> got = metrics(drain(m));
        String unn = "{Service=news-harvester,Outlet=unn}";
        assertEquals(4.0, got.get("Articles" + unn), "DEFERRED is not final: " + got);
        assertEquals(2.0, got.get("NewArticles" + unn));
        assertEquals(1.0, got.get("Failed" + unn));
        assertEquals(1.0, got.get("Blocked" + unn));
        assertEquals(1.0, got.get("NotModified" + unn));
        assertEquals(12.0, got.get("DiscoveredUrls" + unn));
        assertEquals(1.0, got.get("Problems" + unn));
        assertEquals(2.0, got.get("Articles{Service=news-harvester,Outcome=NEW}"));
        assertEquals(1.0, got.get("Articles{Service=news-harvester,Outcome=UNCHANGED}"));
        assertEquals(1.0, got.get("Articles{Service=news-harvester,Outcome=FAILED}"));
        assertEquals(600.0, got.get("FetchLatency{Service=news-harvester}"), "four fetches: 200+300+40+60");
        assertEquals(80.0, got.get("ExtractTime{Service=news-harvester}"), "two pages extracted");
        assertEquals(125_120.0, got.get("Bytes{Service=news-harvester}"));
        assertEquals(13, got.size(), got.toString());
    }

    @Test
    void healthGaugesHaveTheServiceDimensionOnly() throws Exception {
        HarvestMetrics m = new HarvestMetrics(LogSettings.DEFAULT_SERVICE);
        m.health(2, 1, 3);
        assertEquals(Map.of("OutletsDrifting{Service=news-harvester}", 2.0, "OutletsSilent{Service=news-harvester}", 1.0,
                "OutletsFailing{Service=news-harvester}", 3.0), metrics(drain(m)));
    }

    /** Every outcome and every fetch result for 100 outlets, then counts what CloudWatch would hold. */
    @Test
    void aHundredOutletsStayUnderTheStatedNumberOfMetrics() throws Exception {
        int outlets = 100;
        HarvestMetrics m = new HarvestMetrics(LogSettings.DEFAULT_SERVICE);
        for (int o = 0; o < outlets; o++) {
            String id = "outlet-" + o;
            int n = 0;
            for (Outcome outcome : Outcome.values()) {
                m.article(Outcomes.of(id, n++, outcome));
            }
            m.article(Outcomes.notModified(id, n++, 30));
            m.article(Outcomes.blocked(id, n++, 30));
            m.article(Outcomes.deferred(id, n));
            m.outlet(new OutletReport(id, 0, 0, 0, 0, 0, Map.of(), List.of()));
        }
        m.health(0, 0, 0);
        List<JsonNode> docs = drain(m);
        TreeSet<String> distinct = new TreeSet<>(metrics(docs).keySet());
        double monthly = distinct.size() * USD_PER_METRIC_MONTH;
        System.out.printf("metrics for %d outlets: %d distinct (%d per outlet x %d outlets + %d by outcome + %d fleet-wide);"
                        + " CloudWatch at $%.2f/metric/month: $%.2f/month; %d EMF documents for a run touching every outlet%n",
                outlets, distinct.size(), HarvestMetrics.PER_OUTLET.size(), outlets, HarvestMetrics.COUNTED.size(),
                HarvestMetrics.FLEET.size(), USD_PER_METRIC_MONTH, monthly, docs.size());
        assertEquals(HarvestMetrics.metricsFor(outlets), distinct.size(), "the formula the README states");
        assertTrue(distinct.size() <= BOUND_100_OUTLETS, distinct.size() + " metrics");
        assertEquals(HarvestMetrics.PER_OUTLET.size(), HarvestMetrics.metricsFor(outlets + 1) - distinct.size(),
                "one more outlet adds its own metrics only");
    }
}
