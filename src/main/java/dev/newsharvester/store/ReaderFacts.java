package dev.newsharvester.store;

import java.util.List;

/**
 * What a reader sees of a version besides its text: headline, byline, dates, language and access. All may be null
 * but {@code authors} (absent = empty).
 *
 * @param published ISO offset date-time as the page gave it, or null
 * @param modified  ISO offset date-time as the page gave it, or null
 * @param access    {@link dev.newsharvester.extract.Access#code()}: free or paywalled, cut off; null (items written before
 *                  access was read) means unknown
 */
public record ReaderFacts(String title, List<String> authors, String published, String modified, String language,
        String access) {

    /** Nothing known. */
    public static final ReaderFacts NONE = new ReaderFacts(null, List.of(), null, null, null, null);

    public ReaderFacts {
        authors = authors == null ? List.of() : List.copyOf(authors);
    }

    /** A headline alone. */
    public static ReaderFacts titled(String title) {
        return new ReaderFacts(title, List.of(), null, null, null, null);
    }

    /** The headline, or {@code fallback} (a URL, usually) when the page gave none. */
    public String titleOr(String fallback) {
        return title != null ? title : fallback;
    }

    public ReaderFacts withTitle(String newTitle) {
        return new ReaderFacts(newTitle, authors, published, modified, language, access);
    }

    public ReaderFacts withPublished(String newPublished) {
        return new ReaderFacts(title, authors, newPublished, modified, language, access);
    }
}
