package dev.newsharvester.query;

import dev.newsharvester.store.StoredVersion;

/** Two versions of a URL and their clean texts, ready to show as a diff. */
public record Comparison(StoredVersion from, StoredVersion to, String fromText, String toText) {

    /**
     * A unified text diff, paragraphs as lines, one line of context, after the headline and byline when they differ
     * ({@code headline: -old} / {@code headline: +new}); empty when what readers see is equal.
     */
    public String unified() {
        StringBuilder s = new StringBuilder();
        if (!java.util.Objects.equals(from.reader().title(), to.reader().title())) {
            s.append("headline: -").append(from.reader().title()).append('\n')
                    .append("headline: +").append(to.reader().title()).append('\n');
        }
        if (!from.reader().authors().equals(to.reader().authors())) {
            s.append("byline:   -").append(String.join(", ", from.reader().authors())).append('\n')
                    .append("byline:   +").append(String.join(", ", to.reader().authors())).append('\n');
        }
        String text = TextDiff.unified(fromText, toText, label(from), label(to), 1);
        return s.isEmpty() || !text.isEmpty() ? s + text : s + "(body text unchanged)\n";
    }

    /** A self-contained HTML page with the two versions side by side, changed words marked. */
    public String html() {
        return DiffPage.render(this);
    }

    static String label(StoredVersion v) {
        return shortKey(v.hash()) + " (" + v.firstSeen() + ")";
    }

    /** A version key shortened to show: 12 digits of the body hash, then the headline/byline hash when there is one. */
    public static String shortKey(String hash) {
        int sep = hash.indexOf(StoredVersion.VIEW_SEPARATOR);
        String body = sep < 0 ? hash : hash.substring(0, sep);
        return body.substring(0, Math.min(12, body.length())) + (sep < 0 ? "" : hash.substring(sep));
    }
}
