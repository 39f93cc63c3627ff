package dev.newsharvester.pipeline;

import dev.newsharvester.change.ChangeEvent;
import dev.newsharvester.change.ChangeKind;
import dev.newsharvester.change.ChangeSink;
import dev.newsharvester.change.Changes;
import dev.newsharvester.extract.Article;
import dev.newsharvester.fingerprint.TextNormalizer;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.CleanCopy;
import dev.newsharvester.store.StoredVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What changed between a stored version and a newly extracted article, as a reader would say it ({@link Changes}). */
final class Revisions {

    private final Archive archive;
    private final ChangeSink sink;

    Revisions(Archive archive, ChangeSink sink) {
        this.archive = archive;
        this.sink = sink == null ? ChangeSink.NONE : sink;
    }

    /** Publishes NEW (no version before) or REVISED (with what changed) for {@code after}, indexed already. */
    void publish(ArticleTask task, Instant at, Optional<StoredVersion> before, StoredVersion after, Article article,
            String bodyHash) {
        StoredVersion b = before.orElse(null);
        ChangeKind kind = b == null ? ChangeKind.NEW : ChangeKind.REVISED;
        String was = b == null ? null : b.hash();
        Changes changes = b == null ? Changes.NONE : between(b, article, bodyHash);
        sink.publish(new ChangeEvent(ChangeEvent.idOf(kind, task.url(), was, after.hash(), null), kind, task.outlet(),
                task.url(), at, was, after.hash(), b == null ? null : b.reader().title(), article.title(),
                b == null ? null : b.copies().cleanKey(), after.copies().cleanKey(), changes, null, false));
    }

    /**
     * The changes from {@code before} to {@code after}; the paragraphs are counted against the text of
     * {@code before}'s clean copy (one read) when the body changed, and left at 0 if that copy cannot be read.
     */
    Changes between(StoredVersion before, Article after, String bodyHashAfter) {
        ReaderView was = ReaderView.of(before.reader().title(), before.reader().authors());
        ReaderView now = ReaderView.of(after.title(), after.authors());
        boolean headline = !was.headline().equals(now.headline());
        Set<String> added = new java.util.TreeSet<>(now.authors());
        added.removeAll(was.authors());
        Set<String> removed = new java.util.TreeSet<>(was.authors());
        removed.removeAll(now.authors());
        int paragraphs = 0;
        if (!before.body().equals(bodyHashAfter)) {
            paragraphs = previousText(before).map(text -> paragraphsChanged(text, after.text())).orElse(0);
        }
        return new Changes(headline ? before.reader().title() : null, headline ? after.title() : null,
                names(after.authors(), added), names(before.reader().authors(), removed), before.sketch().wordCount(),
                after.wordCount(), paragraphs);
    }

    /** Paragraphs edited, added or removed: an edit counts once (one paragraph out, one in). */
    static int paragraphsChanged(String before, String after) {
        Map<String, Integer> counts = new HashMap<>();
        for (String p : paragraphs(before)) {
            counts.merge(p, 1, Integer::sum);
        }
        int added = 0;
        for (String p : paragraphs(after)) {
            if (counts.getOrDefault(p, 0) > 0) {
                counts.merge(p, -1, Integer::sum);
            } else {
                added++;
            }
        }
        int removed = counts.values().stream().mapToInt(Integer::intValue).sum();
        return Math.max(added, removed);
    }

    private static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String p : (text == null ? "" : text).split("\\n\\s*\\n")) {
            String n = ReaderView.normalize(TextNormalizer.normalize(p));
            if (!n.isEmpty()) {
                out.add(n);
            }
        }
        return out;
    }

    /** The names as the page gave them whose case-folded form is in {@code folded}. */
    private static List<String> names(List<String> given, Set<String> folded) {
        List<String> out = new ArrayList<>();
        for (String name : given) {
            ReaderView one = ReaderView.of("", List.of(name));
            if (!one.authors().isEmpty() && folded.contains(one.authors().first())) {
                out.add(name);
            }
        }
        return out;
    }

    private Optional<String> previousText(StoredVersion before) {
        if (before.copies().cleanKey() == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(CleanCopy.read(archive.getClean(before.copies().cleanKey())).article().text());
        } catch (RuntimeException unreadable) {
            return Optional.empty();   // the counts of words and the headline still say what changed
        }
    }
}
