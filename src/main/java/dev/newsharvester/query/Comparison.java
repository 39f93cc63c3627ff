package dev.newsharvester.query;

import dev.newsharvester.store.StoredVersion;

/** Two versions of a URL and their clean texts, ready to show as a diff. */
public record Comparison(StoredVersion from, StoredVersion to, String fromText, String toText) {

    /** A unified text diff, paragraphs as lines, one line of context; empty when the texts are equal. */
    public String unified() {
        return TextDiff.unified(fromText, toText, label(from), label(to), 1);
    }

    /** A self-contained HTML page with the two versions side by side, changed words marked. */
    public String html() {
        return DiffPage.render(this);
    }

    static String label(StoredVersion v) {
        return v.hash().substring(0, Math.min(12, v.hash().length())) + " (" + v.firstSeen() + ")";
    }
}
