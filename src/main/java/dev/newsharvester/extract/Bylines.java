package dev.newsharvester.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * The authors of a page. The outlet's authors selector wins; then JSON-LD {@code author}
 * (references by {@code @id} resolved), meta tags, and the visible byline.
 *
 * <p>An Organization (or a "Person" named like the site) is an author only when nothing on the
 * page names anyone else: "BBC News" on a page without a byline is the credit the outlet gives,
 * but "Example Times" in JSON-LD beside a visible "By Jane Doe" is a placeholder, and Jane Doe is
 * the author. Organizations that are not the site (a news agency next to a reporter) stay.
 * A visible byline that names everyone the metadata names, and more, replaces it (metadata often
 * lists only the first author).
 *
 * <p>A CMS house account ("admin", "webmaster", "redaktion" in the author URL) counts as the
 * outlet. Bylines printed without byline markup are read by {@link UnmarkedBylines}.
 */
final class Bylines {

    private static final String[] AUTHOR_KEYS = {
            "author", "article:author", "og:article:author", "byl", "dc.creator", "dcterms.creator",
            "sailthru.author", "parsely-author", "cxenseparse:author"};
    private static final int MAX_AUTHORS = 12;
    static final int MAX_BYLINE_CHARS = 120;
    private static final int BYLINE_BLOCK_CHARS = 300;
    /** A link around a byline with this much more text is a teaser card. */
    private static final int TEASER_EXTRA_CHARS = 30;
    /** An {@code <article>} shorter than this, without the headline, is a teaser. */
    private static final int TEASER_CHARS = 600;
    /** Yoast's "Written by" twitter label and its localised forms (label in twitter:labelN, name in twitter:dataN). */
    private static final List<String> WRITTEN_BY = List.of(
            "written by", "verfasst von", "geschrieben von", "écrit par", "escrito por", "scritto da", "geschreven door",
            "skrevet av", "skriven av", "skrevet af", "napisane przez", "автор", "написано");
    /** An author page of a CMS login that is no one: the outlet's house account. */
    private static final Pattern HOUSE_ACCOUNT = Pattern.compile(
            "(?i)/(?:author|authors|autor|auteur|autore|user|users|profile|profil|members?)/"
                    + "(?:admin|administrator|webmaster|root|redaktion|redaction|redaccion|redazione|newsroom|staff|editor)/?(?:[?#]|$)");

    private Bylines() {
    }

    static List<String> authors(Page page) {
        if (page.selectors.authors() != null) {
            List<String> names = new ArrayList<>();
            for (Element e : Page.select(page.doc, page.selectors.authors())) {
                AuthorNames.addAll(names, AuthorNames.clean(e.text()));
            }
            if (!names.isEmpty()) {
                return cap(names);
            }
        }
        // What the metadata credits: JSON-LD, else the meta tags.
        Set<String> house = new HashSet<>();
        List<String> credited = jsonLd(page, house);
        if (credited.isEmpty()) {
            credited = meta(page);
        }
        List<String> byline = visible(page, house);
        Predicate<String> outlet = n -> isSiteLike(page, n) || house.contains(n.toLowerCase(Locale.ROOT));
        List<String> names = new ArrayList<>();
        credited.stream().filter(outlet.negate()).forEach(n -> AuthorNames.addAll(names, List.of(n)));
        if (names.isEmpty() && !credited.isEmpty()) {
            // Only the outlet credits itself: a person named anywhere else is the author.
            List<String> people = new ArrayList<>(meta(page));
            AuthorNames.addAll(people, byline);
            people.removeIf(outlet);
            if (people.isEmpty()) {
                people = UnmarkedBylines.boldLead(page);
            }
            return cap(people.isEmpty() ? credited : people);
        }
        List<String> people = new ArrayList<>(byline);
        if (people.stream().anyMatch(outlet.negate())) {
            people.removeIf(outlet);
        }
        if (names.isEmpty() || (people.size() > names.size() && containsAll(people, names))) {
            return cap(people);
        }
        return cap(names);
    }

