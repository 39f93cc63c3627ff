package dev.newsharvester.query;

import dev.newsharvester.discover.UrlCanonicalizer;
import dev.newsharvester.fingerprint.MinHash;
import dev.newsharvester.fingerprint.SimHash;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.CleanCopy;
import dev.newsharvester.store.SimHashHit;
import dev.newsharvester.store.StoredVersion;
import dev.newsharvester.store.StoryHit;
import dev.newsharvester.store.VersionKey;
import java.time.Duration;
import java.time.Instant;
import dev.newsharvester.store.HistoryEvent;
import dev.newsharvester.store.UrlHistory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The read side. Every question is answered by GetItem, BatchGetItem or Query on the table or a
 * GSI (never a Scan), plus reads of clean copies from the archive where texts are compared.
 */
public final class ArticleQueries {

    /** Estimated word-set similarity at or above which two articles are taken as the same story (measured, see FingerprintBench). */
    public static final double STORY_THRESHOLD = 0.20;
    /** How far apart in time (published, else first seen) two articles may be and still be one story. */
    public static final Duration STORY_WINDOW = Duration.ofDays(3);
    /** Near-duplicates (SimHash within 3 bits) must also share this much of their word sets: it drops chance SimHash collisions. */
    public static final double NEAR_DUPLICATE_MIN_SIMILARITY = 0.5;

    private static final Pattern SHA256 = Pattern.compile("(?i)[0-9a-f]{64}");

    /** The most addresses of one article {@link #timeline} follows. */
    public static final int MAX_ADDRESSES = 10;

    private final ArticleIndex index;
    private final Supplier<Archive> archiveSource;
    /** The archive, once {@link #text} first needed it. */
    private volatile Archive archive;
    /** Reads a clean copy's bytes by key without the archive's client (the embedded store's files), or null. */
    private final Function<String, byte[]> cleanFiles;

    public ArticleQueries(ArticleIndex index, Archive archive) {
        this(index, constant(Objects.requireNonNull(archive, "archive")));
    }

    /**
     * Queries whose archive is made on the first clean-copy read ({@link #text}): the lookups answered from the
     * index alone never open it (on the embedded store, never start s3proxy).
     */
    public ArticleQueries(ArticleIndex index, Supplier<Archive> archive) {
        this(index, archive, null);
    }

    /**
     * Queries that read clean copies through {@code cleanFiles} (key to bytes; the embedded store reads its files
     * directly, so a read-only command never starts its S3 server) and use the archive for nothing else.
     */
    public ArticleQueries(ArticleIndex index, Supplier<Archive> archive, Function<String, byte[]> cleanFiles) {
        this.index = Objects.requireNonNull(index, "index");
        this.archiveSource = Objects.requireNonNull(archive, "archive");
        this.cleanFiles = cleanFiles;
    }

    private static Supplier<Archive> constant(Archive archive) {
        return () -> archive;
    }

    /** All versions of a URL, newest first. */
    public List<StoredVersion> versions(String url) {
        return index.versions(UrlCanonicalizer.canonicalize(url));
    }

    /** All versions of a URL, newest first, each with what changed since the one before (reads every version's clean copy). */
    public List<VersionChange> history(String url) {
        return changes(versions(url));
    }

    /**
     * A URL's whole history: its versions with what changed, its lifecycle entries (deleted, redirected, restored),
     * and those of every other address of the same article (a moved slug), followed up to {@value #MAX_ADDRESSES}
     * addresses.
     */
    public Timeline timeline(String url) {
        Deque<String> todo = new ArrayDeque<>(List.of(UrlCanonicalizer.canonicalize(url)));
        Set<String> addresses = new LinkedHashSet<>();
        List<VersionChange> versions = new ArrayList<>();
        List<HistoryEvent> events = new ArrayList<>();
        while (!todo.isEmpty() && addresses.size() < MAX_ADDRESSES) {
            String address = todo.poll();
            if (addresses.add(address)) {
                UrlHistory h = index.history(address);
                versions.addAll(changes(h.versions()));
                events.addAll(h.events());
                todo.addAll(h.otherAddresses());
            }
        }
        return new Timeline(List.copyOf(addresses), versions, events);
    }

