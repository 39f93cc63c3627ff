package dev.newsharvester.extract;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Passes of {@link LineFilter} over runs of lines rather than one line: a related-stories label with
 * the list under it, a "Tags" label with its tags, the meta description repeated as a subheading, and
 * the writer's bio under the text.
 */
final class LineRuns {

    /** Labels of related-story lists ("Don't miss", "More Great WIRED Stories"); what follows them is a list of links. */
    private static final Pattern RELATED_LABEL = Pattern.compile(
            "(?iU)^\\W*(don.?t miss|you (may|might|will) (also )?(like|enjoy|be interested in)|recommended for you|"
                    + "read next|related|related (news|stories|articles|posts|content|links|coverage)|"
                    + "most (read|popular|viewed|shared|commented)( in [\\w ]{1,30})?|"
                    + "(more|top|latest|popular|trending|recommended|featured|must[- ]read|partner|sponsored|editor.?s)"
                    + "\\b.{0,30}\\b(stories|news|articles|posts|videos|reads|content|headlines|picks)|"
                    + "популярне|більше новин|інші новини|новини партнерів|популярное|другие новости|новости партнеров|"
                    + "das könnte sie auch interessieren|weitere artikel|mehr zum thema( [\\w ]{1,30})?|auch interessant|"
                    + "noticias relacionadas|te puede interesar|latest|newest|neueste( artikel| nachrichten)?|meistgelesen\\w*|"
                    + "derniers articles|dernières (actualités|nouvelles)|les plus lus|últimas noticias|lo más leído|"
                    + "ultime notizie|i più letti|últimas notícias|mais lidas|najnowsze|najczęściej czytane|"
                    + "senaste nytt|mest lästa|siste nytt|mest lest|laatste nieuws|meest gelezen|nejčtenější|"
                    + "sur le même sujet|ti potrebbe interessare|les også|läs också)\\W*$");

    /** Labels of a list of tags or topics printed on the line below them. */
    private static final Pattern TAG_LABEL = Pattern.compile(
            "(?iU)^\\W*(" + Lexicon.anyOf(Lexicon.TAG_LABELS) + ")\\W*$");

    private LineRuns() {
    }

    /**
     * A related-stories label ends the article when it comes in its second half (everything after
     * it is the list); earlier, it goes with the link-bearing lines that follow it.
     */
    static void dropRelatedLists(List<Block> kept) {
        int total = 0;
        for (Block b : kept) {
            total += b.text().length();
        }
        if (total == 0) {
            return;
        }
        int before = 0;
        for (int i = 0; i < kept.size(); i++) {
            Block b = kept.get(i);
            String t = b.text();
            if (t.length() <= 60 && RELATED_LABEL.matcher(t).matches()) {
                if (before * 2 >= total && isList(kept.subList(i + 1, kept.size()))) {
                    kept.subList(i, kept.size()).clear();
                    return;
                }
                int end = i + 1;
                while (end < kept.size() && kept.get(end).linkDensity() >= 0.3) {
                    end++;
                }
                kept.subList(i, end).clear();
                i--;
                continue;
            }
            before += t.length();
        }
    }

    /**
     * The writer's bio under the text ("Eric Song is the site's deals editor ...", "Korrespondent Ulrich
     * Exner ist bei WELT für ...", "Mike Wall's book about ..."): one of the last three lines, opening
     * with a byline author's name (after at most two title words) followed by a verb or a possessive.
     */
    static void dropAuthorBio(List<Block> kept, List<String> authors) {
        if (authors.isEmpty() || kept.size() < 3) {
            return;
        }
        for (int i = kept.size() - 1; i >= Math.max(1, kept.size() - 3); i--) {
            String t = kept.get(i).text();
            if (t.length() < 300 && isAuthorBio(t, authors)) {
                kept.remove(i);
            }
        }
    }

    private static boolean isAuthorBio(String t, List<String> authors) {
        for (String a : authors) {
            int at = a.length() >= 5 ? t.indexOf(a) : -1;
            if (at < 0 || at > 40 || DateLines.words(t.substring(0, at)).size() > 2) {
                continue;
            }
            java.util.regex.Matcher m = BIO_VERB.matcher(t);
            if (m.region(at + a.length(), t.length()).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /** What follows the name in a bio: a verb of being or covering, or a possessive. */
    private static final Pattern BIO_VERB = Pattern.compile(
            "(?U)('s?|’s?|,)?\\s+(is|was|has|covers|writes|reports|joined|ist|war|schreibt|berichtet|arbeitet|est|écrit|"
                    + "es|escribe|è|scrive|é|escreve|є|працює|является|работает)\\b|('s|’s) (book|latest|new|forthcoming|newsletter|podcast)\\b");

    /** A "Tags" label alone on its line, with the comma-separated tags on the next one. */
    static void dropTagLists(List<Block> blocks) {
        for (int i = 0; i + 1 < blocks.size(); i++) {
            String t = blocks.get(i).text();
            if (t.length() <= 20 && TAG_LABEL.matcher(t).matches() && isTagList(blocks.get(i + 1).text())) {
                blocks.subList(i, i + 2).clear();
                return;
            }
        }
    }

    /** Three or more short comma-separated items, no sentence. */
    private static boolean isTagList(String t) {
        if (t.length() > 400 || t.endsWith(".")) {
            return false;
        }
        String[] items = t.split("\\s*[,;]\\s*");
        if (items.length < 3) {
            return false;
        }
        for (String item : items) {
            if (item.split(" ").length > 6) {
                return false;
            }
        }
        return true;
    }

    /** The page's meta description set as a subheading above the text is the standfirst, not the text. */
    static void dropLeadingDescription(List<Block> kept, String description) {
        if (description == null || description.length() < 20 || kept.size() < 2) {
            return;
        }
        String key = Text.key(description);
        for (int i = 0; i < Math.min(2, kept.size() - 1); i++) {
            if (!kept.get(i).isHeading()) {
                continue; // sites often reuse their first paragraph as the description: that one stays
            }
            String k = Text.key(kept.get(i).text());
            if (k.equals(key) || (k.length() > 20 && key.startsWith(k) && k.length() * 10 >= key.length() * 9)) {
                kept.remove(i);
                return;
            }
        }
    }

    /** Teasers rather than prose: two in five lines or more are mostly links. */
    private static boolean isList(List<Block> blocks) {
        int linked = 0;
        for (Block b : blocks) {
            if (b.linkDensity() >= 0.3) {
                linked++;
            }
        }
        return linked * 5 >= blocks.size() * 2;
    }
}
