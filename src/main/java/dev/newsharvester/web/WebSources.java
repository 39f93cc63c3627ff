package dev.newsharvester.web;

import dev.newsharvester.change.ChangeJournal;
import dev.newsharvester.health.HealthEvaluator;
import dev.newsharvester.query.ArticleQueries;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the pages read: the read side of the index and archive, the change log, outlet health, the search engine,
 * the outlets to list and the clock that says what "now" is (the system clock, or a fixed one in tests).
 */
public record WebSources(ArticleQueries queries, ChangeJournal changes, HealthEvaluator health,
        Supplier<List<String>> outlets, SearchBackend search, Clock clock) {

    public WebSources {
        Objects.requireNonNull(queries, "queries");
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(outlets, "outlets");
        Objects.requireNonNull(search, "search (SearchBackend.none(why) when no engine is wired)");
        Objects.requireNonNull(clock, "clock");
    }
}