    /**
     * Names from the JSON-LD article's {@code author}: persons, organizations and plain strings.
     * Names of house accounts go into {@code house} too.
     */
    private static List<String> jsonLd(Page page, Set<String> house) {
        List<String> names = new ArrayList<>();
        JsonNode art = page.article();
        if (art == null) {
            return names;
        }
        JsonNode a = art.get("author");
        List<JsonNode> items = new ArrayList<>();
        if (a != null && a.isArray()) {
            a.forEach(items::add);
        } else if (a != null) {
            items.add(a);
        }
        for (JsonNode raw : items) {
            JsonNode item = page.ld.resolve(raw);
            if (item.isTextual()) {
                AuthorNames.addAll(names, AuthorNames.clean(item.asText()));
            } else if (item.isObject()) {
                String name = JsonLd.string(item.get("name"), "@value");
                if (name == null && item.has("givenName")) {
                    name = (item.path("givenName").asText("") + " " + item.path("familyName").asText("")).strip();
                }
                List<String> cleaned = AuthorNames.clean(name);
                if (isHouseAccount(JsonLd.string(item.get("url"), "@id")) || isHouseAccount(JsonLd.string(item.get("@id"), "@id"))) {
                    cleaned.forEach(n -> house.add(n.toLowerCase(Locale.ROOT)));
                }
                AuthorNames.addAll(names, cleaned);
            }
        }
        return names;
    }

    private static boolean isHouseAccount(String url) {
        return url != null && HOUSE_ACCOUNT.matcher(url).find();
    }

    private static List<String> meta(Page page) {
        List<String> names = new ArrayList<>();
        for (String key : AUTHOR_KEYS) {
            for (Element e : page.meta.all(key)) {
                addPeople(names, AuthorNames.clean(e.attr("content")));
            }
            if (!names.isEmpty()) {
                return names;
            }
        }
        // Yoast prints the author as a twitter label: twitter:label1 "Written by", twitter:data1 "Jane Doe".
        for (int i = 1; i <= 4 && names.isEmpty(); i++) {
            String label = page.meta.content("twitter:label" + i);
            if (label != null && WRITTEN_BY.contains(label.toLowerCase(Locale.ROOT))) {
                addPeople(names, AuthorNames.clean(page.meta.content("twitter:data" + i)));
            }
        }
        for (String label : WRITTEN_BY) {
            if (names.isEmpty()) {
                addPeople(names, AuthorNames.clean(page.meta.content("twitter:misc:" + label)));
            }
        }
        return names;
    }

    /** Adds the names, without lone words in scripts written with spaces (an outlet or a login). */
    private static void addPeople(List<String> names, List<String> cleaned) {
        // A lone word in a meta author is usually the outlet or a login ("UNN", "admin"), not a
        // person; scripts written without spaces are the exception.
        cleaned.removeIf(n -> !n.contains(" ") && !AuthorNames.NO_SPACES.matcher(n).matches());
        AuthorNames.addAll(names, cleaned);
    }

