package dev.newsharvester.fingerprint;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * MinHash signature of the set of a text's content words (lower-cased, three letters or more, no
 * function words, no bare numbers), for grouping different write-ups of one story. An immutable
 * value; {@link #similarity} estimates the Jaccard similarity of two word sets.
 *
 * <p>Words are cut to their first {@value #STEM} letters: a crude stemmer that merges inflected
 * forms, which Ukrainian and Russian have many of (Україна, України, Україні; council,
 * councillors). On the test pairs it raises the similarity of two Ukrainian write-ups of one
 * story from 0.13 to 0.25 and leaves English pairs about where they were.
 *
 * <p>The signature is a b-bit MinHash (Li and König): {@value #SLOTS} hash functions
 * {@code fmix64(h(word) ^ seed_i)} (seeds from a fixed SplitMix64 sequence, so signatures are
 * stable across runs and machines), of whose minima only the lowest {@value #BITS} bits are kept,
 * 512 bytes in all. Two slots then also agree by chance (1 in 16), which {@link #similarity}
 * corrects for. For the same 512 bytes this estimates far more precisely than 128 full 32-bit
 * slots (standard error 0.014 instead of 0.035 at J = 0.2), which is what decides precision at a
 * threshold near 0.2: on labelled pairs (FingerprintBench) at 0.20, precision 0.76 and recall 0.58
 * against 0.32 and 0.48 with 128 full-width slots.
 *
 * <p>The first {@value #BANDS} minima are also kept at full width: they are the LSH band keys of
 * the index's same-story lookup ({@link #bandKeys()}), one slot per band. Two write-ups of one
 * story share only 15–35% of their content words, so bands of two or more slots almost never agree
 * (at J = 0.25 a two-slot band agrees with probability 0.06); with one slot, eight bands give a
 * pair at J = 0.20 a chance of 0.83 (0.94 at J = 0.30) to be compared at all. Every band is one
 * index entry (one write unit) per version: eight bands find 18 of the 19 labelled pairs that reach
 * the threshold, twelve find all 19 for four more units, four only 12.
 */
public final class MinHash {

    /** Number of hash functions (signature slots). */
    public static final int SLOTS = 1024;

    /** Bits kept of each slot's minimum. */
    public static final int BITS = 4;

    /** LSH bands (one full-width slot each): the index entries a version gets for the same-story lookup. */
    public static final int BANDS = 8;

    /** Letters of a word that are kept (crude stemming). */
    static final int STEM = 6;

    /** Bytes of {@link #toBytes()}: the band minima, then the packed slots. */
    public static final int ENCODED_LENGTH = BANDS * Integer.BYTES + SLOTS * BITS / 8;

    /** Slot value of a text with no content words. */
    private static final int EMPTY_SLOT = -1; // 0xFFFFFFFF, the unsigned maximum

    private static final long[] SEEDS = new long[SLOTS];

    static {
        long state = 0x6E657773L; // "news"
        for (int i = 0; i < SLOTS; i++) {
            state = Hashing.splitMix64(state);
            SEEDS[i] = state;
        }
    }

    /** Full-width minima: all SLOTS for a computed signature, the first BANDS for a decoded one. */
    private final int[] minima;
    /** The low BITS bits of every slot, two slots per byte. */
    private final byte[] packed;

    private MinHash(int[] minima, byte[] packed) {
        this.minima = minima;
        this.packed = packed;
    }

    /** The signature of a text. */
    public static MinHash of(String text) {
        int[] sig = new int[SLOTS];
        Arrays.fill(sig, EMPTY_SLOT);
        for (String word : contentWords(text)) {
            long base = Hashing.hash64(word);
            for (int i = 0; i < SLOTS; i++) {
                int v = (int) (Hashing.fmix64(base ^ SEEDS[i]) >>> 32);
                if (Integer.compareUnsigned(v, sig[i]) < 0) {
                    sig[i] = v;
                }
            }
        }
        byte[] packed = new byte[SLOTS * BITS / 8];
        for (int i = 0; i < SLOTS; i++) {
            packed[i / 2] |= (byte) ((sig[i] & 0xF) << (i % 2 == 0 ? 0 : 4));
        }
        return new MinHash(sig, packed);
    }

    /**
     * Reads a signature written by {@link #toBytes()}.
     *
     * @throws IllegalArgumentException if the length is not {@value #ENCODED_LENGTH} bytes
     */
    public static MinHash fromBytes(byte[] encoded) {
        if (encoded == null || encoded.length != ENCODED_LENGTH) {
            throw new IllegalArgumentException("a MinHash signature is " + ENCODED_LENGTH + " bytes, got "
                    + (encoded == null ? "null" : encoded.length + " (written by an older version? re-run reprocess)"));
        }
        ByteBuffer buf = ByteBuffer.wrap(encoded);
        int[] minima = new int[BANDS];
        buf.asIntBuffer().get(minima);
        return new MinHash(minima, Arrays.copyOfRange(encoded, BANDS * Integer.BYTES, encoded.length));
    }

    /** {@value #ENCODED_LENGTH} bytes: the {@value #BANDS} band minima (big-endian ints), then the packed slots. */
    public byte[] toBytes() {
        ByteBuffer buf = ByteBuffer.allocate(ENCODED_LENGTH);
        for (int i = 0; i < BANDS; i++) {
            buf.putInt(minima[i]);
        }
        return buf.put(packed).array();
    }

    /** True for a text without content words: it is similar to nothing and has no band keys. */
    public boolean isEmpty() {
        for (int i = 0; i < BANDS; i++) {
            if (minima[i] != EMPTY_SLOT) {
                return false;
            }
        }
        return true;
    }

    /**
     * Estimated Jaccard similarity of the two word sets, in [0, 1]: the share of equal slots,
     * less the agreement expected by chance. Empty signatures are similar to nothing.
     */
    public double similarity(MinHash other) {
        if (isEmpty() || other.isEmpty()) {
            return 0.0;
        }
        int equal = 0;
        for (int i = 0; i < packed.length; i++) {
            int x = packed[i] ^ other.packed[i];
            equal += ((x & 0x0F) == 0 ? 1 : 0) + ((x & 0xF0) == 0 ? 1 : 0);
        }
        double chance = 1.0 / (1 << BITS);
        double j = ((double) equal / SLOTS - chance) / (1 - chance);
        return Math.max(0.0, Math.min(1.0, j));
    }

    /**
     * The estimate this project made before: the share of equal full-width minima over the first
     * {@code slots} hash functions (128 then). Needs computed signatures; for benchmarks.
     */
    double fullWidthSimilarity(MinHash other, int slots) {
        if (slots > minima.length || slots > other.minima.length) {
            throw new IllegalArgumentException("full-width minima of " + slots + " slots need computed signatures");
        }
        if (isEmpty() || other.isEmpty()) {
            return 0.0;
        }
        int equal = 0;
        for (int i = 0; i < slots; i++) {
            equal += minima[i] == other.minima[i] ? 1 : 0;
        }
        return (double) equal / slots;
    }

    /** The {@value #BANDS} LSH band keys (8 hex digits each, band i at index i); empty for an empty signature. */
    public List<String> bandKeys() {
        return bandKeys(1, BANDS);
    }

    /**
     * Band keys of another banding, for benchmarks: {@code bands} keys of {@code rows} full-width
     * slots each. Needs a computed signature ({@link #of}) when it reaches beyond the stored bands.
     */
    public List<String> bandKeys(int rows, int bands) {
        if (rows < 1 || bands < 1 || rows * bands > minima.length) {
            throw new IllegalArgumentException(rows + " x " + bands + " band slots; this signature has " + minima.length
                    + " full-width slots");
        }
        if (isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(bands);
        StringBuilder b = new StringBuilder(8 * rows);
        for (int band = 0; band < bands; band++) {
            b.setLength(0);
            for (int row = 0; row < rows; row++) {
                b.append(String.format("%08x", minima[band * rows + row]));
            }
            out.add(b.toString());
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinHash m && Arrays.equals(packed, m.packed)
                && Arrays.equals(minima, 0, BANDS, m.minima, 0, BANDS);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(packed);
    }

    @Override
    public String toString() {
        return "MinHash[" + (isEmpty() ? "empty" : String.join(",", bandKeys())) + "]";
    }

    /** The set of (stemmed) content words the signature is computed over, in first-seen order. */
    static Set<String> contentWords(String text) {
        return contentWords(text, STEM);
    }

    /** Content words cut to {@code stem} letters (0: whole words). */
    static Set<String> contentWords(String text, int stem) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : Tokens.words(text)) {
            int letters = w.codePointCount(0, w.length());
            if (letters >= 3 && !Stopwords.contains(w) && !isNumber(w)) {
                out.add(stem > 0 && letters > stem ? w.substring(0, w.offsetByCodePoints(0, stem)) : w);
            }
        }
        return out;
    }

    private static boolean isNumber(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (!Character.isDigit(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
