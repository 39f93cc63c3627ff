package dev.newsharvester.fetch;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.List;
import java.util.Map;

/**
 * Tells which single-byte Cyrillic encoding a body is in (windows-1251, KOI8-U/KOI8-R, ISO-8859-5, IBM866), or that
 * it is not Cyrillic text at all, by letter frequencies.
 *
 * <p>Each candidate maps every byte above 0x7F to a character. Read in the right encoding, Ukrainian or Russian text
 * is mostly frequent lower-case letters (о, а, н, е, и, і, т …); read in a wrong one, the same bytes become rare
 * letters, capitals (KOI8 has the cases the other way round from windows-1251) or box-drawing symbols. So the score of
 * a candidate is the mean weight of the body's high bytes: the letter's frequency in running text for lower-case
 * letters, a third of it for capitals, nothing for punctuation, and a penalty for symbols and control characters that
 * real text does not contain. One pass builds a byte histogram; scoring a candidate is then 128 multiplications.
 */
final class CyrillicDetector {

    /** Letter frequencies per mille, the higher of Ukrainian and Russian news text. */
    private static final Map<Character, Integer> FREQUENCY = Map.ofEntries(
            Map.entry('о', 110), Map.entry('е', 85), Map.entry('а', 80), Map.entry('и', 74), Map.entry('н', 67),
            Map.entry('т', 63), Map.entry('і', 58), Map.entry('с', 55), Map.entry('р', 47), Map.entry('в', 46),
            Map.entry('л', 44), Map.entry('к', 35), Map.entry('у', 33), Map.entry('м', 32), Map.entry('д', 32),
            Map.entry('п', 29), Map.entry('я', 22), Map.entry('з', 21), Map.entry('ы', 19), Map.entry('ь', 17),
            Map.entry('г', 17), Map.entry('б', 16), Map.entry('ч', 14), Map.entry('й', 12), Map.entry('х', 12),
            Map.entry('ц', 10), Map.entry('ж', 9), Map.entry('ш', 8), Map.entry('ю', 8), Map.entry('ї', 7),
            Map.entry('щ', 6), Map.entry('є', 4), Map.entry('э', 3), Map.entry('ф', 3), Map.entry('ґ', 1),
            Map.entry('ъ', 1), Map.entry('ё', 1));

    private static final int PENALTY = -40;
    /** Fewer Cyrillic-looking bytes than this say too little to override anything. */
    private static final int MIN_HIGH_BYTES = 16;
    /** Mean weight the winner needs: running Cyrillic text scores about 50, wrong readings 10 to 25. */
    private static final int MIN_SCORE = 30;

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    static final Charset KOI8_U = Charset.forName("KOI8-U");
    static final Charset KOI8_R = Charset.forName("KOI8-R");
    private static final List<Charset> CANDIDATES = List.of(WINDOWS_1251, KOI8_U, Charset.forName("ISO-8859-5"),
            Charset.forName("IBM866"));
    /** KOI8-U bytes that are Ukrainian letters (є і ї ґ, both cases) where KOI8-R has box drawing. */
    private static final int[] KOI8_U_ONLY = {0xa4, 0xa6, 0xa7, 0xad, 0xb4, 0xb6, 0xb7, 0xbd};

    private static final int[][] WEIGHTS = new int[CANDIDATES.size()][];

    static {
        for (int i = 0; i < CANDIDATES.size(); i++) {
            WEIGHTS[i] = weights(CANDIDATES.get(i));
        }
    }

    private CyrillicDetector() {
    }

    /** The encoding this body's text is in, or null when it does not read as Cyrillic text in any candidate. */
    static Charset detect(byte[] body) {
        int[] histogram = new int[128];
        long high = 0;
        long letters = 0;
        long inRuns = 0;
        boolean previousHigh = false;
        for (byte x : body) {
            boolean isHigh = x < 0;
            if (isHigh) {
                histogram[x & 0x7f]++;
                high++;
                if (previousHigh) {
                    inRuns++;
                }
                letters++;
            }
            previousHigh = isHigh;
        }
        // Cyrillic words are runs of high bytes; accented Latin letters (café, Müller) mostly stand alone.
        if (high < MIN_HIGH_BYTES || inRuns * 2 < letters) {
            return null;
        }
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < CANDIDATES.size(); i++) {
            long sum = 0;
            for (int b = 0; b < 128; b++) {
                sum += (long) histogram[b] * WEIGHTS[i][b];
            }
            double score = (double) sum / high;
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        if (bestScore < MIN_SCORE) {
            return null;
        }
        Charset winner = CANDIDATES.get(best);
        if (winner.equals(KOI8_U)) {
            // Both read Russian text the same way; name KOI8-R unless the Ukrainian letters occur.
            for (int b : KOI8_U_ONLY) {
                if (histogram[b & 0x7f] > 0) {
                    return KOI8_U;
                }
            }
            return KOI8_R;
        }
        return winner;
    }

    /** True for the encodings this detector tells apart (their labels are checked against the bytes). */
    static boolean isCandidate(Charset c) {
        return CANDIDATES.contains(c) || c.equals(KOI8_R) || c.name().equalsIgnoreCase("x-mac-cyrillic");
    }

    private static int[] weights(Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        int[] w = new int[128];
        for (int b = 0x80; b <= 0xff; b++) {
            CharBuffer out;
            try {
                out = decoder.reset().decode(ByteBuffer.wrap(new byte[] {(byte) b}));
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new AssertionError("REPLACE never throws", e);
            }
            char c = out.length() == 1 ? out.charAt(0) : '\uFFFD';
            w[b & 0x7f] = weight(c);
        }
        return w;
    }

    private static int weight(char c) {
        if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC && Character.isLetter(c)) {
            char lower = Character.toLowerCase(c);
            int f = FREQUENCY.getOrDefault(lower, 0);
            return c == lower ? f : f / 3;
        }
        boolean control = c < 0xa0;                              // C1 controls
        boolean boxOrBlock = c >= 0x2500 && c <= 0x259f;         // box drawing, block elements
        boolean unmapped = c == '\uFFFD';
        return control || boxOrBlock || unmapped ? PENALTY : 0;
    }
}
