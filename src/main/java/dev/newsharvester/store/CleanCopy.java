package dev.newsharvester.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsharvester.extract.Access;
import dev.newsharvester.extract.Article;
import dev.newsharvester.fingerprint.Fingerprint;
import dev.newsharvester.fingerprint.MinHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The clean copy kept in S3 ({@code clean/…}): one JSON object per version, readable by Athena. The one owner of that
 * format, in both directions: {@link #toJson} writes it when a version is stored, {@link #read} reads it back.
 */
public final class CleanCopy {

    /** Bumped when the document's fields change meaning. */
    public static final int SCHEMA_VERSION = 2; // 2: minhash is the b-bit signature's bytes in base64 (was 128 ints)

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where a clean copy came from: its outlet, the raw copy's key, when it was fetched, by which extractor. */
    public record Capture(String outlet, String rawKey, Instant fetchedAt, String extractorVersion) {
    }

    /** A clean copy read back: the article, its fingerprints, and its capture. */
    public record Document(int schemaVersion, Article article, Fingerprint fingerprint, Capture capture) {
    }

    private CleanCopy() {
    }

    /** The clean copy of one version. */
    public static byte[] toJson(Article a, Fingerprint fp, Capture capture) {
        ObjectNode o = JSON.createObjectNode();
        o.put("schemaVersion", SCHEMA_VERSION);
        o.put("outlet", capture.outlet());
        putArticle(o, a, fp);
        o.put("minhash", Base64.getEncoder().encodeToString(fp.minhash().toBytes()));
        o.put("rawKey", capture.rawKey());
        o.put("fetchedAt", capture.fetchedAt().toString());
        o.put("extractorVersion", capture.extractorVersion());
        try {
            return JSON.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a clean copy back. Copies of schema 1 (minhash as 128 integers) read with a null minhash; copies written
     * before access was read (no {@code access} object) read with {@link Access#UNKNOWN}.
     *
     * @throws IllegalArgumentException when the bytes are not a clean copy
     */
    public static Document read(byte[] json) {
        JsonNode o;
        try {
            o = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a clean copy (not JSON): " + e.getMessage(), e);
        }
        if (o == null || !o.isObject() || !o.has("text")) {
            throw new IllegalArgumentException("not a clean copy: a JSON object with \"text\" was expected");
        }
        Article article = new Article(text(o, "url"), text(o, "canonicalUrl"), text(o, "title"), strings(o, "authors"),
                time(o, "published"), time(o, "modified"), text(o, "language"), text(o, "section"), strings(o, "tags"),
                text(o, "image"), text(o, "description"), o.path("text").asText(""), access(o.get("access")));
        String minhash = text(o, "minhash");
        Fingerprint fp = new Fingerprint(text(o, "sha256"), Long.parseUnsignedLong(o.path("simhash").asText("0"), 16),
                minhash == null || !o.path("minhash").isTextual() ? null : MinHash.fromBytes(Base64.getDecoder().decode(minhash)));
        String fetched = text(o, "fetchedAt");
        Capture capture = new Capture(text(o, "outlet"), text(o, "rawKey"), fetched == null ? null : Instant.parse(fetched),
                text(o, "extractorVersion"));
        return new Document(o.path("schemaVersion").asInt(1), article, fp, capture);
    }

    /**
     * The article's fields and its exact and near-duplicate fingerprints, in the order both the clean
     * copy and {@code extract --json} show them.
     */
    public static void putArticle(ObjectNode o, Article a, Fingerprint fp) {
        o.put("url", a.url());
        o.put("canonicalUrl", a.canonicalUrl());
        o.put("title", a.title());
        ArrayNode authors = o.putArray("authors");
        a.authors().forEach(authors::add);
        o.put("published", a.published() == null ? null : a.published().toString());
        o.put("modified", a.modified() == null ? null : a.modified().toString());
        o.put("language", a.language());
        o.put("section", a.section());
        ArrayNode tags = o.putArray("tags");
        a.tags().forEach(tags::add);
        o.put("image", a.image());
        o.put("description", a.description());
        o.put("text", a.text());
        o.put("wordCount", a.wordCount());
        putAccess(o.putObject("access"), a.access());
        o.put("sha256", fp.sha256());
        o.put("simhash", fp.simhashHex());
    }

    /** {@code "access": {"free": "TRUE|FALSE|UNKNOWN", "paywalled": bool, "truncated": bool, "signals": [..]}}. */
    private static void putAccess(ObjectNode o, Access access) {
        o.put("free", access.free().name());
        o.put("paywalled", access.paywalled());
        o.put("truncated", access.truncated());
        ArrayNode signals = o.putArray("signals");
        access.signals().forEach(signals::add);
    }

    private static Access access(JsonNode o) {
        if (o == null || !o.isObject()) {
            return Access.UNKNOWN;
        }
        Access.Free free;
        try {
            free = Access.Free.valueOf(o.path("free").asText("UNKNOWN"));
        } catch (IllegalArgumentException unknownValue) {
            free = Access.Free.UNKNOWN;
        }
        return new Access(free, o.path("paywalled").asBoolean(false), o.path("truncated").asBoolean(false),
                strings(o, "signals"));
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static OffsetDateTime time(JsonNode o, String field) {
        String s = text(o, field);
        return s == null ? null : OffsetDateTime.parse(s);
    }

    private static List<String> strings(JsonNode o, String field) {
        List<String> out = new ArrayList<>();
        o.path(field).forEach(n -> out.add(n.asText()));
        return out;
    }
}
