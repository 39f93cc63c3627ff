package dev.newsharvester.web;

import dev.newsharvester.search.SearchIndex;
import dev.newsharvester.search.SearchRequest;
import dev.newsharvester.search.SearchResults;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link SearchBackend} on the embedded store's search index ({@link SearchIndex} under {@code <data>/search}): the
 * latest version per URL, ranked, with counts per day, week or outlet. The index is reopened every
 * {@link #REOPEN} so that the page sees what harvests added since.
 */
public final class SearchIndexBackend implements SearchBackend, AutoCloseable {

    static final Duration REOPEN = Duration.ofSeconds(30);

    private final Path dataDir;
    private SearchIndex index;
    private long openedAt;

    private SearchIndexBackend(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** The backend on this data directory's index, or one that says to run {@code reindex} when there is none. */
    public static SearchBackend forDataDirectory(Path dataDir) {
        if (!SearchIndex.exists(dataDir)) {
            return SearchBackend.none("There is no search index in " + dataDir + " yet: run `reindex --data " + dataDir
                    + "` once (harvests keep it in step afterwards).");
        }
        return new SearchIndexBackend(dataDir);
    }

    @Override
    public String unavailable() {
        return null;
    }

    @Override
    public synchronized Results search(Request r) {
        SearchIndex idx = current();
        SearchRequest q = new SearchRequest(r.query(), r.outlets(), r.since(), r.until(), r.limit(), SearchRequest.Versions.LATEST);
        SearchResults found = idx.search(q);
        List<Count> counts = idx.count(q, dev.newsharvester.search.CountBy.valueOf(r.countBy().name())).stream()
                .map(c -> new Count(c.key(), c.count())).toList();
        List<Hit> hits = found.hits().stream()
                .map(h -> new Hit(h.url(), h.outlet(), h.date(), h.title(), fragments(h.snippet()))).toList();
        return new Results(found.total(), counts, hits);
    }

    private SearchIndex current() {
        if (index == null || System.nanoTime() - openedAt > REOPEN.toNanos()) {
            if (index != null) {
                index.close();
            }
            index = SearchIndex.open(dataDir);
            openedAt = System.nanoTime();
        }
        return index;
    }

    /** A snippet with its matches marked «like this», as plain and marked fragments (the page escapes them). */
    static List<Fragment> fragments(String marked) {
        List<Fragment> out = new ArrayList<>();
        if (marked == null) {
            return out;
        }
        int i = 0;
        while (i < marked.length()) {
            int open = marked.indexOf('\u00ab', i);
            int close = open < 0 ? -1 : marked.indexOf('\u00bb', open + 1);
            if (open < 0 || close < 0) {
                out.add(new Fragment(marked.substring(i), false));
                break;
            }
            if (open > i) {
                out.add(new Fragment(marked.substring(i, open), false));
            }
            out.add(new Fragment(marked.substring(open + 1, close), true));
            i = close + 1;
        }
        return out;
    }

    @Override
    public synchronized void close() {
        if (index != null) {
            index.close();
            index = null;
        }
    }
}
