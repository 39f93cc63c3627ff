package dev.newsharvester.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The S3 archive: the raw page as served (gzip) and the clean JSON document of each version.
 *
 * <p>Keys are a pure function of (outlet, URL, content hash, day), so a retried task writes the
 * same key; every PUT carries {@code If-None-Match: *}, so an existing object is never replaced.
 * A refused write (412) is not an error: the object is already there.
 *
 * <p>Thread-safe if the given client is (SDK clients are).
 */
public final class Archive implements ObjectReader {
    private static final Pattern OUTLET_ID = Pattern.compile("[a-z0-9-]+");
    private static final Pattern HEX16 = Pattern.compile("[0-9a-fA-F]{16,}");
    /** S3 answers 409 ConditionalRequestConflict when two conditional writes to one key race; retry, then 412 settles it. */
    private static final int MAX_CONFLICT_ATTEMPTS = 3;
    private static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    // object metadata names (S3 sends them as x-amz-meta-<name>)
    static final String META_FINAL_URL = "final-url";
    static final String META_STATUS = "status";
    static final String META_CONTENT_TYPE = "content-type";
    static final String META_ETAG = "etag";
    static final String META_LAST_MODIFIED = "last-modified";
    static final String META_FETCHED_AT = "fetched-at";
    static final String META_CHARSET = "charset";

    private final S3Client s3;
    private final String bucket;
    private final AtomicLong putCount = new AtomicLong();

