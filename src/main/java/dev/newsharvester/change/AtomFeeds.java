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
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.SyndFeedOutput;
import dev.newsharvester.extract.Article;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.CleanCopy;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Per-outlet Atom feeds of changes, {@code <outlet>.atom}, each entry linking the HTML page of its change,
 * {@code <outlet>/<id>.html} (relative, so the same files work in S3 under {@code feeds/} and in a local directory).
 *
 * <p>On each published event: its page is written, then the outlet's feed is regenerated from the change log (the
 * latest {@code entries} events of the last {@link #WINDOW}), not patched: the listing of the log decides which
 * entries the feed holds, so it is right whatever happened before (two workers publishing changes of one outlet at
 * once each write a feed of the log as they listed it, and the later one holds both; an event whose feed write failed
 * appears with the next change of its outlet). Entries the current feed already has are taken from it, so a change
 * costs one listing, one read of the feed and the new event (usually already in hand), not a read per entry.
 */
public final class AtomFeeds implements ChangeSink {

    /** How far back a regenerated feed looks. */
    public static final Duration WINDOW = Duration.ofDays(30);
    public static final int DEFAULT_ENTRIES = 50;
    /** An entry's id is this and the change's id. */
    public static final String URN = "urn:news-harvester:change:";

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
            byte[] feed = feed(event.outlet(), latestEntries(event)).getBytes(StandardCharsets.UTF_8);
            for (FeedTarget target : targets) {
                target.put(pageName(event), page, "text/html; charset=utf-8");
                target.put(feedName(event.outlet()), feed, "application/atom+xml; charset=utf-8");
            }
        } catch (RuntimeException e) {
            report.accept(Reports.line("the Atom feed", event, e.toString()));
        }
    }

    /** The feed's entries from the log's latest keys: known ones from the current feed, the others read. */
    private List<SyndEntry> latestEntries(ChangeEvent event) {
        Map<String, SyndEntry> known = currentEntries(event.outlet());
        List<SyndEntry> out = new ArrayList<>();
        for (String key : journal.latestKeys(event.outlet(), entries, event.at().minus(WINDOW))) {
            String id = ChangeJournal.idOf(key);
            SyndEntry entry = known.get(URN + id);
            out.add(entry != null ? entry : entry(id.equals(event.id()) ? event : journal.read(key)));
        }
        return out;
    }

    /** The entries of the outlet's current feed (in the first target) by id; none when there is no readable feed. */
    private Map<String, SyndEntry> currentEntries(String outlet) {
        Map<String, SyndEntry> out = new HashMap<>();
        Optional<byte[]> current = targets.isEmpty() ? Optional.empty() : targets.get(0).read(feedName(outlet));
        if (current.isPresent()) {
            try {
                SyndFeedInput input = new SyndFeedInput();
                input.setAllowDoctypes(false);
                input.build(new StringReader(new String(current.get(), StandardCharsets.UTF_8))).getEntries()
                        .forEach(e -> out.put(e.getUri(), e));
            } catch (FeedException | RuntimeException e) {
                return Map.of();   // regenerated whole from the log
            }
        }
        return out;
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
    static String feed(String outlet, List<SyndEntry> entries) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle("news-harvester: changes at " + outlet);
        feed.setUri("urn:news-harvester:changes:" + outlet);
        feed.setDescription("New, revised, deleted, moved and restored articles of " + outlet);
        SyndLink self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(feedName(outlet));
        feed.setLinks(List.of(self));
        feed.setPublishedDate(entries.isEmpty() ? new Date(0) : entries.get(0).getUpdatedDate());
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write the Atom feed of " + outlet + ": " + e.getMessage(), e);
        }
    }

    /** The entry of one change: its kind and headline, what changed, a link to its page. */
    static SyndEntry entry(ChangeEvent e) {
        SyndEntry entry = new SyndEntryImpl();
        String title = e.titleAfter() != null ? e.titleAfter() : e.titleBefore() != null ? e.titleBefore() : e.url();
        entry.setTitle(EventBridgeSink.detailType(e.kind()) + ": " + title);
        entry.setUri(URN + e.id());
        entry.setLink(pageName(e));
        entry.setUpdatedDate(Date.from(e.at()));
        entry.setPublishedDate(Date.from(e.at()));
        SyndContent summary = new SyndContentImpl();
        summary.setType("text");
        summary.setValue(DiffPages.summary(e) + (e.changes().headlineChanged() ? ": \u201c" + e.changes().headlineBefore()
                + "\u201d \u2192 \u201c" + e.changes().headlineAfter() + "\u201d" : "") + " \u2014 " + e.url());
        entry.setDescription(summary);
        return entry;
    }
}
