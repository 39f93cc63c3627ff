package dev.newsharvester.bench;

import dev.newsharvester.fingerprint.TextNormalizer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.TextNode;

/**
 * Variants of a page or of its text, as a page meets them between two fetches: chrome that
 * changes, the same text in other clothes (entities, Unicode forms, whitespace), small editorial
 * edits, and republication inside another site's chrome. Deterministic for a given seed.
 */
final class Variants {

    private Variants() {
    }

    // ------------------------------------------------------------------ chrome only

    /**
     * Chrome injected outside the article: a cookie banner at the top of the body, and a "most
     * read" sidebar with view counters, an advertisement and a newsletter box at its end.
     */
    static String injectChrome(String html, int seed) {
        Document doc = Jsoup.parse(html);
        Element body = doc.body();
        body.prependElement("div").addClass("cookie-consent").attr("role", "dialog").html(
                "<p>We and our 842 partners use cookies and similar technologies to personalise content and ads, "
                + "to provide social media features and to analyse our traffic. You can change your choice at any "
                + "time in the privacy settings at the bottom of the page.</p><button>Accept all</button> <button>Manage choices</button>");
        StringBuilder most = new StringBuilder("<h3>Most read</h3><ol>");
        Random r = new Random(seed);
        for (int i = 0; i < 5; i++) {
            most.append("<li><a href=\"/news/").append(1000 + r.nextInt(9000)).append("\">")
                    .append(HEADLINES[(seed + i) % HEADLINES.length]).append("</a> <span class=\"views\">")
                    .append(100 + r.nextInt(90000)).append(" views</span></li>");
        }
        most.append("</ol>");
        body.appendElement("aside").addClass("sidebar-most-read").html(most.toString());
        body.appendElement("div").addClass("ad-slot").html("<span>Advertisement</span><a href=\"https://ads.example/click?id="
                + r.nextInt(1_000_000) + "\"><img src=\"https://ads.example/b/" + r.nextInt(1000)
                + ".jpg\" alt=\"Autumn sale: up to 50% off everything in store this weekend only\"></a>");
        body.appendElement("div").addClass("newsletter").html("<h4>Get the morning briefing</h4><p>The day's most important "
                + "stories, handpicked by our editors and delivered to your inbox every weekday at 7am.</p>"
                + "<form><input type=\"email\" placeholder=\"Your e-mail\"><button>Subscribe</button></form>");
        return html(doc);
    }

    /**
     * The page's own chrome altered: every number outside the article text changed (view
     * counters, times, comment counts) and every list outside it reversed (latest-news lists
     * with new headlines on top). Text nodes whose words appear in the article or its headline are left alone.
     */
    static String alterChrome(String html, String title, String articleText, int seed) {
        Document doc = Jsoup.parse(html);
        String article = flat((title == null ? "" : title) + "\n" + articleText);
        Random r = new Random(seed);
        for (TextNode t : allTextNodes(doc)) {
            String s = flat(t.getWholeText());
            if (s.isEmpty() || article.contains(s) || !s.matches("(?s).*\\d.*")) {
                continue;
            }
            StringBuilder b = new StringBuilder();
            for (char c : t.getWholeText().toCharArray()) {
                b.append(Character.isDigit(c) ? (char) ('0' + r.nextInt(10)) : c);
            }
            t.text(b.toString());
        }
        for (Element list : doc.select("ul, ol")) {
            boolean inArticle = list.children().stream().map(li -> flat(li.wholeText()))
                    .anyMatch(s -> !s.isEmpty() && article.contains(s));
            if (list.children().size() > 1 && !inArticle) {
                List<Element> items = new ArrayList<>(list.children());
                Collections.reverse(items);
                items.forEach(Element::remove);
                items.forEach(list::appendChild);
            }
        }
        return html(doc);
    }

    /** Normalised, with every run of whitespace (line breaks too) as one space: for "is this inside the article". */
    private static String flat(String s) {
        return TextNormalizer.normalize(s).replace('\n', ' ');
    }

    // ------------------------------------------------------------------ same text, other clothes

    /** Every non-ASCII character, and every apostrophe and ampersand, as a numeric character reference. */
    static String entities(String html) {
        Document doc = Jsoup.parse(html);
        doc.outputSettings().charset("US-ASCII").escapeMode(Entities.EscapeMode.xhtml).prettyPrint(false);
        return doc.outerHtml();
    }

    /** Text nodes in Unicode NFD (decomposed accents, as some CMSs store them) and typographic quotes and dashes. */
    static String unicodeForms(String html) {
        return mapText(html, s -> Normalizer.normalize(s, Normalizer.Form.NFD)
                .replace(" - ", " \u2013 ").replace("'", "\u2019").replaceAll("\"([^\"]*)\"", "\u201C$1\u201D"));
    }

    /**
     * Whitespace re-flowed: spaces inside text as runs of spaces, tabs and NBSP, markup re-indented
     * before block elements (where a browser renders no space), CRLF line ends.
     */
    static String whitespace(String html) {
        return mapText(html, s -> s.replace(" ", "  \t").replace(". ", ".\u00A0 "))
                .replaceAll("<(p|div|li|ul|ol|h[1-6]|section|article|aside|header|footer|nav|figure|table|tr)([ >])", "\n      <$1$2")
                .replace("\n", "\r\n");
    }

