package dev.newsharvester.outlet;

import java.util.List;

/**
 * Optional CSS selectors of an outlet profile that override generic extraction. Any may be null.
 *
 * @param body    the element(s) holding the article body
 * @param title   the headline element
 * @param authors elements whose text are author names
 * @param date    element holding the publication date (its {@code datetime} or {@code content} attribute, or text)
 * @param remove  elements to delete before extraction
 */
public record Selectors(String body, String title, String authors, String date, List<String> remove) {

    public static final Selectors NONE = new Selectors(null, null, null, null, List.of());

    public Selectors {
        remove = remove == null ? List.of() : List.copyOf(remove);
    }
}
