package dev.newsharvester.local;

import dev.newsharvester.change.AtomFeeds;
import dev.newsharvester.change.ChangeEvent;
import dev.newsharvester.change.ChangeKind;
import dev.newsharvester.change.ChangeSink;
import dev.newsharvester.pipeline.ArticleOutcome;
import dev.newsharvester.pipeline.HarvestReport;
import dev.newsharvester.pipeline.Harvester;
import dev.newsharvester.pipeline.Outcome;
import dev.newsharvester.pipeline.ProgressListener;
import dev.newsharvester.query.ArticleQueries;
import dev.newsharvester.query.Comparison;
import dev.newsharvester.query.Timeline;
import dev.newsharvester.store.StoredVersion;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The demo's third round, an article's later life: the site edits one headline (body unchanged), deletes one article
 * (404, and drops it from its feed) and moves one (its old address answers 301 to a new slug, which the feed lists
 * instead). Two harvests: the first sees all three (the deletion only as "gone?"), the second confirms the deletion.
 * The demo's harvester confirms a deletion at the first check after its first sign ({@link #DELETION_CONFIRM_AFTER}
 * zero; an hour by default), so the second harvest, a moment later, confirms it. Every change is published to the
 * change log, the Atom feeds and their diff pages (in {@code <data>/feeds}) and recorded for the printout.
 */
public final class DemoLifecycleRound {

    /** The demo's delay between the first sign of a deletion and the check that may confirm it. */
    public static final Duration DELETION_CONFIRM_AFTER = Duration.ZERO;

    /**
     * What round 3 showed, for tests.
     *
     * @param harvest        the first harvest of round 3
     * @param confirm        the second one, which confirms the deletion
     * @param changes        the change events published during round 3, in order
     * @param headlineEdit   the REVISED event of the headline edit (null if none was seen)
     * @param deleted        the DELETED event (null if none)
     * @param moved          the REDIRECTED event of the moved article (null if none)
     * @param movedTimeline  the history of the moved article's old address ({@code query versions})
     * @param feeds          the Atom feed files under the data directory
     * @param diffPage       the headline edit's diff page under the data directory (null if none)
     */
    public record Result(HarvestReport harvest, HarvestReport confirm, List<ChangeEvent> changes,
            ChangeEvent headlineEdit, ChangeEvent deleted, ChangeEvent moved, Timeline movedTimeline,
            List<Path> feeds, Path diffPage) {

        public long count(Outcome outcome) {
            return Stream.of(harvest, confirm).mapToLong(r -> r.total(outcome)).sum();
        }
    }

    /** A change sink that keeps every event it passes on, so the demo can tell what was published. */
    static final class Recorder implements ChangeSink {
        private final ChangeSink next;
        private final List<ChangeEvent> events = new ArrayList<>();

        Recorder(ChangeSink next) {
            this.next = next;
        }

        @Override
        public void publish(ChangeEvent event) {
            synchronized (events) {
                events.add(event);
            }
            next.publish(event);
        }

        List<ChangeEvent> since(int from) {
            synchronized (events) {
                return List.copyOf(events.subList(from, events.size()));
            }
        }

        int size() {
            synchronized (events) {
                return events.size();
            }
        }
    }

    private DemoLifecycleRound() {
    }

