package dev.newsharvester.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsharvester.extract.Access;
import dev.newsharvester.fingerprint.SimHash;
import dev.newsharvester.query.ArticleQueries;
import dev.newsharvester.query.Comparison;
import dev.newsharvester.query.SimilarMatch;
import dev.newsharvester.query.StoryMatch;
import dev.newsharvester.query.Timeline;
import dev.newsharvester.query.VersionChange;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.HistoryEvent;
import dev.newsharvester.store.ReaderFacts;
import dev.newsharvester.store.StoredVersion;
import dev.newsharvester.store.TextSketch;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import dev.newsharvester.store.TimeRange;

@Command(name = "query", mixinStandardHelpOptions = true, description = "Read the index.",
        subcommands = {QueryCommand.Versions.class, QueryCommand.Hash.class, QueryCommand.ByOutlet.class,
                QueryCommand.Similar.class, QueryCommand.Story.class, QueryCommand.Diff.class,
                QueryChanges.class})
final class QueryCommand {

    /** Options every query takes. */
    static final class Common {
        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        @Mixin
        StoreOptions store;
    }

    abstract static class Base implements Callable<Integer> {
        @Mixin
        Common common;

        @Override
        public Integer call() throws Exception {
            try (StoreOptions.Store s = common.store.open()) {
                // on the embedded store clean copies are read from its files (no s3proxy); on AWS the archive opens
                // only when a clean copy is read: versions, diff
                ArticleQueries q = new ArticleQueries(new ArticleIndex(s.dynamoDb(), s.settings().articlesTableRequired()),
                        () -> new Archive(s.s3(), s.settings().archiveBucketRequired()), s.objectFiles());
                return run(q, System.out);
            }
        }

        abstract Integer run(ArticleQueries q, PrintStream out) throws Exception;