    public Archive(S3Client s3, String bucket) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("bucket must not be blank: '" + bucket + "'");
        }
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }

    /** {@code raw/outlet=<id>/dt=<yyyy-MM-dd>/<urlKey>-<hash16>.html.gz} */
    public static String rawKey(String outlet, String url, String contentHash, LocalDate day) {
        return key("raw", outlet, url, contentHash, day, ".html.gz");
    }

    /** {@code clean/outlet=<id>/dt=<yyyy-MM-dd>/<urlKey>-<hash16>.json} */
    public static String cleanKey(String outlet, String url, String contentHash, LocalDate day) {
        return key("clean", outlet, url, contentHash, day, ".json");
    }

    /** The 16 hex digits that name a URL in its objects' keys (the first of the SHA-256 of the URL). */
    public static String urlKey(String url) {
        return sha256Hex(url.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    private static String key(String prefix, String outlet, String url, String contentHash, LocalDate day,
            String suffix) {
        if (outlet == null || !OUTLET_ID.matcher(outlet).matches()) {
            throw new IllegalArgumentException("outlet id must match [a-z0-9-]+, was: '" + outlet + "'");
        }
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("url must not be blank: '" + url + "'");
        }
        if (contentHash == null || !HEX16.matcher(contentHash).matches()) {
            throw new IllegalArgumentException("content hash must be at least 16 hex digits, was: '" + contentHash + "'");
        }
        Objects.requireNonNull(day, "day");
        String urlKey = urlKey(url);
        String hash16 = contentHash.substring(0, 16).toLowerCase(java.util.Locale.ROOT);
        return prefix + "/outlet=" + outlet + "/dt=" + day + "/" + urlKey + "-" + hash16 + suffix;
    }

    /**
     * Gzip-compresses {@code body} and stores it under {@code key} with the page's Content-Type,
     * {@code Content-Encoding: gzip} and the metadata, unless the key exists.
     *
     * @return true if written, false if the key already existed (nothing was overwritten)
     */
    public boolean putRaw(String key, byte[] body, RawMetadata meta) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(meta, "meta");
        Map<String, String> metadata = new LinkedHashMap<>();
        putMeta(metadata, META_FINAL_URL, meta.finalUrl());
        metadata.put(META_STATUS, Integer.toString(meta.status()));
        putMeta(metadata, META_CONTENT_TYPE, meta.contentType());
        putMeta(metadata, META_ETAG, meta.etag());
        putMeta(metadata, META_LAST_MODIFIED, meta.lastModified());
        putMeta(metadata, META_FETCHED_AT, meta.fetchedAt() == null ? null : meta.fetchedAt().toString());
        putMeta(metadata, META_CHARSET, meta.charset());
        PutObjectRequest request = PutObjectRequest.builder()
                .bucket(bucket)
                .key(requireKey(key))
                .contentType(headerSafe(meta.contentType()) ? meta.contentType() : DEFAULT_CONTENT_TYPE)
                .contentEncoding("gzip")
                .metadata(metadata)
                .ifNoneMatch("*")
                .build();
        return putIfAbsent(request, gzip(body));
    }

    /** Stores a clean JSON document ({@code application/json}) unless the key exists; true if written. */
    public boolean putClean(String key, byte[] json) {
        Objects.requireNonNull(json, "json");
        PutObjectRequest request = PutObjectRequest.builder()
                .bucket(bucket)
                .key(requireKey(key))
                .contentType("application/json")
                .ifNoneMatch("*")
                .build();
        return putIfAbsent(request, json);
    }

    /**
     * Stores any object of the bucket write-once ({@code If-None-Match: *}), as {@link #putClean} does; true if this
     * call created it, false if the key existed already (nothing was replaced). The change log uses it.
     */
    public boolean putOnce(String key, byte[] bytes, String contentType) {
        Objects.requireNonNull(bytes, "bytes");
        return putIfAbsent(PutObjectRequest.builder().bucket(bucket).key(requireKey(key)).contentType(contentType)
                .ifNoneMatch("*").build(), bytes);
    }

    /** Stores an object that is regenerated by design (the Atom feeds and their pages), replacing what is there. */
    public void putReplacing(String key, byte[] bytes, String contentType) {
        Objects.requireNonNull(bytes, "bytes");
        putCount.incrementAndGet();
        s3.putObject(b -> b.bucket(bucket).key(requireKey(key)).contentType(contentType), RequestBody.fromBytes(bytes));
    }

    private boolean putIfAbsent(PutObjectRequest request, byte[] bytes) {
        for (int attempt = 1; ; attempt++) {
            putCount.incrementAndGet();
            try {
                s3.putObject(request, RequestBody.fromBytes(bytes));
                return true;
            } catch (S3Exception e) {
                if (e.statusCode() == 412) {
                    // When the SDK retried (an earlier attempt's response was lost: seen against
                    // s3proxy after a 412 on a kept-alive connection, possible in AWS too), the
                    // object in the way may be our own first attempt: same bytes, same MD5 ETag.
                    return e.numAttempts() != null && e.numAttempts() > 1 && storedEtagIs(request.key(), md5Hex(bytes));
                }
                if (e.statusCode() != 409 || attempt >= MAX_CONFLICT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private boolean storedEtagIs(String key, String md5Hex) {
        String etag = s3.headObject(b -> b.bucket(bucket).key(key)).eTag();
        return etag != null && etag.replace("\"", "").equalsIgnoreCase(md5Hex);
    }

    /** The raw body as it was served (gunzipped). */
    public byte[] getRaw(String key) {
        ResponseBytes<GetObjectResponse> object = get(key);
        String encoding = object.response().contentEncoding();
        byte[] bytes = object.asByteArray();
        return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("gzip") ? gunzip(bytes, key) : bytes;
    }

    /** The metadata stored with a raw object. */
    public RawMetadata rawMetadata(String key) {
        Map<String, String> m = head(key).metadata();
        String status = getMeta(m, META_STATUS);
        String fetchedAt = getMeta(m, META_FETCHED_AT);
        try {
            return new RawMetadata(
                    getMeta(m, META_FINAL_URL),
                    status == null ? 0 : Integer.parseInt(status),
                    getMeta(m, META_CONTENT_TYPE),
                    getMeta(m, META_ETAG),
                    getMeta(m, META_LAST_MODIFIED),
                    fetchedAt == null ? null : Instant.parse(fetchedAt),
                    getMeta(m, META_CHARSET));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalStateException("malformed metadata on " + location(key) + ": " + m, e);
        }
    }

    /** The clean JSON document. */
    public byte[] getClean(String key) {
        return get(key).asByteArray();
    }

    /** Any object's bytes as stored (the change log's entries). */
    @Override
    public byte[] bytes(String key) {
        return get(key).asByteArray();
    }

    public boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(requireKey(key)));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** An archived object: its key and when it was written. */
    public record Entry(String key, Instant lastModified) {
    }

    /** Every object whose key starts with {@code prefix}, in key order (ListObjectsV2, a page per 1,000). */
    public List<Entry> list(String prefix) {
        List<Entry> out = new ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()
                .forEach(o -> out.add(new Entry(o.key(), o.lastModified())));
        return out;
    }

    /**
     * {@link #list}'s objects read a folder at a time (delimiter {@code /}), in key order: s3proxy's file store walks
     * the whole tree for each page of a flat listing (100,000 clean copies time out); on S3 {@link #list} asks less.
     */
    public List<Entry> walk(String prefix) {
        List<Entry> out = new ArrayList<>();
        walkInto(prefix, out);
        out.sort(java.util.Comparator.comparing(Entry::key));   // a folder's own objects and its subfolders interleave
        return out;
    }

    private void walkInto(String prefix, List<Entry> out) {
        List<String> folders = new ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).delimiter("/")).forEach(page -> {
            page.contents().forEach(o -> out.add(new Entry(o.key(), o.lastModified())));
            page.commonPrefixes().forEach(p -> folders.add(p.prefix()));
        });
        folders.forEach(folder -> walkInto(folder, out));
    }

    /** One ListObjectsV2 listing, which starts at {@code startAfter} rather than at the prefix's first key. */
    @Override
    public List<String> keysAfter(String prefix, String startAfter) {
        List<String> out = new ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).startAfter(startAfter)).contents()
                .forEach(o -> out.add(o.key()));
        return out;
    }

    /** The "folders" right under {@code prefix} (common prefixes with delimiter {@code /}), each ending in {@code /}. */
    @Override
    public List<String> folders(String prefix) {
        List<String> out = new ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).delimiter("/")).commonPrefixes()
                .forEach(p -> out.add(p.prefix()));
        return out;
    }

    /**
     * Deletes an object. Only the sweep of objects the index does not know calls it: an indexed version's
     * objects are written once and kept.
     */
    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(requireKey(key)));
    }

    /** PUT requests sent by this instance, including those refused because the key existed (412). */
    public long putCount() {
        return putCount.get();
    }

    private ResponseBytes<GetObjectResponse> get(String key) {
        try {
            return s3.getObjectAsBytes(b -> b.bucket(bucket).key(requireKey(key)));
        } catch (NoSuchKeyException e) {
            throw new NoSuchElementException("no archived object " + location(key), e);
        }
    }

    private HeadObjectResponse head(String key) {
        try {
            return s3.headObject(b -> b.bucket(bucket).key(requireKey(key)));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new NoSuchElementException("no archived object " + location(key), e);
            }
            throw e;
        }
    }

    private String location(String key) {
        return "s3://" + bucket + "/" + key;
    }

    private static String requireKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("object key must not be blank: '" + key + "'");
        }
        return key;
    }

    // --- metadata values travel as HTTP headers: printable ASCII only. Anything else (a Cyrillic
    // final URL, say) is sent RFC 2047-encoded, which is also how S3 itself returns such values.

    private static void putMeta(Map<String, String> metadata, String name, String value) {
        if (value != null) {
            metadata.put(name, headerSafe(value) && !value.startsWith("=?")
                    ? value
                    : "=?UTF-8?B?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=");
        }
    }

    private static String getMeta(Map<String, String> metadata, String name) {
        String value = metadata.get(name);
        if (value != null && value.startsWith("=?UTF-8?B?") && value.endsWith("?=")) {
            String b64 = value.substring("=?UTF-8?B?".length(), value.length() - 2);
            return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
        }
        return value;
    }

    private static boolean headerSafe(String value) {
        if (value == null || value.isEmpty() || value.length() > 2048) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return value.strip().equals(value);
    }

    static String sha256Hex(byte[] bytes) {
        return digestHex("SHA-256", bytes);
    }

    private static String md5Hex(byte[] bytes) {
        return digestHex("MD5", bytes);
    }

    private static String digestHex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required by every JDK", e);
        }
    }

    private static byte[] gzip(byte[] body) {
        var out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
        return out.toByteArray();
    }

    private byte[] gunzip(byte[] bytes, String key) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt gzip body in " + location(key), e);
        }
    }
}
