package dev.newsharvester.search;

/**
 * A light Ukrainian stemmer: strips one inflectional ending (noun and adjective cases, the commonest verb forms) so
 * that the forms of a word meet at one stem ("вибори", "виборів", "виборах", "виборами" → "вибор"). Deliberately
 * conservative, in the spirit of Lucene's light stemmers: a stem keeps at least three letters, and no derivational
 * suffix is removed (precision over recall).
 */
final class UkrainianStemmer {

    /** Endings, longest first within each length so the longest match wins. */
    private static final String[] ENDINGS = {
        // adjectives and pronominal forms
        "ого", "ому", "ими", "ій", "ий", "их", "ім", "им", "ої", "ою", "ею", "єю", "ую", "юю",
        // nouns
        "ами", "ями", "ові", "еві", "єві", "ах", "ях", "ам", "ям", "ів", "їв", "ей", "ом", "ем", "єм",
        // verbs (infinitive, present and past)
        "ати", "яти", "ити", "іти", "ать", "ять", "уть", "ють", "ить", "іть", "ємо", "імо", "ете", "єте", "ите",
        "ла", "ло", "ли", "ся",
        // one letter
        "а", "я", "е", "є", "і", "ї", "и", "у", "ю", "о", "ь", "й"
    };
    private static final int MIN_STEM = 3;

    private UkrainianStemmer() {
    }

    /** The stem of a lower-cased word in {@code buf[0..len)}: the new length. */
    static int stem(char[] buf, int len) {
        int best = 0;
        for (String e : ENDINGS) {
            int n = e.length();
            if (n > best && len - n >= MIN_STEM && endsWith(buf, len, e)) {
                best = n;
            }
        }
        len -= best;
        // a soft sign left before a stripped ending ("учителька" → "учительк" stays; "сіль" → "сіл")
        if (len > MIN_STEM && buf[len - 1] == 'ь') {
            len--;
        }
        return len;
    }

    private static boolean endsWith(char[] buf, int len, String suffix) {
        int n = suffix.length();
        for (int i = 0; i < n; i++) {
            if (buf[len - n + i] != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
