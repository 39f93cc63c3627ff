package dev.newsharvester.fetch;

/**
 * The validators of a stored copy, sent as {@code If-None-Match} / {@code If-Modified-Since} to make a
 * GET conditional. Either may be null.
 */
public record Validators(String etag, String lastModified) {

    /** No stored copy: an unconditional GET. */
    public static final Validators NONE = new Validators(null, null);

    public Validators {
        etag = blankToNull(etag);
        lastModified = blankToNull(lastModified);
    }

    /** The validators a fetch returned, for the next conditional GET of the same page. */
    public static Validators of(FetchResult result) {
        return new Validators(result.etag(), result.lastModified());
    }

    boolean isEmpty() {
        return etag == null && lastModified == null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
