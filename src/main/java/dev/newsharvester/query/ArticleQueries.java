package dev.newsharvester.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsharvester.discover.UrlCanonicalizer;
import dev.newsharvester.fingerprint.Fingerprinter;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.StoredVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The read side: every question answered by a GetItem or a Query on the table or a GSI, never a Scan. */
public final class ArticleQueries {

    /** Estimated word-set similarity at or above which two articles are taken as the same story. */
    public static final double STORY_THRESHOLD = 0.20;
    /** How far apart in time two articles may be and still be one story. */
    public static final Duration STORY_WINDOW = Duration.ofDays(3);
    /** Near-duplicates (SimHash within 3 bits) must also share this much of their word sets: it drops chance SimHash collisions. */
    public static final double NEAR_DUPLICATE_MIN_SIMILARITY = 0.5;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArticleIndex index;
    private final Archive archive;

    public ArticleQueries(ArticleIndex index, Archive archive) {
        this.index = index;
        this.archive = archive;
    }

    /** All versions of a URL, newest first. */
    public List<StoredVersion> versions(String url) {
        return index.versions(UrlCanonicalizer.canonicalize(url));
    }

    /** Every URL whose text has this SHA-256. */
    public List<StoredVersion> byHash(String sha256) {
        return index.byHash(sha256.toLowerCase());
    }

    /** An outlet's articles in a time range (by publication time, else first sight), one row per URL, newest first. */
    public List<StoredVersion> byOutlet(String outlet, Instant since, Instant until) {
        Map<String, StoredVersion> newestPerUrl = new LinkedHashMap<>();
        for (StoredVersion v : index.byOutlet(outlet, since, until)) {
            newestPerUrl.merge(v.url(), v, (a, b) -> a.lastSeen().isAfter(b.lastSeen()) ? a : b);
        }
        return new ArrayList<>(newestPerUrl.values());
    }

    /**
     * Other outlets' coverage of the same story as this URL's current version: articles from the given
     * outlets within {@link #STORY_WINDOW} whose MinHash similarity reaches {@link #STORY_THRESHOLD}, and
     * whose text is not the same (those are duplicates, not coverage). Best match first.
     */
    public List<StoryMatch> story(String url, Collection<String> outlets) {
        StoredVersion self = current(url).orElseThrow(() -> new IllegalArgumentException("URL not in the index: " + url));
        if (self.minhash() == null) {
            return List.of();
        }
        Instant at = Instant.parse(tsOf(self));
        Map<String, StoryMatch> best = new LinkedHashMap<>();
        for (String outlet : outlets) {
            if (outlet.equals(self.outlet())) {
                continue;
            }
            for (StoredVersion v : index.byOutlet(outlet, at.minus(STORY_WINDOW), at.plus(STORY_WINDOW))) {
                if (v.minhash() == null || v.hash().equals(self.hash())) {
                    continue;
                }
                double score = Fingerprinter.storySimilarity(self.minhash(), v.minhash());
                if (score >= STORY_THRESHOLD) {
                    best.merge(v.url(), new StoryMatch(v, score), (a, b) -> a.score() >= b.score() ? a : b);
                }
            }
        }
        return best.values().stream().sorted(Comparator.comparingDouble(StoryMatch::score).reversed()).toList();
    }

    /** The current (last seen) version of a URL. */
    public Optional<StoredVersion> current(String url) {
        return index.latest(UrlCanonicalizer.canonicalize(url));
    }

    /** The clean text of one version, read from its clean copy in the archive. */
    public String text(StoredVersion v) {
        try {
            JsonNode doc = JSON.readTree(archive.getClean(v.cleanKey()));
            return doc.path("text").asText("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A unified diff between two versions of a URL: by default the two newest; {@code fromHash}/{@code toHash}
     * pick others (a unique prefix is enough).
     */
    public String diff(String url, String fromHash, String toHash) {
        List<StoredVersion> versions = versions(url);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("URL not in the index: " + url);
        }
        StoredVersion to = toHash == null ? versions.get(0) : pick(versions, toHash);
        StoredVersion from = fromHash == null ? (versions.size() > 1 ? versions.get(1) : versions.get(0)) : pick(versions, fromHash);
        return TextDiff.unified(text(from), text(to), short12(from.hash()) + " (" + from.firstSeen() + ")",
                short12(to.hash()) + " (" + to.firstSeen() + ")", 1);
    }

    private static StoredVersion pick(List<StoredVersion> versions, String prefix) {
        List<StoredVersion> hits = versions.stream().filter(v -> v.hash().startsWith(prefix.toLowerCase())).toList();
        if (hits.size() != 1) {
            throw new IllegalArgumentException((hits.isEmpty() ? "no version" : "more than one version") + " of this URL has a hash starting with " + prefix);
        }
        return hits.get(0);
    }

    private static String short12(String hash) {
        return hash.substring(0, Math.min(12, hash.length()));
    }

    private static String tsOf(StoredVersion v) {
        if (v.published() != null) {
            return java.time.OffsetDateTime.parse(v.published()).toInstant().toString();
        }
        return v.firstSeen().toString();
    }
}
