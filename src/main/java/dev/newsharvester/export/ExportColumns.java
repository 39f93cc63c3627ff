package dev.newsharvester.export;

import dev.newsharvester.export.Column.Type;
import dev.newsharvester.extract.Access;
import dev.newsharvester.extract.Article;
import dev.newsharvester.query.VersionChange;
import dev.newsharvester.store.HistoryEvent;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The columns of an export, in order, and how each is read from an {@link ExportRow}: the article as its clean copy
 * has it, the version as the index has it, what changed since the version before, and the URL's lifecycle state.
 */
public final class ExportColumns {

    /** Joins list values (authors, tags, signals) in CSV and Parquet. */
    public static final String LIST_SEPARATOR = "; ";

    private record Def(Column column, Function<ExportRow, Object> value) {
    }

    private static final List<Def> DEFS = new ArrayList<>();

    static {
        // what and where
        def("outlet", Type.STRING, r -> r.version().outlet());
        def("url", Type.STRING, r -> r.version().url());
        def("canonical_url", Type.STRING, r -> article(r).canonicalUrl());
        // the version
        def("version_hash", Type.STRING, r -> r.version().hash());
        def("body_hash", Type.STRING, r -> r.version().body());
        def("version_number", Type.INT, ExportRow::number);
        def("version_count", Type.INT, ExportRow::count);
        def("is_latest", Type.BOOLEAN, ExportRow::latest);
        def("first_seen", Type.TIMESTAMP, r -> r.version().firstSeen());
        def("last_seen", Type.TIMESTAMP, r -> r.version().lastVisit().seen());
        def("fetched_at", Type.TIMESTAMP, r -> r.copy().capture().fetchedAt());
        // the article
        def("published", Type.TIMESTAMP, r -> instant(article(r).published()));
        def("modified", Type.TIMESTAMP, r -> instant(article(r).modified()));
        def("title", Type.STRING, r -> article(r).title());
        def("authors", Type.STRINGS, r -> article(r).authors());
        def("language", Type.STRING, r -> article(r).language());
        def("section", Type.STRING, r -> article(r).section());
        def("tags", Type.STRINGS, r -> article(r).tags());
        def("description", Type.STRING, r -> article(r).description());
        def("image", Type.STRING, r -> article(r).image());
        def("text", Type.STRING, r -> article(r).text());
        def("word_count", Type.INT, r -> article(r).wordCount());
        def("access_free", Type.STRING, r -> access(r).free().name());
        def("paywalled", Type.BOOLEAN, r -> access(r).paywalled());
        def("truncated", Type.BOOLEAN, r -> access(r).truncated());
        def("access_signals", Type.STRINGS, r -> access(r).signals());
        // fingerprints and copies
        def("simhash", Type.STRING, r -> r.version().sketch().simhash());
        def("duplicate_of", Type.STRING, r -> r.version().duplicateOf());
        def("story_id", Type.STRING, ExportRow::storyId);
        def("extractor_version", Type.STRING, r -> r.version().sketch().extractorVersion());
        def("raw_key", Type.STRING, r -> r.version().copies().rawKey());
        def("clean_key", Type.STRING, r -> r.version().copies().cleanKey());
        // what changed since the version before (empty for a first version)
        def("previous_hash", Type.STRING, r -> change(r, VersionChange.Change::previousHash));
        def("headline_before", Type.STRING, r -> change(r, VersionChange.Change::headlineBefore));
        def("headline_after", Type.STRING,
                r -> change(r, c -> c.headlineBefore() == null ? null : r.version().reader().title()));
        def("authors_added", Type.STRINGS, r -> change(r, c -> c.authorsBefore() == null ? null
                : minus(r.version().reader().authors(), c.authorsBefore())));
        def("authors_removed", Type.STRINGS, r -> change(r, c -> c.authorsBefore() == null ? null
                : minus(c.authorsBefore(), r.version().reader().authors())));
        def("words_added", Type.INT, r -> change(r, VersionChange.Change::wordsAdded));
        def("words_removed", Type.INT, r -> change(r, VersionChange.Change::wordsRemoved));
        def("paragraphs_added", Type.INT, r -> change(r, VersionChange.Change::paragraphsAdded));
        def("paragraphs_removed", Type.INT, r -> change(r, VersionChange.Change::paragraphsRemoved));
        def("simhash_distance", Type.INT, r -> change(r, c -> c.simhashDistance() < 0 ? null : c.simhashDistance()));
        def("re_extracted", Type.BOOLEAN, r -> change(r, VersionChange.Change::reExtracted));
        // the URL's lifecycle: live, deleted or redirected, since when
        def("state", Type.STRING, r -> state(r.lifecycle()));
        def("state_since", Type.TIMESTAMP, r -> r.lifecycle() == null ? null : r.lifecycle().at());
        def("state_http_status", Type.INT, r -> r.lifecycle() == null || r.lifecycle().httpStatus() == 0 ? null
                : r.lifecycle().httpStatus());
        def("redirect_target", Type.STRING, r -> r.lifecycle() == null || r.lifecycle().kind() != HistoryEvent.Kind.REDIRECTED
                ? null : r.lifecycle().target());
    }

    /** The lifecycle entries that change a URL's state (a suspicion does not: it may lapse). */
    public static boolean changesState(HistoryEvent e) {
        return e.kind() == HistoryEvent.Kind.DELETED || e.kind() == HistoryEvent.Kind.REDIRECTED
                || e.kind() == HistoryEvent.Kind.RESTORED;
    }

    private ExportColumns() {
    }

    /** Every column, in the order rows carry them. */
    public static List<Column> all() {
        return DEFS.stream().map(Def::column).toList();
    }

    /** A row's values, one per {@linkplain #all() column}, null where empty. */
    public static Object[] values(ExportRow row) {
        Object[] out = new Object[DEFS.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = DEFS.get(i).value().apply(row);
        }
        return out;
    }

    private static void def(String name, Type type, Function<ExportRow, Object> value) {
        DEFS.add(new Def(new Column(name, type), value));
    }

    private static Article article(ExportRow r) {
        return r.copy().article();
    }

    private static Access access(ExportRow r) {
        return article(r).access();
    }

    private static Object instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static Object change(ExportRow r, Function<VersionChange.Change, Object> f) {
        return r.change() == null ? null : f.apply(r.change());
    }

    private static List<String> minus(List<String> a, List<String> b) {
        return a.stream().filter(x -> !b.contains(x)).toList();
    }

    private static String state(HistoryEvent e) {
        return e == null || e.kind() == HistoryEvent.Kind.RESTORED ? "live" : e.kind().name().toLowerCase(Locale.ROOT);
    }
}
