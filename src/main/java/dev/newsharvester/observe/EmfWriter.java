package dev.newsharvester.observe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects metric points and writes them as CloudWatch embedded metric format documents.
 *
 * <p>An EMF document takes its dimension values from its root keys, so points with different dimension values (two
 * outlets) go to different documents. Within one set of dimension values, a document holds at most
 * {@value #MAX_METRICS} metrics and a metric at most {@value #MAX_VALUES} values (the specification's limits); more
 * are split over further documents. Counts are summed into one value; samples (latencies, sizes) keep each value, so
 * CloudWatch sees their distribution. Thread-safe.
 */
public final class EmfWriter {

    static final int MAX_METRICS = 100;
    static final int MAX_VALUES = 100;

    private final String namespace;
    /** dimension values (ordered) → metric name → the metric. */
    private final Map<Map<String, String>, Map<String, Metric>> groups = new LinkedHashMap<>();

    private static final class Metric {
        final MetricUnit unit;
        final List<Double> values = new ArrayList<>();

        Metric(MetricUnit unit) {
            this.unit = unit;
        }
    }

    public EmfWriter(String namespace) {
        this.namespace = namespace;
    }

    /** Adds {@code value} to a count (one summed value per document set). */
    public synchronized void count(String name, Map<String, String> dimensions, double value) {
        Metric m = metric(name, MetricUnit.Count, dimensions);
        if (m.values.isEmpty()) {
            m.values.add(value);
        } else {
            m.values.set(0, m.values.get(0) + value);
        }
    }

    /** Records one sample (each kept). */
    public synchronized void sample(String name, MetricUnit unit, Map<String, String> dimensions, double value) {
        metric(name, unit, dimensions).values.add(value);
    }

    /** Sets a gauge: the last value set wins. */
    public synchronized void gauge(String name, Map<String, String> dimensions, double value) {
        Metric m = metric(name, MetricUnit.Count, dimensions);
        m.values.clear();
        m.values.add(value);
    }

    private Metric metric(String name, MetricUnit unit, Map<String, String> dimensions) {
        return groups.computeIfAbsent(new LinkedHashMap<>(dimensions), k -> new LinkedHashMap<>())
                .computeIfAbsent(name, k -> new Metric(unit));
    }

    public synchronized boolean isEmpty() {
        return groups.isEmpty();
    }

    /**
     * The documents of everything collected, then forgotten.
     *
     * @param extra root keys added to each document (e.g. the request id), not dimensions
     */
    public synchronized List<String> drain(Instant timestamp, Map<String, String> extra) {
        List<String> docs = new ArrayList<>();
        groups.forEach((dimensions, metrics) -> {
            // metric name → its values in chunks of MAX_VALUES; document i takes chunk i of each metric
            List<Map<String, List<Double>>> rounds = new ArrayList<>();
            metrics.forEach((name, m) -> {
                for (int i = 0, round = 0; i < m.values.size(); i += MAX_VALUES, round++) {
                    while (rounds.size() <= round) {
                        rounds.add(new LinkedHashMap<>());
                    }
                    rounds.get(round).put(name, m.values.subList(i, Math.min(m.values.size(), i + MAX_VALUES)));
                }
            });
            for (Map<String, List<Double>> round : rounds) {
                List<String> names = new ArrayList<>(round.keySet());
                for (int i = 0; i < names.size(); i += MAX_METRICS) {
                    List<String> part = names.subList(i, Math.min(names.size(), i + MAX_METRICS));
                    docs.add(document(timestamp, dimensions, part, metrics, round, extra));
                }
            }
        });
        groups.clear();
        return docs;
    }

    private String document(Instant timestamp, Map<String, String> dimensions, List<String> names,
            Map<String, Metric> metrics, Map<String, List<Double>> values, Map<String, String> extra) {
        ObjectNode doc = JsonLog.JSON.createObjectNode();
        ObjectNode aws = doc.putObject("_aws");
        aws.put("Timestamp", timestamp.toEpochMilli());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", namespace);
        ArrayNode dimensionSet = directive.putArray("Dimensions").addArray();
        dimensions.keySet().forEach(dimensionSet::add);
        ArrayNode defs = directive.putArray("Metrics");
        dimensions.forEach(doc::put);
        extra.forEach((k, v) -> {
            if (v != null && !doc.has(k)) {
                doc.put(k, v);
            }
        });
        for (String name : names) {
            defs.addObject().put("Name", name).put("Unit", metrics.get(name).unit.name());
            List<Double> v = values.get(name);
            if (v.size() == 1) {
                putNumber(doc, name, v.get(0));
            } else {
                ArrayNode array = doc.putArray(name);
                v.forEach(x -> addNumber(array, x));
            }
        }
        return doc.toString();
    }

    private static void putNumber(ObjectNode doc, String name, double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            doc.put(name, (long) x);
        } else {
            doc.put(name, x);
        }
    }

    private static void addNumber(ArrayNode array, double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            array.add((long) x);
        } else {
            array.add(x);
        }
    }
}
