package dev.newsharvester.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A data directory that is a news-harvester store, held by this process alone.
 *
 * <p>A store is marked by the file {@value #MARKER} ({@code format=1}); only {@link #create} writes it,
 * and only into a new or empty directory. {@link #open} refuses a directory without it before anything
 * is written, so a {@code query} pointed at some other folder, or at another program's SQLite file,
 * leaves it as it was.
 *
 * <p>The holder takes an exclusive {@link FileChannel#tryLock() lock} on {@value #LOCK} and writes its pid,
 * command and start time into it; a second process is refused with a line naming that holder. The
 * operating system drops the lock when the holder exits, however it exits (a killed harvest leaves no
 * stale lock). Every command holds it, readers too: DynamoDB Local has no read-only mode (see README,
 * "The local store: one writer, and nothing unindexed").
 */
public final class StoreDirectory implements AutoCloseable {
    public static final String MARKER = ".news-harvester-store";
    public static final String LOCK = ".news-harvester-store.lock";
    static final int FORMAT = 1;
    /** What a directory made by a version without the marker holds (adopted by {@link #create}). */
    private static final Set<String> UNMARKED_STORE = Set.of("dynamodb", "s3", Demo.MARKER, "outlets.yaml", "diff.html");

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private StoreDirectory(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * The store in {@code dir}, made there if the directory is new or empty (or was made by a version
     * without the marker); refused when {@code dir} holds anything else. {@code command} names the holder.
     */
    public static StoreDirectory create(Path dir, String command) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--data " + dir + " is a file, not a directory: give a new or empty directory for the store");
        }
        try {
            Files.createDirectories(dir);
            if (!Files.exists(dir.resolve(MARKER))) {
                Set<String> names = names(dir);
                boolean unmarkedStore = !names.isEmpty() && UNMARKED_STORE.containsAll(names)
                        && Files.isRegularFile(dir.resolve("dynamodb").resolve(LocalStack.DYNAMODB_FILE));
                if (!names.isEmpty() && !unmarkedStore) {
                    throw new IllegalArgumentException("--data " + dir + " is not empty and is not a news-harvester store (no "
                            + MARKER + "): give a new or empty directory");
                }
                Files.writeString(dir.resolve(MARKER), "news-harvester store\nformat=" + FORMAT + "\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the store directory " + dir + ": " + e.getMessage(), e);
        }
        return open(dir, command);
    }

    /** The existing store in {@code dir}, locked for this process; refused without writing anything if it is not one. */
    public static StoreDirectory open(Path dir, String command) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--data " + dir + (Files.exists(dir) ? " is a file, not a store directory"
                    : " does not exist") + ": run `harvest --data DIR` (or `demo`) to make a store, or give an existing one");
        }
        Path marker = dir.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            throw new IllegalArgumentException("--data " + dir + " is not a news-harvester store (no " + MARKER
                    + "); nothing was written to it: give the directory `harvest --data DIR` made");
        }
        int format = format(marker);
        if (format != FORMAT) {
            throw new IllegalArgumentException("--data " + dir + " holds a store of format " + format + "; this version reads format "
                    + FORMAT + ": use the news-harvester that made it");
        }
        return lock(dir, command);
    }

    private static StoreDirectory lock(Path dir, String command) {
        Path file = dir.resolve(LOCK);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                channel.close();
                throw new IllegalStateException("local store " + dir + " is already open in this process (pid "
                        + ProcessHandle.current().pid() + "); close it first");
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("local store " + dir + " is in use by " + holder(file)
                        + "; one process at a time: wait for it to finish, or give another --data directory");
            }
            String info = "pid=" + ProcessHandle.current().pid() + "\ncommand=" + command + "\nstarted=" + Instant.now() + "\n";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(info.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new StoreDirectory(dir, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock the local store " + dir + " (" + file + "): " + e.getMessage(), e);
        }
    }

    /** "process 1234 (news-harvester harvest, since 2026-…)", from what the holder wrote into the lock file. */
    static String holder(Path lockFile) throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            String text = Files.readString(lockFile, StandardCharsets.UTF_8);
            String pid = field(text, "pid");
            if (pid != null && text.endsWith("\n")) {
                return "process " + pid + " (" + field(text, "command") + ", since " + field(text, "started") + ")";
            }
            try {
                Thread.sleep(50); // the holder has the lock and is writing its name
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return "another process";
    }

    private static String field(String text, String name) {
        return text.lines().filter(l -> l.startsWith(name + "=")).map(l -> l.substring(name.length() + 1)).findFirst().orElse(null);
    }

    private static int format(Path marker) {
        try {
            String f = field(Files.readString(marker, StandardCharsets.UTF_8), "format");
            return f == null ? -1 : Integer.parseInt(f.strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock goes with the channel either way
            }
        }
    }

    public Path path() {
        return dir;
    }

    /** Empties the lock file and releases the lock; idempotent. */
    @Override
    public void close() {
        if (!channel.isOpen()) {
            return;
        }
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock on " + dir.resolve(LOCK), e);
        } finally {
            closeQuietly(channel);
        }
    }
}
