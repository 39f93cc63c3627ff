package dev.newsharvester.fingerprint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprinterTest {

    private static String read(String name) {
        try (InputStream in = FingerprinterTest.class.getResourceAsStream("/fingerprint/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource fingerprint/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void normalizeCanonicalisesSpacesQuotesDashesAndInvisibles() {
        assertEquals("a \"quoted\" word - and 'single' - end\nsecond paragraph",
                TextNormalizer.normalize("  a\u00A0“quoted”\u2003word — and ‘single’ – end  \r\n\r\n\t second\u200B para\u00ADgraph \n"));
        assertEquals("\"x\" \"y\" 'z' ----", TextNormalizer.normalize("«x» „y‟ ‚z‛ ‐‑‒―"));
        assertEquals("ABC 123", TextNormalizer.normalize("ＡＢＣ １２３"), "NFKC folds full-width forms");
        assertEquals("Case Kept", TextNormalizer.normalize("Case Kept"));
        assertEquals("", TextNormalizer.normalize(null));
        assertEquals("", TextNormalizer.normalize(" \u200B\uFEFF\n\n "));
    }

    @Test
    void sameTextInDifferentClothesHasTheSameHash() {
        String base = "The council met on Tuesday. \"We agreed,\" the mayor said - and left.\n\nA second paragraph follows.";
        List<String> variants = List.of(
                "The council met on Tuesday.  “We agreed,” the mayor said — and left.\n\n\nA second paragraph follows.",
                "The\u00A0council met on Tuesday. «We agreed,» the mayor said – and left.\r\n\r\nA second paragraph follows.",
                "\uFEFFThe coun\u200Bcil met on Tues\u00ADday. „We agreed,‟ the mayor said ― and left.\n \nA second paragraph follows.  ",
                "  The council met on Tuesday.\t\"We agreed,\" the mayor said - and left.\u2029A second paragraph follows.");
        String expected = Fingerprinter.of(base).sha256();
        assertTrue(expected.matches("[0-9a-f]{64}"), "lower-case hex SHA-256");
        for (String v : variants) {
            assertEquals(expected, Fingerprinter.of(v).sha256(), () -> "variant hashed differently: " + v);
        }
    }

    @Test
    void oneWordEditChangesTheHash() {
        String text = read("city-budget-report.txt");
        String edited = text.replace("6.4 billion hryvnias", "6.5 billion hryvnias");
        String recased = text.replace("The mayor defended", "the mayor defended");
        assertNotEquals(text, edited);
        assertNotEquals(Fingerprinter.of(text).sha256(), Fingerprinter.of(edited).sha256());
        assertNotEquals(Fingerprinter.of(text).sha256(), Fingerprinter.of(text.replace("Thursday", "Wednesday")).sha256());
        assertNotEquals(Fingerprinter.of(text).sha256(), Fingerprinter.of(recased).sha256(), "case is part of the text");
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Fingerprinter.of("").sha256(),
                "SHA-256 of the empty string");
    }

    @Test
    void simhashIsCloseForASentenceEditAndFarForUnrelatedTexts() {
        String text = read("city-budget-report.txt");
        assertTrue(text.split("\\s+").length >= 500);
        long base = SimHash.of(text);
        String oneSentence = text.replace("The council set aside 1.1 billion hryvnias for the first stage of the work",
                        "The council set aside 1.3 billion hryvnias for the first phase of the work");
        assertNotEquals(text, oneSentence);
        int near = SimHash.hammingDistance(base, SimHash.of(oneSentence));
        int appended = SimHash.hammingDistance(base, SimHash.of(text + "\n\nThis article was updated on Friday."));
        List<Integer> far = new ArrayList<>();
        for (String other : List.of("story-train-cna.txt", "wind-farm.txt", "lviv-heating-uk.txt", "story-train-herald.txt")) {
            far.add(SimHash.hammingDistance(base, SimHash.of(read(other))));
        }
        System.out.printf("SimHash Hamming: sentence edit %d, appended sentence %d, unrelated %s%n", near, appended, far);
        assertTrue(near <= 3, "one-sentence edit of a 500-word text: " + near);
        assertTrue(appended <= 5, "appended sentence: " + appended);
        for (int d : far) {
            assertTrue(d > 10, "unrelated texts must be far apart: " + far);
        }
        assertEquals(base, SimHash.of(TextNormalizer.normalize(text)), "insensitive to normalisation");
        assertEquals(base, SimHash.of(text.toUpperCase(java.util.Locale.ROOT)), "case-insensitive");
        assertEquals(0L, SimHash.of(""));
        assertEquals(Fingerprinter.of(text).simhash(), base);
    }

    @Test
    void storySimilaritySeparatesWriteUpsOfOneStoryFromUnrelatedNews() {
        String[] names = {"story-train-cna.txt", "story-train-herald.txt", "wind-farm.txt", "city-budget-report.txt",
                "lviv-heating-uk.txt", "lviv-heating-uk-2.txt"};
        MinHash[] sig = new MinHash[names.length];
        for (int i = 0; i < names.length; i++) {
            sig[i] = Fingerprinter.of(read(names[i])).minhash();
            assertEquals(MinHash.BANDS, sig[i].bandKeys().size());
        }
        double sameEn = Fingerprinter.storySimilarity(sig[0], sig[1]);
        double sameUk = Fingerprinter.storySimilarity(sig[4], sig[5]);
        double maxUnrelated = 0;
        StringBuilder report = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            for (int j = i + 1; j < names.length; j++) {
                double s = Fingerprinter.storySimilarity(sig[i], sig[j]);
                report.append(String.format("  %-24s %-24s %.3f%n", names[i], names[j], s));
                boolean sameStory = (i == 0 && j == 1) || (i == 4 && j == 5);
                if (!sameStory) {
                    maxUnrelated = Math.max(maxUnrelated, s);
                }
            }
        }
        System.out.print("MinHash story similarity:\n" + report);
        assertTrue(sameEn >= 2 * maxUnrelated && sameEn - maxUnrelated >= 0.15,
                "English write-ups " + sameEn + " vs unrelated max " + maxUnrelated);
        assertTrue(sameUk >= 2 * maxUnrelated && sameUk - maxUnrelated >= 0.1,
                "Ukrainian write-ups " + sameUk + " vs unrelated max " + maxUnrelated);
        assertEquals(1.0, Fingerprinter.storySimilarity(sig[0], MinHash.fromBytes(sig[0].toBytes())), "round trip");
        assertEquals(sameEn, Fingerprinter.storySimilarity(sig[1], sig[0]), "symmetric");
    }

    @Test
    void signaturesRoundTripRejectBadBytesAndIgnoreEmptyTexts() {
        MinHash a = Fingerprinter.of("Harbour council votes on wind farm").minhash();
        assertEquals(MinHash.ENCODED_LENGTH, a.toBytes().length);
        assertEquals(a, MinHash.fromBytes(a.toBytes()));
        assertEquals(a.bandKeys(), MinHash.fromBytes(a.toBytes()).bandKeys());
        assertTrue(a.bandKeys().stream().allMatch(k -> k.matches("[0-9a-f]{8}")), a.bandKeys().toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MinHash.fromBytes(new byte[512]));
        assertTrue(e.getMessage().contains("got 512"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MinHash.fromBytes(null));
        MinHash empty = Fingerprinter.of("the and of 12 34").minhash();
        assertTrue(empty.isEmpty());
        assertEquals(List.of(), empty.bandKeys());
        assertEquals(0.0, Fingerprinter.storySimilarity(empty, MinHash.fromBytes(empty.toBytes())), "no content words, no story");
        assertEquals(MinHash.of("Wind farm council"), MinHash.of("Wind farm council"), "deterministic");
        assertArrayEquals(MinHash.of("Wind farm council").toBytes(), MinHash.of("wind FARM council!").toBytes());
    }

    @Test
    void simhashBlocksAreTheFourSixteenBitQuartersHighFirst() {
        long h = SimHash.parseHex("f0e1d2c3b4a59687");
        assertEquals(List.of(0xf0e1, 0xd2c3, 0xb4a5, 0x9687),
                List.of(SimHash.block(h, 0), SimHash.block(h, 1), SimHash.block(h, 2), SimHash.block(h, 3)));
        assertEquals(-1L, SimHash.parseHex("ffffffffffffffff"));
        assertThrows(IllegalArgumentException.class, () -> SimHash.parseHex("f0e1"));
        assertThrows(IllegalArgumentException.class, () -> SimHash.block(h, 4));
        // pigeonhole: within 3 bits, at least one block is equal
        long near = h ^ (1L << 60) ^ (1L << 40) ^ (1L << 20);
        assertEquals(3, SimHash.hammingDistance(h, near));
        assertEquals(SimHash.block(h, 3), SimHash.block(near, 3));
    }

    @Test
    void wordOrderAndRepeatedChromeWordsBarelyMoveTheSimHash() {
        String text = read("city-budget-report.txt");
        String[] paragraphs = text.split("\n\n");
        java.util.Collections.reverse(java.util.Arrays.asList(paragraphs));
        assertEquals(SimHash.of(text), SimHash.of(String.join("\n\n", paragraphs)), "paragraph order does not matter");
        assertTrue(SimHash.hammingDistance(SimHash.of(text), SimHash.of(text.replaceFirst("budget", "plan"))) <= 3);
    }

    @Test
    void bBitEstimateCorrectsForChanceAgreement() {
        MinHash a = MinHash.of(read("story-train-cna.txt"));
        assertEquals(1.0, a.similarity(MinHash.of(read("story-train-cna.txt"))));
        double unrelated = a.similarity(MinHash.of(read("city-budget-report.txt")));
        assertTrue(unrelated < 0.1, "a 4-bit slot agrees by chance 1 time in 16; the estimate takes that out: " + unrelated);
    }
}
