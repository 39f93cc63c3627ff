package dev.newsharvester.observe;

import dev.newsharvester.fetch.FetchStatus;
import dev.newsharvester.pipeline.ArticleOutcome;
import dev.newsharvester.pipeline.ArticleTiming;
import dev.newsharvester.pipeline.Outcome;
import dev.newsharvester.pipeline.OutletReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what a run did into the metrics of the shared contract, namespace {@value #NAMESPACE}, every metric with the
 * dimension {@code Service}:
 * <ul>
 *   <li>{@code Articles} by {@code Service, Outcome}: one count per final outcome (DEFERRED is not final: the task
 *       comes back, and is counted when it ends);</li>
 *   <li>by {@code Service, Outlet}: {@code Articles}, {@code NewArticles}, {@code Failed}, {@code Blocked} (the fetch
 *       was refused: 401, 403, 451 or an anti-bot page), {@code NotModified} (answered 304), each written, zeros
 *       included, for every outlet with an article in the invocation, so that a share (Failed / Articles) has both
 *       terms; {@code DiscoveredUrls} and {@code Problems} for every outlet discovered, zeros included, so that an
 *       alarm can watch for zero discoveries;</li>
 *   <li>by {@code Service} alone: samples of {@code FetchLatency} (ms), {@code ExtractTime} (ms) and {@code Bytes}
 *       per fetch, and the health gauges {@code OutletsDrifting}, {@code OutletsSilent}, {@code OutletsFailing}.</li>
 * </ul>
 * Outlets never appear with outcomes (outlet × outcome is a Logs Insights query, not a metric), which keeps the
 * count of metrics linear in outlets: {@link #metricsFor(int)}. Thread-safe.
 */
public final class HarvestMetrics {

    public static final String NAMESPACE = "NewsHarvester";
    /** Metric names per outlet (dimensions Service, Outlet). */
    public static final List<String> PER_OUTLET = List.of("Articles", "NewArticles", "Failed", "Blocked", "NotModified",
            "DiscoveredUrls", "Problems");
    /** Metric names of the whole fleet (dimension Service). */
    public static final List<String> FLEET = List.of("FetchLatency", "ExtractTime", "Bytes", "OutletsDrifting",
            "OutletsSilent", "OutletsFailing");
    /** Outcomes counted by the {@code Articles} metric with the {@code Outcome} dimension. */
    public static final Set<Outcome> COUNTED = EnumSet.complementOf(EnumSet.of(Outcome.DEFERRED));

    private final String service;
    private final EmfWriter emf = new EmfWriter(NAMESPACE);

    public HarvestMetrics(String service) {
        this.service = service;
    }

    /** Distinct CloudWatch metrics (name × dimension values) this scheme creates for {@code outlets} outlets. */
    public static int metricsFor(int outlets) {
        return COUNTED.size() + PER_OUTLET.size() * outlets + FLEET.size();
    }

    /** One article's final outcome (DEFERRED ones are left out) and, when it was fetched, its timing. */
    public void article(ArticleOutcome o) {
        if (!COUNTED.contains(o.outcome())) {
            return;
        }
        emf.count("Articles", dims("Outcome", o.outcome().name()), 1);
        Map<String, String> outlet = dims("Outlet", o.outlet());
        ArticleTiming t = o.timing();
        FetchStatus fetch = t == null ? null : t.fetch();
        emf.count("Articles", outlet, 1);
        emf.count("NewArticles", outlet, o.outcome() == Outcome.NEW ? 1 : 0);
        emf.count("Failed", outlet, o.outcome() == Outcome.FAILED ? 1 : 0);
        emf.count("Blocked", outlet, fetch == FetchStatus.BLOCKED ? 1 : 0);
        emf.count("NotModified", outlet, fetch == FetchStatus.NOT_MODIFIED ? 1 : 0);
        if (fetch != null && fetch != FetchStatus.DEFERRED && fetch != FetchStatus.ROBOTS_DISALLOWED) {
            Map<String, String> fleet = dims();
            emf.sample("FetchLatency", MetricUnit.Milliseconds, fleet, t.fetchMs());
            emf.sample("Bytes", MetricUnit.Bytes, fleet, t.bytes());
            if (fetch == FetchStatus.OK) {
                emf.sample("ExtractTime", MetricUnit.Milliseconds, fleet, t.extractMs());
            }
        }
    }

    /** What a discovery of an outlet found (a fleet's discovery turns add up). */
    public void discovered(String outlet, int urls, int problems) {
        Map<String, String> d = dims("Outlet", outlet);
        emf.count("DiscoveredUrls", d, urls);
        emf.count("Problems", d, problems);
    }

    /** An inline harvest's report of one outlet: its discovery (its articles are counted by {@link #article}). */
    public void outlet(OutletReport r) {
        discovered(r.outlet(), r.discovered(), r.problems().size());
    }

    /** The outlet health gauges, once per planner or harvest run. */
    public void health(int drifting, int silent, int failing) {
        Map<String, String> d = dims();
        emf.gauge("OutletsDrifting", d, drifting);
        emf.gauge("OutletsSilent", d, silent);
        emf.gauge("OutletsFailing", d, failing);
    }

    public boolean isEmpty() {
        return emf.isEmpty();
    }

    /** The EMF documents of everything recorded since the last drain. */
    public List<String> drain(Instant timestamp, String requestId) {
        Map<String, String> extra = new LinkedHashMap<>();
        if (requestId != null) {
            extra.put("function_request_id", requestId);
        }
        return new ArrayList<>(emf.drain(timestamp, extra));
    }

    private Map<String, String> dims(String... keyValues) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("Service", service);
        for (int i = 0; i < keyValues.length; i += 2) {
            d.put(keyValues[i], keyValues[i + 1]);
        }
        return d;
    }
}
