package dev.newsharvester.store;

import java.util.List;

/**
 * Reading archived objects by key and by folder: what the change log's readers need. {@link Archive} reads them
 * through S3; the embedded store also reads its files directly ({@code local.ObjectFiles}), so a read-only command
 * never starts its S3 server.
 */
public interface ObjectReader {

    /** The "folders" right under {@code prefix} (which ends in {@code /}), each ending in {@code /}, in key order. */
    List<String> folders(String prefix);

    /** The keys under {@code prefix} after {@code startAfter} (null: all), in key order. */
    List<String> keysAfter(String prefix, String startAfter);

    /** An object's bytes as stored. */
    byte[] bytes(String key);
}
