package dev.newsharvester.extract;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Bylines printed without byline markup: a line that opens with a credit ("By TPN, in News",
 * "（责编：牛镛、岳弘彬）") and, when the outlet credits only itself, a reporter's name in bold
 * opening the body ({@code <p><strong>Jane Doe</strong></p>}), which small sites use when their
 * template's byline slot shows the site. Both accept only names written like names.
 */
final class UnmarkedBylines {

    /** Name particles written in lower case ("Hans von Storch", "Maria de la Cruz"). */
    private static final Set<String> PARTICLES = Set.of(
            "von", "van", "der", "den", "de", "da", "das", "do", "dos", "del", "della", "di", "du", "la", "le", "bin",
            "ibn", "al", "el", "zu", "ter", "ten", "y");
    /** The bold name opening the body comes among the first few paragraphs, before prose. */
    private static final int LEAD_PARAGRAPHS = 3;
    private static final int PROSE_CHARS = 80;

    private UnmarkedBylines() {
    }

    /**
     * A line without byline markup that opens with a credit: "By TPN, in News · 31 Jan 2025",
     * "By <a>Jane Doe</a>", "（责编：牛镛、岳弘彬）". Only short lines count (prose starting with "By
     * Monday" is no credit), outside chrome, captions and teasers, and only names written like names.
     */
    static List<String> creditLine(Page page) {
        boolean hasHeadline = page.scan.firstH1 != null;
        for (TextNode t : page.scan.credits) {
            // The line is the block the text sits in.
            Element line = t.parent() instanceof Element p ? p : null;
            while (line != null && !line.isBlock() && line.parent() != null) {
                line = line.parent();
            }
            if (line == null || Page.textLength(line, Bylines.MAX_BYLINE_CHARS) > Bylines.MAX_BYLINE_CHARS
                    || outsideTheArticle(line, page, hasHeadline)) {
                continue;
            }
            String text = t.text().strip();
            if (!line.text().startsWith(text)) {
                continue; // the credit word must open its line: "The offer runs von Montag bis…" is prose
            }
            Element next = t.nextSibling() instanceof Element n ? n : null;
            if (AuthorNames.clean(text).isEmpty() && next != null) {
                text = text + " " + next.text(); // "By " then the linked name
            }
            text = text.replaceAll("^[(（\\[]+|[)）\\]]+$", "");
            List<String> found = AuthorNames.clean(text);
            if (!found.isEmpty() && found.stream().allMatch(UnmarkedBylines::writtenLikeAName)) {
                return found;
            }
        }
        return List.of();
    }

    /**
     * When the outlet credits only itself, a name in bold that makes up a whole paragraph among the
     * first few of the body, right before prose, is the reporter's byline.
     */
    static List<String> boldLead(Page page) {
        boolean hasHeadline = page.scan.firstH1 != null;
        for (Element p : page.scan.boldParagraphs) {
            if (Page.textLength(p, Bylines.MAX_BYLINE_CHARS) > Bylines.MAX_BYLINE_CHARS
                    || outsideTheArticle(p, page, hasHeadline) || !openingParagraph(p)) {
                continue;
            }
            List<String> found = AuthorNames.clean(p.text());
            if (!found.isEmpty() && found.stream().allMatch(UnmarkedBylines::writtenLikeAName)) {
                return found;
            }
        }
        return List.of();
    }

    private static boolean outsideTheArticle(Element e, Page page, boolean hasHeadline) {
        return Bylines.inChrome(e, page) || Bylines.inCaption(e) || Bylines.inTeaser(e, hasHeadline);
    }

    /** At most {@link #LEAD_PARAGRAPHS} paragraphs with text before it, and prose right after. */
    private static boolean openingParagraph(Element p) {
        Element next = p.nextElementSibling();
        if (next == null || !next.normalName().equals("p") || Page.textLength(next, PROSE_CHARS) <= PROSE_CHARS) {
            return false;
        }
        int before = 0;
        for (Element s = p.previousElementSibling(); s != null; s = s.previousElementSibling()) {
            if (s.normalName().equals("p") && !s.text().isBlank() && ++before > LEAD_PARAGRAPHS) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every word capitalised ("Jane Doe", "MTHOBISI SITHOLE") but name particles ("Hans von
     * Storch"), or a name in a script written without spaces. One word must be an acronym or an
     * agency ("By TPN", "By Reuters"): "By Topic" is a filter, not a credit.
     */
    private static boolean writtenLikeAName(String name) {
        if (AuthorNames.NO_SPACES.matcher(name).matches()) {
            return true;
        }
        String[] words = name.split("\\s+");
        if (words.length == 1) {
            return AuthorNames.isAgency(name) || name.equals(name.toUpperCase(Locale.ROOT));
        }
        for (String w : words) {
            if (!Character.isUpperCase(w.codePointAt(0)) && !PARTICLES.contains(w)) {
                return false;
            }
        }
        return true;
    }
}