    static Result run(DemoSite site, Harvester harvester, Recorder recorder, ArticleQueries queries, Path dataDir,
            PrintStream out, ProgressListener listener, Consumer<HarvestReport> finished) throws IOException {
        site.setRound(3);
        int from = recorder.size();
        out.println();
        out.println("== Round 3: the site edited a headline, deleted an article and moved one to a new address ==");
        HarvestReport harvest = harvester.harvest(List.of(), listener);
        finished.accept(harvest);
        Demo.print(harvest, out);
        out.println();
        out.println("== Round 3, a second look: a deletion is confirmed by a second check (the demo waits "
                + DELETION_CONFIRM_AFTER.toSeconds() + " s between them; 1 h by default) ==");
        HarvestReport confirm = harvester.harvest(List.of(), listener);
        finished.accept(confirm);
        Demo.print(confirm, out);

        List<ChangeEvent> changes = recorder.since(from);
        ChangeEvent headline = first(changes, e -> e.kind() == ChangeKind.REVISED && e.changes().headlineChanged());
        ChangeEvent deleted = first(changes, e -> e.kind() == ChangeKind.DELETED);
        ChangeEvent moved = first(changes, e -> e.kind() == ChangeKind.REDIRECTED && e.sameArticle());
        Result partial = new Result(harvest, confirm, changes, headline, deleted, moved, null, List.of(), null);
        out.println();
        out.println("== What round 3 shows ==");
        out.printf("Outcomes: REVISED %d, DELETED %d, REDIRECTED %d (both harvests of round 3)%n",
                partial.count(Outcome.REVISED), partial.count(Outcome.DELETED), partial.count(Outcome.REDIRECTED));
        if (headline != null) {
            out.println("REVISED    " + headline.url() + " — headline only"
                    + (headline.changes().bodyChanged() ? " (and body)" : " (body unchanged)") + ":");
            out.println("    \u201c" + headline.changes().headlineBefore() + "\u201d \u2192 \u201c"
                    + headline.changes().headlineAfter() + "\u201d");
        }
        if (deleted != null) {
            String why = Stream.of(harvest, confirm).flatMap(r -> r.outcomes().stream())
                    .filter(o -> o.outcome() == Outcome.DELETED).map(ArticleOutcome::reason).findFirst().orElse("");
            out.println("DELETED    " + deleted.url() + " — " + why);
        }
        Timeline timeline = null;
        if (moved != null) {
            out.println("REDIRECTED " + moved.url() + " \u2192 " + moved.redirectTo() + " (the same article)");
            timeline = queries.timeline(moved.url());
            out.println("  query versions " + moved.url() + ":");
            printTimeline(timeline, out);
        }
        Map<ChangeKind, Long> kinds = new EnumMap<>(ChangeKind.class);
        changes.forEach(e -> kinds.merge(e.kind(), 1L, Long::sum));
        out.println("Changes published in round 3 (change log, Atom feeds, diff pages): " + kinds.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        Path feedsDir = dataDir.resolve("feeds");
        List<Path> feeds = new ArrayList<>();
        for (String outlet : DemoSite.OUTLETS) {
            Path feed = feedsDir.resolve(AtomFeeds.feedName(outlet));
            if (Files.isRegularFile(feed)) {
                feeds.add(feed.toAbsolutePath());
                out.println("Atom feed: " + feed.toAbsolutePath());
            }
        }
        Path page = headline == null ? null : feedsDir.resolve(AtomFeeds.pageName(headline)).toAbsolutePath();
        if (page != null && Files.isRegularFile(page)) {
            out.println("The headline edit, side by side in a browser: " + page);
        } else {
            page = null;
        }
        if (moved != null) {
            out.println("Query it: java -jar target/news-harvester.jar query versions " + moved.redirectTo()
                    + " --data " + dataDir);
        }
        return new Result(harvest, confirm, changes, headline, deleted, moved, timeline, List.copyOf(feeds), page);
    }

    /** The rows {@code query versions} shows, newest first, with the address of each. */
    private static void printTimeline(Timeline timeline, PrintStream out) {
        out.println("    one article at " + timeline.addresses().size() + " address(es): "
                + String.join(", ", timeline.addresses()));
        for (Timeline.Entry e : timeline.entries()) {
            if (e.version() != null) {
                StoredVersion v = e.version().version();
                out.printf("    %s  %s  version %s  %s%n", e.at(), v.url(), Comparison.shortKey(v.hash()),
                        e.version().change() == null ? "(first version)" : e.version().change().summary());
            } else {
                out.printf("    %s  %s  (%s) %s%n", e.at(), e.event().url(),
                        e.event().kind().name().toLowerCase(Locale.ROOT), Timeline.describe(e.event()));
            }
        }
    }

    private static ChangeEvent first(List<ChangeEvent> events, Predicate<ChangeEvent> p) {
        return events.stream().filter(p).findFirst().orElse(null);
    }
}
