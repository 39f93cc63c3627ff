package dev.newsharvester.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlCanonicalizerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', textBlock = """
            # scheme and host case, default ports
            HTTP://Example.COM/News/Story                           => http://example.com/News/Story
            https://example.com:443/a                               => https://example.com/a
            http://example.com:80/a                                 => http://example.com/a
            http://example.com:8080/a                               => http://example.com:8080/a
            https://example.com:80/a                                => https://example.com:80/a
            https://example.com                                     => https://example.com/
            https://example.com.:443/a                              => https://example.com/a
            https://пример.рф/новости                               => https://xn--e1afmkfd.xn--p1ai/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8
            https://[2001:DB8::1]:443/a                             => https://[2001:db8::1]/a
            https://user:pw@example.com/a                           => https://user:pw@example.com/a
            # fragments
            https://example.com/a#comments                          => https://example.com/a
            https://example.com/a?utm_campaign=x#top                => https://example.com/a
            # tracking parameters; others keep order and spelling
            https://example.com/a?utm_source=rss&id=5&utm_medium=x  => https://example.com/a?id=5
            https://example.com/a?UTM_Source=x&p=1                  => https://example.com/a?p=1
            https://example.com/a?fbclid=1&gclid=2&yclid=3&mc_cid=4&mc_eid=5&_ga=6&ref_src=7 => https://example.com/a
            https://example.com/a?b=2&a=1&utm_term=z                => https://example.com/a?b=2&a=1
            https://example.com/a?p=1&&q=2&                         => https://example.com/a?p=1&q=2
            https://example.com/a?                                  => https://example.com/a
            https://example.com/search?q=a+b&sort=date              => https://example.com/search?q=a+b&sort=date
            https://example.com/a?ref=home                          => https://example.com/a?ref=home
            # trailing slash kept as served
            https://example.com/news/                               => https://example.com/news/
            https://example.com/news                                => https://example.com/news
            # duplicate slashes and dot segments
            https://example.com//news///2026//a/                    => https://example.com/news/2026/a/
            https://example.com/a/./b/../c                          => https://example.com/a/c
            https://example.com/a/b/..                              => https://example.com/a/
            https://example.com/../a                                => https://example.com/a
            https://example.com/a/%2E%2E/b                          => https://example.com/b
            # percent-encoding
            https://example.com/%7euser/%41bc                       => https://example.com/~user/Abc
            https://example.com/a%2fb                               => https://example.com/a%2Fb
            https://example.com/статья 1                            => https://example.com/%D1%81%D1%82%D0%B0%D1%82%D1%8C%D1%8F%201
            https://example.com/a?q=a b                             => https://example.com/a?q=a%20b
            https://example.com/a?q=100%                            => https://example.com/a?q=100%25
            https://example.com/a?q=%e2%82%ac                       => https://example.com/a?q=%E2%82%AC
            https://example.com/a|b                                 => https://example.com/a%7Cb
            "  https://example.com/a  "                             => https://example.com/a
            """)
    void canonicalForms(String input, String expected) {
        assertEquals(expected, UrlCanonicalizer.canonicalize(input));
        assertEquals(expected, UrlCanonicalizer.canonicalize(expected), "canonical forms are fixed points");
        URI.create(expected); // and valid URIs
    }

    @Test
    void controlCharactersInsideAreDropped() {
        assertEquals("https://example.com/news/a", UrlCanonicalizer.canonicalize("https://example.com/ne\nws/\ta"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a url", "/news/2026/a", "news/a", "ftp://example.com/a", "mailto:news@example.com",
            "javascript:alert(1)", "http://", "http:///path", "http://exa mple.com/", "http://example.com:99999/",
            "http://example.com:abc/", "http://[::1/", "https://example..com/", "https://exa$mple.com/"})
    void invalidUrlsAreNamed(String bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UrlCanonicalizer.canonicalize(bad));
        assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }

    @Test
    void nullIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> UrlCanonicalizer.canonicalize(null));
    }

    @Test
    void resolvesLinksAgainstTheirDocument() {
        URI base = URI.create("http://127.0.0.1:8080/business/");
        assertEquals("http://127.0.0.1:8080/news/a", UrlCanonicalizer.resolve(base, "/news/a"));
        assertEquals("http://127.0.0.1:8080/business/news/a", UrlCanonicalizer.resolve(base, "news/a"));
        assertEquals("http://other.example/x", UrlCanonicalizer.resolve(base, "//other.example/x"));
        assertEquals("https://example.com/a b", UrlCanonicalizer.resolve(base, "https://example.com/a b"));
        assertEquals("http://127.0.0.1:8080/business/%D0%B0%20b", UrlCanonicalizer.resolve(base, "а b"));
        assertEquals("http://127.0.0.1:8080/a", UrlCanonicalizer.resolve(URI.create("http://127.0.0.1:8080"), "a"));
        assertEquals("http://127.0.0.1:8080/business/?page=2", UrlCanonicalizer.resolve(base, "?page=2"));
        assertEquals("http://127.0.0.1:8080/news/a?page=2",
                UrlCanonicalizer.resolve(URI.create("http://127.0.0.1:8080/news/a?page=1"), "?page=2"));
        assertEquals(null, UrlCanonicalizer.resolve(base, "#top"));
        assertEquals(null, UrlCanonicalizer.resolve(base, "  "));
    }
}
