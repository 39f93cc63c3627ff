package dev.newsharvester.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The change log in the archive bucket: one object per change event, written once,
 * {@code changes/outlet=<id>/dt=<yyyy-MM-dd>/<HHmmssSSS>-<event id>.json}, read back by outlet and day prefixes
 * (ListObjectsV2 from a start key), never by a scan. The JSON inside is {@code change.ChangeEventJson}'s.
 *
 * <p>Once per event id, whatever its time: {@link #append} first claims {@code changes/ids/<event id>} (an empty
 * object) with {@code If-None-Match: *} (which the bucket policy also requires under {@code changes/}); only the
 * call whose claim is the first write goes on to write the entry, and only it gets {@code true}. A retried task
 * that records the same change again, with a later time, finds the claim and writes nothing. A process that dies
 * between the two PUTs leaves the claim without an entry: that change is then missing from the log (at most once).
 */
public final class ChangeLog {

    public static final String PREFIX = "changes/";
    /** The write-once claims by event id. */
    public static final String CLAIMS = PREFIX + "ids/";
    private static final Pattern OUTLET_ID = Pattern.compile("[a-z0-9-]+");
    private static final Pattern EVENT_ID = Pattern.compile("[0-9a-f]{8,64}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmssSSS").withZone(ZoneOffset.UTC);

    private final Archive archive;
    private final ObjectReader reader;

    /** The log in {@code archive}, to append to and to read. */
    public ChangeLog(Archive archive) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.reader = archive;
    }

    /** The log to read only, through {@code reader} (the embedded store's files: no S3 server). */
    public ChangeLog(ObjectReader reader) {
        this.archive = null;
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** {@code changes/outlet=<id>/dt=<yyyy-MM-dd>/<HHmmssSSS>-<id>.json} (UTC) */
    public static String key(String outlet, Instant at, String id) {
        if (outlet == null || !OUTLET_ID.matcher(outlet).matches()) {
            throw new IllegalArgumentException("outlet id must match [a-z0-9-]+, was: '" + outlet + "'");
        }
        if (id == null || !EVENT_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("change event id must be lower-case hex (ChangeEvent.idOf), was: '" + id + "'");
        }
        Objects.requireNonNull(at, "at");
        return outletPrefix(outlet) + "dt=" + LocalDate.ofInstant(at, ZoneOffset.UTC) + "/" + TIME.format(at) + "-" + id
                + ".json";
    }

    private static String outletPrefix(String outlet) {
        return PREFIX + "outlet=" + outlet + "/";
    }

    /** Claims the event id and stores the event's JSON under its key; true only for the call that claimed it. */
    public boolean append(String outlet, Instant at, String id, byte[] json) {
        String key = key(outlet, at, id);   // checks outlet and id before anything is written
        if (archive == null) {
            throw new IllegalStateException("this change log was opened to read only: open it on the Archive to append");
        }
        if (!archive.putOnce(CLAIMS + id, new byte[0], "application/octet-stream")) {
            return false;
        }
        archive.putOnce(key, json, "application/json");
        return true;
    }

    /** The outlets with at least one change logged (one listing of {@code changes/} by folder). */
    public List<String> outlets() {
        List<String> out = new ArrayList<>();
        for (String folder : reader.folders(PREFIX)) {
            String name = folder.substring(PREFIX.length(), folder.length() - 1);
            if (name.startsWith("outlet=")) {
                out.add(name.substring("outlet=".length()));
            }
        }
        return out;
    }

    /** An outlet's entry keys from the day {@code since} on (null: all), oldest first. */
    public List<String> keys(String outlet, LocalDate since) {
        String prefix = outletPrefix(outlet);
        // "dt=2025-08-23" sorts after every key of the days before and before every key of that day
        return reader.keysAfter(prefix, since == null ? null : prefix + "dt=" + since);
    }

    /** The event id of a key made by {@link #key}. */
    public static String idOf(String key) {
        int dash = key.lastIndexOf('-');
        if (dash < 0 || !key.endsWith(".json")) {
            throw new IllegalArgumentException("not a change log key: '" + key + "'");
        }
        return key.substring(dash + 1, key.length() - ".json".length());
    }

    /** The entry under {@code key}. */
    public byte[] read(String key) {
        return reader.bytes(key);
    }
}
