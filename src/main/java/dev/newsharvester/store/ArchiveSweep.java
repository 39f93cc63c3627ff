package dev.newsharvester.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, and deletes, archived objects that no index item names: the raw and clean copies written by a
 * run that died before its index write (the index item is written last). A rerun writes the same keys
 * when the page is unchanged, but a page changed in between gets new keys, and the old objects would
 * stay forever.
 *
 * <p>What the index knows is read per outlet with the {@code outlet-index} Query (never a Scan): every
 * version's {@code rawKey} and {@code cleanKey}; a duplicate's {@code cleanKey} names its original's copy,
 * perhaps under another outlet, so the known keys of every outlet in the archive are gathered before any
 * object is judged. Objects younger than {@code minAge} are left alone: their index write may be in flight
 * (and the GSI is eventually consistent). Objects outside the {@code raw/outlet=…} / {@code clean/outlet=…}
 * layout are not touched.
 */
public final class ArchiveSweep {
    private static final Pattern LAYOUT = Pattern.compile("(?:raw|clean)/outlet=([a-z0-9-]+)/.+");

    /** What a sweep found: objects examined, orphans (deleted unless a dry run), and those too young to judge. */
    public record Result(int examined, List<Archive.Entry> orphans, int tooYoung, int unrecognised, boolean deleted) {
    }

    private final Archive archive;
    private final ArticleIndex index;
    private final Clock clock;

    public ArchiveSweep(Archive archive, ArticleIndex index, Clock clock) {
        this.archive = archive;
        this.index = index;
        this.clock = clock;
    }

    /** Lists the orphans older than {@code minAge} and, unless {@code dryRun}, deletes them. */
    public Result run(Duration minAge, boolean dryRun) {
        if (minAge == null || minAge.isNegative()) {
            throw new IllegalArgumentException("--min-age must be a duration of zero or more (e.g. PT1H), was: " + minAge);
        }
        // a folder at a time (Archive.walk): a flat listing of a large embedded store times out in s3proxy's file store
        List<Archive.Entry> objects = new ArrayList<>(archive.walk("raw/"));
        objects.addAll(archive.walk("clean/"));
        Set<String> outlets = new TreeSet<>();
        int unrecognised = 0;
        for (Archive.Entry e : objects) {
            Matcher m = LAYOUT.matcher(e.key());
            if (m.matches()) {
                outlets.add(m.group(1));
            } else {
                unrecognised++;
            }
        }
        Set<String> known = new HashSet<>();
        for (String outlet : outlets) {
            for (StoredVersion v : index.byOutlet(outlet, null, null)) {
                if (v.copies().rawKey() != null) {
                    known.add(v.copies().rawKey());
                }
                if (v.copies().cleanKey() != null) {
                    known.add(v.copies().cleanKey());
                }
            }
        }
        Instant cutoff = clock.instant().minus(minAge);
        List<Archive.Entry> orphans = new ArrayList<>();
        int tooYoung = 0;
        for (Archive.Entry e : objects) {
            if (!LAYOUT.matcher(e.key()).matches() || known.contains(e.key())) {
                continue;
            }
            if (e.lastModified() == null || e.lastModified().isAfter(cutoff)) {
                tooYoung++;
            } else {
                orphans.add(e);
            }
        }
        if (!dryRun) {
            orphans.forEach(e -> archive.delete(e.key()));
        }
        return new Result(objects.size(), List.copyOf(orphans), tooYoung, unrecognised, !dryRun);
    }
}
