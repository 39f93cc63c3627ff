/**
 * Article URLs from an outlet's sources: RSS and Atom feeds ({@link FeedReader}, Rome with DTDs refused),
 * (news) sitemaps ({@link SitemapReader}, crawler-commons) and listing pages ({@link ListingReader}), each URL
 * canonicalised ({@link UrlCanonicalizer}) and kept once with what the source said of it ({@link DiscoveredUrl}).
 *
 * <p>Fetches through {@code fetch}; uses {@code outlet} for the source definitions; knows nothing of storage.
 */
package dev.newsharvester.discover;
