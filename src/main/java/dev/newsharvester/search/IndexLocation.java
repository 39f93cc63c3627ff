package dev.newsharvester.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a data directory keeps its search index: {@code <data>/search/}, holding index folders {@code index-<n>} and
 * a {@code CURRENT} file naming the one in use. A rebuild writes a new folder beside it and then replaces {@code
 * CURRENT} in one atomic rename, so a failed rebuild leaves the old index as it was.
 */
final class IndexLocation {

    static final String FOLDER = "search";
    private static final String CURRENT = "CURRENT";

    private final Path root;

    IndexLocation(Path dataDir) {
        this.root = dataDir.resolve(FOLDER);
    }

    Path root() {
        return root;
    }

    /** The index in use, if there is one. */
    Optional<Path> current() {
        Path pointer = root.resolve(CURRENT);
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        try {
            Path dir = root.resolve(Files.readString(pointer, StandardCharsets.UTF_8).strip());
            return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pointer + ": " + e.getMessage(), e);
        }
    }

    /** A new, empty folder for an index being built (not yet in use). */
    Path newFolder() {
        try {
            Files.createDirectories(root);
            for (int n = 1; ; n++) {
                Path dir = root.resolve("index-" + System.currentTimeMillis() + "-" + n);
                if (!Files.exists(dir)) {
                    return Files.createDirectory(dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder under " + root + ": " + e.getMessage(), e);
        }
    }

    /** Puts {@code built} in use (one atomic rename of the pointer) and deletes the folders no longer in use. */
    void swapTo(Path built) {
        Path tmp = root.resolve(CURRENT + ".tmp");
        try {
            Files.writeString(tmp, built.getFileName().toString(), StandardCharsets.UTF_8);
            Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put the new index " + built + " in use: " + e.getMessage(), e);
        }
        deleteAllBut(built);
    }

    /** Deletes an index folder that was never put in use (a failed rebuild). */
    static void discard(Path folder) {
        deleteTree(folder);
    }

    private void deleteAllBut(Path keep) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, "index-*")) {
            for (Path d : dirs) {
                if (!d.equals(keep)) {
                    deleteTree(d);
                }
            }
        } catch (IOException e) {
            // an old folder left behind costs disk space only; the next rebuild tries again
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort, as above
        }
    }
}
