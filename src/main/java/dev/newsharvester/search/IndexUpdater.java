package dev.newsharvester.search;

import dev.newsharvester.change.ChangeEvent;
import dev.newsharvester.change.ChangeSink;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.CleanCopy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;

/**
 * Keeps a search index in step with the store: a {@link ChangeSink} the harvest publishes to once a version or
 * lifecycle entry is indexed. NEW and REVISED (a DUPLICATE is a NEW or REVISED of its own URL, pointing at the clean
 * copy of the URL that first carried the text; a return to an earlier version is a REVISED pointing at that
 * version's copy) add the version read through {@link CleanCopy} and make it the URL's latest; RESTORED makes the
 * version latest again; DELETED and REDIRECTED mark the URL's documents gone. Every update is idempotent, so a
 * repeated event changes nothing.
 *
 * <p>Commits every {@value #COMMIT_EVERY} events and on {@link #close()}; a searcher sees the last commit. A failure
 * is reported, never thrown (the article is stored either way; {@code reindex} rebuilds the index from the archive).
 */
public final class IndexUpdater implements ChangeSink, AutoCloseable {

    static final int COMMIT_EVERY = 100;

    private final IndexWriter writer;
    private final Function<String, byte[]> cleanCopies;
    private final Consumer<String> report;
    private int uncommitted;

    IndexUpdater(Path indexFolder, Archive archive, Consumer<String> report) {
        this(indexFolder, Objects.requireNonNull(archive, "archive")::getClean, report);
    }

    /** @param cleanCopies a clean copy's bytes by key (the archive's, or the embedded store's files) */
    IndexUpdater(Path indexFolder, Function<String, byte[]> cleanCopies, Consumer<String> report) {
        java.util.Objects.requireNonNull(SearchIndex.QUIET_VECTORS);
        this.cleanCopies = Objects.requireNonNull(cleanCopies, "cleanCopies");
        this.report = Objects.requireNonNull(report, "report");
        try {
            IndexWriterConfig config = new IndexWriterConfig(Languages.perField())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            this.writer = new IndexWriter(FSDirectory.open(indexFolder), config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + indexFolder + " for writing: "
                    + e.getMessage() + " (is another harvest or reindex running on this data directory?)", e);
        }
    }

    /**
     * The updater of the search index in {@code dataDir}, if it has one; with {@code createIfMissing} (a store being
     * made now, so nothing is missing from a new index) an empty index is made first. Without an index (an older
     * store) nothing is kept in step: {@code reindex} makes one.
     */
    public static Optional<IndexUpdater> forDataDirectory(Path dataDir, Archive archive, boolean createIfMissing,
            Consumer<String> report) {
        IndexLocation location = new IndexLocation(dataDir);
        Optional<Path> current = location.current();
        if (current.isPresent()) {
            return Optional.of(new IndexUpdater(current.get(), archive, report));
        }
        if (!createIfMissing) {
            return Optional.empty();
        }
        Path folder = location.newFolder();
        IndexUpdater updater = new IndexUpdater(folder, archive, report);
        updater.commit();
        location.swapTo(folder);
        return Optional.of(updater);
    }

    @Override
    public void publish(ChangeEvent event) {
        try {
            apply(event);
        } catch (RuntimeException | IOException e) {
            report.accept("search index: " + event.kind() + " " + event.url() + " not indexed (" + e
                    + "); run reindex to rebuild the index from the archive");
        }
    }

    /** Applies one event; throws what went wrong (the rebuild stops on it, the live sink reports it). */
    synchronized void apply(ChangeEvent e) throws IOException {
        switch (e.kind()) {
            case NEW, REVISED, RESTORED -> {
                if (e.cleanKeyAfter() == null) {
                    return;
                }
                showVersion(e.url(), e.outlet(), e.titleAfter(), e.cleanKeyAfter(),
                        CleanCopy.read(cleanCopies.apply(e.cleanKeyAfter())));
                updateNumeric(Fields.URL, e.url(), Fields.GONE, 0);
            }
            case DELETED -> updateNumeric(Fields.URL, e.url(), Fields.GONE, 1);
            case REDIRECTED -> updateNumeric(Fields.URL, e.url(), Fields.GONE, 2);
            default -> {
                return;
            }
        }
        if (++uncommitted >= COMMIT_EVERY) {
            commit();
        }
    }

    /** Makes this version of the URL its latest: every other version of it loses the flag. */
    void showVersion(String url, String outlet, String title, String cleanKey, CleanCopy.Document copy) throws IOException {
        updateNumeric(Fields.URL, url, Fields.LATEST, 0);
        writer.updateDocument(new Term(Fields.KEY, Fields.key(url, cleanKey)),
                Fields.of(url, outlet, title, cleanKey, copy, true));
    }

    /** Adds a version that is not (or not yet known to be) its URL's latest. */
    void addVersion(String url, String cleanKey, CleanCopy.Document copy) throws IOException {
        writer.updateDocument(new Term(Fields.KEY, Fields.key(url, cleanKey)), Fields.of(url, null, null, cleanKey, copy, false));
    }

    /** Flags one document as its URL's latest, and no other (the rebuild's choice from the clean copies). */
    void markLatest(String url, String cleanKey) throws IOException {
        updateNumeric(Fields.URL, url, Fields.LATEST, 0);
        updateNumeric(Fields.KEY, Fields.key(url, cleanKey), Fields.LATEST, 1);
    }

    /** Sets a flag of the documents with {@code term}; none to set while no document has the flag yet (a new index). */
    private void updateNumeric(String termField, String term, String field, long value) throws IOException {
        if (writer.getFieldNames().contains(field)) {
            writer.updateNumericDocValue(new Term(termField, term), field, value);
        }
    }

    synchronized void commit() {
        try {
            writer.commit();
            uncommitted = 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the search index: " + e.getMessage(), e);
        }
    }

    /** Commits and releases the index. */
    @Override
    public void close() {
        try {
            commit();
        } catch (UncheckedIOException e) {
            report.accept("search index: " + e.getMessage() + "; run reindex to rebuild it");
        }
        try {
            writer.close();
        } catch (IOException e) {
            report.accept("search index: cannot close: " + e.getMessage());
        }
    }

    /** Closes without committing (a failed rebuild). */
    void abandon() {
        try {
            writer.rollback();
        } catch (IOException e) {
            // the folder is discarded anyway
        }
    }
}
