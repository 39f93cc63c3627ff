package dev.newsharvester.eval;

import java.nio.file.Path;

/** One page of the article-extraction benchmark: {@code ID.html} and the expected body from {@code ID.json}. */
public record AebPage(String id, Path html, String url, String body) implements DatasetPage {
}
