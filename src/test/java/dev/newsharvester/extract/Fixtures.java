package dev.newsharvester.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Reads test resources. */
final class Fixtures {

    private Fixtures() {
    }

    static String read(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The paragraphs of an extracted or expected body (separated by blank lines). */
    static List<String> paragraphs(String text) {
        return Arrays.stream(text.strip().split("\\n\\s*\\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
