package dev.newsharvester.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code standard: no class over {@value #MAX_LINES} lines (a big class only when it is one concept). Every
 * {@code .java} file under {@code src/main/java} is counted; one over the limit fails the build with its path and
 * count, and is to be split along a real seam, not squeezed.
 */
class ClassSizeTest {

    static final int MAX_LINES = 400;

    /**
     * Files allowed over the limit for now, as paths below {@code src/main/java/dev/newsharvester/}. Keep this list
     * short and say why each entry is here; remove an entry as soon as its file is split.
     */
    private static final Set<String> EXCEPTIONS = Set.of();

    private static final Path MAIN = Path.of("src", "main", "java");
    private static final Path ROOT_PACKAGE = MAIN.resolve(Path.of("dev", "newsharvester"));

    @Test
    void noMainClassIsOverTheLimit() {
        assertTrue(Files.isDirectory(ROOT_PACKAGE),
                "run from the project directory: no " + ROOT_PACKAGE.toAbsolutePath());
        List<String> over = oversized(ROOT_PACKAGE, MAX_LINES, EXCEPTIONS);
        assertTrue(over.isEmpty(), "classes over " + MAX_LINES + " lines (split each along a real seam into classes"
                + " of one concept, or, if it truly is one concept, say so in ClassSizeTest.EXCEPTIONS): " + over);
    }

    @Test
    void everyExceptionNamesAnExistingFile() {
        for (String exception : EXCEPTIONS) {
            assertTrue(Files.isRegularFile(ROOT_PACKAGE.resolve(exception)),
                    "ClassSizeTest.EXCEPTIONS names " + exception + ", which does not exist: remove the entry");
        }
    }

    @Test
    void countsLinesAndNamesTheFileOverTheLimit(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.writeString(dir.resolve("a/AtLimit.java"), "x\n".repeat(5));
        Files.writeString(dir.resolve("a/Over.java"), "x\n".repeat(5) + "last line without a newline");
        Files.writeString(dir.resolve("a/Excused.java"), "x\n".repeat(9));
        Files.writeString(dir.resolve("a/notes.txt"), "x\n".repeat(9));

        assertEquals(List.of("a/Over.java: 6 lines"), oversized(dir, 5, Set.of("a/Excused.java")));
        assertEquals(List.of("a/Excused.java: 9 lines", "a/Over.java: 6 lines"), oversized(dir, 5, Set.of()));
    }

    private record Counted(String name, long lines) {
    }

    /** The {@code .java} files under {@code root} over {@code max} lines, as "relative/path: N lines", sorted. */
    static List<String> oversized(Path root, int max, Set<String> exceptions) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f))
                    .map(f -> new Counted(root.relativize(f).toString().replace('\\', '/'), lines(f)))
                    .filter(f -> f.lines() > max && !exceptions.contains(f.name()))
                    .map(f -> f.name() + ": " + f.lines() + " lines")
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).size();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }
}
