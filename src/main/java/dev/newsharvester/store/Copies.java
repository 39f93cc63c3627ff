package dev.newsharvester.store;

/**
 * Where a version's copies are in the archive: its raw and clean object keys (see {@link Archive}). Either may be
 * null; a duplicate's {@code cleanKey} is its original's.
 */
public record Copies(String rawKey, String cleanKey) {

    /** None stored. */
    public static final Copies NONE = new Copies(null, null);

    public Copies withCleanKey(String newCleanKey) {
        return new Copies(rawKey, newCleanKey);
    }
}
