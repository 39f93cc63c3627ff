package dev.newsharvester.fingerprint;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The fingerprint internals the benchmarks compare alternatives with (test code only). */
public final class BenchAccess {

    private BenchAccess() {
    }

    /** The word tokens both similarity fingerprints start from. */
    public static List<String> words(String text) {
        return Tokens.words(text);
    }

    /** Content words (no function words, no bare numbers, three letters or more), cut to {@code stem} letters (0: whole words). */
    public static Set<String> contentWords(String text, int stem) {
        return MinHash.contentWords(text, stem);
    }

    /** The MinHash estimate used before: 128 full-width slots. */
    public static double previousStorySimilarity(MinHash a, MinHash b) {
        return a.fullWidthSimilarity(b, 128);
    }

    /** Word n-shingles. */
    public static Set<String> shingles(String text, int n) {
        List<String> w = Tokens.words(text);
        Set<String> out = new HashSet<>();
        for (int i = 0; i + n <= w.size(); i++) {
            out.add(String.join(" ", w.subList(i, i + n)));
        }
        return out;
    }

    /** The SimHash this project used before: word 3-shingles, every shingle weighing the same. */
    public static long shingleSimHash(String text) {
        List<String> w = Tokens.words(text);
        int[] votes = new int[64];
        for (int i = 0; i + 3 <= w.size(); i++) {
            long h = Hashing.hash64(w.get(i) + " " + w.get(i + 1) + " " + w.get(i + 2));
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += ((h >>> bit) & 1L) != 0 ? 1 : -1;
            }
        }
        long out = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                out |= 1L << bit;
            }
        }
        return out;
    }
}
