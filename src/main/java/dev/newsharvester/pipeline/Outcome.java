package dev.newsharvester.pipeline;

/** What processing one article task did. */
public enum Outcome {
    /** A URL seen for the first time: raw and clean copies stored, version indexed. */
    NEW,
    /** A known URL whose clean text changed: a new version stored and indexed. */
    REVISED,
    /** A known URL whose clean text is the same (or the server answered 304): nothing stored. */
    UNCHANGED,
    /** Text already stored under another URL: indexed under this URL, clean copy not stored again. */
    DUPLICATE,
    /** Deliberately not processed: robots.txt, not an article, not due for a revisit, out of scope. */
    SKIPPED,
    /** Could not be processed; the reason says why. */
    FAILED,
    /**
     * Not fetched yet: its host may not be asked now (held by another instance, its crawl delay or a Retry-After
     * runs). It stays queued for the host's next turn. Only fleet workers see this; local runs wait instead.
     */
    DEFERRED,
    /**
     * A stored article is gone (404/410, a "not found" page or no article text), confirmed by a second check at least
     * the confirmation delay after the first; a lifecycle entry in the URL's history. Not a failure.
     */
    DELETED,
    /** A stored URL now redirects elsewhere; a lifecycle entry (linking the two addresses when it is the same article). */
    REDIRECTED,
    /** A deleted article is back: a lifecycle entry, and a version as for any fetch. */
    RESTORED
}
