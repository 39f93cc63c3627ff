package dev.newsharvester.web;

import dev.newsharvester.change.ChangeEvent;
import dev.newsharvester.change.ChangeJournal;
import dev.newsharvester.change.ChangeKind;
import dev.newsharvester.change.DiffPages;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recent changes: the change log behind {@code query changes} (new, revised, deleted, redirected, restored
 * articles), newest first, by outlet, kind and time; each revision links its side-by-side page.
 */
final class ChangesPage {

    static final Set<String> PARAMS = Set.of("outlet", "kind", "since", "limit");
    /** Without {@code since}, the last days shown (each logged change is one read). */
    static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

    private final WebSources sources;

    ChangesPage(WebSources sources) {
        this.sources = sources;
    }

    String page(Params p) {
        String outlet = p.get("outlet");
        String kind = p.get("kind");
        Set<ChangeKind> kinds;
        try {
            kinds = ChangeJournal.kinds(kind);
        } catch (IllegalArgumentException e) {
            throw WebException.badRequest("parameter 'kind': '" + kind + "' is not a change kind: give one or more of"
                    + " new,revised,deleted,redirected,restored (comma-separated)");
        }
        Instant now = sources.clock().instant();
        Instant since = p.time("since");
        if (since == null) {
            since = LocalDate.ofInstant(now.minus(DEFAULT_WINDOW), ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        int limit = p.integer("limit", 200, 1, 5000);
        List<ChangeEvent> events = sources.changes().read(outlet, since, kinds);
        StringBuilder rows = new StringBuilder();
        for (ChangeEvent e : events.subList(0, Math.min(limit, events.size()))) {
            String title = e.titleAfter() != null ? e.titleAfter() : e.titleBefore();
            rows.append("<tr data-kind=\"").append(e.kind()).append("\"><td>").append(Html.time(e.at())).append("</td><td><span class=\"kind ")
                    .append(e.kind().name().toLowerCase(Locale.ROOT)).append("\">").append(e.kind()).append("</span></td><td>")
                    .append(Html.esc(e.outlet())).append("</td><td>").append(Html.a(Html.articleHref(e.url()), title == null ? e.url() : title))
                    .append("</td><td>").append(Html.esc(what(e)));
            if (e.kind() == ChangeKind.REVISED && e.versionBefore() != null && e.versionAfter() != null) {
                rows.append(" · ").append(Html.a("/diff?url=" + Html.q(e.url()) + "&from=" + Html.q(e.versionBefore())
                        + "&to=" + Html.q(e.versionAfter()), "side by side"));
            }
            rows.append("</td></tr>\n");
        }
        String form = "<form class=\"bar\" method=\"get\" action=\"/changes\">"
                + "<label>outlet <input name=\"outlet\" value=\"" + Html.esc(outlet) + "\" placeholder=\"all\"></label> "
                + "<label>kind <input name=\"kind\" value=\"" + Html.esc(kind) + "\" placeholder=\"revised,deleted\"></label> "
                + "<label>since <input name=\"since\" value=\"" + Html.esc(since.toString().substring(0, 10)) + "\"></label> "
                + "<button>Show</button></form>\n";
        String body = "<h1>Recent changes</h1>\n" + form + "<p>" + events.size() + " change(s) since " + Html.time(since)
                + (events.size() > limit ? ", the newest " + limit + " shown" : "") + ".</p>\n"
                + "<table class=\"rows changes\"><thead><tr><th>when</th><th>kind</th><th>outlet</th><th>article</th><th>what</th></tr>"
                + "</thead><tbody>\n" + rows + "</tbody></table>";
        return Html.page("Recent changes", "Recent changes", now, body);
    }

    private static String what(ChangeEvent e) {
        return switch (e.kind()) {
            case REVISED -> DiffPages.summary(e);
            case REDIRECTED -> "now redirects to " + e.redirectTo() + (e.sameArticle() ? " (the same article)" : "");
            default -> "";
        };
    }
}