        void json(Object value, PrintStream out) throws Exception {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value));
        }

        int print(List<StoredVersion> rows, PrintStream out) throws Exception {
            if (common.json) {
                json(rows.stream().map(VersionView::of).toList(), out);
            } else {
                Table t = new Table("outlet", "published", "first seen", "hash", "words", "access", "title", "url");
                for (StoredVersion v : rows) {
                    t.row(v.outlet(), v.reader().published(), v.firstSeen(), short12(v.hash()), v.sketch().wordCount(),
                            Access.fromCode(v.reader().access()).label(), Table.clip(v.reader().title(), 60), v.url());
                }
                t.print(out);
                out.println(rows.size() + " row(s)");
            }
            return 0;
        }
    }

    @Command(name = "versions", description = "All versions of a URL and its lifecycle (deleted, redirected, restored),"
            + " newest first, with what changed since the version before; a moved article shows all its addresses.")
    static final class Versions extends Base {
        @Parameters(paramLabel = "URL")
        String url;

        @Override
        Integer run(ArticleQueries q, PrintStream out) throws Exception {
            Timeline timeline = q.timeline(url);
            List<Timeline.Entry> entries = timeline.entries();
            if (common.json) {
                json(entries.stream().map(e -> e.version() != null
                        ? new HistoryView(VersionView.of(e.version().version()), e.version().change(), null)
                        : new HistoryView(null, null, e.event())).toList(), out);
                return 0;
            }
            boolean moved = timeline.addresses().size() > 1;
            if (moved) {
                out.println("one article at " + timeline.addresses().size() + " addresses: "
                        + String.join(", ", timeline.addresses()));
            }
            Table t = moved ? new Table("first seen", "last seen", "address", "version", "words", "access", "extractor",
                    "change since the version before")
                    : new Table("first seen", "last seen", "version", "words", "access", "extractor", "change since the version before");
            for (Timeline.Entry e : entries) {
                List<Object> row = new ArrayList<>();
                if (e.version() != null) {
                    StoredVersion v = e.version().version();
                    row.addAll(List.of(v.firstSeen(), v.lastVisit().seen()));
                    if (moved) {
                        row.add(v.url());
                    }
                    row.addAll(List.of(Comparison.shortKey(v.hash()), v.sketch().wordCount(),
                            Access.fromCode(v.reader().access()).label(), String.valueOf(v.sketch().extractorVersion()),
                            e.version().change() == null ? "(first version)" : e.version().change().summary()));
                } else {
                    row.addAll(List.of(e.at(), ""));
                    if (moved) {
                        row.add(e.event().url());
                    }
                    row.addAll(List.of("(" + e.event().kind().name().toLowerCase(Locale.ROOT) + ")", "", "", "",
                            Timeline.describe(e.event())));
                }
                t.row(row.toArray());
            }
            t.print(out);
            out.println(timeline.versions().size() + " version(s)"
                    + (timeline.events().isEmpty() ? "" : ", " + timeline.events().size() + " lifecycle entr"
                    + (timeline.events().size() == 1 ? "y" : "ies")));
            return 0;
        }
    }

    @Command(name = "hash", description = "Every URL whose clean text has this SHA-256.")
    static final class Hash extends Base {
        @Parameters(paramLabel = "SHA256")
        String hash;

        @Override
        Integer run(ArticleQueries q, PrintStream out) throws Exception {
            return print(q.byHash(hash), out);
        }
    }

    @Command(name = "outlet", description = "An outlet's articles in a time range (published, else first seen), newest first.")
    static final class ByOutlet extends Base {
        @Parameters(paramLabel = "ID")
        String outlet;

        @Option(names = "--since", paramLabel = "T", description = "ISO instant or date (default: the beginning).")
        String since;

        @Option(names = "--until", paramLabel = "T", description = "ISO instant or date (default: now and later).")
        String until;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "" + DEFAULT_LIMIT,
                description = "The newest N articles (default: ${DEFAULT-VALUE}); 0 lists them all.")
        int limit;

        static final int DEFAULT_LIMIT = 200;

        @Override
        Integer run(ArticleQueries q, PrintStream out) throws Exception {
            if (limit < 0) {
                throw new IllegalArgumentException("--limit must be 0 (all) or more, was " + limit);
            }
            TimeRange range = TimeRange.parse(since, until, "--since", "--until");
            List<StoredVersion> rows = q.byOutlet(outlet, range.since(), range.until(), limit);
            if (limit > 0 && rows.size() > limit) {
                rows = rows.subList(0, limit);
                System.err.println("the newest " + limit + " articles of " + outlet + "; there are more: --limit 0 lists"
                        + " them all, or narrow --since/--until");
            }
            return print(rows, out);
        }
    }

    @Command(name = "similar", description = "Near-copies of a text (SimHash within a few bits), closest first.")
    static final class Similar extends Base {
        @Parameters(paramLabel = "URL|SHA256", description = "A URL (its current version) or the SHA-256 of a stored text.")
        String target;

        @Option(names = "--max-distance", paramLabel = "BITS", defaultValue = "3",
                description = "Largest SimHash Hamming distance, 0..3 (default: ${DEFAULT-VALUE}).")
        int maxDistance;

        @Override
        Integer run(ArticleQueries q, PrintStream out) throws Exception {
            List<SimilarMatch> matches = q.similar(target, maxDistance);
            if (common.json) {
                json(matches.stream().map(m -> new SimilarView(m.distance(), Double.isNaN(m.similarity()) ? null : round(m.similarity()), VersionView.of(m.version()))).toList(), out);
            } else {
                Table t = new Table("bits", "words", "outlet", "hash", "title", "url");
                matches.forEach(m -> t.row(m.distance(), Double.isNaN(m.similarity()) ? "-" : String.format("%.2f", m.similarity()),
                        m.version().outlet(), short12(m.version().hash()), Table.clip(m.version().reader().title(), 50),
                        m.version().url()));
                t.print(out);
                out.println(matches.size() + " near-cop" + (matches.size() == 1 ? "y" : "ies") + " (SimHash within "
                        + maxDistance + " of " + SimHash.MAX_LOOKUP_DISTANCE + " bits; 'words' = estimated word-set similarity)");
            }
            return 0;
        }
    }

    @Command(name = "story", description = "Other outlets' coverage of the same story, best match first.")
    static final class Story extends Base {
        @Parameters(paramLabel = "URL")
        String url;

        @Override
        Integer run(ArticleQueries q, PrintStream out) throws Exception {
            List<StoryMatch> matches = q.story(url);
            if (common.json) {
                json(matches.stream().map(m -> new StoryView(round(m.score()), m.sameText(), VersionView.of(m.version()))).toList(), out);
            } else {
                Table t = new Table("score", "outlet", "published", "title", "url");
                matches.forEach(m -> t.row(m.sameText() ? "same text" : String.format("%.2f", m.score()), m.version().outlet(),
                        m.version().reader().published(), Table.clip(m.version().reader().title(), 60), m.version().url()));
                t.print(out);
                out.println(matches.size() + " article(s) from other outlets within " + ArticleQueries.STORY_WINDOW.toDays()
                        + " days (score = estimated share of content words, threshold " + ArticleQueries.STORY_THRESHOLD + ")");
            }
            return 0;
        }
    }

    @Command(name = "diff", description = "Text diff between two versions of a URL (default: the newest and the one before).")
    static final class Diff extends Base {
        @Parameters(paramLabel = "URL")
        String url;

        @Option(names = "--from", paramLabel = "HASH", description = "Older version (hash or unique prefix).")
        String from;

        @Option(names = "--to", paramLabel = "HASH", description = "Newer version (hash or unique prefix).")
        String to;

        @Option(names = "--html", paramLabel = "FILE", description = "Also write a side-by-side HTML page to FILE.")
        Path html;

        @Override
        Integer run(ArticleQueries q, PrintStream out) throws Exception {
            Comparison c = q.compare(url, from, to);
            String diff = c.unified();
            if (html != null) {
                Files.writeString(html, c.html(), StandardCharsets.UTF_8);
            }
            if (common.json) {
                ObjectNode o = Json.MAPPER.createObjectNode().put("url", c.to().url()).put("from", c.from().hash())
                        .put("to", c.to().hash()).put("diff", diff);
                if (html != null) {
                    o.put("html", html.toAbsolutePath().toString());
                }
                out.println(o.toPrettyString());
            } else {
                out.print(diff.isEmpty() ? "no differences\n" : diff);
                if (html != null) {
                    out.println("side by side: " + html.toAbsolutePath());
                }
            }
            return 0;
        }
    }

    record StoryView(double score, boolean sameText, VersionView article) {
    }

    record SimilarView(int distance, Double similarity, VersionView article) {
    }

    /** A version with what changed, or a lifecycle entry ({@code event}; the others null). */
    record HistoryView(VersionView version, VersionChange.Change change, HistoryEvent event) {
    }

    /** The JSON shape of one index row. */
    record VersionView(String url, String hash, String outlet, String title, List<String> authors, String published,
            String modified, String language, Instant firstSeen, Instant lastSeen, String simhash, int wordCount,
            String rawKey, String cleanKey, String duplicateOf, String extractorVersion, AccessView access) {
        static VersionView of(StoredVersion v) {
            ReaderFacts r = v.reader();
            TextSketch s = v.sketch();
            return new VersionView(v.url(), v.hash(), v.outlet(), r.title(), r.authors(), r.published(), r.modified(),
                    r.language(), v.firstSeen(), v.lastVisit().seen(), s.simhash(), s.wordCount(), v.copies().rawKey(),
                    v.copies().cleanKey(), v.duplicateOf(), s.extractorVersion(), AccessView.of(r.access()));
        }
    }

    /** A version's access in JSON: free TRUE/FALSE/UNKNOWN (UNKNOWN for versions indexed before it was read). */
    record AccessView(String free, boolean paywalled, boolean truncated) {
        static AccessView of(String code) {
            Access a = Access.fromCode(code);
            return new AccessView(a.free().name(), a.paywalled(), a.truncated());
        }
    }

    private static String short12(String hash) {
        return hash.substring(0, Math.min(12, hash.length()));
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
