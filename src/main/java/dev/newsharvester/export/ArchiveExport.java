package dev.newsharvester.export;

import dev.newsharvester.query.ArticleQueries;
import dev.newsharvester.query.VersionChange;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.CleanCopy;
import dev.newsharvester.store.HistoryEvent;
import dev.newsharvester.store.StoredVersion;
import dev.newsharvester.store.TimeRange;
import dev.newsharvester.store.UrlHistory;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Exports the archive row by row: for each outlet, one Query of the outlet index over the time range (read page by
 * page, oldest first), and for each URL met there its history (one Query of its partition) and the clean copies of the
 * versions written. Nothing is collected: a row is written as soon as it is read, and the memory held is one index
 * page, one URL's history and two clean copies, however large the archive. Never a Scan.
 *
 * <p>A URL is selected when one of its versions has its time (published, else first seen) in [since, until]; it is
 * written once, when the index reaches the newest such version (so no set of URLs seen is needed): with
 * {@link Versions#LATEST} as the version it showed last, with {@link Versions#ALL} as its versions in the range, oldest
 * first, each with what changed since the version before it.
 */
public final class ArchiveExport {

    /** Which versions of a URL are rows. */
    public enum Versions { LATEST, ALL }

    /**
     * What to export: outlets (in order), an inclusive time range (null bounds are open), which versions, and only
     * these URLs (null: every URL; the matches of a search).
     */
    public record Selection(List<String> outlets, Instant since, Instant until, Versions versions, Set<String> onlyUrls) {
        public Selection(List<String> outlets, Instant since, Instant until, Versions versions) {
            this(outlets, since, until, versions, null);
        }

        public Selection {
            outlets = List.copyOf(outlets);
            onlyUrls = onlyUrls == null ? null : Set.copyOf(onlyUrls);
            Objects.requireNonNull(versions, "versions");
            TimeRange range = new TimeRange(since, until);   // at millisecond precision; refused the wrong way round
            since = range.since();
            until = range.until();
        }

        boolean covers(StoredVersion v) {
            return new TimeRange(since, until).contains(ArticleIndex.timeOf(v));
        }
    }

    /** Told after each index row read: the outlet being read, index rows read, rows written (all outlets). */
    public interface Progress {
        Progress NONE = (outlet, read, written) -> { };

        void update(String outlet, long read, long written);
    }

    /** What an export wrote: rows (versions), distinct URLs, and rows per outlet in the order exported. */
    public record Result(long rows, long urls, Map<String, Long> rowsPerOutlet) {
    }

    private final ArticleQueries queries;
    private final StoryIds stories;

    /** An export whose {@code story_id} column is left empty. */
    public ArchiveExport(ArticleQueries queries) {
        this(queries, false);
    }

    /** @param storyIds whether to fill {@code story_id} ({@link StoryIds}: a dozen index Queries more per URL) */
    public ArchiveExport(ArticleQueries queries, boolean storyIds) {
        this.queries = Objects.requireNonNull(queries, "queries");
        this.stories = storyIds ? new StoryIds(queries) : null;
    }

    /** Writes the selected rows to {@code sink} as they are read (the caller closes the sink). */
    public Result run(Selection selection, RowSink sink, Progress progress) throws IOException {
        long rows = 0;
        long urls = 0;
        long read = 0;
        Map<String, Long> perOutlet = new LinkedHashMap<>();
        for (String outlet : selection.outlets()) {
            long before = rows;
            try (Stream<StoredVersion> listed = queries.eachByOutlet(outlet, selection.since(), selection.until())) {
                for (Iterator<StoredVersion> it = listed.iterator(); it.hasNext(); ) {
                    StoredVersion row = it.next();
                    read++;
                    int written = writeUrlAt(row, selection, sink);
                    rows += written;
                    urls += written > 0 ? 1 : 0;
                    progress.update(outlet, read, rows);
                }
            }
            perOutlet.put(outlet, rows - before);
        }
        return new Result(rows, urls, perOutlet);
    }

    /** Writes the URL of an index row if that row is the URL's newest version in the range; how many rows were written. */
    private int writeUrlAt(StoredVersion listed, Selection selection, RowSink sink) throws IOException {
        if (selection.onlyUrls() != null && !selection.onlyUrls().contains(listed.url())) {
            return 0;
        }
        UrlHistory history = queries.addressHistory(listed.url());
        List<StoredVersion> versions = history.versions(); // newest first
        List<StoredVersion> inRange = versions.stream().filter(selection::covers).toList();
        Optional<StoredVersion> anchor = inRange.stream().max(Comparator.comparing(ArticleIndex::timeOf)
                .thenComparing(StoredVersion::hash));
        if (anchor.isEmpty() || !anchor.get().key().equals(listed.key())) {
            return 0; // written at another of its rows (or not in the range after all)
        }
        HistoryEvent lifecycle = history.events().stream().filter(ExportColumns::changesState)
                .reduce((a, b) -> b).orElse(null);
        StoredVersion current = history.current().orElseThrow();
        String storyId = stories == null ? null : stories.of(current);
        List<StoredVersion> rows = selection.versions() == Versions.LATEST ? List.of(current)
                : new ArrayList<>(inRange.reversed());
        String previousKey = null;
        String previousText = null;
        for (StoredVersion v : rows) {
            int at = versions.indexOf(v);
            StoredVersion previous = at + 1 < versions.size() ? versions.get(at + 1) : null;
            CleanCopy.Document copy = queries.cleanCopy(v);
            VersionChange.Change change = null;
            if (previous != null) {
                String before = previousKey != null && previousKey.equals(previous.copies().cleanKey()) ? previousText
                        : queries.text(previous);
                change = VersionChange.Change.between(previous, before, v, copy.article().text());
            }
            sink.write(ExportColumns.values(new ExportRow(v, copy, change, versions.size() - at, versions.size(),
                    v.key().equals(current.key()), lifecycle, storyId)));
            previousKey = v.copies().cleanKey();
            previousText = copy.article().text();
        }
        return rows.size();
    }
}
