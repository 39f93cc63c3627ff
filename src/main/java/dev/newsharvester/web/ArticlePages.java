package dev.newsharvester.web;

import dev.newsharvester.change.DiffPages;
import dev.newsharvester.query.Comparison;
import dev.newsharvester.query.StoryMatch;
import dev.newsharvester.query.Timeline;
import dev.newsharvester.query.VersionChange;
import dev.newsharvester.store.HistoryEvent;
import dev.newsharvester.store.StoredVersion;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One article: its history ({@link Timeline}: every version with what changed, and its lifecycle entries, across
 * the addresses of a moved article), two versions side by side (headline, byline and text, word by word, as the
 * change feeds' pages show them), and other outlets' coverage of the same story.
 */
final class ArticlePages {

    static final Set<String> HISTORY_PARAMS = Set.of("url");
    static final Set<String> DIFF_PARAMS = Set.of("url", "from", "to");
    static final Set<String> STORY_PARAMS = Set.of("url");
    private static final String URL_HINT = "an article's URL, e.g. /article?url=https%3A%2F%2Foutlet.example%2Fnews%2F1";

    private final WebSources sources;

    ArticlePages(WebSources sources) {
        this.sources = sources;
    }

    String history(Params p) {
        String url = p.required("url", URL_HINT);
        Timeline t = sources.queries().timeline(url);
        if (t.versions().isEmpty() && t.events().isEmpty()) {
            throw notInArchive(url);
        }
        StoredVersion latest = t.versions().stream().map(VersionChange::version)
                .max(Comparator.comparing(StoredVersion::firstSeen)).orElse(null);
        StringBuilder rows = new StringBuilder();
        for (Timeline.Entry e : t.entries()) {
            rows.append("<tr class=\"").append(e.version() != null ? "version" : "event").append("\"><td>").append(Html.time(e.at()))
                    .append("</td>");
            if (e.version() != null) {
                StoredVersion v = e.version().version();
                VersionChange.Change c = e.version().change();
                rows.append("<td><span class=\"kind ").append(c == null ? "new" : "revised").append("\">")
                        .append(c == null ? "first version" : "new version").append("</span></td><td><b>")
                        .append(Html.esc(v.reader().title()))
                        .append("</b><br><span class=\"muted\">").append(v.sketch().wordCount()).append(" words · <code>")
                        .append(Html.esc(Comparison.shortKey(v.hash()))).append("</code>")
                        .append(t.addresses().size() > 1 ? " · " + Html.esc(v.url()) : "").append("</span>");
                if (c != null) {
                    rows.append("<br>").append(Html.esc(c.summary())).append(" · ").append(Html.a("/diff?url=" + Html.q(v.url())
                            + "&from=" + Html.q(c.previousHash()) + "&to=" + Html.q(v.hash()), "side by side"));
                }
                rows.append("</td></tr>\n");
            } else {
                HistoryEvent ev = e.event();
                rows.append("<td><span class=\"kind ").append(ev.kind().name().toLowerCase(Locale.ROOT)).append("\">")
                        .append(ev.kind().name()).append("</span></td><td>").append(Html.esc(Timeline.describe(ev)))
                        .append("</td></tr>\n");
            }
        }
        String title = latest != null ? latest.reader().titleOr(url) : url;
        String state = state(t, latest);
        String newestDiff = t.versions().size() > 1 && latest != null ? "<h2>The latest change, side by side</h2>\n"
                + diffTable(sources.queries().compare(latest.url(), null, latest.hash())) : "";
        String body = "<h1>" + Html.esc(title) + "</h1>\n<p class=\"meta\"><span class=\"state " + state + "\">" + state
                + "</span> · " + Html.esc(latest != null ? latest.outlet() : t.events().get(0).outlet()) + " · "
                + "<a class=\"out\" rel=\"noreferrer noopener\" href=\"" + Html.esc(url) + "\">" + Html.esc(url) + "</a></p>\n"
                + (t.addresses().size() > 1 ? "<p class=\"meta\">one article at " + t.addresses().size() + " addresses: "
                        + String.join(", ", t.addresses().stream().map(Html::esc).toList()) + "</p>\n" : "")
                + "<p>" + t.versions().size() + " version(s), " + t.events().size() + " lifecycle entr"
                + (t.events().size() == 1 ? "y" : "ies") + " · "
                + Html.a("/story?url=" + Html.q(url), "the same story in other outlets") + "</p>\n"
                + "<table class=\"rows timeline\"><thead><tr><th>when</th><th>what</th><th>detail</th></tr></thead><tbody>\n"
                + rows + "</tbody></table>\n" + newestDiff;
        return Html.page(title, "", sources.clock().instant(), body);
    }

    /** live, deleted or redirected: what the newest lifecycle entry after the newest version says. */
    private static String state(Timeline t, StoredVersion latest) {
        HistoryEvent last = t.events().stream().max(Comparator.comparing(HistoryEvent::at)).orElse(null);
        Instant seen = latest == null ? null : latest.lastVisit().seen();
        if (last == null || (seen != null && seen.isAfter(last.at()))) {
            return "live";
        }
        return switch (last.kind()) {
            case DELETED -> "deleted";
            case REDIRECTED -> "redirected";
            case SUSPECTED_GONE -> "gone?";
            default -> "live";
        };
    }

    String diff(Params p) {
        String url = p.required("url", URL_HINT);
        if (sources.queries().versions(url).isEmpty()) {
            throw notInArchive(url);
        }
        Comparison c = sources.queries().compare(url, p.get("from"), p.get("to"));
        String title = c.to().reader().titleOr(url);
        String body = "<h1>" + Html.esc(title) + "</h1>\n<p class=\"meta\">" + Html.esc(c.to().outlet()) + " · "
                + Html.a(Html.articleHref(url), "the article's history") + "</p>\n"
                + (c.from().hash().equals(c.to().hash()) ? "<p>The archive holds one version of this article: nothing to compare.</p>"
                        : diffTable(c));
        return Html.page("Changes: " + title, "", sources.clock().instant(), body);
    }

    /** Headline, byline and text of two versions side by side, removed words struck out left, added ones marked right. */
    private String diffTable(Comparison c) {
        return "<p id=\"diff-stats\" class=\"muted\"></p>\n<table class=\"diff\"><thead><tr><th class=\"part\"></th><th>Before: <code>"
                + Html.esc(Comparison.shortKey(c.from().hash())) + "</code> first seen " + Html.time(c.from().firstSeen())
                + "</th><th>After: <code>" + Html.esc(Comparison.shortKey(c.to().hash())) + "</code> first seen "
                + Html.time(c.to().firstSeen()) + "</th></tr></thead><tbody>\n"
                + DiffPages.rows(c.from().reader().title(), c.to().reader().title(),
                        String.join(", ", c.from().reader().authors()), String.join(", ", c.to().reader().authors()),
                        c.fromText(), c.toText())
                + "</tbody></table>\n";
    }

    String story(Params p) {
        String url = p.required("url", URL_HINT);
        StoredVersion self = sources.queries().current(url).orElseThrow(() -> notInArchive(url));
        List<StoryMatch> matches = sources.queries().story(url);
        StringBuilder rows = new StringBuilder();
        for (StoryMatch m : matches) {
            StoredVersion v = m.version();
            rows.append("<tr><td class=\"num\">").append(m.sameText() ? "same text" : String.format(Locale.ROOT, "%.2f", m.score()))
                    .append("</td><td>").append(Html.esc(v.outlet()))
                    .append("</td><td>").append(Html.esc(v.reader().published()))
                    .append("</td><td>").append(Html.a(Html.articleHref(v.url()), v.reader().titleOr(v.url())))
                    .append("</td></tr>\n");
        }
        String body = "<h1>The same story in other outlets</h1>\n<p class=\"meta\">" + Html.esc(self.outlet()) + " · "
                + Html.a(Html.articleHref(self.url()), self.reader().titleOr(self.url())) + "</p>\n"
                + "<p>" + matches.size() + " article(s) from other outlets within "
                + dev.newsharvester.query.ArticleQueries.STORY_WINDOW.toDays() + " days (score: estimated share of content"
                + " words; at least " + dev.newsharvester.query.ArticleQueries.STORY_THRESHOLD + ").</p>\n"
                + "<table class=\"rows story\"><thead><tr><th>score</th><th>outlet</th><th>published</th><th>title</th></tr></thead>"
                + "<tbody>\n" + rows + "</tbody></table>";
        return Html.page("Story: " + self.reader().titleOr(url), "", sources.clock().instant(), body);
    }

    private static WebException notInArchive(String url) {
        return WebException.notFound("no article at " + url + " in the archive: look it up from an outlet, recent changes or search");
    }
}
