package dev.newsharvester.fetch;

/** What a request of {@link HttpFetcher} is for, which decides its Accept header, type check, caps and retries. */
enum FetchMode {
    /** Article pages: HTML only. */
    ARTICLE,
    /** Feeds, sitemaps, anything: no type check. */
    ANY,
    /** robots.txt itself: no robots check, no retries, truncated at 512 KiB. */
    ROBOTS
}
