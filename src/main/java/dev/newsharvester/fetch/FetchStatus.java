package dev.newsharvester.fetch;

/** How a fetch ended. Only {@link #OK} carries a usable body. */
public enum FetchStatus {
    /** 2xx with an acceptable body. */
    OK,
    /** 304 to a conditional GET: the stored copy is current; the body is empty. */
    NOT_MODIFIED,
    /** robots.txt of the origin forbids the URL (or could not be read, which RFC 9309 treats as "disallow all"). */
    ROBOTS_DISALLOWED,
    /** 401, 403, 451, or a page that is an anti-bot challenge rather than content. */
    BLOCKED,
    /** 404 or 410. */
    NOT_FOUND,
    /** Any other unusable HTTP answer (other 4xx, 5xx after retries, a redirect without a usable Location). */
    HTTP_ERROR,
    /** The host resolves to an address the {@link AddressGuard} refuses; no connection was made. */
    ADDRESS_REFUSED,
    /** The decoded body exceeds the size limit. */
    TOO_LARGE,
    /** The page is not HTML (article fetches only). */
    UNSUPPORTED_TYPE,
    /** No complete response within the time limit. */
    TIMEOUT,
    /** Network failure: unresolvable host, refused or reset connection, TLS error, corrupt encoding. */
    IO_ERROR,
    /** More redirects than allowed. */
    TOO_MANY_REDIRECTS,
    /**
     * Not fetched yet: the host may not be asked now (another instance holds it, its crawl delay or a Retry-After
     * runs). {@link FetchResult#retryAt()} says when to try again. Only a non-waiting {@link Pacer} gives this.
     */
    DEFERRED
}
