package dev.newsharvester.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetDetectorTest {

    private static final String UK = HttpFetcherTest.fixture("article-uk.html");
    private static final Charset W1251 = CharsetDetector.WINDOWS_1251;
    private static final Charset W1252 = CharsetDetector.WINDOWS_1252;

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