    private List<VersionChange> changes(List<StoredVersion> versions) {
        List<VersionChange> out = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < versions.size(); i++) {
            StoredVersion v = versions.get(i);
            if (i + 1 == versions.size()) {
                out.add(new VersionChange(v, null));
                continue;
            }
            StoredVersion previous = versions.get(i + 1);
            String now = texts.computeIfAbsent(v.copies().cleanKey(), k -> text(v));
            String before = texts.computeIfAbsent(previous.copies().cleanKey(), k -> text(previous));
            out.add(new VersionChange(v, VersionChange.Change.between(previous, before, v, now)));
        }
        return out;
    }

    /** Every URL whose text has this SHA-256. */
    public List<StoredVersion> byHash(String sha256) {
        return index.byHash(requireSha256(sha256));
    }

    /**
     * An outlet's articles in a time range (by publication time, else first sight), one row per URL
     * (its newest version), newest first. Rows are listing views (no sightings; see {@link #versions}).
     */
    public List<StoredVersion> byOutlet(String outlet, Instant since, Instant until) {
        Map<String, StoredVersion> newestPerUrl = new LinkedHashMap<>();
        for (StoredVersion v : index.byOutlet(outlet, since, until)) {
            newestPerUrl.merge(v.url(), v, ArticleQueries::newer);
        }
        return new ArrayList<>(newestPerUrl.values());
    }

    /** Of two listing rows of one URL, the version first seen later. */
    private static StoredVersion newer(StoredVersion a, StoredVersion b) {
        return a.firstSeen().isAfter(b.firstSeen()) ? a : b;
    }

    /**
     * As {@link #byOutlet(String, Instant, Instant)}, the newest {@code limit} URLs only (0: all), plus one more when
     * there are more (so a caller can say so): the index is read page by page and no further than that.
     */
    public List<StoredVersion> byOutlet(String outlet, Instant since, Instant until, int limit) {
        if (limit <= 0) {
            return byOutlet(outlet, since, until);
        }
        Map<String, StoredVersion> newestPerUrl = new LinkedHashMap<>();
        try (java.util.stream.Stream<StoredVersion> rows = index.streamByOutlet(outlet, since, until, false,
                Math.min(limit + 1, 1000))) {
            for (java.util.Iterator<StoredVersion> it = rows.iterator(); it.hasNext(); ) {
                StoredVersion v = it.next();
                if (!newestPerUrl.containsKey(v.url()) && newestPerUrl.size() > limit) {
                    break;
                }
                newestPerUrl.merge(v.url(), v, ArticleQueries::newer);
            }
        }
        return new ArrayList<>(newestPerUrl.values());
    }

    /**
     * Near-copies of a text, closest first: versions whose SimHash is within {@code maxDistance}
     * bits (0..3) and whose word sets agree at least {@link #NEAR_DUPLICATE_MIN_SIMILARITY}, with
     * every other URL carrying one of those texts word for word. The text is a URL's current
     * version (the URL itself is left out), or a SHA-256 of a stored text (every URL with it is listed).
     */
    public List<SimilarMatch> similar(String urlOrHash, int maxDistance) {
        boolean byUrl = !isSha256(urlOrHash);
        StoredVersion self = resolve(urlOrHash);
        long simhash = SimHash.parseHex(Optional.ofNullable(self.sketch().simhash())
                .orElseThrow(() -> new IllegalArgumentException("no SimHash stored for " + self.url())));
        List<SimHashHit> hits = index.nearDuplicates(simhash, maxDistance);
        Map<VersionKey, StoredVersion> full = new LinkedHashMap<>();
        index.getAll(hits.stream().map(SimHashHit::key).toList()).forEach(v -> full.put(v.key(), v));
        if (self.sketch().minhash() == null) {
            index.get(self.url(), self.hash()).ifPresent(v -> full.put(v.key(), v));
        }
        StoredVersion selfFull = full.getOrDefault(self.key(), self);
        List<SimilarMatch> out = new ArrayList<>();
        Set<VersionKey> seen = new HashSet<>();
        for (SimHashHit hit : hits) {
            StoredVersion v = full.get(hit.key());
            if (v == null) {
                continue;
            }
            MinHash theirs = v.sketch().minhash();
            MinHash ours = selfFull.sketch().minhash();
            double similarity = v.hash().equals(self.hash()) ? 1.0
                    : theirs == null || ours == null ? Double.NaN : ours.similarity(theirs);
            if (similarity < NEAR_DUPLICATE_MIN_SIMILARITY) {
                continue;
            }
            // the hit stands for every URL with its text (duplicates have no SimHash entries of their own)
            for (StoredVersion copy : withDuplicates(v)) {
                if (!(byUrl && copy.url().equals(self.url())) && seen.add(copy.key())) {
                    out.add(new SimilarMatch(copy, hit.distance(), similarity));
                }
            }
        }
        return out;
    }

    /**
     * Other outlets' coverage of the story of this URL's current version, best first: articles
     * within {@link #STORY_WINDOW} that share an LSH band with it and whose estimated word-set
     * similarity reaches {@link #STORY_THRESHOLD}, and other outlets' copies of the same text
     * (marked {@link StoryMatch#sameText()}). One row per URL.
     */
    public List<StoryMatch> story(String url) {
        StoredVersion listed = current(url).orElseThrow(() -> new IllegalArgumentException("URL not in the index: " + url));
        StoredVersion self = listed.sketch().minhash() != null ? listed
                : index.get(listed.url(), listed.hash()).orElse(listed);
        Map<String, StoryMatch> best = new LinkedHashMap<>();
        for (StoredVersion copy : index.byHash(self.hash())) {
            if (!copy.outlet().equals(self.outlet())) {
                best.put(copy.url(), new StoryMatch(copy, 1.0, true));
            }
        }
        MinHash signature = self.sketch().minhash();
        if (signature != null && !signature.isEmpty()) {
            Instant at = ArticleIndex.timeOf(self);
            Map<VersionKey, Double> scores = new LinkedHashMap<>();
            for (StoryHit hit : index.storyCandidates(signature, at.minus(STORY_WINDOW), at.plus(STORY_WINDOW))) {
                if (hit.outlet().equals(self.outlet()) || hit.key().hash().equals(self.hash()) || hit.minhash() == null) {
                    continue;
                }
                double score = signature.similarity(hit.minhash());
                if (score >= STORY_THRESHOLD) {
                    scores.put(hit.key(), score);
                }
            }
            for (StoredVersion v : index.getAll(scores.keySet())) {
                double score = scores.get(v.key());
                for (StoredVersion copy : withDuplicates(v)) {
                    if (!copy.outlet().equals(self.outlet())) {
                        best.merge(copy.url(), new StoryMatch(copy, score, false), (a, b) -> a.score() >= b.score() ? a : b);
                    }
                }
            }
        }
        return best.values().stream().sorted(Comparator.comparingDouble(StoryMatch::score).reversed()
                .thenComparing(m -> m.version().url())).toList();
    }

    /** The current (last seen) version of a URL. */
    public Optional<StoredVersion> current(String url) {
        return index.latest(UrlCanonicalizer.canonicalize(url));
    }

    /** The clean text of one version, read from its clean copy in the archive. */
    public String text(StoredVersion v) {
        return cleanCopy(v).article().text();
    }

    /** The clean copy of one version (article, fingerprints, capture), read from the archive. */
    public CleanCopy.Document cleanCopy(StoredVersion v) {
        if (v.copies().cleanKey() == null) {
            throw new IllegalStateException("version " + v.hash() + " of " + v.url() + " has no clean copy");
        }
        if (cleanFiles != null) {
            return CleanCopy.read(cleanFiles.apply(v.copies().cleanKey()));
        }
        Archive a = archive;
        if (a == null) {
            a = Objects.requireNonNull(archiveSource.get(), "archive");
            archive = a;
        }
        return CleanCopy.read(a.getClean(v.copies().cleanKey()));
    }

    /**
     * An outlet's versions with {@code ts} (published, else first seen) in [since, until], oldest first, read from the
     * outlet index page by page as the stream is consumed (memory: one page, whatever the range holds). Close it.
     */
    public java.util.stream.Stream<StoredVersion> eachByOutlet(String outlet, Instant since, Instant until) {
        return index.streamByOutlet(outlet, since, until);
    }

    /** One address's versions (newest first) and lifecycle entries (oldest first), without following redirects. */
    public UrlHistory addressHistory(String url) {
        return index.history(url);
    }

    /**
     * Two versions of a URL with their texts: by default the newest and the one before it;
     * {@code fromHash}/{@code toHash} pick others (a unique prefix is enough).
     */
    public Comparison compare(String url, String fromHash, String toHash) {
        List<StoredVersion> versions = versions(url);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("URL not in the index: " + url);
        }
        StoredVersion to = toHash == null ? versions.get(0) : pick(versions, toHash);
        // by default the version before `to` (versions are newest first); a single version compares with itself
        StoredVersion from = fromHash != null ? pick(versions, fromHash)
                : versions.get(Math.min(versions.indexOf(to) + 1, versions.size() - 1));
        return new Comparison(from, to, text(from), text(to));
    }

    /** A unified diff between two versions of a URL (see {@link #compare}). */
    public String diff(String url, String fromHash, String toHash) {
        return compare(url, fromHash, toHash).unified();
    }

    /** The version a URL or a SHA-256 names: the URL's current version, or a stored version with that text. */
    private StoredVersion resolve(String urlOrHash) {
        if (isSha256(urlOrHash)) {
            List<StoredVersion> rows = index.byHash(urlOrHash.toLowerCase(Locale.ROOT));
            return rows.stream().filter(v -> v.duplicateOf() == null).findFirst()
                    .or(() -> rows.stream().findFirst())
                    .orElseThrow(() -> new IllegalArgumentException("no stored text has the SHA-256 " + urlOrHash));
        }
        return current(urlOrHash).orElseThrow(() -> new IllegalArgumentException("URL not in the index: " + urlOrHash));
    }

    private static boolean isSha256(String s) {
        return s != null && SHA256.matcher(s).matches();
    }

    /** A version and every other URL whose text is the same. */
    private List<StoredVersion> withDuplicates(StoredVersion v) {
        List<StoredVersion> all = new ArrayList<>(List.of(v));
        for (StoredVersion copy : index.byHash(v.hash())) {
            if (!copy.url().equals(v.url())) {
                all.add(copy);
            }
        }
        return all;
    }

    /** The version a key names: whole, a unique prefix, or as {@code query versions} shows it ({@link Comparison#shortKey}). */
    private static StoredVersion pick(List<StoredVersion> versions, String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        List<StoredVersion> exact = versions.stream().filter(v -> v.hash().equals(p) || Comparison.shortKey(v.hash()).equals(p)).toList();
        List<StoredVersion> hits = exact.size() == 1 ? exact
                : versions.stream().filter(v -> v.hash().startsWith(p) || Comparison.shortKey(v.hash()).startsWith(p)).toList();
        if (hits.size() != 1) {
            throw new IllegalArgumentException((hits.isEmpty() ? "no version" : "more than one version")
                    + " of this URL has a hash starting with " + prefix);
        }
        return hits.get(0);
    }

    private static String requireSha256(String hash) {
        if (hash == null || !SHA256.matcher(hash).matches()) {
            throw new IllegalArgumentException("'" + hash + "' is not a SHA-256 (64 hex digits)");
        }
        return hash.toLowerCase(Locale.ROOT);
    }
}
