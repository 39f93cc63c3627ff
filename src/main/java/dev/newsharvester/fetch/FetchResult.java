package dev.newsharvester.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of one fetch, redirects included. Never null fields except where noted.
 *
 * @param requestedUrl the URL asked for
 * @param finalUrl     the URL that answered last (after redirects); equals {@code requestedUrl} without redirects
 * @param status       how the fetch ended
 * @param httpStatus   the last HTTP status code, or 0 when no response was received
 * @param contentType  the {@code Content-Type} header as served, or null
 * @param charset      the charset the body is decoded with; null when there is no body
 * @param etag         the {@code ETag} of the response (or, for NOT_MODIFIED, the one sent), or null
 * @param lastModified the {@code Last-Modified} header (or, for NOT_MODIFIED, the one sent), or null
 * @param body         the decoded (un-gzipped) body; empty unless OK (and short error pages). Callers must not modify it.
 * @param fetchedAt    when the last response arrived (or the fetch gave up)
 * @param reason       a human-readable explanation for anything but OK; null for OK
 * @param retryAt      for {@link FetchStatus#DEFERRED}: the earliest instant to try again; null otherwise
 */
public record FetchResult(URI requestedUrl, URI finalUrl, FetchStatus status, int httpStatus,
                          String contentType, Charset charset, String etag, String lastModified, byte[] body,
                          Instant fetchedAt, String reason, Instant retryAt) {

    private static final byte[] EMPTY = new byte[0];

    public FetchResult {
        Objects.requireNonNull(requestedUrl, "requestedUrl");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        finalUrl = finalUrl == null ? requestedUrl : finalUrl;
        body = body == null ? EMPTY : body;
        if (status == FetchStatus.DEFERRED) {
            Objects.requireNonNull(retryAt, "retryAt");
        }
    }

    /** True when the status is {@link FetchStatus#OK}. */
    public boolean ok() {
        return status == FetchStatus.OK;
    }

    /** The body decoded with {@link #charset()} (UTF-8 when unknown), without a leading byte-order mark. */
    public String text() {
        String s = new String(body, charset == null ? StandardCharsets.UTF_8 : charset);
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    @Override
    public String toString() {
        return "FetchResult[" + status + (httpStatus > 0 ? " " + httpStatus : "") + " " + requestedUrl
                + (finalUrl.equals(requestedUrl) ? "" : " -> " + finalUrl)
                + ", " + body.length + " bytes" + (reason == null ? "" : ", " + reason) + "]";
    }
}
