package dev.newsharvester.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export's file appears whole or not at all, and never replaces a file. */
class ExportFileTest {

    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void aFailedExportLeavesNothingBehind() throws IOException {
        Path out = dir.resolve("rows.jsonl");
        IOException e = assertThrows(IOException.class, () -> ExportFile.write(out, os -> {
            os.write("{\"half\":".getBytes(StandardCharsets.UTF_8));
            assertEquals(1, files().size(), "rows go to a temporary file beside the target");
            assertFalse(Files.exists(out), "the target does not exist before the end");
            throw new IOException("the store went away");
        }));
        assertEquals("the store went away", e.getMessage());
        assertEquals(List.of(), files());
    }

    @Test
    void aFinishedExportIsRenamedIntoPlaceAndAFileMadeMeanwhileIsKept() throws IOException {
        Path out = dir.resolve("rows.csv");
        String written = ExportFile.write(out, os -> {
            os.write("a,b\r\n".getBytes(StandardCharsets.UTF_8));
            return "done";
        });
        assertEquals("done", written);
        assertEquals("a,b\r\n", Files.readString(out));
        assertEquals(List.of(out), files());

        Path other = dir.resolve("other.csv");
        IllegalArgumentException raced = assertThrows(IllegalArgumentException.class, () -> ExportFile.write(other, os -> {
            Files.writeString(other, "someone else's");
            return "done";
        }));
        assertTrue(raced.getMessage().startsWith("--out: " + other + " appeared while exporting"), raced.getMessage());
        assertEquals("someone else's", Files.readString(other));
        assertEquals(2, files().size(), "the temporary file is gone");
    }
}
