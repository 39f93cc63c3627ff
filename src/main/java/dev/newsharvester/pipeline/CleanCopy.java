package dev.newsharvester.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsharvester.extract.Article;
import dev.newsharvester.fingerprint.Fingerprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** The clean copy kept in S3 ({@code clean/…}): one JSON object per version, readable by Athena. */
public final class CleanCopy {

    /** Bumped when the document's fields change meaning. */
    static final int SCHEMA_VERSION = 2; // 2: minhash is the b-bit signature's bytes in base64 (was 128 ints)

    private static final ObjectMapper JSON = new ObjectMapper();

    private CleanCopy() {
    }

    static byte[] toJson(String outlet, Article a, Fingerprint fp, String rawKey, Instant fetchedAt, String extractorVersion) {
        ObjectNode o = JSON.createObjectNode();
        o.put("schemaVersion", SCHEMA_VERSION);
        o.put("outlet", outlet);
        putArticle(o, a, fp);
        o.put("minhash", java.util.Base64.getEncoder().encodeToString(fp.minhash().toBytes()));
        o.put("rawKey", rawKey);
        o.put("fetchedAt", fetchedAt.toString());
        o.put("extractorVersion", extractorVersion);
        try {
            return JSON.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        o.put("sha256", fp.sha256());
        o.put("simhash", fp.simhashHex());
    }
}
