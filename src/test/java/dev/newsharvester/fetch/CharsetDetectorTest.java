package dev.newsharvester.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CharsetDetectorTest {

    private static final String UK = HttpFetcherTest.fixture("article-uk.html");
    private static final Charset W1251 = CharsetDetector.WINDOWS_1251;
    private static final Charset W1252 = CharsetDetector.WINDOWS_1252;
    private static final List<String> CYRILLIC_PAGES = List.of("article-uk.html", "article-uk-energy.html", "article-ru.html");
    private static final List<String> LEGACY = List.of("windows-1251", "KOI8-U", "KOI8-R", "ISO-8859-5", "IBM866");

    /**
     * Every Cyrillic page in every legacy encoding, under every label a server might wrongly give it: none, UTF-8,
     * another Cyrillic charset, Latin-1, or a meta tag claiming UTF-8.
     */
    static List<Arguments> mislabelledPages() {
        List<Arguments> cases = new ArrayList<>();
        for (String page : CYRILLIC_PAGES) {
            for (String actual : LEGACY) {
                for (String label : new String[] {null, "utf-8", "windows-1251", "koi8-u", "iso-8859-1", "meta utf-8"}) {
                    cases.add(Arguments.of(page, actual, label));
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} in {1} labelled {2}")
    @MethodSource("mislabelledPages")
    void cyrillicPagesDecodeRightWhateverTheLabel(String page, String actual, String label) {
        Charset real = Charset.forName(actual);
        // The fixtures declare UTF-8 in a meta tag; without "meta" in the label, that tag is dropped.
        String html = HttpFetcherTest.fixture(page);
        String served = label != null && label.startsWith("meta") ? html : html.replace("<meta charset=\"utf-8\">", "");
        byte[] bytes = served.getBytes(real);

        Charset detected = CharsetDetector.detect(label == null || label.startsWith("meta") ? null : label, bytes);

        String expected = new String(bytes, real);
        assertEquals(expected, new String(bytes, detected), () -> "decoded with " + detected);
        String marker = switch (page) { // words every one of the encodings can represent
            case "article-ru.html" -> "движение трамваев";
            case "article-uk-energy.html" -> "Укренерго";
            default -> "бюджет";
        };
        assertTrue(new String(bytes, detected).contains(marker), "the fixture really is Cyrillic text");
    }

    @ParameterizedTest(name = "{0} as UTF-8 labelled {1}")
    @MethodSource("utf8Labels")
    void utf8PagesLabelledWithALegacyCharsetAreUtf8(String page, String label) {
        byte[] bytes = HttpFetcherTest.fixture(page).getBytes(StandardCharsets.UTF_8);
        assertEquals(StandardCharsets.UTF_8, CharsetDetector.detect(label, bytes));
    }

    static List<Arguments> utf8Labels() {
        List<Arguments> cases = new ArrayList<>();
        for (String page : CYRILLIC_PAGES) {
            for (String label : new String[] {"windows-1251", "koi8-r", "iso-8859-1", "shift_jis"}) {
                cases.add(Arguments.of(page, label));
            }
        }
        return cases;
    }

    @Test
    void detectorNamesKoi8UOnlyWhenUkrainianLettersOccur() {
        String ru = HttpFetcherTest.fixture("article-ru.html");
        assertEquals(CyrillicDetector.KOI8_R, CyrillicDetector.detect(ru.getBytes(CyrillicDetector.KOI8_U)));
        assertEquals(CyrillicDetector.KOI8_U, CyrillicDetector.detect(UK.getBytes(CyrillicDetector.KOI8_U)));
    }

    @Test
    void detectorDeclinesWesternTextAndTooLittleText() {
        String de = "<p>Der Bürgermeister von München eröffnete am Freitag das Café am Marienplatz; la crème de la crème "
                + "était là, à côté des députés. Ça a été très réussi, élégant et coûteux, où naïve façade.</p>";
        assertNull(CyrillicDetector.detect(de.getBytes(W1252)));
        assertNull(CyrillicDetector.detect("<title>Новини</title>".getBytes(W1251)));
    }

    @Test
    void utf8WithAStrayLegacyByteStaysUtf8() {
        byte[] utf8 = UK.getBytes(StandardCharsets.UTF_8);
        byte[] stray = new byte[utf8.length + 1];
        System.arraycopy(utf8, 0, stray, 0, 200);
        stray[200] = (byte) 0x96; // a windows-1252 en dash pasted into a UTF-8 template
        System.arraycopy(utf8, 200, stray, 201, utf8.length - 200);
        assertEquals(StandardCharsets.UTF_8, CharsetDetector.detect("utf-8", stray));
        assertEquals(StandardCharsets.UTF_8, CharsetDetector.detect(null, stray));
    }

    @Test
    void westernLegacyPageLabelledUtf8IsWindows1252() {
        String page = "<html><body><p>Der Bürgermeister von München eröffnete am Freitag das Café.</p></body></html>";
        assertEquals(W1252, CharsetDetector.detect("utf-8", page.getBytes(W1252)));
    }

    @Test
    void otherLegacyLabelsAreTrusted() {
        Charset sjis = Charset.forName("Shift_JIS");
        byte[] page = "<html><body><p>東京都は金曜日、新しい防災計画を発表した。</p></body></html>".getBytes(sjis);
        assertEquals(sjis, CharsetDetector.detect("shift_jis", page));
    }

    @Test
    void headerWins() {
        assertEquals(W1251, CharsetDetector.detect("windows-1251", UK.getBytes(W1251)));
        assertEquals(W1251, CharsetDetector.detect("CP1251", UK.getBytes(W1251)));
    }

    @Test
    void unknownHeaderCharsetIsIgnored() {
        assertEquals(StandardCharsets.UTF_8, CharsetDetector.detect("no-such-charset", UK.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void byteOrderMarkWinsOverTheHeader() {
        byte[] body = ("\uFEFF" + UK).getBytes(StandardCharsets.UTF_8);
        assertEquals(StandardCharsets.UTF_8, CharsetDetector.detect("windows-1251", body));
        byte[] utf16 = ("\uFEFF" + UK).getBytes(StandardCharsets.UTF_16LE);
        assertEquals(StandardCharsets.UTF_16LE, CharsetDetector.detect(null, utf16));
    }

    @Test
    void metaCharsetAndHttpEquivAreFound() {
        String meta = UK.replace("<head>", "<head>\n  <meta charset=\"windows-1251\">");
        assertEquals(W1251, CharsetDetector.detect(null, meta.getBytes(W1251)));
        String equiv = UK.replace("<head>", "<head>\n  <meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">");
        assertEquals(W1251, CharsetDetector.detect(null, equiv.getBytes(W1251)));
    }

    @Test
    void metaLatin1MeansWindows1252() {
        String page = "<html><head><meta charset=\"iso-8859-1\"><title>Café</title></head><body>Crème brûlée</body></html>";
        assertEquals(W1252, CharsetDetector.detect(null, page.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void xmlDeclarationIsFound() {
        String feed = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss version=\"2.0\"><channel><title>Новини</title></channel></rss>";
        assertEquals(W1251, CharsetDetector.detect(null, feed.getBytes(W1251)));
    }

    @Test
    void undeclaredUtf8IsRecognised() {
        assertEquals(StandardCharsets.UTF_8, CharsetDetector.detect(null, UK.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void undeclaredCyrillicLegacyPageIsWindows1251() {
        assertEquals(W1251, CharsetDetector.detect(null, UK.getBytes(W1251)));
    }

    @Test
    void undeclaredWesternLegacyPageIsWindows1252() {
        String page = "<html><body><p>Der Bürgermeister von München eröffnete am Freitag das Café am Marienplatz; "
                + "la crème de la crème était là, à côté des députés.</p></body></html>";
        assertEquals(W1252, CharsetDetector.detect(null, page.getBytes(W1252)));
    }
}
