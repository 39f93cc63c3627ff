package dev.newsharvester.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LocationsTest {

    private static final URI BASE = URI.create("http://127.0.0.1:8080/news/a?x=1");

    private static String resolve(String location) {
        URI u = Locations.resolve(BASE, location);
        return u == null ? null : u.toString();
    }

    @Test
    void resolvesRelativeAndAbsoluteLocations() {
        assertEquals("http://127.0.0.1:8080/news/b", resolve("b"));
        assertEquals("http://127.0.0.1:8080/other", resolve("/other"));
        assertEquals("http://127.0.0.1:8080/news/a?y=2", resolve("?y=2"));
        assertEquals("https://example.com/", resolve("https://example.com"));
        assertEquals("http://example.com/x", resolve("//example.com/x"));
        assertEquals("http://127.0.0.1:8080/news/b", resolve("b#section"));
    }

    @Test
    void encodesWhatServersLeaveRaw() {
        String rawUtf8 = new String("/новини/a b".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertEquals("http://127.0.0.1:8080/%D0%BD%D0%BE%D0%B2%D0%B8%D0%BD%D0%B8/a%20b", resolve(rawUtf8));
        assertEquals("http://127.0.0.1:8080/%D0%BD%D0%BE%D0%B2%D0%B8%D0%BD%D0%B8", resolve("/новини"));
        assertEquals("http://127.0.0.1:8080/a%7Cb%25zz%41", resolve("/a|b%zz%41"));
        assertEquals("http://127.0.0.1:8080/ab", resolve("/a\r\nb"));
    }

    @Test
    void keepsOtherSchemesForTheCallerToRefuse() {
        assertEquals("file:///etc/passwd", resolve("file:///etc/passwd"));
        assertEquals("mailto:x@example.com", resolve("mailto:x@example.com"));
        assertNull(resolve("http://[bad"));
    }
}
