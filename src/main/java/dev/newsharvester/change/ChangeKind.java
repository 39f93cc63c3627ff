package dev.newsharvester.change;

/** The kinds of change a URL's history records and the change feeds publish. */
public enum ChangeKind {
    /** The URL was stored for the first time. */
    NEW,
    /** What readers see changed: the headline, the byline (author set) or the body. */
    REVISED,
    /** The article is gone: 404/410, or a page that no longer carries it, confirmed by a second check. */
    DELETED,
    /** The URL now redirects elsewhere ({@link ChangeEvent#redirectTo()}). */
    REDIRECTED,
    /** The article is back after {@link #DELETED}. */
    RESTORED
}
