package dev.newsharvester.extract;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The article as extracted from one page. Immutable; absent values are {@code null} (or empty lists).
 *
 * @param url         the URL the page was fetched from (final URL after redirects)
 * @param canonicalUrl the page's declared canonical URL, if any
 * @param title       the headline, without the site-name suffix
 * @param authors     person names, never "By", roles, e-mails or dates
 * @param published   first publication instant with the offset the page gave (or the outlet's zone)
 * @param modified    last modification instant, if the page states one
 * @param language    BCP 47 language tag, e.g. {@code en}, {@code uk}
 * @param section     the outlet's section or category
 * @param tags        keywords/tags
 * @param image       lead image URL
 * @param description summary from metadata
 * @param text        the article body: paragraphs separated by one blank line; the title is not part of it
 * @param access      free or paywalled, and whether the body looks cut off by the paywall ({@link Access#UNKNOWN}
 *                    when not read)
 */
public record Article(
        String url,
        String canonicalUrl,
        String title,
        List<String> authors,
        OffsetDateTime published,
        OffsetDateTime modified,
        String language,
        String section,
        List<String> tags,
        String image,
        String description,
        String text,
        Access access) {

    /** An article whose access was not read. */
    public Article(String url, String canonicalUrl, String title, List<String> authors, OffsetDateTime published,
            OffsetDateTime modified, String language, String section, List<String> tags, String image,
            String description, String text) {
        this(url, canonicalUrl, title, authors, published, modified, language, section, tags, image, description, text,
                Access.UNKNOWN);
    }

    public Article {
        authors = authors == null ? List.of() : List.copyOf(authors);
        tags = tags == null ? List.of() : List.copyOf(tags);
        text = text == null ? "" : text;
        access = access == null ? Access.UNKNOWN : access;
    }

    /** Number of whitespace-separated words in the body. */
    public int wordCount() {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
