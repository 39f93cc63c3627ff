package dev.newsharvester.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * The search index of a data directory, opened for reading: ranked search (BM25) with marked snippets, and counts of
 * the matching articles per day, week or outlet. Opens nothing but the index (no DynamoDB Local, no S3 server), and
 * sees the index as last committed when it was opened. Thread-safe.
 */
public final class SearchIndex implements AutoCloseable {

    /**
     * Lucene says once per process, on standard error, that the JDK's incubating vector API is not enabled; that only
     * matters for vector search, which the index does not use. Kept here so the logger (and its level) stays.
     */
    static final java.util.logging.Logger QUIET_VECTORS = quietVectors();

    private final Path dataDir;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    private SearchIndex(Path dataDir, DirectoryReader reader) {
        this.dataDir = dataDir;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
    }

    private static java.util.logging.Logger quietVectors() {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization.VectorizationProvider");
        l.setLevel(java.util.logging.Level.SEVERE);
        return l;
    }

    /** Whether {@code dataDir} has a search index. */
    public static boolean exists(Path dataDir) {
        return new IndexLocation(dataDir).current().isPresent();
    }

    /**
     * The search index of the store in {@code dataDir}.
     *
     * @throws IllegalStateException when it has none, saying to run {@code reindex}
     */
    public static SearchIndex open(Path dataDir) {
        Optional<Path> folder = new IndexLocation(dataDir).current();
        String missing = "no search index in " + dataDir + " (" + IndexLocation.FOLDER
                + "/): build it from the archive with `reindex --data " + dataDir + "`";
        if (folder.isEmpty()) {
            throw new IllegalStateException(missing);
        }
        try {
            return new SearchIndex(dataDir, DirectoryReader.open(FSDirectory.open(folder.get())));
        } catch (IndexNotFoundException e) {
            throw new IllegalStateException(missing, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index in " + folder.get() + ": " + e.getMessage()
                    + "; rebuild it with `reindex --data " + dataDir + "`", e);
        }
    }

    /** The data directory this index belongs to. */
    public Path dataDirectory() {
        return dataDir;
    }

    /** Documents in the index: every stored version. */
    public int versions() {
        return reader.numDocs();
    }

    /** The best {@code request.limit()} matches, best first, with the total that match. */
    public SearchResults search(SearchRequest request) {
        Query text = QueryParsing.parse(request.query());
        Query query = filtered(text, request);
        try {
            long total = searcher.count(query);
            TopDocs top = searcher.search(query, request.limit());
            Map<Integer, Snippets.Snippet> snippets = Snippets.of(searcher, text, top);
            StoredFields stored = searcher.storedFields();
            List<SearchHit> hits = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                hits.add(hit(sd, stored.document(sd.doc), snippets.get(sd.doc)));
            }
            return new SearchResults(total, hits);
        } catch (IOException e) {
            throw new UncheckedIOException("search failed: " + e.getMessage(), e);
        }
    }

    /**
     * Every URL with a matching document (its latest version, or any version with {@link SearchRequest.Versions#ALL}),
     * whatever the request's limit: what an export by query selects. Holds URLs only, never text.
     */
    public Set<String> urls(SearchRequest request) {
        Query query = filtered(QueryParsing.parse(request.query()), request);
        Set<String> urls = new HashSet<>();
        try {
            StoredFields stored = searcher.storedFields();
            int n = Math.max(1, searcher.count(query));
            for (ScoreDoc sd : searcher.search(query, n).scoreDocs) {
                urls.add(stored.document(sd.doc, Set.of(Fields.URL)).get(Fields.URL));
            }
            return urls;
        } catch (IOException e) {
            throw new UncheckedIOException("search failed: " + e.getMessage(), e);
        }
    }

    /** How many articles (versions, with {@link SearchRequest.Versions#ALL}) match, per group, in group order. */
    public List<Count> count(SearchRequest request, CountBy by) {
        Query query = filtered(QueryParsing.parse(request.query()), request);
        try {
            return Counting.count(searcher, query, by);
        } catch (IOException e) {
            throw new UncheckedIOException("count failed: " + e.getMessage(), e);
        }
    }

    private static Query filtered(Query text, SearchRequest r) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
        if (r.versions() == SearchRequest.Versions.LATEST) {
            b.add(NumericDocValuesField.newSlowExactQuery(Fields.LATEST, 1), BooleanClause.Occur.FILTER);
        }
        if (!r.outlets().isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            r.outlets().forEach(o -> any.add(new TermQuery(new Term(Fields.OUTLET, o)), BooleanClause.Occur.SHOULD));
            b.add(any.build(), BooleanClause.Occur.FILTER);
        }
        if (r.since() != null || r.until() != null) {
            long from = r.since() == null ? Long.MIN_VALUE : r.since().toEpochMilli();
            long to = r.until() == null ? Long.MAX_VALUE : r.until().toEpochMilli();
            b.add(LongPoint.newRangeQuery(Fields.TS, from, to), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    private SearchHit hit(ScoreDoc sd, Document d, Snippets.Snippet snippet) throws IOException {
        String fetched = d.get(Fields.FETCHED);
        long gone = Counting.numeric(reader, sd.doc, Fields.GONE);
        boolean latest = Counting.numeric(reader, sd.doc, Fields.LATEST) == 1;
        return new SearchHit(sd.score, d.get(Fields.OUTLET), d.get(Fields.URL), d.get(Fields.TITLE),
                Instant.ofEpochMilli(d.getField(Fields.TS).numericValue().longValue()),
                Arrays.asList(d.getValues(Fields.AUTHOR)), snippet == null ? "" : snippet.text(),
                snippet == null ? "" : snippet.html(), d.get(Fields.LANG), d.get(Fields.TEXT_HASH), d.get(Fields.CLEAN_KEY),
                fetched == null ? null : Instant.parse(fetched), latest,
                gone == 1 ? "deleted" : gone == 2 ? "redirected" : "published");
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
