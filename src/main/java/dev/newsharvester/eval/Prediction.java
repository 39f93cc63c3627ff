package dev.newsharvester.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsharvester.extract.Article;
import dev.newsharvester.extract.Extraction;
import java.util.ArrayList;
import java.util.List;

/**
 * What an extractor gave for one page: the body text and, for news pages, title, authors and
 * publication date. A page that gave no article has an empty text and a {@code note} saying why.
 *
 * @param published ISO-8601 as written in an output file; null when none
 * @param note      why there is no article (kept for the per-page report); null otherwise
 */
public record Prediction(String text, String title, List<String> authors, String published, String note) {

    public Prediction {
        text = text == null ? "" : text;
        authors = authors == null ? List.of() : List.copyOf(authors);
    }

    /** A body text alone (an AEB output file). */
    public static Prediction text(String text) {
        return new Prediction(text, null, List.of(), null, null);
    }

    /** What the extractor returned, as {@code extract --json} would write it. */
    public static Prediction of(Extraction x) {
        if (!x.isArticle()) {
            return new Prediction("", null, List.of(), null, x.notArticleReason());
        }
        Article a = x.article();
        return new Prediction(a.text(), a.title(), a.authors(), a.published() == null ? null : a.published().toString(), null);
    }

    /** An output file of {@code extract --json}: text, title, authors, published (other fields ignored). */
    static Prediction ofJson(JsonNode o) {
        List<String> authors = new ArrayList<>();
        if (o.path("authors").isArray()) {
            o.path("authors").forEach(a -> authors.add(a.asText()));
        }
        return new Prediction(Datasets.text(o, "text"), Datasets.text(o, "title"), authors, Datasets.text(o, "published"),
                Datasets.text(o, "notArticle"));
    }
}
