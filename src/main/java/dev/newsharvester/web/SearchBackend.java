package dev.newsharvester.web;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the search page asks of a search engine: matching articles, ranked, and counts of them per bucket. The page
 * knows only this; {@code cli} wires an implementation on the {@code search} package (the local Lucene index, or
 * Athena with {@code --aws}). A bad query is an {@link IllegalArgumentException} whose message names the problem; the
 * page shows it as a 400. An engine that could not answer (a failed, cancelled or unreachable Athena) throws
 * {@link Failed}, which the page shows as a 502 with its one-line message.
 */
public interface SearchBackend {

    /** How counts are bucketed. */
    enum CountBy { DAY, WEEK, OUTLET }

    /**
     * A question.
     *
     * @param query   the query text (words, "phrases", AND/OR/NOT), never blank
     * @param outlets only these outlets (empty: all)
     * @param since   from this time on, or null
     * @param until   before this time, or null
     * @param countBy how to bucket the counts
     * @param limit   the most results to return
     */
    record Request(String query, List<String> outlets, Instant since, Instant until, CountBy countBy, int limit) {
        public Request {
            Objects.requireNonNull(query, "query");
            outlets = List.copyOf(outlets);
            Objects.requireNonNull(countBy, "countBy");
        }
    }

    /** One bucket's count: a day ({@code 2025-08-23}), a week's Monday, or an outlet id. */
    record Count(String key, long count) {
    }

    /** A piece of a snippet: plain text, or a match to mark. Text as stored (the page escapes it). */
    record Fragment(String text, boolean match) {
    }

    /** One result. */
    record Hit(String url, String outlet, Instant date, String title, List<Fragment> snippet) {
        public Hit {
            snippet = List.copyOf(snippet);
        }
    }

    /** The answer: how many articles match, counts per bucket (in bucket order), and the best {@code limit} hits. */
    record Results(long total, List<Count> counts, List<Hit> hits) {
        public Results {
            counts = List.copyOf(counts);
            hits = List.copyOf(hits);
        }
    }

    /** Null when the engine can answer; else why not and what to do (shown on the page instead of results). */
    String unavailable();

    Results search(Request request);

    /** What the page says about the engine above its results (where it runs, what it costs), or null for nothing. */
    default String about() {
        return null;
    }

    /** The engine could not answer; the message is one line saying why and what to do. */
    final class Failed extends RuntimeException {
        public Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** No engine wired: the page shows the form and says so. */
    static SearchBackend none(String why) {
        return new SearchBackend() {
            @Override
            public String unavailable() {
                return why;
            }

            @Override
            public Results search(Request request) {
                throw new IllegalStateException(why);
            }
        };
    }
}
