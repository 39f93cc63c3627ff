package dev.newsharvester.extract;

import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Labelled fields in the markup: {@code <strong>Author</strong> Jane Doe},
 * {@code <dt>Datum</dt><dd>28.04.2023</dd>}. Some outlets print the byline and the date only this way.
 */
final class Labels {

    static final Pattern AUTHOR = Pattern.compile(
            "(?iU)^(" + Lexicon.anyOf(Lexicon.AUTHOR_LABELS) + "|written by|autorin/autor|autor/autorin|автор тексту|автор текста)$");
    static final Pattern DATE = Pattern.compile(
            "(?iU)^(date|published|published on|publication date|posted|posted on|datum|veröffentlicht|veröffentlicht am|"
                    + "publié|publié le|fecha|data|дата|опубліковано|опубликовано|дата публікації|дата публикации)$");

    private static final int MAX_LABEL = 30;
    private static final int MAX_VALUE = 120;

    private Labels() {
    }

    /** The value after the label when the element is a label of that kind, else null. */
    static String valueAfter(Element label, Pattern kind) {
        String own = label.text().strip();
        String name = own.replaceAll("[:：]+$", "").strip();
        if (name.isEmpty() || name.length() > MAX_LABEL || !kind.matcher(name).matches()) {
            return null;
        }
        String value;
        if (label.normalName().equals("dt") || label.normalName().equals("th")) {
            Element next = label.nextElementSibling();
            value = next == null ? null : next.text();
        } else {
            Element parent = label.parent();
            int limit = own.length() + MAX_VALUE + 4;
            String text = parent == null || Page.textLength(parent, limit) > limit ? "" : parent.text();
            int i = text.indexOf(own);
            value = i < 0 ? null : text.substring(i + own.length()).replaceFirst("^[\\s:：\\-–—]+", "");
        }
        return value == null || value.isBlank() || value.length() > MAX_VALUE ? null : value;
    }
}
