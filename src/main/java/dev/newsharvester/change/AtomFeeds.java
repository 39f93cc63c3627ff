package dev.newsharvester.change;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import dev.newsharvester.extract.Article;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.CleanCopy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Per-outlet Atom feeds of changes, {@code <outlet>.atom}, each entry linking the HTML page of its change,
 * {@code <outlet>/<id>.html} (relative, so the same files work in S3 under {@code feeds/} and in a local directory).
 *
 * <p>On each published event: its page is written, then the outlet's feed is regenerated from the change log (the
 * latest {@link #entries} events of the last {@link #WINDOW}), not patched. Regenerating costs one listing and at most
 * {@code entries} small reads per change, and it makes the feed right whatever happened before: two workers
 * publishing changes of one outlet at once each write a feed of the log as they listed it, and the later one holds
 * both; an event whose feed write failed appears with the next change of its outlet.
 */
public final class AtomFeeds implements ChangeSink {

    /** How far back a regenerated feed looks. */
    public static final Duration WINDOW = Duration.ofDays(30);
    public static final int DEFAULT_ENTRIES = 50;

    private final ChangeJournal journal;
    private final Archive archive;
    private final List<FeedTarget> targets;
    private final int entries;
    private final Consumer<String> report;

    public AtomFeeds(ChangeJournal journal, Archive archive, List<FeedTarget> targets, int entries,
            Consumer<String> report) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.archive = Objects.requireNonNull(archive, "archive");
        this.targets = List.copyOf(targets);
        if (entries < 1) {
            throw new IllegalArgumentException("a feed needs at least 1 entry, got " + entries);
        }
        this.entries = entries;
        this.report = Objects.requireNonNull(report, "report");
    }

    /** The latest {@value #DEFAULT_ENTRIES} changes per feed, failures on standard error. */
    public AtomFeeds(ChangeJournal journal, Archive archive, List<FeedTarget> targets) {
        this(journal, archive, targets, DEFAULT_ENTRIES, Reports.STDERR);
    }

    /** {@code <outlet>/<id>.html} */
    public static String pageName(ChangeEvent e) {
        return e.outlet() + "/" + e.id() + ".html";
    }

    /** {@code <outlet>.atom} */
    public static String feedName(String outlet) {
        return outlet + ".atom";
    }

    @Override
    public void publish(ChangeEvent event) {
        try {
            byte[] page = DiffPages.render(event, article(event.cleanKeyBefore()), article(event.cleanKeyAfter()))
                    .getBytes(StandardCharsets.UTF_8);
            byte[] feed = feed(event.outlet(), journal.latest(event.outlet(), entries, event.at().minus(WINDOW)))
                    .getBytes(StandardCharsets.UTF_8);
            for (FeedTarget target : targets) {
                target.put(pageName(event), page, "text/html; charset=utf-8");
                target.put(feedName(event.outlet()), feed, "application/atom+xml; charset=utf-8");
            }
        } catch (RuntimeException e) {
            report.accept(Reports.line("the Atom feed", event, e.toString()));
        }
    }

    /** The clean copy's article, or null when there is none (or it cannot be read: the page shows the titles). */
    private Article article(String cleanKey) {
        if (cleanKey == null) {
            return null;
        }
        try {
            return CleanCopy.read(archive.getClean(cleanKey)).article();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The Atom document of an outlet's events, newest first. */
    static String feed(String outlet, List<ChangeEvent> events) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle("news-harvester: changes at " + outlet);
        feed.setUri("urn:news-harvester:changes:" + outlet);
        feed.setDescription("New, revised, deleted, moved and restored articles of " + outlet);
        SyndLink self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(feedName(outlet));
        feed.setLinks(List.of(self));
        feed.setPublishedDate(Date.from(events.isEmpty() ? java.time.Instant.EPOCH : events.get(0).at()));
        List<SyndEntry> list = new ArrayList<>();
        for (ChangeEvent e : events) {
            SyndEntry entry = new SyndEntryImpl();
            String title = e.titleAfter() != null ? e.titleAfter() : e.titleBefore() != null ? e.titleBefore() : e.url();
            entry.setTitle(EventBridgeSink.detailType(e.kind()) + ": " + title);
            entry.setUri("urn:news-harvester:change:" + e.id());
            entry.setLink(pageName(e));
            entry.setUpdatedDate(Date.from(e.at()));
            entry.setPublishedDate(Date.from(e.at()));
            SyndContent summary = new SyndContentImpl();
            summary.setType("text");
            summary.setValue(DiffPages.summary(e) + (e.changes().headlineChanged() ? ": \u201c" + e.changes().headlineBefore()
                    + "\u201d \u2192 \u201c" + e.changes().headlineAfter() + "\u201d" : "") + " \u2014 " + e.url());
            entry.setDescription(summary);
            list.add(entry);
        }
        feed.setEntries(list);
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write the Atom feed of " + outlet + ": " + e.getMessage(), e);
        }
    }
}
