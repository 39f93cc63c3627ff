package dev.newsharvester.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.newsharvester.extract.ArticleExtractor;
import dev.newsharvester.extract.Extraction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per normalisation rule, then whole pages served in different clothes. */
class TextNormalizerTest {

    private static String n(String s) {
        return TextNormalizer.normalize(s);
    }

    @Test
    void entitiesLeftInTheTextAreDecodedNamedOrNumeric() {
        String plain = "Kyiv’s mayor — “no delays”";
        assertEquals(n(plain), n("Kyiv&rsquo;s mayor &mdash; &ldquo;no delays&rdquo;"));
        assertEquals(n(plain), n("Kyiv&#8217;s mayor &#8212; &#x201C;no delays&#x201D;"));
        assertEquals(n(plain), n("Kyiv&amp;rsquo;s mayor &amp;#8212; &amp;ldquo;no delays&amp;rdquo;"), "escaped twice");
        assertEquals(n("10 000 tons"), n("10&nbsp;000 tons"));
        assertEquals("AT&T and R&D", n("AT&T and R&D"), "a bare ampersand is text");
    }

    @Test
    void quotesOfEveryStyleBecomeStraight() {
        assertEquals("\"Так,\" - сказав він", n("«Так,» — сказав він"));
        assertEquals("\"Да\", - сказал он", n("„Да“, – сказал он"));
        assertEquals("'single' and \"double\"", n("‘single’ and “double”"));
        assertEquals("'x' \"y\"", n("‹x› 〝y〞"));
    }

    @Test
    void apostropheLookAlikesAreOneApostrophe() {
        String expected = "п'ятниця, м'ясо, сім'я";
        assertEquals(expected, n("пʼятниця, мʼясо, сімʼя"), "U+02BC, the Ukrainian apostrophe");
        assertEquals(expected, n("п’ятниця, м’ясо, сім’я"));
        assertEquals(expected, n("п`ятниця, м´ясо, сім'я"), "backtick and acute typed as apostrophes");
    }

    @Test
    void dashesAndMinusesBecomeHyphens() {
        assertEquals("2024-2025 - a -5 degrees", n("2024–2025 — a −5 degrees"));
        assertEquals("a-b-c-d", n("a‐b‑c﹣d"));
    }

    @Test
    void invisibleCharactersGo() {
        assertEquals("Entwurf des Selbstbestimmungsgesetzes", n("\uFEFFEnt\u00ADwurf des Selbst\u00ADbestimmungs\u00ADgesetzes\u200B"));
        assertEquals("word joiner", n("word\u2060 jo\u200Diner\u200C"));
        assertEquals("right-to-left", n("\u200Fright\u202A-to-\u202Cleft\u2066"));
        assertEquals("heart ❤", n("heart ❤\uFE0F"), "variation selectors");
    }

    @Test
    void compatibilityFormsFoldWithNfkc() {
        assertEquals("file office...", n("ﬁle oﬃce…"));
        assertEquals("Kyiv 2025", n("Ｋｙｉｖ　２０２５"));
    }

    @Test
    void whitespaceAndLineBreaksOfEveryKindAreOneSpaceOrOneBreak() {
        String expected = "First paragraph, two spaces.\nSecond paragraph.";
        assertEquals(expected, n("First  paragraph,\u00A0two\u2009spaces.\r\n\r\nSecond paragraph."));
        assertEquals(expected, n("  First paragraph, two spaces.\n \t\n\nSecond\tparagraph.  \n"));
        assertEquals(expected, n("First paragraph, two spaces.\u2029Second paragraph."));
        assertEquals(expected, n("First paragraph, two spaces.\rSecond paragraph."), "old Mac line ends");
    }

    @Test
    void caseAndWordsStayDistinct() {
        assertNotEquals(n("The Mayor said"), n("the mayor said"));
        assertNotEquals(n("6.4 billion"), n("6.5 billion"));
    }

    // ----- whole pages -----

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="uk"><head><meta charset="utf-8"><title>Київ готується до зими | Міські новини</title>
            <meta property="og:site_name" content="Міські новини"></head>
            <body>
            <header><nav><a href="/">Головна</a> <a href="/kyiv">Київ</a> <a href="/economy">Економіка</a></nav>%s</header>
            <article><h1>Київ готується до зими</h1>
            <p>Мер Києва заявив, що міські котельні готові на 96&nbsp;%% і що опалення дадуть &laquo;вчасно&raquo;.</p>
            <p>За його словами, у п&rsquo;ятницю перевірять резервні генератори &mdash; їх у місті понад 1&#160;200.</p>
            <p>&bdquo;Ми не чекатимемо морозів&ldquo;, &#8212; сказав посадовець і додав, що ремонт мереж завершать до жовтня.</p>
            </article>
            <aside class="popular"><h3>Популярне</h3><ul>%s</ul></aside>
            <footer>© 2025 Міські новини. Переглядів: %s</footer>
            </body></html>
            """;

    private static String page(String entitiesStyle, String banner, String popular, String views) {
        String html = PAGE.formatted(banner, popular, views);
        return switch (entitiesStyle) {
            case "named" -> html;
            case "numeric" -> html.replace("&nbsp;", "&#160;").replace("&laquo;", "&#171;").replace("&raquo;", "&#187;")
                    .replace("&rsquo;", "&#8217;").replace("&mdash;", "&#x2014;").replace("&bdquo;", "&#8222;")
                    .replace("&ldquo;", "&#8220;");
            case "characters" -> html.replace("&nbsp;", "\u00A0").replace("&laquo;", "«").replace("&raquo;", "»")
                    .replace("&rsquo;", "ʼ").replace("&mdash;", "—").replace("&bdquo;", "„").replace("&ldquo;", "“")
                    .replace("&#8212;", "—").replace("&#160;", "\u00A0").replace("\n", "\r\n");
            default -> throw new IllegalArgumentException(entitiesStyle);
        };
    }

    private static String sha(String html) {
        // Round-trip through bytes as a fetcher would, with a BOM that some servers send.
        byte[] bytes = ("\uFEFF" + html).getBytes(StandardCharsets.UTF_8);
        Extraction x = new ArticleExtractor().extract(new String(bytes, StandardCharsets.UTF_8), "https://news.example/kyiv/winter",
                null, ZoneId.of("Europe/Kyiv"));
        return Fingerprinter.of(x.article().text()).sha256();
    }

    @Test
    void theSameArticleInDifferentChromeAndEntityStylesHashesTheSame() {
        String first = sha(page("named", "<div class=\"ad\">Реклама</div>", "<li><a href=\"/a\">Новина один</a></li>", "1 204"));
        List<String> others = List.of(
                page("numeric", "<div class=\"ad\">Знижки тижня</div>", "<li><a href=\"/b\">Новина два</a></li>", "2 518"),
                page("characters", "", "<li><a href=\"/c\">Новина три</a></li><li><a href=\"/d\">Новина чотири</a></li>", "3 900"));
        for (String other : others) {
            assertEquals(first, sha(other));
        }
        assertNotEquals(first, sha(page("named", "", "", "1").replace("96&nbsp;%", "97&nbsp;%")), "a changed figure is a new text");
    }
}
