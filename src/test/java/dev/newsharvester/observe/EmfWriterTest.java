package dev.newsharvester.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmfWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2025-08-22T09:15:00Z");

    private static Map<String, String> dims(String... kv) {
        Map<String, String> d = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            d.put(kv[i], kv[i + 1]);
        }
        return d;
    }

    private static List<JsonNode> parse(List<String> docs) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String d : docs) {
            out.add(JSON.readTree(d));
        }
        return out;
    }

    private static JsonNode directive(JsonNode doc) {
        return doc.path("_aws").path("CloudWatchMetrics").get(0);
    }

    @Test
    void moreThanAHundredMetricsAreSplitOverDocuments() throws Exception {
        EmfWriter w = new EmfWriter("NewsHarvester");
        for (int i = 0; i < 250; i++) {
            w.count("M" + i, dims("Service", "s"), i);
        }
        List<JsonNode> docs = parse(w.drain(AT, Map.of("function_request_id", "r")));
        assertEquals(List.of(100, 100, 50), docs.stream().map(d -> directive(d).path("Metrics").size()).toList());
        Set<String> seen = new HashSet<>();
        for (JsonNode d : docs) {
            assertEquals(AT.toEpochMilli(), d.path("_aws").path("Timestamp").asLong());
            assertEquals("NewsHarvester", directive(d).path("Namespace").asText());
            assertEquals("[[\"Service\"]]", directive(d).path("Dimensions").toString());
            assertEquals("s", d.path("Service").asText());
            assertEquals("r", d.path("function_request_id").asText());
            for (JsonNode m : directive(d).path("Metrics")) {
                String name = m.path("Name").asText();
                assertTrue(seen.add(name), "each metric once: " + name);
                assertEquals(Integer.parseInt(name.substring(1)), d.path(name).asInt(), "its value at the root");
            }
        }
        assertEquals(250, seen.size());
        assertTrue(w.isEmpty(), "drained");
    }

    @Test
    void moreThanAHundredValuesOfAMetricAreSplitAndCountsSum() throws Exception {
        EmfWriter w = new EmfWriter("NewsHarvester");
        for (int i = 1; i <= 230; i++) {
            w.sample("FetchLatency", MetricUnit.Milliseconds, dims("Service", "s"), i);
            w.count("Articles", dims("Service", "s"), 1);
        }
        List<JsonNode> docs = parse(w.drain(AT, Map.of()));
        assertEquals(3, docs.size());
        assertEquals(List.of(100, 100, 30), docs.stream().map(d -> d.path("FetchLatency").size()).toList());
        long sum = 0;
        for (JsonNode d : docs) {
            for (JsonNode v : d.path("FetchLatency")) {
                sum += v.asLong();
            }
        }
        assertEquals(230L * 231 / 2, sum, "every sample kept once");
        assertEquals(230, docs.get(0).path("Articles").asInt(), "a count is one summed value");
        assertEquals("Milliseconds", directive(docs.get(0)).path("Metrics").get(0).path("Unit").asText());
    }

    @Test
    void differentDimensionValuesGoToDifferentDocuments() throws Exception {
        EmfWriter w = new EmfWriter("NewsHarvester");
        w.count("Articles", dims("Service", "s", "Outlet", "unn"), 2);
        w.count("Articles", dims("Service", "s", "Outlet", "up"), 3);
        w.count("Articles", dims("Service", "s", "Outlet", "unn"), 1);
        w.gauge("OutletsSilent", dims("Service", "s"), 4);
        w.gauge("OutletsSilent", dims("Service", "s"), 1);
        List<JsonNode> docs = parse(w.drain(AT, Map.of()));
        assertEquals(3, docs.size());
        assertEquals("unn", docs.get(0).path("Outlet").asText());
        assertEquals(3, docs.get(0).path("Articles").asInt());
        assertEquals("[[\"Service\",\"Outlet\"]]", directive(docs.get(0)).path("Dimensions").toString());
        assertEquals("up", docs.get(1).path("Outlet").asText());
        assertEquals(3, docs.get(1).path("Articles").asInt());
        assertEquals(1, docs.get(2).path("OutletsSilent").asInt(), "a gauge keeps its last value");
    }
}
