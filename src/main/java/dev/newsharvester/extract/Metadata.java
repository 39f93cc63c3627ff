package dev.newsharvester.extract;

import java.time.OffsetDateTime;
import java.util.List;

/** What the page says about itself, before the body is read. */
record Metadata(
        String title,
        List<String> authors,
        OffsetDateTime published,
        OffsetDateTime modified,
        String language,
        String canonicalUrl,
        String section,
        List<String> tags,
        String image,
        String description,
        String jsonLdBody,
        boolean declaresArticle,
        boolean declaresListing,
        Paywalls.Scan paywall) {
}
