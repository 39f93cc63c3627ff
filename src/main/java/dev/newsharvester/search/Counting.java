package dev.newsharvester.search;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/** Counts of matching documents per day, week or outlet, read from doc values (no stored fields). */
final class Counting {

    private Counting() {
    }

    static List<Count> count(IndexSearcher searcher, Query query, CountBy by) throws IOException {
        Map<String, Long> merged = searcher.search(query, new CollectorManager<Grouping, Map<String, Long>>() {
            @Override
            public Grouping newCollector() {
                return new Grouping(by);
            }

            @Override
            public Map<String, Long> reduce(Collection<Grouping> collectors) {
                Map<String, Long> out = new TreeMap<>();
                collectors.forEach(c -> c.counts.forEach((k, v) -> out.merge(k, v, Long::sum)));
                return out;
            }
        });
        List<Count> out = new ArrayList<>();
        merged.forEach((k, v) -> out.add(new Count(k, v)));
        return out;
    }

    /** A numeric doc value of one document of the whole index (0 when it has none). */
    static long numeric(IndexReader reader, int doc, String field) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        NumericDocValues dv = DocValues.getNumeric(leaf.reader(), field);
        return dv.advanceExact(doc - leaf.docBase) ? dv.longValue() : 0;
    }

    private static final class Grouping extends SimpleCollector {
        private final CountBy by;
        private final Map<String, Long> counts = new TreeMap<>();
        private NumericDocValues days;
        private SortedDocValues outlets;

        Grouping(CountBy by) {
            this.by = by;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            days = DocValues.getNumeric(context.reader(), Fields.DAY);
            outlets = DocValues.getSorted(context.reader(), Fields.OUTLET);
        }

        @Override
        public void collect(int doc) throws IOException {
            String key;
            if (by == CountBy.OUTLET) {
                key = outlets.advanceExact(doc) ? outlets.lookupOrd(outlets.ordValue()).utf8ToString() : "";
            } else {
                if (!days.advanceExact(doc)) {
                    return;
                }
                LocalDate day = LocalDate.ofEpochDay(days.longValue());
                key = (by == CountBy.WEEK ? day.with(DayOfWeek.MONDAY) : day).toString();
            }
            counts.merge(key, 1L, Long::sum);
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
