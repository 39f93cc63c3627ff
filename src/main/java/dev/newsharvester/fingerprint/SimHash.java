package dev.newsharvester.fingerprint;

import java.util.List;

/**
 * 64-bit SimHash (Charikar) over word 3-shingles of the lower-cased normalised text, every
 * shingle weighing the same. Near-copies differ in few bits; the index looks them up within
 * Hamming distance 3.
 *
 * <p>Sensitivity: a bit flips with probability about {@code atan(sqrt(2m/n))/pi} when m of n
 * shingles change, so a one-word edit of a 500-word text (m = 3) flips about 2 bits, and
 * replacing a whole 20-word sentence (m = 20) about 5.
 */
public final class SimHash {

    /** Words per shingle. */
    public static final int SHINGLE = 3;

    private SimHash() {
    }

    /** SimHash of a text; 0 for a text without words. */
    public static long of(String text) {
        List<String> words = Tokens.words(text);
        if (words.isEmpty()) {
            return 0L;
        }
        int[] votes = new int[64];
        if (words.size() < SHINGLE) {
            vote(votes, Hashing.hash64(String.join(" ", words)));
        } else {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i + SHINGLE <= words.size(); i++) {
                sb.setLength(0);
                for (int j = 0; j < SHINGLE; j++) {
                    if (j > 0) {
                        sb.append(' ');
                    }
                    sb.append(words.get(i + j));
                }
                vote(votes, Hashing.hash64(sb.toString()));
            }
        }
        long result = 0L;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                result |= 1L << bit;
            }
        }
        return result;
    }

    /** Number of differing bits. */
    public static int hammingDistance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    private static void vote(int[] votes, long h) {
        for (int bit = 0; bit < 64; bit++) {
            votes[bit] += ((h >>> bit) & 1L) != 0 ? 1 : -1;
        }
    }
}
