package dev.newsharvester.cli;

import dev.newsharvester.outlet.Outlet;
import dev.newsharvester.pipeline.Wiring;
import dev.newsharvester.query.ArticleQueries;
import dev.newsharvester.query.StoryMatch;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.StoredVersion;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "query", mixinStandardHelpOptions = true, description = "Read the index.",
        subcommands = {QueryCommand.Versions.class, QueryCommand.Hash.class, QueryCommand.ByOutlet.class,
                QueryCommand.Story.class, QueryCommand.Diff.class})
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
                ArticleQueries q = new ArticleQueries(new ArticleIndex(s.dynamoDb(), s.env().get(Wiring.ARTICLES_TABLE)),
                        new Archive(s.s3(), s.env().get(Wiring.ARCHIVE_BUCKET)));
                return run(q, s, System.out);
            }
        }

        abstract Integer run(ArticleQueries q, StoreOptions.Store s, PrintStream out) throws Exception;

        int print(List<StoredVersion> rows, PrintStream out) throws Exception {
            if (common.json) {
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(rows.stream().map(VersionView::of).toList()));
            } else {
                Table t = new Table("outlet", "published", "first seen", "hash", "words", "title", "url");
                for (StoredVersion v : rows) {
                    t.row(v.outlet(), v.published(), v.firstSeen(), v.hash().substring(0, 12), v.wordCount(),
                            Table.clip(v.title(), 60), v.url());
                }
                t.print(out);
                out.println(rows.size() + " row(s)");
            }
            return 0;
        }
    }

    @Command(name = "versions", description = "All versions of a URL, newest first.")
    static final class Versions extends Base {
        @Parameters(paramLabel = "URL")
        String url;

        @Override
        Integer run(ArticleQueries q, StoreOptions.Store s, PrintStream out) throws Exception {
            return print(q.versions(url), out);
        }
    }

    @Command(name = "hash", description = "Every URL whose clean text has this SHA-256.")
    static final class Hash extends Base {
        @Parameters(paramLabel = "SHA256")
        String hash;

        @Override
        Integer run(ArticleQueries q, StoreOptions.Store s, PrintStream out) throws Exception {
            if (!hash.matches("(?i)[0-9a-f]{64}")) {
                throw new IllegalArgumentException("'" + hash + "' is not a SHA-256 (64 hex digits)");
            }
            return print(q.byHash(hash), out);
        }
    }

    @Command(name = "outlet", description = "An outlet's articles in a time range, newest first.")
    static final class ByOutlet extends Base {
        @Parameters(paramLabel = "ID")
        String outlet;

        @Option(names = "--since", paramLabel = "T", description = "ISO instant or date (default: the beginning).")
        String since;

        @Option(names = "--until", paramLabel = "T", description = "ISO instant or date (default: now and later).")
        String until;

        @Override
        Integer run(ArticleQueries q, StoreOptions.Store s, PrintStream out) throws Exception {
            return print(q.byOutlet(outlet, time(since, Instant.EPOCH, "--since"),
                    time(until, Instant.parse("9999-12-31T23:59:59Z"), "--until")), out);
        }
    }

    @Command(name = "story", description = "Other outlets' coverage of the same story, best match first.")
    static final class Story extends Base {
        @Parameters(paramLabel = "URL")
        String url;

        @Option(names = "--config", paramLabel = "FILE", description = "Outlets YAML naming the outlets to look in (default: OUTLETS_URI, else the bundled profiles).")
        Path config;

        @Override
        Integer run(ArticleQueries q, StoreOptions.Store s, PrintStream out) throws Exception {
            if (config != null) {
                s.env().put(Wiring.OUTLETS_URI, config.toString());
            }
            List<String> outlets = Wiring.outlets(s.env(), s.s3()).all().stream().map(Outlet::id).toList();
            List<StoryMatch> matches = q.story(url, outlets);
            if (common.json) {
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(
                        matches.stream().map(m -> new StoryView(m.score(), VersionView.of(m.version()))).toList()));
            } else {
                Table t = new Table("score", "outlet", "title", "url");
                matches.forEach(m -> t.row(String.format("%.2f", m.score()), m.version().outlet(), Table.clip(m.version().title(), 60), m.version().url()));
                t.print(out);
            }
            return 0;
        }
    }

    @Command(name = "diff", description = "Unified text diff between two versions of a URL (default: the two newest).")
    static final class Diff extends Base {
        @Parameters(paramLabel = "URL")
        String url;

        @Option(names = "--from", paramLabel = "HASH", description = "Older version (hash or unique prefix).")
        String from;

        @Option(names = "--to", paramLabel = "HASH", description = "Newer version (hash or unique prefix).")
        String to;

        @Override
        Integer run(ArticleQueries q, StoreOptions.Store s, PrintStream out) {
            String diff = q.diff(url, from, to);
            if (common.json) {
                out.println(Json.MAPPER.createObjectNode().put("url", url).put("diff", diff).toPrettyString());
            } else {
                out.print(diff.isEmpty() ? "no differences\n" : diff);
            }
            return 0;
        }
    }

    record StoryView(double score, VersionView article) {
    }

    /** The JSON shape of one index row. */
    record VersionView(String url, String hash, String outlet, String title, List<String> authors, String published,
            String modified, String language, Instant firstSeen, Instant lastSeen, String simhash, int wordCount,
            String rawKey, String cleanKey, String duplicateOf, String extractorVersion) {
        static VersionView of(StoredVersion v) {
            return new VersionView(v.url(), v.hash(), v.outlet(), v.title(), v.authors(), v.published(), v.modified(),
                    v.language(), v.firstSeen(), v.lastSeen(), v.simhash(), v.wordCount(), v.rawKey(), v.cleanKey(),
                    v.duplicateOf(), v.extractorVersion());
        }
    }

    static Instant time(String value, Instant dflt, String option) {
        if (value == null) {
            return dflt;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + ": '" + value + "' is not an ISO date (2025-08-23) or instant (2025-08-23T08:00:00Z)");
        }
    }
}
