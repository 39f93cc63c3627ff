package dev.newsharvester.search;

import dev.newsharvester.change.ChangeEvent;
import dev.newsharvester.change.ChangeJournal;
import dev.newsharvester.change.ChangeKind;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.ChangeLog;
import dev.newsharvester.store.CleanCopy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Rebuilds a data directory's search index from the archive alone (S3 listings and reads, never a DynamoDB Scan),
 * beside the index in use, which it replaces only once complete: a failed rebuild leaves the old index.
 *
 * <p>Two passes give the same index the live updates build. First the change log ({@code changes/}) is replayed in
 * order through the same {@link IndexUpdater#apply} the harvest publishes to: every stored version of a URL
 * (duplicates included, under their own URL), which one is latest, and deletions and redirects. Then every clean
 * copy under {@code clean/} that no logged change named (versions written by {@code reprocess}, or stored before
 * the change log existed) is added under its article's URL: it is the URL's latest if it was written after the
 * version the log shows (a reprocessed version), or, for a URL the log says nothing of, if it was fetched last.
 */
public final class Reindexer {

    /** What a rebuild did. */
    public record Report(int events, int cleanCopies, int documentsFromLog, int documentsFromCopies, long millis) {
    }

    private final Archive archive;
    private final Function<String, byte[]> cleanCopies;
    private final Consumer<String> progress;

    /** @param progress receives a line now and then on a long run (every 500 objects read) */
    public Reindexer(Archive archive, Consumer<String> progress) {
        this(archive, null, progress);
    }

    /**
     * @param cleanCopies reads a clean copy's bytes by key straight from the embedded store's files (no GET through
     *                    its S3 server), or null to read them through {@code archive}
     */
    public Reindexer(Archive archive, Function<String, byte[]> cleanCopies, Consumer<String> progress) {
        this.archive = archive;
        this.cleanCopies = cleanCopies != null ? cleanCopies : archive::getClean;
        this.progress = progress;
    }

    /** Rebuilds the index of {@code dataDir} and puts it in use. */
    public Report rebuild(Path dataDir) {
        long start = System.nanoTime();
        IndexLocation location = new IndexLocation(dataDir);
        Path folder = location.newFolder();
        IndexUpdater updater = new IndexUpdater(folder, cleanCopies, s -> { });
        try {
            Report report = fill(updater, start);
            updater.close();
            location.swapTo(folder);
            return report;
        } catch (IOException e) {
            updater.abandon();
            IndexLocation.discard(folder);
            throw new UncheckedIOException("reindex failed, the index in use is unchanged: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            updater.abandon();
            IndexLocation.discard(folder);
            throw e;
        }
    }

    private Report fill(IndexUpdater updater, long start) throws IOException {
        List<ChangeEvent> events = new ArrayList<>(new ChangeJournal(new ChangeLog(archive)).read(null, null, Set.of()));
        // oldest first; at one instant a restore comes before the version stored with it (as the harvest publishes)
        events.sort(Comparator.comparing(ChangeEvent::at).thenComparing(e -> e.kind() == ChangeKind.RESTORED ? 0 : 1));
        Set<String> named = new HashSet<>();
        Map<String, Instant> shownAt = new HashMap<>();
        Set<String> docs = new HashSet<>();
        int n = 0;
        for (ChangeEvent e : events) {
            updater.apply(e);
            if (e.cleanKeyAfter() != null && e.kind() != ChangeKind.DELETED && e.kind() != ChangeKind.REDIRECTED) {
                named.add(e.cleanKeyAfter());
                shownAt.put(e.url(), e.at());
                docs.add(Fields.key(e.url(), e.cleanKeyAfter()));
            }
            tick(++n, events.size(), "change log entries");
        }
        List<Archive.Entry> copies = archive.walk("clean/");   // a folder at a time: see Archive.walk
        Map<String, Candidate> latest = new HashMap<>();
        int added = 0;
        int read = 0;
        for (Archive.Entry entry : copies) {
            tick(++read, copies.size(), "clean copies");
            if (named.contains(entry.key()) || !entry.key().endsWith(".json")) {
                continue;
            }
            CleanCopy.Document copy = CleanCopy.read(cleanCopies.apply(entry.key()));
            String url = copy.article().url();
            updater.addVersion(url, entry.key(), copy);
            added++;
            Instant shown = shownAt.get(url);
            if (shown == null) {
                Instant fetched = copy.capture().fetchedAt() != null ? copy.capture().fetchedAt() : entry.lastModified();
                latest.merge(url, new Candidate(entry.key(), fetched, entry.lastModified()), Candidate::later);
            } else if (entry.lastModified().isAfter(shown)) {
                // written after the version the log shows (a reprocess): the later write is the URL's text now
                latest.merge(url, new Candidate(entry.key(), entry.lastModified(), entry.lastModified()), Candidate::later);
            }
        }
        for (Map.Entry<String, Candidate> e : latest.entrySet()) {
            updater.markLatest(e.getKey(), e.getValue().cleanKey());
        }
        return new Report(events.size(), copies.size(), docs.size(), added,
                (System.nanoTime() - start) / 1_000_000);
    }

    private void tick(int done, int total, String what) {
        if (done % 500 == 0 || done == total && total >= 500) {
            progress.accept("reindex: " + done + "/" + total + " " + what);
        }
    }

    /** A copy that may be its URL's latest: the later {@code at} wins, then the later write, then the larger key. */
    private record Candidate(String cleanKey, Instant at, Instant written) {
        Candidate later(Candidate o) {
            int c = at.compareTo(o.at);
            if (c == 0) {
                c = written.compareTo(o.written);
            }
            return c > 0 || c == 0 && cleanKey.compareTo(o.cleanKey) > 0 ? this : o;
        }
    }
}
