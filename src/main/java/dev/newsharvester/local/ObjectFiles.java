package dev.newsharvester.local;

import dev.newsharvester.store.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * The embedded store's archived objects read straight from its data directory, where the embedded S3 server keeps
 * one file per object ({@code s3/<bucket>/<key>}, folders as directories), without starting the server: for commands
 * that only read. Keys and folders come back as S3 would list them (key order, {@code /} separators); a missing
 * object is a {@link NoSuchElementException}, as from the archive.
 */
public final class ObjectFiles implements ObjectReader {

    private final Path root;
    private final String bucket;

    /** The archive's objects in an open store directory (the embedded store's bucket). */
    public static ObjectFiles of(StoreDirectory store) {
        return new ObjectFiles(store.path(), LocalStack.BUCKET);
    }

    /** The objects of {@code bucket} in the store directory {@code store}. */
    ObjectFiles(Path store, String bucket) {
        this.root = store.resolve("s3").resolve(bucket).toAbsolutePath().normalize();
        this.bucket = bucket;
    }

    @Override
    public byte[] bytes(String key) {
        Path file = file(key);
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchElementException("no archived object s3://" + bucket + "/" + key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read archived object " + file, e);
        }
    }

    @Override
    public List<String> folders(String prefix) {
        Path dir = folder(prefix);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory).map(p -> prefix + p.getFileName() + "/").sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    @Override
    public List<String> keysAfter(String prefix, String startAfter) {
        Path dir = folder(prefix);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).map(this::keyOf)
                    .filter(k -> startAfter == null || k.compareTo(startAfter) > 0).forEach(keys::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        keys.sort(null);
        return keys;
    }

    private String keyOf(Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    private Path file(String key) {
        Path file = root.resolve(key).normalize();
        if (key.isBlank() || !file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("key '" + key + "' is not an object key of bucket " + bucket);
        }
        return file;
    }

    private Path folder(String prefix) {
        if (!prefix.endsWith("/")) {
            throw new IllegalArgumentException("prefix '" + prefix + "' must be a folder, ending in '/'");
        }
        Path dir = root.resolve(prefix).normalize();
        if (!dir.startsWith(root)) {
            throw new IllegalArgumentException("prefix '" + prefix + "' is not a folder of bucket " + bucket);
        }
        return dir;
    }
}
