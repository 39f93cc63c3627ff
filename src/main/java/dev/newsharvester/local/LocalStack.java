package dev.newsharvester.local;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import dev.newsharvester.store.ArticleIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedded default store: DynamoDB Local (in-process, no port) and s3proxy (on a free
 * loopback port), both inside this JVM, with the table {@value #TABLE} and the bucket
 * {@value #BUCKET} created when missing.
 *
 * <p>On disk ({@link #open(Path)}) the layout under the data directory is:
 * <pre>
 *   dynamodb/shared-local-instance.db   the DynamoDB Local SQLite file (the name DynamoDB Local's
 *                                       server mode uses with -dbPath DIR -sharedDb, so the same
 *                                       directory can be served to the AWS CLI on request)
 *   s3/news-harvester-archive/…          one file per object (s3proxy filesystem-nio2)
 * </pre>
 * plus the marker and lock files of {@link StoreDirectory}. A data directory can be open by one
 * process and one {@code LocalStack} at a time; a second open fails with {@link IllegalStateException}
 * naming the holder.
 *
 * <p>s3proxy (Jetty, its blob store, an SDK S3 client: about a third of the classes a store loads) starts
 * {@linkplain S3Start as asked}: with the store, in parallel with DynamoDB Local, for the commands that
 * harvest; or on the first use of {@link #s3()} / {@link #s3Endpoint()}, so that a command answered from the
 * index alone ({@code query outlet}, {@code status}) never starts it.
 *
 * <p>Both clients are thread-safe. {@link #close()} must be called: DynamoDB Local runs
 * non-daemon threads that would keep the JVM alive.
 */
public final class LocalStack implements AutoCloseable {
    public static final String TABLE = "Articles";
    public static final String BUCKET = "news-harvester-archive";
    /** Dummy credentials the embedded s3proxy accepts (it listens on 127.0.0.1 only). */
    public static final String ACCESS_KEY_ID = "local";
    public static final String SECRET_ACCESS_KEY = "local-secret";
    static final String DYNAMODB_FILE = "shared-local-instance.db";
    /**
     * DynamoDBEmbedded.create's Boolean means "disable telemetry" (2.6.1 bytecode:
     * isTelemetryEnabled(b) returns false when b is true). With false it would write
     * dynamodb-local-metadata.json into the working directory and report usage to Pinpoint.
     */
    private static final Boolean DISABLE_TELEMETRY = Boolean.TRUE;

    /**
     * sqlite4java logs "unknown jar version" through java.util.logging when it runs from a shaded jar;
     * the logger is held here so the level set on it is not lost to garbage collection.
     */
    private static final java.util.logging.Logger SQLITE_LOG = quiet("com.almworks.sqlite4java");

    /**
     * DynamoDB Local logs through log4j 2; log4j-core's start (plugins, configuration, JMX: ~580 classes,
     * a few hundred ms) only to print WARN lines to stdout. The API's simple logger prints ERROR lines to
     * stderr instead. Set before any DynamoDB Local class logs; a factory chosen by the user is kept.
     */
    static {
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
    }

    /** When s3proxy starts. */
    public enum S3Start {
        /** With the store, in parallel with DynamoDB Local; {@code open} fails if it cannot start. */
        WITH_THE_STORE,
        /** On the first call of {@link #s3()} or {@link #s3Endpoint()}: never, for a command that reads the index only. */
        ON_FIRST_USE
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    private final AmazonDynamoDBLocal dynamoDbLocal;
    private final DynamoDbClient dynamoDb;
    /** Starts s3proxy once: on a thread at open ({@link S3Start#WITH_THE_STORE}) or inline on first use. */
    private final FutureTask<EmbeddedS3> s3Start;
    /** PutObject calls through the S3 client (counted by an interceptor). */
    private final AtomicLong s3Puts;
    private boolean closed;
    /** Whether s3proxy was started (with the store, or by a first use); read without the lock by {@link #s3Started()}. */
    private volatile boolean s3Started;
    /** The data directory held while open (null in memory). */
    private StoreDirectory store;

    private LocalStack(AmazonDynamoDBLocal dynamoDbLocal, FutureTask<EmbeddedS3> s3Start, AtomicLong s3Puts, boolean s3Started) {
        this.dynamoDbLocal = dynamoDbLocal;
        this.dynamoDb = dynamoDbLocal.dynamoDbClient();
        this.s3Start = s3Start;
        this.s3Puts = s3Puts;
        this.s3Started = s3Started;
    }

    /**
     * The store in {@code dataDir}, made there if the directory is new or empty ({@link StoreDirectory#create});
     * a later open of the same directory sees the data.
     */
    public static LocalStack open(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        return open(StoreDirectory.create(dataDir, "LocalStack.open"));
    }

    /** The store in a directory this process holds, s3proxy started with it; see {@link #open(StoreDirectory, S3Start)}. */
    public static LocalStack open(StoreDirectory store) {
        return open(store, S3Start.WITH_THE_STORE);
    }

    /** The store in a directory this process holds; the stack releases it on {@link #close()} (or when it fails to start). */
    public static LocalStack open(StoreDirectory store, S3Start s3) {
        Objects.requireNonNull(s3, "s3");
        Path dataDir = store.path();
        Path dynamoDir = dataDir.resolve("dynamodb");
        Path s3Dir = dataDir.resolve("s3");
        try {
            Files.createDirectories(dynamoDir);
            Files.createDirectories(s3Dir);
            LocalStack stack = start(
                    () -> {
                        try {
                            return DynamoDBEmbedded.create(dynamoDir.resolve(DYNAMODB_FILE).toFile(), DISABLE_TELEMETRY);
                        } catch (IllegalArgumentException inUse) { // "Database specified by path already in use"
                            throw new IllegalStateException("local store " + dataDir + " is already open in this process", inUse);
                        }
                    },
                    () -> new FilesystemNio2BlobStore(s3Dir.toAbsolutePath().toString()), s3);
            stack.store = store;
            return stack;
        } catch (IOException e) {
            store.close();
            throw new UncheckedIOException("cannot create local store directories under " + dataDir, e);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** A store that lives in memory only and is gone after {@link #close()}. */
    public static LocalStack inMemory() {
        return start(() -> DynamoDBEmbedded.create(DISABLE_TELEMETRY), TransientNio2BlobStore::new, S3Start.WITH_THE_STORE);
    }

    /**
     * Starts DynamoDB Local and, {@link S3Start#WITH_THE_STORE}, s3proxy side by side: each spends most of its
     * ~1–2.5 s loading classes.
     */
    private static LocalStack start(Supplier<AmazonDynamoDBLocal> dynamo, Supplier<BlobStore> blobs, S3Start when) {
        AtomicLong puts = new AtomicLong();
        FutureTask<EmbeddedS3> s3Start = new FutureTask<>(() -> EmbeddedS3.start(blobs.get(), puts));
        if (when == S3Start.WITH_THE_STORE) {
            Thread starter = new Thread(s3Start, "local-stack-s3-start");
            starter.setDaemon(true);
            starter.start();
        }
        AmazonDynamoDBLocal dynamoDbLocal = null;
        try {
            dynamoDbLocal = dynamo.get();
            ArticleIndex.openTable(dynamoDbLocal.dynamoDbClient(), TABLE);
            if (when == S3Start.WITH_THE_STORE) {
                s3Start.get();
            }
            return new LocalStack(dynamoDbLocal, s3Start, puts, when == S3Start.WITH_THE_STORE);
        } catch (RuntimeException | ExecutionException | InterruptedException e) {
            if (dynamoDbLocal != null) {
                dynamoDbLocal.shutdownNow();
            }
            if (when == S3Start.WITH_THE_STORE) {
                stopWhenStarted(s3Start);
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw cause instanceof RuntimeException re ? re : new IllegalStateException("cannot start the local store", cause);
        }
    }

    /** Waits for the S3 side to finish starting (successfully or not) and stops it if it did start. */
    private static void stopWhenStarted(FutureTask<EmbeddedS3> s3Start) {
        boolean interrupted = false;
        while (true) {
            try {
                s3Start.get().stop();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | RuntimeException failedAnyway) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The in-process DynamoDB Local client (thread-safe). Do not close it: {@link #close()} does. */
    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    /** An S3 client for the embedded s3proxy (path-style, dummy credentials, thread-safe); starts s3proxy if it has not. */
    public S3Client s3() {
        return s3Side().client();
    }

    /** PutObject calls made through {@link #s3()} since this stack opened (the demo and tests show "no PUT"). */
    public long s3Puts() {
        return s3Puts.get();
    }

    /** Whether this stack's s3proxy has started (or is starting). */
    public boolean s3Started() {
        return s3Started;
    }

    /** How many times s3proxy has started in this JVM, by any stack (tests: an index-only command starts none). */
    public static long s3ProxyStarts() {
        return EmbeddedS3.STARTS.get();
    }

    /** The started S3 side: started here if nobody has yet, waited for if it is starting. */
    private EmbeddedS3 s3Side() {
        synchronized (this) { // close() waits for a start under way, and no start begins after close()
            if (closed) {
                throw new IllegalStateException("the local store is closed: open it again to read the archive");
            }
            s3Started = true;
            s3Start.run(); // runs the start once; a no-op if it ran (or runs, WITH_THE_STORE) on another thread
        }
        try {
            return s3Start.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException("cannot start s3proxy", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for s3proxy to start", e);
        }
    }

    public String table() {
        return TABLE;
    }

    /**
     * An archived object's bytes read straight from the data directory, where the embedded S3 server keeps one file
     * per object ({@code s3/<bucket>/<key>}), without starting the server: for commands that only read. Throws
     * {@link java.util.NoSuchElementException} for a missing object, like the archive; an in-memory store has no files.
     */
    public byte[] readObjectFile(String key) {
        return objectFiles().bytes(key);
    }

    /** The archived objects read from the data directory's files ({@link ObjectFiles}); not for an in-memory store. */
    public ObjectFiles objectFiles() {
        if (store == null) {
            throw new IllegalStateException("an in-memory store keeps no object files: read through s3()");
        }
        return new ObjectFiles(store.path(), BUCKET);
    }

    public String bucket() {
        return BUCKET;
    }

    /** {@code http://127.0.0.1:PORT}, for other S3 clients (with {@link #credentials()}, path-style). */
    public URI s3Endpoint() {
        return s3Side().endpoint();
    }

    /** The credentials the embedded s3proxy accepts. */
    public static AwsCredentials credentials() {
        return AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY);
    }

    /** Stops both servers and releases the data directory; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<RuntimeException> failures = new ArrayList<>();
        if (s3Started) {
            try {
                stopWhenStarted(s3Start);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        try {
            // shutdownNow, and without closing dynamoDb first: shutdown() leaves DynamoDB Local's
            // non-daemon shard-rollover job asleep in its pool, and so does shutdownNow() after the
            // client's close(); either way the JVM would not exit when main returns
            dynamoDbLocal.shutdownNow();
        } catch (RuntimeException e) {
            failures.add(e);
        }
        if (store != null) {
            try {
                store.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }
}
