package dev.newsharvester.query;

import dev.newsharvester.fingerprint.SimHash;
import dev.newsharvester.store.StoredVersion;
import java.util.List;
import java.util.Objects;

/**
 * One version of a URL and how it differs from the version before it.
 *
 * @param change null for the first version
 */
public record VersionChange(StoredVersion version, Change change) {

    /**
     * What changed from the previous version's text.
     *
     * @param previousHash      the version compared with
     * @param wordsAdded        words in this text and not in the previous one (as a multiset)
     * @param wordsRemoved      words in the previous text and not in this one
     * @param paragraphsAdded   paragraphs of this text not in the previous one (edited ones count here and below)
     * @param paragraphsRemoved paragraphs of the previous text not in this one
     * @param simhashDistance   SimHash Hamming distance, or -1 when a fingerprint is missing
     * @param reExtracted       made by reprocessing (another extractor version) rather than by the publisher
     * @param headlineBefore    the previous headline when this version's differs, else null
     * @param authorsBefore     the previous byline when this version's differs, else null
     */
    public record Change(String previousHash, int wordsAdded, int wordsRemoved, int paragraphsAdded, int paragraphsRemoved,
            int simhashDistance, boolean reExtracted, String headlineBefore, List<String> authorsBefore) {

        public Change(String previousHash, int wordsAdded, int wordsRemoved, int paragraphsAdded, int paragraphsRemoved,
                int simhashDistance, boolean reExtracted) {
            this(previousHash, wordsAdded, wordsRemoved, paragraphsAdded, paragraphsRemoved, simhashDistance, reExtracted,
                    null, null);
        }

        /** What changed from {@code previous} (clean text {@code before}) to {@code v} (clean text {@code now}). */
        public static Change between(StoredVersion previous, String before, StoredVersion v, String now) {
            int[] words = TextDiff.wordDelta(before, now);
            List<TextDiff.Op> ops = TextDiff.diff(TextDiff.paragraphs(before), TextDiff.paragraphs(now));
            String ours = v.sketch().simhash();
            String theirs = previous.sketch().simhash();
            int distance = ours == null || theirs == null ? -1
                    : SimHash.hammingDistance(SimHash.parseHex(ours), SimHash.parseHex(theirs));
            return new Change(previous.hash(), words[0], words[1],
                    (int) ops.stream().filter(o -> o.kind() == '+').count(), (int) ops.stream().filter(o -> o.kind() == '-').count(),
                    distance, !Objects.equals(v.sketch().extractorVersion(), previous.sketch().extractorVersion()),
                    Objects.equals(v.reader().title(), previous.reader().title()) ? null : previous.reader().title(),
                    v.reader().authors().equals(previous.reader().authors()) ? null : previous.reader().authors());
        }

        /** e.g. {@code +12/-3 words, 2 paragraphs edited, 1 added; SimHash 2 bits}. */
        public String summary() {
            int edited = Math.min(paragraphsAdded, paragraphsRemoved);
            StringBuilder s = new StringBuilder();
            if (headlineBefore != null) {
                s.append("headline was \"").append(headlineBefore).append("\"; ");
            }
            if (authorsBefore != null) {
                s.append("byline was ").append(authorsBefore.isEmpty() ? "(none)" : String.join(", ", authorsBefore)).append("; ");
            }
            s.append("+" + wordsAdded + "/-" + wordsRemoved + " words");
            if (edited > 0) {
                s.append(", ").append(edited).append(edited == 1 ? " paragraph" : " paragraphs").append(" edited");
            }
            if (paragraphsAdded > edited) {
                s.append(", ").append(paragraphsAdded - edited).append(" added");
            }
            if (paragraphsRemoved > edited) {
                s.append(", ").append(paragraphsRemoved - edited).append(" removed");
            }
            if (simhashDistance >= 0) {
                s.append("; SimHash ").append(simhashDistance).append(simhashDistance == 1 ? " bit" : " bits");
            }
            if (reExtracted) {
                s.append("; re-extracted");
            }
            return s.toString();
        }
    }
}
