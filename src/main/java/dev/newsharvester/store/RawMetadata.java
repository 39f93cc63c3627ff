package dev.newsharvester.store;

import java.time.Instant;

/**
 * What was known about a response when its body was archived; stored as S3 object metadata next
 * to the raw copy. Every field but {@code status} may be null (absent header, unknown time).
 *
 * @param finalUrl     the URL the body was served from, after redirects
 * @param status       HTTP status of the final response
 * @param contentType  the response's Content-Type header, as served
 * @param etag         the response's ETag header, as served (quotes included)
 * @param lastModified the response's Last-Modified header, as served
 * @param fetchedAt    when the response was received
 * @param charset      the charset the body was decoded with when fetched (header, BOM, meta tag or
 *                     detection), so that reprocessing decodes it the same way
 */
public record RawMetadata(String finalUrl, int status, String contentType, String etag, String lastModified,
        Instant fetchedAt, String charset) {

    /** Without a recorded charset. */
    public RawMetadata(String finalUrl, int status, String contentType, String etag, String lastModified, Instant fetchedAt) {
        this(finalUrl, status, contentType, etag, lastModified, fetchedAt, null);
    }
}
