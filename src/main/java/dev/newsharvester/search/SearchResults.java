package dev.newsharvester.search;

import java.util.List;

/**
 * @param total how many articles (or versions, with {@link SearchRequest.Versions#ALL}) match
 * @param hits  the best of them, best first, at most the request's limit
 */
public record SearchResults(long total, List<SearchHit> hits) {
}
