package dev.newsharvester.fleetsim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of one {@link FleetSim#run}: politeness per host (most requests in flight at once, gaps between
 * requests, duplicate fetches), time (wall, the politeness bound), Lambda usage (invocations, billed time per fetched
 * article), AWS requests and the estimated cost per million articles. {@link #toText()} prints it as a table.
 *
 * <p>"Fetched" articles are article requests answered 200 or 304; "wall" runs from the start of the run (seeding
 * included) until done was true with the queue empty; "span" from the first to the last request any site saw.
 */
public record FleetReport(int hosts, int workers, long articlesOffered, long fetchedArticles, long distinctArticles,
        double wallSeconds, double spanSeconds, boolean timedOut, double politenessBoundSeconds, double crudeBoundSeconds,
        List<HostRow> perHost, int maxInFlight, double minGapMs, double medianGapMs, long shortGaps,
        List<String> duplicateFetches, long invocations, long plannerInvocations, double workerBilledSeconds,
        double plannerBilledSeconds, double initSeconds, double billedSecondsPerArticle, long failedRecords,
        long erroredInvocations, long plannerTimeouts, long abandonedBatches, long emptyReceives, long dlqDepth,
        AwsCounters.Snapshot functionCalls, AwsCounters.Snapshot esmCalls, CostModel.Breakdown cost) {

    /** One host's line. Gaps in ms; shortGaps = gaps below the host's delay − 50 ms. */
    public record HostRow(String host, Duration delay, int requests, int articles200, int status429, int unanswered,
            int maxInFlight, double minGapMs, double medianGapMs, long shortGaps, int duplicates, double boundSeconds) {
    }

    /** Gaps this much shorter than the delay count as short (timer and scheduling slack). */
    public static final double GAP_SLACK_MS = 50;

    public double billedSeconds() {
        return workerBilledSeconds + plannerBilledSeconds;
    }

    static FleetReport of(FleetSim sim, EsmPoller poller, List<EsmPoller.Invocation> planners, double wallSeconds,
            boolean timedOut, AwsCounters.Snapshot functionCalls, AwsCounters.Snapshot esmCalls) {
        LoopbackHosts h = sim.hosts();
        RequestLog log = h.log();
        Map<String, RequestLog.HostStats> stats = log.byHost();
        List<HostRow> rows = new ArrayList<>();
        List<Double> allGaps = new ArrayList<>();
        long shortGaps = 0;
        for (RequestLog.HostStats s : stats.values()) {
            Duration delay = h.delayOf(s.host());
            long shortOnes = s.gapsBelow(delay.toMillis() - GAP_SLACK_MS);
            shortGaps += shortOnes;
            allGaps.addAll(s.gapsMs());
            int ok = 0;
            int limited = 0;
            for (RequestLog.Request r : log.requests(r -> r.host().equals(s.host()) && r.article())) {
                ok += r.status() == 200 ? 1 : 0;
                limited += r.status() == 429 ? 1 : 0;
            }
            rows.add(new HostRow(s.host(), delay, s.requests(), ok, limited, s.unanswered(), s.maxInFlight(), s.minGapMs(),
                    s.medianGapMs(), shortOnes, s.duplicateArticleFetches().size(), s.politeBound(delay).toNanos() / 1e9));
        }
        allGaps.sort(null);
        double median = allGaps.isEmpty() ? Double.NaN : allGaps.get(allGaps.size() / 2);
        long fetched = log.fetchedArticles();
        long distinct = log.requests(r -> r.article() && (r.status() == 200 || r.status() == 304)).stream()
                .map(r -> r.host() + r.path()).distinct().count();
        List<EsmPoller.Invocation> inv = poller.invocations();
        long workerBilledMs = inv.stream().mapToLong(EsmPoller.Invocation::billedMs).sum();
        long plannerBilledMs = planners.stream().mapToLong(EsmPoller.Invocation::billedMs).sum();
        long billedMs = workerBilledMs + plannerBilledMs;
        AwsCounters.Snapshot all = functionCalls.plus(esmCalls);
        long sqsRequests = all.sqsBilledRequests() - poller.emptyReceives();
        boolean reported = all.reportedWriteUnits() + all.reportedReadUnits() > 0; // DynamoDB Local's own figures
        CostModel.Breakdown cost = CostModel.perMillionArticles(new CostModel.Usage(billedMs, sim.config().memoryMb(),
                inv.size() + planners.size(), sqsRequests, all.s3Tier1(), all.s3Tier2(),
                reported ? all.reportedWriteUnits() : all.dynamoWriteUnits() + all.dynamoIndexWriteUnits(),
                reported ? all.reportedReadUnits() : all.dynamoReadUnits(), fetched));
        return new FleetReport(h.hostCount(), sim.config().workers(), h.articleUrls().size(), fetched, distinct, wallSeconds,
                log.spanSeconds(), timedOut, log.politenessBound(h::delayOf).toNanos() / 1e9,
                log.crudeBound(h.articlesPerHost(), h::delayOf).toNanos() / 1e9, List.copyOf(rows),
                log.maxInFlightAnyHost(), log.minGapAnyHostMs(), median, shortGaps, log.duplicateArticleFetches(),
                inv.size(), planners.size(), workerBilledMs / 1000.0, plannerBilledMs / 1000.0, poller.initMs() / 1000.0,
                fetched == 0 ? Double.NaN : billedMs / 1000.0 / fetched,
                inv.stream().mapToLong(EsmPoller.Invocation::failed).sum(),
                inv.stream().filter(i -> i.error() != null || i.timedOut()).count(),
                planners.stream().filter(EsmPoller.Invocation::timedOut).count(), poller.abandoned().size(),
                poller.emptyReceives(), sim.dlqDepth(), functionCalls, esmCalls, cost);
    }

    /** A readable multi-line table (at most 40 host rows). */
    public String toText() {
        return toText(40);
    }

    /** A readable multi-line table; with more hosts than {@code maxRows}, the least polite ones are shown. */
    public String toText(int maxRows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "FLEET REPORT  %d hosts, %d articles offered, W=%d workers%s%n", hosts,
                articlesOffered, workers, timedOut ? "  ** TIMED OUT **" : ""));
        sb.append(String.format(Locale.ROOT, "%-6s %6s %5s %5s %4s %5s %8s %9s %10s %6s %5s %7s%n", "host", "delay", "reqs",
                "art200", "429", "silent", "inflight", "min gap", "median gap", "short", "dups", "bound s"));
        List<HostRow> shown = perHost;
        if (perHost.size() > maxRows) {
            shown = perHost.stream().sorted(java.util.Comparator.comparingInt(HostRow::maxInFlight)
                    .thenComparingLong(HostRow::shortGaps).thenComparingDouble(r -> -r.minGapMs()).reversed())
                    .limit(maxRows).toList();
        }
        for (HostRow r : shown) {
            sb.append(String.format(Locale.ROOT, "%-6s %5.1fs %5d %6d %4d %6d %8d %9s %10s %6d %5d %7.1f%n", r.host(),
                    r.delay().toMillis() / 1000.0, r.requests(), r.articles200(), r.status429(), r.unanswered(),
                    r.maxInFlight(), ms(r.minGapMs()), ms(r.medianGapMs()), r.shortGaps(), r.duplicates(), r.boundSeconds()));
        }
        if (shown.size() < perHost.size()) {
            sb.append(String.format(Locale.ROOT, "… %d more hosts (the least polite %d shown)%n", perHost.size() - shown.size(),
                    shown.size()));
        }
        sb.append(String.format(Locale.ROOT, "politeness: max in flight per host %d; min gap %s, median gap %s; "
                + "%d gaps shorter than delay - %.0f ms; %d duplicate article fetches%n", maxInFlight, ms(minGapMs), ms(medianGapMs),
                shortGaps, GAP_SLACK_MS, duplicateFetches.size()));
        sb.append(String.format(Locale.ROOT, "time: wall %.1f s (span of requests %.1f s); politeness bound %.1f s "
                + "(crude articles x delay %.1f s); wall / bound = %.2f%n", wallSeconds, spanSeconds, politenessBoundSeconds,
                crudeBoundSeconds, politenessBoundSeconds == 0 ? Double.NaN : wallSeconds / politenessBoundSeconds));
        sb.append(String.format(Locale.ROOT, "articles: %d fetched (200/304), %d distinct%n", fetchedArticles, distinctArticles));
        sb.append(String.format(Locale.ROOT, "lambda: %d worker invocations + %d planner; billed %.1f s (workers %.1f, "
                + "planner %.1f) = %.3f s per fetched article; init (not billed here) %.1f s%n", invocations,
                plannerInvocations, billedSeconds(), workerBilledSeconds, plannerBilledSeconds, billedSecondsPerArticle,
                initSeconds));
        sb.append(String.format(Locale.ROOT, "failures: %d records returned failed, %d invocations threw or timed out, "
                + "%d batches abandoned, %d messages in the DLQ%s%n", failedRecords, erroredInvocations, abandonedBatches, dlqDepth,
                plannerTimeouts == 0 ? "" : "; the planner ran past Lambda's 15 min limit " + plannerTimeouts + " time(s)"));
        sb.append("functions' AWS calls: ").append(calls(functionCalls)).append('\n');
        sb.append(String.format(Locale.ROOT, "  DynamoDB estimated ~%d WRU + ~%d WRU of index entries, ~%.1f RRU; reported by "
                + "DynamoDB Local %.1f WRU, %.1f RRU (the cost uses these when present)%n", functionCalls.dynamoWriteUnits(),
                functionCalls.dynamoIndexWriteUnits(), functionCalls.dynamoReadUnits(), functionCalls.reportedWriteUnits(),
                functionCalls.reportedReadUnits()));
        sb.append(String.format(Locale.ROOT, "  SQS billed requests %d; S3 PUT/LIST %d, GET/other %d%n",
                functionCalls.sqsBilledRequests(), functionCalls.s3Tier1(), functionCalls.s3Tier2()));
        sb.append("event source mapping's SQS calls: ").append(calls(esmCalls))
                .append(String.format(Locale.ROOT, " (%d empty receives, left out of the cost)%n", emptyReceives));
        sb.append("cost: ").append(cost.toText()).append('\n');
        return sb.toString();
    }

    private static String ms(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.0fms", v) : "-";
    }

    private static String calls(AwsCounters.Snapshot s) {
        StringBuilder sb = new StringBuilder();
        s.calls().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(sb.isEmpty() ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue()));
        return sb.isEmpty() ? "none" : sb.toString();
    }
}
