package dev.newsharvester.export;

import dev.newsharvester.query.ArticleQueries;
import dev.newsharvester.query.StoryMatch;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.StoredVersion;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A story id for each exported URL: the articles of one story across outlets carry the same id, so a table can be
 * grouped by story. The index keeps no story clusters (a story is found by asking, {@link ArticleQueries#story}), so
 * the id is derived from that answer: it names the earliest report (by publication, else first sight; then URL) among
 * the URL's current version and the other outlets' coverage {@code query story} finds for it, as the first 16 hex
 * digits of the SHA-256 of that report's URL ({@link Archive#urlKey}, as in its archived objects' keys). An article nobody else covered is a story of its own (its own URL's id).
 * Reports that see the same earliest report share an id; a long chain of loosely similar articles may not all agree,
 * since similarity is not transitive.
 *
 * <p>Each URL costs one same-story lookup: a Query per LSH band ({@code MinHash.BANDS}), a Query by text hash and a
 * batch read, which is why exports compute it only when asked ({@code export --stories}).
 */
final class StoryIds {

    private final ArticleQueries queries;

    StoryIds(ArticleQueries queries) {
        this.queries = Objects.requireNonNull(queries, "queries");
    }

    /** The story id of the URL whose current version is {@code current}. */
    String of(StoredVersion current) {
        Comparator<StoredVersion> earliest = Comparator.comparing(ArticleIndex::timeOf).thenComparing(StoredVersion::url);
        StoredVersion first = Stream.concat(Stream.of(current), queries.story(current.url()).stream().map(StoryMatch::version))
                .min(earliest).orElseThrow();
        return Archive.urlKey(first.url());
    }
}
