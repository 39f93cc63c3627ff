package dev.newsharvester.web;

import dev.newsharvester.change.DiffPages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Escaping and the frame every page shares (navigation, the bundled stylesheet and script). */
final class Html {

    private Html() {
    }

    /** Text or an attribute value, escaped; null is empty. Everything from the archive goes through here. */
    static String esc(String s) {
        return DiffPages.esc(s);
    }

    /** A query parameter value, URL-encoded (then escaped where it goes into an attribute). */
    static String q(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    /** A link, both parts escaped. */
    static String a(String href, String text) {
        return "<a href=\"" + esc(href) + "\">" + esc(text) + "</a>";
    }

    /** The link to an article's history page. */
    static String articleHref(String url) {
        return "/article?url=" + q(url);
    }

    /** A time to the minute, UTC, in a {@code <time>} the script also shows relative to the page's "now". */
    static String time(Instant t) {
        if (t == null) {
            return "<span class=\"muted\">never</span>";
        }
        String iso = t.truncatedTo(ChronoUnit.SECONDS).toString();
        return "<time datetime=\"" + iso + "\">" + iso.substring(0, 16).replace('T', ' ') + "</time>";
    }

    /** A whole page: title, navigation (the current section marked), the body, the bundled assets. */
    static String page(String title, String section, Instant now, String body) {
        StringBuilder nav = new StringBuilder();
        for (String[] item : new String[][] {{"/", "Outlets"}, {"/changes", "Recent changes"}, {"/search", "Search"}}) {
            nav.append("<a href=\"").append(item[0]).append('"').append(item[1].equals(section) ? " class=\"here\"" : "")
                    .append('>').append(item[1]).append("</a>");
        }
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · news-harvester</title>
                <link rel="stylesheet" href="/assets/app.css">
                <script src="/assets/app.js" defer></script>
                </head>
                <body data-now="%s">
                <header class="top"><span class="brand">news-harvester</span><nav>%s</nav></header>
                <main>
                %s
                </main>
                </body></html>
                """.formatted(esc(title), now.truncatedTo(ChronoUnit.SECONDS), nav, body);
    }
}
