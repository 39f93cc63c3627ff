package dev.newsharvester.discover;

import dev.newsharvester.outlet.Outlet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Gathers the URLs of one discovery run: canonicalises, keeps only the outlet's article URLs, de-duplicates
 * (the first source wins; a published date missing there is taken from a later source), and caps the total.
 */
final class UrlCollector {

    static final int MAX_URLS = 50_000;
    /** The index's key is the URL, and DynamoDB limits a partition key to 2048 bytes. */
    static final int MAX_URL_BYTES = 2_000;
    private static final Pattern OTHER_SCHEME = Pattern.compile("^\\s*(?!https?:)[a-z][a-z0-9+.-]*:",
            Pattern.CASE_INSENSITIVE);

    private final Outlet outlet;
    private final Map<String, DiscoveredUrl> urls = new LinkedHashMap<>();
    private final Map<String, Integer> invalidBySource = new LinkedHashMap<>();
    private final Map<String, Integer> tooLongBySource = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final List<Source> deferred = new ArrayList<>();
    private Instant retryAt;
    private boolean full;

    UrlCollector(Outlet outlet) {
        this.outlet = outlet;
    }

    /**
     * Offers a URL found in a source.
     *
     * @return false once the collector is full, so a source can stop reading
     */
    boolean offer(String rawUrl, Instant published, String source) {
        if (full) {
            return false;
        }
        if (OTHER_SCHEME.matcher(rawUrl).find()) {
            return true; // mailto:, javascript:, tel:, ftp: … are normal in pages and not article candidates
        }
        String url;
        try {
            url = UrlCanonicalizer.canonicalize(rawUrl);
        } catch (IllegalArgumentException e) {
            invalidBySource.merge(source, 1, Integer::sum);
            return true;
        }
        if (!outlet.isArticleUrl(url)) {
            return true;
        }
        if (url.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_URL_BYTES) {
            tooLongBySource.merge(source, 1, Integer::sum);
            return true;
        }
        DiscoveredUrl known = urls.get(url);
        if (known != null) {
            if (known.published() == null && published != null) {
                urls.put(url, new DiscoveredUrl(url, published, known.source()));
            }
            return true;
        }
        if (urls.size() >= MAX_URLS) {
            full = true;
            problems.add("stopped at " + MAX_URLS + " URLs; the rest of " + source + " and later sources were not read");
            return false;
        }
        urls.put(url, new DiscoveredUrl(url, published, source));
        return true;
    }

    boolean isFull() {
        return full;
    }

    void problem(String problem) {
        problems.add(problem);
    }

    /** A source whose host may not be asked before {@code until}: read it on a later turn. */
    void defer(Source source, Instant until) {
        if (!deferred.contains(source)) {
            deferred.add(source);
        }
        retryAt = retryAt == null || until.isBefore(retryAt) ? until : retryAt;
    }

    Discovery result() {
        List<String> all = new ArrayList<>(problems);
        invalidBySource.forEach((source, n) -> all.add(source + ": " + n + " invalid URL" + (n == 1 ? "" : "s") + " skipped"));
        tooLongBySource.forEach((source, n) -> all.add(source + ": " + n + " URL" + (n == 1 ? "" : "s") + " longer than "
                + MAX_URL_BYTES + " bytes skipped (the index cannot key them)"));
        return new Discovery(new ArrayList<>(urls.values()), all, deferred, retryAt);
    }
}
