package dev.newsharvester.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one ASCII host the fetcher resolves, checks, connects to and names in Host and SNI. */
class TargetTest {

    @ParameterizedTest(name = "{0} -> {1}:{2}")
    @CsvSource({
            "https://www.pravda.com.ua/eng/news/, www.pravda.com.ua, 443",
            "http://UNN.ua:8080/en/news/x, unn.ua, 8080",
            "http://unn.ua./en/, unn.ua, 80",
            // international names are mapped to punycode before anything else sees them
            "http://пример.укр/новини, xn--e1afmkfd.xn--j1amh, 80",
            "http://%D0%BF%D1%80%D0%B8%D0%BC%D0%B5%D1%80.%D1%83%D0%BA%D1%80/, xn--e1afmkfd.xn--j1amh, 80",
            // spellings of addresses that java.net.URI does not read as hosts still reach the guard as addresses
            "http://１２７.０.０.１:9000/, 127.0.0.1, 9000",
            "http://%EF%BC%91%EF%BC%92%EF%BC%97.0.0.2/, 127.0.0.2, 80",
            "http://127.1/, 127.1, 80",
            "http://0x7f.1:81/, 0x7f.1, 81",
            "http://2130706433/, 2130706433, 80",
            "http://[::FFFF:127.0.0.1]:8443/, ::ffff:127.0.0.1, 8443",
            "https://user:secret@news.example/, news.example, 443"
    })
    void readsTheHostAsItWillBeChecked(String url, String host, int port) {
        Target t = Target.of(URI.create(url));
        assertEquals(host, t.host());
        assertEquals(port, t.port());
    }

    @Test
    void buildsHostHeaderOriginAndRequestTarget() {
        Target t = Target.of(URI.create("http://[::1]:8080/новини/a%20b?x=1&y=%D0%B0"));
        assertEquals("[::1]:8080", t.hostHeader());
        assertEquals("http://[::1]:8080", t.origin());
        assertEquals("/%D0%BD%D0%BE%D0%B2%D0%B8%D0%BD%D0%B8/a%20b?x=1&y=%D0%B0", t.requestTarget());
        assertEquals("news.example", Target.of(URI.create("https://news.example")).hostHeader());
        assertEquals("/", Target.of(URI.create("https://news.example")).requestTarget());
        assertTrue(Target.of(URI.create("http://127.0.0.1/")).hostIsLiteral());
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://news.example/", "http:///path-only", "http://news.example:0/",
            "http://news.example:99999/", "http://[fe80::1%25eth0]/", "http://bad_%00host/"})
    void refusesWhatIsNotAHostToFetchFrom(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Target.of(URI.create(url)));
        assertTrue(e.getMessage().contains(url), e.getMessage());
    }
}
