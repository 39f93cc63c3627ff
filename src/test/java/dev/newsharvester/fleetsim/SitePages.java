package dev.newsharvester.fleetsim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The documents a simulated news site serves: robots.txt, an RSS 2.0 feed and full article pages with the chrome
 * real sites carry (navigation, cookie banner, related stories, view counter, ad slot, footer) around generated
 * {@link NewsProse}.
 */
final class SitePages {

    /** One article of a site: its path, publication time and story. */
    record Item(String path, Instant published, NewsProse.Story story) {
    }

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private SitePages() {
    }

    static String robots(Integer crawlDelaySeconds) {
        return "User-agent: *\nAllow: /\n" + (crawlDelaySeconds == null ? "" : "Crawl-delay: " + crawlDelaySeconds + "\n");
    }

    static String feed(String origin, String siteName, String feedPath, List<Item> items) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel>\n")
                .append("<title>").append(esc(siteName)).append("</title>\n")
                .append("<link>").append(origin).append("/</link>\n")
                .append("<description>Latest news from ").append(esc(siteName)).append("</description>\n")
                .append("<language>en</language>\n");
        for (Item it : items) {
            String url = origin + it.path();
            sb.append("<item>\n<title>").append(esc(it.story().headline())).append("</title>\n")
                    .append("<link>").append(url).append("</link>\n")
                    .append("<guid isPermaLink=\"true\">").append(url).append("</guid>\n")
                    .append("<pubDate>").append(RFC_1123.format(it.published())).append("</pubDate>\n")
                    .append("<description>").append(esc(it.story().paragraphs().get(0))).append("</description>\n")
                    .append("</item>\n");
        }
        return sb.append("</channel>\n</rss>\n").toString();
    }

    static String article(String origin, String siteName, Item item, List<Item> related, long views) {
        NewsProse.Story s = item.story();
        String url = origin + item.path();
        String published = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(item.published().atOffset(ZoneOffset.UTC));
        StringBuilder sb = new StringBuilder(16384);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(esc(s.headline())).append(" | ").append(esc(siteName)).append("</title>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"description\" content=\"").append(esc(first(s.paragraphs().get(0)))).append("\">\n")
                .append("<meta property=\"og:type\" content=\"article\">\n")
                .append("<meta property=\"og:title\" content=\"").append(esc(s.headline())).append("\">\n")
                .append("<meta property=\"og:url\" content=\"").append(url).append("\">\n")
                .append("<meta property=\"og:site_name\" content=\"").append(esc(siteName)).append("\">\n")
                .append("<meta property=\"article:published_time\" content=\"").append(published).append("\">\n")
                .append("<link rel=\"canonical\" href=\"").append(url).append("\">\n")
                .append("<link rel=\"stylesheet\" href=\"/static/site.css\">\n")
                .append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",")
                .append("\"headline\":\"").append(json(s.headline())).append("\",")
                .append("\"author\":[{\"@type\":\"Person\",\"name\":\"").append(json(s.author())).append("\"}],")
                .append("\"datePublished\":\"").append(published).append("\",\"dateModified\":\"").append(published).append("\",")
                .append("\"mainEntityOfPage\":\"").append(url).append("\",\"articleSection\":\"").append(s.section()).append("\",")
                .append("\"publisher\":{\"@type\":\"Organization\",\"name\":\"").append(json(siteName)).append("\"}}</script>\n")
                .append("<script>window.dataLayer=window.dataLayer||[];dataLayer.push({page:'article'});</script>\n")
                .append("</head>\n<body class=\"article-page\">\n");
        sb.append("<div id=\"cookie-banner\" class=\"cookie-consent\"><p>We use cookies to improve your experience and to ")
                .append("show personalised advertising. By continuing to browse you agree to our use of cookies.</p>")
                .append("<button class=\"accept\">Accept all</button> <a href=\"/privacy\">Privacy settings</a></div>\n");
        sb.append("<header class=\"site-header\"><a class=\"logo\" href=\"/\">").append(esc(siteName)).append("</a>\n")
                .append("<nav class=\"main-menu\"><ul>");
        for (String m : List.of("Home", "Politics", "Economy", "Society", "Regions", "Health", "Opinion", "Video")) {
            sb.append("<li><a href=\"/").append(m.toLowerCase()).append("/\">").append(m).append("</a></li>");
        }
        sb.append("</ul></nav>\n<form class=\"search\" action=\"/search\"><input name=\"q\" placeholder=\"Search\"></form>")
                .append("</header>\n");
        sb.append("<div class=\"ad-slot ad-leaderboard\" data-slot=\"top\">Advertisement</div>\n");
        sb.append("<main>\n<article class=\"story\">\n<div class=\"breadcrumbs\"><a href=\"/\">Home</a> › <a href=\"/")
                .append(s.section().toLowerCase()).append("/\">").append(s.section()).append("</a></div>\n")
                .append("<h1 class=\"story-title\">").append(esc(s.headline())).append("</h1>\n")
                .append("<div class=\"story-meta\"><span class=\"byline\">By <a rel=\"author\" href=\"/authors/")
                .append(s.author().toLowerCase().replace(' ', '-')).append("\">").append(esc(s.author())).append("</a></span> ")
                .append("<time datetime=\"").append(published).append("\">")
                .append(DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm").withZone(ZoneOffset.UTC).format(item.published()))
                .append("</time> <span class=\"views\">").append(views).append(" views</span></div>\n")
                .append("<div class=\"story-body\">\n");
        int mid = s.paragraphs().size() / 2;
        for (int i = 0; i < s.paragraphs().size(); i++) {
            sb.append("<p>").append(esc(s.paragraphs().get(i))).append("</p>\n");
            if (i == mid) {
                sb.append("<div class=\"ad-slot ad-inline\" data-slot=\"inline\">Advertisement</div>\n");
            }
        }
        sb.append("</div>\n<div class=\"share\">Share: <a href=\"#\">Facebook</a> <a href=\"#\">X</a> <a href=\"#\">Email</a></div>\n")
                .append("</article>\n<aside class=\"related\"><h2>Related stories</h2><ul>\n");
        for (Item r : related) {
            sb.append("<li><a href=\"").append(r.path()).append("\">").append(esc(r.story().headline())).append("</a></li>\n");
        }
        sb.append("</ul></aside>\n</main>\n<footer class=\"site-footer\"><nav><a href=\"/about\">About us</a> ")
                .append("<a href=\"/contact\">Contact</a> <a href=\"/privacy\">Privacy policy</a> <a href=\"/terms\">Terms of use</a>")
                .append("</nav><p>© ").append(item.published().atZone(ZoneOffset.UTC).getYear()).append(' ')
                .append(esc(siteName)).append(". All rights reserved. Reproduction without permission is prohibited.</p>")
                .append("</footer>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static String first(String paragraph) {
        int dot = paragraph.indexOf(". ");
        return dot < 0 ? paragraph : paragraph.substring(0, dot + 1);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
