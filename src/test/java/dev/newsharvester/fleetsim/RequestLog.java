package dev.newsharvester.fleetsim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * Every HTTP request the simulated sites received, with server-side timing, and the politeness figures derived
 * from it: requests in flight at once per host, the gaps between one request's end and the next one's start, duplicate
 * article fetches, and the least wall time a perfectly polite crawler would need (the politeness bound).
 *
 * <p>Times are {@link System#nanoTime()} on the server: {@code start} when the request was received (before the
 * configured latency), {@code end} after the response was written and the exchange closed. A request the server never
 * answered (a SILENT host) has {@code end == -1} and status 0; it is counted as unanswered and left out of the
 * in-flight and gap figures (the server cannot tell when the client gave up).
 */
public final class RequestLog {

    /** One request as the server saw it. */
    public record Request(String host, String path, long startNanos, long endNanos, int status) {
        public boolean answered() {
            return endNanos >= 0;
        }

        public boolean article() {
            return path.startsWith("/news/");
        }

        public long durationNanos() {
            return answered() ? endNanos - startNanos : 0;
        }
    }

    /** The figures of one host. Gaps are in ms, in order of request start; a negative gap is an overlap. */
    public record HostStats(String host, int requests, int unanswered, int maxInFlight, List<Double> gapsMs,
            double minGapMs, double medianGapMs, Map<String, Integer> perPath, List<String> duplicateArticleFetches,
            long sumDurationNanos) {

        /** (requests − 1) × delay + the sum of this host's request durations: the least time a polite crawler needs. */
        public Duration politeBound(Duration delay) {
            long n = Math.max(0, requests - unanswered - 1);
            return delay.multipliedBy(n).plusNanos(sumDurationNanos);
        }

        /** Gaps shorter than {@code minMs}. */
        public long gapsBelow(double minMs) {
            return gapsMs.stream().filter(g -> g < minMs).count();
        }
    }

    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();

    public void add(Request r) {
        requests.add(r);
    }

    /** A snapshot of every request, in order of start. */
    public List<Request> requests() {
        List<Request> all = new ArrayList<>(requests);
        all.sort(Comparator.comparingLong(Request::startNanos));
        return all;
    }

    public List<Request> requests(Predicate<Request> filter) {
        return requests().stream().filter(filter).toList();
    }

    public void clear() {
        requests.clear();
    }

    /** Figures per host over every request. */
    public Map<String, HostStats> byHost() {
        return byHost(r -> true);
    }

    /** Figures per host over the requests {@code filter} accepts (e.g. {@link Request#article()}). */
    public Map<String, HostStats> byHost(Predicate<Request> filter) {
        Map<String, List<Request>> grouped = new TreeMap<>(RequestLog::compareHosts);
        for (Request r : requests(filter)) {
            grouped.computeIfAbsent(r.host(), k -> new ArrayList<>()).add(r);
        }
        Map<String, HostStats> out = new TreeMap<>(RequestLog::compareHosts);
        grouped.forEach((host, list) -> out.put(host, stats(host, list)));
        return out;
    }

    /** The largest in-flight count over all hosts. */
    public int maxInFlightAnyHost() {
        return byHost().values().stream().mapToInt(HostStats::maxInFlight).max().orElse(0);
    }

    /** The smallest gap over all hosts, ms (+∞ when no host had two answered requests). */
    public double minGapAnyHostMs() {
        return byHost().values().stream().mapToDouble(HostStats::minGapMs).min().orElse(Double.POSITIVE_INFINITY);
    }

    /** Article paths fetched more than once with a 200 answer, over all hosts ("host path" strings). */
    public List<String> duplicateArticleFetches() {
        List<String> out = new ArrayList<>();
        byHost().forEach((h, s) -> s.duplicateArticleFetches().forEach(p -> out.add(h + " " + p)));
        return out;
    }

    /**
     * The politeness bound: max over hosts of ((requests to the host − 1) × delay + sum of its request durations),
     * with each host's delay from {@code delayOf}.
     */
    public Duration politenessBound(java.util.function.Function<String, Duration> delayOf) {
        Duration max = Duration.ZERO;
        for (HostStats s : byHost().values()) {
            Duration b = s.politeBound(delayOf.apply(s.host()));
            max = b.compareTo(max) > 0 ? b : max;
        }
        return max;
    }

    /** The cruder bound: the most articles on one host × that host's delay. */
    public Duration crudeBound(Map<String, Integer> articlesPerHost, java.util.function.Function<String, Duration> delayOf) {
        Duration max = Duration.ZERO;
        for (Map.Entry<String, Integer> e : articlesPerHost.entrySet()) {
            Duration b = delayOf.apply(e.getKey()).multipliedBy(e.getValue());
            max = b.compareTo(max) > 0 ? b : max;
        }
        return max;
    }

    /** Article requests answered 200 or 304 (articles the fleet actually fetched). */
    public long fetchedArticles() {
        return requests(r -> r.article() && (r.status() == 200 || r.status() == 304)).size();
    }

    /** From the first request's start to the last answered request's end, seconds (0 without requests). */
    public double spanSeconds() {
        List<Request> all = requests();
        if (all.isEmpty()) {
            return 0;
        }
        long end = all.stream().mapToLong(Request::endNanos).max().orElse(all.get(0).startNanos());
        return Math.max(0, end - all.get(0).startNanos()) / 1e9;
    }

    static HostStats stats(String host, List<Request> list) {
        List<Request> answered = list.stream().filter(Request::answered).toList();
        int unanswered = list.size() - answered.size();
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < answered.size(); i++) {
            gaps.add((answered.get(i).startNanos() - answered.get(i - 1).endNanos()) / 1e6);
        }
        List<Double> sorted = new ArrayList<>(gaps);
        sorted.sort(null);
        double min = sorted.isEmpty() ? Double.POSITIVE_INFINITY : sorted.get(0);
        double median = sorted.isEmpty() ? Double.NaN
                : sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        Map<String, Integer> perPath = new TreeMap<>();
        Map<String, Integer> ok = new HashMap<>();
        long sum = 0;
        for (Request r : list) {
            perPath.merge(r.path(), 1, Integer::sum);
            if (r.article() && r.status() == 200) {
                ok.merge(r.path(), 1, Integer::sum);
            }
            sum += r.durationNanos();
        }
        List<String> dups = ok.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList();
        return new HostStats(host, list.size(), unanswered, maxInFlight(answered), List.copyOf(gaps), min, median,
                perPath, dups, sum);
    }

    /** The most intervals [start, end] overlapping at one instant; an end equal to a start does not overlap it. */
    static int maxInFlight(List<Request> answered) {
        long[][] events = new long[answered.size() * 2][];
        int i = 0;
        for (Request r : answered) {
            events[i++] = new long[] {r.startNanos(), +1};
            events[i++] = new long[] {r.endNanos(), -1};
        }
        java.util.Arrays.sort(events, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int now = 0;
        int max = 0;
        for (long[] e : events) {
            now += (int) e[1];
            max = Math.max(max, now);
        }
        return max;
    }

    /** "h2" before "h10"; other names alphabetically. */
    static int compareHosts(String a, String b) {
        if (a.matches("h\\d+") && b.matches("h\\d+")) {
            return Integer.compare(Integer.parseInt(a.substring(1)), Integer.parseInt(b.substring(1)));
        }
        return a.compareTo(b);
    }
}
