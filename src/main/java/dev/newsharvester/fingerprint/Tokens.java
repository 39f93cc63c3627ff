package dev.newsharvester.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Word tokens for the similarity fingerprints: lower-cased runs of letters, marks and digits. */
final class Tokens {

    private Tokens() {
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        String s = TextNormalizer.normalize(text).toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean word = Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(s.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            out.add(s.substring(start));
        }
        return out;
    }
}
