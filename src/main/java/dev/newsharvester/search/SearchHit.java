package dev.newsharvester.search;

import java.time.Instant;
import java.util.List;

/**
 * One ranked result.
 *
 * @param score       BM25 score (higher is better)
 * @param outlet      outlet id
 * @param url         the article's URL
 * @param title       its headline (in this version)
 * @param date        published, else first fetched
 * @param authors     byline
 * @param snippet     a passage of the body with the matches marked «like this»
 * @param snippetHtml the same passage as HTML (escaped), matches in {@code <mark>}
 * @param language    the language its text was analysed in (en, uk, ru)
 * @param textHash    SHA-256 of the body (shared by versions and duplicates with the same text)
 * @param cleanKey    the clean copy in the archive
 * @param fetchedAt   when this version was fetched
 * @param latest      whether it is the version the URL shows now
 * @param status      {@code published}, {@code deleted} or {@code redirected}
 */
public record SearchHit(float score, String outlet, String url, String title, Instant date, List<String> authors,
        String snippet, String snippetHtml, String language, String textHash, String cleanKey, Instant fetchedAt,
        boolean latest, String status) {
}
