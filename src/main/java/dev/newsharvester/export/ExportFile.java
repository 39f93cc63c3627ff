package dev.newsharvester.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * An export's file: never overwritten, never left half-written. Rows go to a hidden temporary file beside the target,
 * renamed to it only when the export has finished; on any failure the temporary file is deleted.
 */
public final class ExportFile {

    /** What writes the file's content. */
    @FunctionalInterface
    public interface Content<T> {
        T writeTo(OutputStream out) throws IOException;
    }

    private ExportFile() {
    }

    /** Refuses a target that exists or whose directory does not, before anything is read or written. */
    public static void checkTarget(Path out) {
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("--out: " + out + " exists; export never overwrites: give a new file name"
                    + " or remove the file first");
        }
        Path dir = out.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out: directory " + dir + " does not exist: create it or give another path");
        }
    }

    /** Writes the file through {@code content} and renames it into place; returns what the content returned. */
    public static <T> T write(Path out, Content<T> content) throws IOException {
        checkTarget(out);
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), "." + out.getFileName() + ".", ".part");
        boolean done = false;
        try {
            T result;
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                result = content.writeTo(os);
            }
            try {
                Files.move(tmp, out); // no REPLACE_EXISTING: a file made there meanwhile is not overwritten
            } catch (FileAlreadyExistsException e) {
                throw new IllegalArgumentException("--out: " + out + " appeared while exporting; kept it, and dropped the"
                        + " export: give a new file name", e);
            }
            done = true;
            return result;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
