package dev.newsharvester.change;

import java.util.List;

/**
 * What changed between two versions of one URL, as a reader would say it.
 *
 * @param headlineBefore  the previous headline when the headline changed, else null
 * @param headlineAfter   the new headline when the headline changed, else null
 * @param authorsAdded    authors in the new byline only
 * @param authorsRemoved  authors in the previous byline only
 * @param wordsBefore     body words before
 * @param wordsAfter      body words after
 * @param paragraphsChanged paragraphs added, removed or edited
 */
public record Changes(String headlineBefore, String headlineAfter, List<String> authorsAdded,
        List<String> authorsRemoved, int wordsBefore, int wordsAfter, int paragraphsChanged) {

    public static final Changes NONE = new Changes(null, null, List.of(), List.of(), 0, 0, 0);

    public Changes {
        authorsAdded = List.copyOf(authorsAdded);
        authorsRemoved = List.copyOf(authorsRemoved);
    }

    public boolean headlineChanged() {
        return headlineAfter != null || headlineBefore != null;
    }

    public boolean bylineChanged() {
        return !authorsAdded.isEmpty() || !authorsRemoved.isEmpty();
    }

    public boolean bodyChanged() {
        return paragraphsChanged > 0 || wordsBefore != wordsAfter;
    }
}
