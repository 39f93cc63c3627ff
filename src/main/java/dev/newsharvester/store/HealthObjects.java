package dev.newsharvester.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The small health object of each run in the archive bucket: {@code health/runs/<time>.json} (one per run, never
 * replaced) and {@code health/latest.json} (the newest, overwritten each run; only {@code raw/} and {@code clean/}
 * are write-once). The JSON itself is the health report's ({@code health.HealthReport#toJson}).
 */
public final class HealthObjects {

    public static final String LATEST = "health/latest.json";
    public static final String RUNS_PREFIX = "health/runs/";

    private final S3Client s3;
    private final String bucket;

    public HealthObjects(S3Client s3, String bucket) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("bucket must not be blank: set ARCHIVE_BUCKET to the archive bucket's name");
        }
        this.bucket = bucket;
    }

    /** {@code health/runs/<yyyy-MM-ddTHH:mm:ss.SSSZ>.json} */
    public static String runKey(Instant at) {
        return RUNS_PREFIX + Items.formatTs(at) + ".json";
    }

    /** Stores one run's health JSON under its run key and as the latest; returns the run key. */
    public String put(Instant at, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        String key = runKey(at);
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromBytes(bytes));
        s3.putObject(b -> b.bucket(bucket).key(LATEST).contentType("application/json"), RequestBody.fromBytes(bytes));
        return key;
    }

    /** The JSON under a key, if there. */
    public Optional<String> get(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asString(StandardCharsets.UTF_8));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }
}