    /**
     * Names in the visible byline of the article. Only the innermost byline elements count (a
     * ".bylines" box and the ".byline" items inside it are one byline), none in teasers, captions,
     * comments or sidebars, and only those in the same small block as the first one that names
     * someone: a page with several stories has several bylines.
     */
    private static List<String> visible(Page page, Set<String> house) {
        List<String> names = new ArrayList<>();
        Element block = null;
        List<Element> matches = page.scan.bylines;
        Set<Element> found = Collections.newSetFromMap(new IdentityHashMap<>());
        found.addAll(matches);
        // A byline element with another inside it is a container: only the innermost ones count.
        Set<Element> containers = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element m : matches) {
            for (Element p = m.parent(); p != null; p = p.parent()) {
                if (found.contains(p)) {
                    containers.add(p);
                }
            }
        }
        boolean hasHeadline = page.scan.firstH1 != null;
        for (Element e : matches) {
            if (names.size() >= MAX_AUTHORS) {
                break;
            }
            if (containers.contains(e) || inChrome(e, page) || inCaption(e) || inTeaser(e, hasHeadline)) {
                continue;
            }
            if (block != null && !e.parents().contains(block)) {
                continue;
            }
            if (Page.textLength(e, MAX_BYLINE_CHARS) > MAX_BYLINE_CHARS) {
                continue;
            }
            List<String> cleaned = AuthorNames.clean(e.text());
            // One word in a byline box is a label or a section chip ("News"), unless it is an
            // agency or a name in a script written without spaces.
            cleaned.removeIf(n -> !n.contains(" ") && !AuthorNames.isAgency(n) && !AuthorNames.NO_SPACES.matcher(n).matches());
            if (!cleaned.isEmpty() && block == null) {
                block = bylineBlock(e);
            }
            if (isHouseAccount(profileLink(e))) {
                cleaned.forEach(n -> house.add(n.toLowerCase(Locale.ROOT)));
            }
            AuthorNames.addAll(names, cleaned);
        }
        labelled(page, names);
        if (names.isEmpty()) {
            AuthorNames.addAll(names, UnmarkedBylines.creditLine(page));
        }
        return names;
    }

    /** The author page the byline element links to: its own href, a link inside it, or the link around it. */
    private static String profileLink(Element e) {
        Element a = e.normalName().equals("a") ? e : e.selectFirst("a[href]");
        if (a == null) {
            a = e.closest("a");
        }
        return a == null ? null : a.attr("href");
    }

    /** The largest ancestor of a byline element that is still a short block (the byline box of the article). */
    private static Element bylineBlock(Element e) {
        Element block = e;
        while (block.parent() != null && Page.textLength(block.parent(), BYLINE_BLOCK_CHARS) <= BYLINE_BLOCK_CHARS) {
            block = block.parent();
        }
        return block;
    }

    /** "Author: Jane Doe", "<dt>Autor</dt><dd>Jane Doe</dd>": a name after a label. */
    private static void labelled(Page page, List<String> names) {
        if (!names.isEmpty()) {
            return;
        }
        for (Element label : page.scan.labels) {
            String value = Labels.valueAfter(label, Labels.AUTHOR);
            if (value != null && !inChrome(label, page)) {
                AuthorNames.addAll(names, AuthorNames.clean(value));
                if (!names.isEmpty()) {
                    return;
                }
            }
        }
    }

    /**
     * The site's own name, or the site's name with a word or two ("MDR THÜRINGEN", "Example Times
     * Online"): an outlet, not a person.
     */
    static boolean isSiteLike(Page page, String name) {
        if (page.isSiteName(name)) {
            return true;
        }
        String[] words = name.split("\\s+");
        return words.length >= 2 && words.length <= 3 && page.isSiteName(words[0]);
    }

    /**
     * Inside navigation, sidebars, footers, related lists or comments: a name or date there is not
     * the article's. A wrapper around the headline is the article's column whatever its class says
     * ("theiaStickySidebar", "content-has-sidebar").
     */
    static boolean inChrome(Element e, Page page) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            String tag = p.normalName();
            if (tag.equals("aside") || tag.equals("footer") || tag.equals("nav")) {
                return true;
            }
            if (page.aroundHeadline(p)) {
                continue;
            }
            String m = ClassNames.matchString(p);
            if (m.contains("related") || m.contains("comment") || m.contains("sidebar") || m.contains("recent")
                    || m.contains("popular") || m.contains("teaser")) {
                return true;
            }
        }
        return false;
    }

    static boolean inCaption(Element e) {
        for (Element p = e; p != null; p = p.parent()) {
            String tag = p.normalName();
            if (tag.equals("figure") || tag.equals("figcaption")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Inside a link that carries more than the name (a teaser card linking to another story), or
     * inside a small {@code <article>} that is not the one with the headline.
     */
    static boolean inTeaser(Element e, boolean pageHasHeadline) {
        int own = Page.textLength(e, MAX_BYLINE_CHARS);
        for (Element p = e.parent(); p != null; p = p.parent()) {
            String tag = p.normalName();
            if (tag.equals("a") && Page.textLength(p, own + TEASER_EXTRA_CHARS) > own + TEASER_EXTRA_CHARS) {
                return true;
            }
            if (tag.equals("article")) {
                return pageHasHeadline && Page.textLength(p, TEASER_CHARS) < TEASER_CHARS && p.selectFirst("h1") == null;
            }
        }
        return false;
    }

    private static boolean containsAll(List<String> all, List<String> some) {
        for (String s : some) {
            String k = s.toLowerCase(Locale.ROOT);
            if (all.stream().noneMatch(a -> a.toLowerCase(Locale.ROOT).equals(k))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> cap(List<String> names) {
        return names.size() > MAX_AUTHORS ? List.copyOf(names.subList(0, MAX_AUTHORS)) : List.copyOf(names);
    }
}