    private static String mapText(String html, Function<String, String> f) {
        Document doc = Jsoup.parse(html);
        for (TextNode t : allTextNodes(doc)) {
            if (t.parent() instanceof Element e && (e.tagName().equals("script") || e.tagName().equals("style"))) {
                continue;
            }
            t.text(f.apply(t.getWholeText()));
        }
        return html(doc);
    }

    /** Serialised as parsed: jsoup's pretty printer would add spaces between inline elements, a real text change. */
    private static String html(Document doc) {
        doc.outputSettings().prettyPrint(false);
        return doc.outerHtml();
    }

    private static List<TextNode> allTextNodes(Document doc) {
        List<TextNode> out = new ArrayList<>();
        doc.body().traverse((node, depth) -> {
            if (node instanceof TextNode t && !t.isBlank()) {
                out.add(t);
            }
        });
        return out;
    }

    // ------------------------------------------------------------------ editorial edits (text level)

    /** Kinds of edit a newsroom makes to a published article. */
    enum Edit {
        /** In each of k sentences one word replaced, inserted or deleted, or a number changed. */
        WORD,
        /** Each of k sentences rewritten: half of its words replaced. */
        REWRITE,
        /** k new sentences added at the end (an update). */
        APPEND,
        /** Two paragraphs swapped (k ignored). */
        REORDER
    }

    static String edit(String text, Edit kind, int k, Random r) {
        List<String> paragraphs = new ArrayList<>(Arrays.asList(text.split("\n\n")));
        switch (kind) {
            case WORD -> {
                for (int e = 0; e < k; e++) {
                    editSentence(paragraphs, r, words -> {
                        int i = r.nextInt(words.size());
                        switch (r.nextInt(4)) {
                            case 0 -> words.set(i, REPLACEMENTS[r.nextInt(REPLACEMENTS.length)]);
                            case 1 -> words.add(i, INSERTIONS[r.nextInt(INSERTIONS.length)]);
                            case 2 -> {
                                if (words.size() > 3) {
                                    words.remove(i);
                                }
                            }
                            default -> words.set(i, Integer.toString(2 + r.nextInt(998)));
                        }
                    });
                }
            }
            case REWRITE -> {
                for (int e = 0; e < k; e++) {
                    editSentence(paragraphs, r, words -> {
                        for (int i = 0; i < words.size(); i += 2) {
                            words.set(i, REPLACEMENTS[r.nextInt(REPLACEMENTS.length)]);
                        }
                    });
                }
            }
            case APPEND -> {
                StringBuilder update = new StringBuilder();
                for (int e = 0; e < k; e++) {
                    update.append(e == 0 ? "" : " ").append(UPDATES[(e + r.nextInt(UPDATES.length)) % UPDATES.length]);
                }
                paragraphs.add(update.toString());
            }
            case REORDER -> {
                if (paragraphs.size() > 1) {
                    int i = r.nextInt(paragraphs.size());
                    int j = (i + 1 + r.nextInt(paragraphs.size() - 1)) % paragraphs.size();
                    Collections.swap(paragraphs, i, j);
                }
            }
        }
        return String.join("\n\n", paragraphs);
    }

    private static void editSentence(List<String> paragraphs, Random r, java.util.function.Consumer<List<String>> change) {
        int p = r.nextInt(paragraphs.size());
        String[] sentences = paragraphs.get(p).split("(?<=[.!?…])\\s+");
        int s = r.nextInt(sentences.length);
        List<String> words = new ArrayList<>(Arrays.asList(sentences[s].split(" ")));
        change.accept(words);
        sentences[s] = String.join(" ", words);
        paragraphs.set(p, String.join(" ", sentences));
    }

    // ------------------------------------------------------------------ republication

    /**
     * The article (title and paragraphs) inside another site's page: the host page's article
     * body ({@code bodySelector}) emptied and filled with the article's paragraphs, its headline
     * replaced, and its JSON-LD dropped (it describes the host's own story).
     */
    static String republish(String hostHtml, String bodySelector, String title, String text) {
        Document doc = Jsoup.parse(hostHtml);
        Element body = doc.selectFirst(bodySelector);
        if (body == null) {
            throw new IllegalArgumentException("host page has no " + bodySelector);
        }
        body.empty();
        for (String p : text.split("\n\n")) {
            body.appendElement("p").text(p);
        }
        Element h1 = doc.selectFirst("h1");
        if (h1 != null && title != null) {
            h1.text(title);
        }
        doc.select("script[type=application/ld+json]").remove();
        return html(doc);
    }

    private static final String[] HEADLINES = {
        "Council approves the new budget after a six-hour session",
        "Storm warning issued for the coast as winds reach 90 km/h",
        "Local team wins the cup in a penalty shoot-out",
        "Prices at the pump fall for the third week running",
        "Museum reopens after two years of restoration work",
        "Rail strike called off at the last minute",
        "Heatwave: hospitals ask visitors to stay away",
    };
    private static final String[] REPLACEMENTS = {"reportedly", "later", "officials", "several", "regional", "new",
        "on Tuesday", "about", "nearly", "the ministry"};
    private static final String[] INSERTIONS = {"also", "reportedly", "however,", "still", "again", "now"};
    private static final String[] UPDATES = {
        "Update: the ministry confirmed the figures in a statement on Monday evening.",
        "This article has been updated with a comment from the regional administration.",
        "Correction: an earlier version of this article misstated the date of the meeting.",
        "The spokesperson did not respond to a request for further comment by the time of publication.",
    };
}
