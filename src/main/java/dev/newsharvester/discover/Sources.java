package dev.newsharvester.discover;

import dev.newsharvester.fetch.FetchResult;
import dev.newsharvester.fetch.FetchStatus;
import dev.newsharvester.fetch.HttpFetcher;
import dev.newsharvester.fetch.Validators;
import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads discovery sources (feeds, sitemaps, listing pages) with conditional GETs. What a source yielded is kept with
 * its ETag / Last-Modified, so the next read sends {@code If-None-Match} / {@code If-Modified-Since}; on 304 the kept
 * result is used without downloading or parsing anything. Feeds and sitemaps change far less often than a harvest
 * runs, so most reads of a warm process are 304s.
 *
 * <p>The memory lives as long as the {@link Discoverer}: across the runs of one process (a warm Lambda execution
 * environment, the rounds of the demo), not across cold starts. It is bounded: at most {@value #MAX_DOCUMENTS}
 * documents and {@value #MAX_LINKS} links, least recently used first out. Thread-safe.
 */
final class Sources {

    static final int MAX_DOCUMENTS = 1_000;
    static final int MAX_LINKS = 250_000;

    /** Turns a fetched document into what discovery needs from it. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(FetchResult fetched) throws Exception;
    }

    /**
     * What reading a source gave: content, or a problem line ("… not a readable feed: …", "TIMEOUT (…)"), or
     * {@code deferredUntil} when the host may not be asked yet (a fleet pacer refused).
     */
    record Read<T>(T content, String problem, boolean notModified, java.time.Instant deferredUntil) {
        Read(T content, String problem, boolean notModified) {
            this(content, problem, notModified, null);
        }
    }

    /** What sources yielded, with their validators: shared by every view of one {@link Sources}. */
    private static final class Memory {
        final Map<String, Kept> kept = new LinkedHashMap<>(64, 0.75f, true);
        long keptWeight;
    }

    private record Kept(Validators validators, Object content, int weight) {
    }

    private final HttpFetcher fetcher;
    private final Memory memory;

    Sources(HttpFetcher fetcher) {
        this(fetcher, new Memory());
    }

    private Sources(HttpFetcher fetcher, Memory memory) {
        this.fetcher = fetcher;
        this.memory = memory;
    }

    /** The same memory, fetched through {@code other} (a fleet worker's paced view). */
    Sources via(HttpFetcher other) {
        return other == fetcher ? this : new Sources(other, memory);
    }

    /**
     * Fetches {@code url} (conditionally when something is kept for it) and parses it.
     *
     * @param html   fetch as a page (HTML only) rather than as any document
     * @param what   names the document kind in problems ("feed", "sitemap", …)
     * @param weight the number of links in a parsed result, for the memory bound
     */
    <T> Read<T> read(URI url, Duration delay, boolean html, String what, Parser<T> parser,
            java.util.function.ToIntFunction<T> weight) {
        String key = url.toString();
        Kept prior = get(key);
        Validators sent = prior == null ? Validators.NONE : prior.validators;
        FetchResult r = html ? fetcher.fetch(url, sent, delay) : fetcher.fetchAny(url, sent, delay);
        if (r.status() == FetchStatus.DEFERRED) {
            return new Read<>(null, r.reason(), false, r.retryAt());
        }
        if (r.status() == FetchStatus.NOT_MODIFIED) {
            if (prior == null) {
                return new Read<>(null, "HTTP 304 to an unconditional request", false);
            }
            @SuppressWarnings("unchecked") // put() stores only what this method's parser returned for the key
            T content = (T) prior.content;
            return new Read<>(content, null, true);
        }
        if (!r.ok()) {
            return new Read<>(null, r.status() + " (" + r.reason() + ")", false);
        }
        T content;
        try {
            content = parser.parse(r);
        } catch (Exception e) {
            remove(key);
            return new Read<>(null, "not a readable " + what + ": " + e.getMessage(), false);
        }
        Validators validators = Validators.of(r);
        if (validators.etag() != null || validators.lastModified() != null) {
            put(key, new Kept(validators, content, Math.max(1, weight.applyAsInt(content))));
        } else {
            remove(key);
        }
        return new Read<>(content, null, false);
    }

    private Kept get(String key) {
        synchronized (memory) {
            return memory.kept.get(key);
        }
    }

    private void remove(String key) {
        synchronized (memory) {
            Kept k = memory.kept.remove(key);
            if (k != null) {
                memory.keptWeight -= k.weight;
            }
        }
    }

    private void put(String key, Kept k) {
        synchronized (memory) {
            remove(key);
            if (k.weight > MAX_LINKS) {
                return;
            }
            memory.kept.put(key, k);
            memory.keptWeight += k.weight;
            Iterator<Map.Entry<String, Kept>> eldest = memory.kept.entrySet().iterator();
            while ((memory.keptWeight > MAX_LINKS || memory.kept.size() > MAX_DOCUMENTS) && eldest.hasNext()) {
                memory.keptWeight -= eldest.next().getValue().weight;
                eldest.remove();
            }
        }
    }
}
