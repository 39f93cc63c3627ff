package dev.newsharvester.search;

import dev.newsharvester.extract.Article;
import dev.newsharvester.store.CleanCopy;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/**
 * The index's fields, and the one Lucene document of a stored version (built from its clean copy). Names a query may
 * use: {@code title}, {@code body}, {@code author}, {@code outlet}, {@code url}, {@code lang} (see {@link QueryParsing}).
 */
final class Fields {

    /** The URL and the clean copy's key: one document per stored version (a duplicate's copy is another URL's). */
    static final String KEY = "key";
    static final String CLEAN_KEY = "cleanKey";
    static final String URL = "url";
    static final String OUTLET = "outlet";
    static final String TITLE = "title";
    static final String AUTHOR = "author";
    static final String PUBLISHED = "published";
    /** Published, else first fetched: epoch millis (points, doc values, stored). */
    static final String TS = "ts";
    /** The UTC day of {@link #TS}: epoch day (doc values). */
    static final String DAY = "day";
    /** The body's SHA-256: versions (and duplicates at other URLs) with the same text share it. */
    static final String TEXT_HASH = "textHash";
    static final String FETCHED = "fetchedAt";
    static final String ACCESS = "access";
    static final String LANG = "lang";
    /** 1 for the version a URL shows now, else 0 (doc values, updated in place). */
    static final String LATEST = "latest";
    /** 0 published, 1 deleted, 2 redirected (doc values, updated in place). */
    static final String GONE = "gone";

    private Fields() {
    }

    static String title(String lang) {
        return "title_" + lang;
    }

    static String body(String lang) {
        return "body_" + lang;
    }

    /** The document id of the version of {@code url} whose clean copy is {@code cleanKey}. */
    static String key(String url, String cleanKey) {
        return url + " " + cleanKey;
    }

    /**
     * The document of a version of {@code url} at {@code outlet}, read from the clean copy under {@code cleanKey}
     * (for a duplicate, the copy of the URL that first carried the text: then {@code title} is the URL's own
     * headline, when known), with its latest flag.
     */
    static Document of(String url, String outlet, String title, String cleanKey, CleanCopy.Document copy, boolean latest) {
        Article a = copy.article();
        String lang = Languages.of(a.language(), a.title() + "\n" + a.text());
        if (outlet == null) {
            outlet = copy.capture().outlet() == null ? "" : copy.capture().outlet();
        }
        String shown = title != null ? title : a.title() == null ? "" : a.title();
        Instant ts = a.published() != null ? a.published().toInstant()
                : copy.capture().fetchedAt() != null ? copy.capture().fetchedAt() : Instant.EPOCH;
        Document d = new Document();
        d.add(new StringField(KEY, key(url, cleanKey), Field.Store.YES));
        d.add(new StoredField(CLEAN_KEY, cleanKey));
        d.add(new StringField(URL, url, Field.Store.YES));
        d.add(new StringField(OUTLET, outlet, Field.Store.YES));
        d.add(new SortedDocValuesField(OUTLET, new BytesRef(outlet)));
        d.add(new StringField(LANG, lang, Field.Store.YES));
        d.add(new StoredField(TITLE, shown));
        d.add(new TextField(title(lang), shown, Field.Store.NO));
        d.add(new TextField(body(lang), a.text(), Field.Store.YES));
        for (String author : a.authors()) {
            d.add(new TextField(AUTHOR, author, Field.Store.YES));
        }
        if (a.published() != null) {
            d.add(new StoredField(PUBLISHED, a.published().toString()));
        }
        d.add(new LongPoint(TS, ts.toEpochMilli()));
        d.add(new NumericDocValuesField(TS, ts.toEpochMilli()));
        d.add(new StoredField(TS, ts.toEpochMilli()));
        d.add(new NumericDocValuesField(DAY, ts.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay()));
        d.add(new StringField(TEXT_HASH, copy.fingerprint().sha256() == null ? "" : copy.fingerprint().sha256(), Field.Store.YES));
        if (copy.capture().fetchedAt() != null) {
            d.add(new StoredField(FETCHED, copy.capture().fetchedAt().toString()));
            d.add(new NumericDocValuesField(FETCHED, copy.capture().fetchedAt().toEpochMilli()));
        }
        d.add(new StringField(ACCESS, a.access().free().name(), Field.Store.YES));
        d.add(new NumericDocValuesField(LATEST, latest ? 1 : 0));
        d.add(new NumericDocValuesField(GONE, 0));
        return d;
    }
}
