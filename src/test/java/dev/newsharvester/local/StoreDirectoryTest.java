package dev.newsharvester.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The marker and the lock of a store directory, without starting the store. */
class StoreDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void createMarksANewDirectoryAndTheHolderIsNamedInTheLockFile() throws Exception {
        Path dir = tmp.resolve("new");
        try (StoreDirectory store = StoreDirectory.create(dir, "news-harvester harvest")) {
            assertEquals("news-harvester store\nformat=1\n", Files.readString(dir.resolve(StoreDirectory.MARKER)));
            String lock = Files.readString(dir.resolve(StoreDirectory.LOCK));
            assertTrue(lock.startsWith("pid=" + ProcessHandle.current().pid() + "\ncommand=news-harvester harvest\nstarted="), lock);
            assertEquals("process " + ProcessHandle.current().pid() + " (news-harvester harvest, since ",
                    StoreDirectory.holder(dir.resolve(StoreDirectory.LOCK)).replaceFirst("since .*", "since "));
            var again = assertThrows(IllegalStateException.class, () -> StoreDirectory.open(dir, "news-harvester query outlet"));
            assertTrue(again.getMessage().contains("already open in this process"), again.getMessage());
        }
        assertEquals("", Files.readString(dir.resolve(StoreDirectory.LOCK)));
        StoreDirectory.open(dir, "news-harvester query outlet").close();
    }

    @Test
    void aDirectoryAnEarlierVersionMadeIsAdoptedAndAnythingElseRefused() throws Exception {
        Path old = tmp.resolve("old");
        Files.createDirectories(old.resolve("dynamodb"));
        Files.writeString(old.resolve("dynamodb").resolve(LocalStack.DYNAMODB_FILE), "");
        Files.createDirectories(old.resolve("s3").resolve(LocalStack.BUCKET));
        assertThrows(IllegalArgumentException.class, () -> StoreDirectory.open(old, "query"), "not marked yet");
        StoreDirectory.create(old, "harvest").close();
        assertTrue(Files.exists(old.resolve(StoreDirectory.MARKER)));

        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.createDirectories(other.resolve("dynamodb"));
        Files.writeString(other.resolve("README.txt"), "mine");
        var e = assertThrows(IllegalArgumentException.class, () -> StoreDirectory.create(other, "harvest"));
        assertTrue(e.getMessage().contains("is not empty and is not a news-harvester store"), e.getMessage());
        assertFalse(Files.exists(other.resolve(StoreDirectory.MARKER)));
        assertFalse(Files.exists(other.resolve(StoreDirectory.LOCK)));
    }

    @Test
    void aStoreOfAnotherFormatIsRefused() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("future"));
        Files.writeString(dir.resolve(StoreDirectory.MARKER), "news-harvester store\nformat=2\n");
        var e = assertThrows(IllegalArgumentException.class, () -> StoreDirectory.open(dir, "query"));
        assertTrue(e.getMessage().contains("format 2; this version reads format 1"), e.getMessage());
        assertFalse(Files.exists(dir.resolve(StoreDirectory.LOCK)));
    }
}
