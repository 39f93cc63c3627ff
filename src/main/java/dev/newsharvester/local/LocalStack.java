package dev.newsharvester.local;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.AwsClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.s3.model.S3Exception;

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

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    private final AmazonDynamoDBLocal dynamoDbLocal;
    private final DynamoDbClient dynamoDb;
    private final S3Side s3Side;
    private boolean closed;
    /** The data directory held while open (null in memory). */
    private StoreDirectory store;

    /** s3proxy and a client for it. */
    private record S3Side(S3Proxy proxy, URI endpoint, S3Client client, AtomicLong puts) {
        static S3Side start(BlobStore blobs) throws Exception {
            AtomicLong puts = new AtomicLong();
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(blobs)
                    .endpoint(URI.create("http://127.0.0.1:0")) // loopback only, any free port
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY_ID, SECRET_ACCESS_KEY)
                    .build();
            proxy.start();
            S3Client client = null;
            try {
                URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
                client = S3Client.builder()
                        .httpClient(UrlConnectionHttpClient.create())
                        .endpointOverride(endpoint)
                        .forcePathStyle(true)
                        .serviceConfiguration(AwsClients.LOCAL_S3)
                        .region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(credentials()))
                        .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                            @Override
                            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                                if (context.request() instanceof PutObjectRequest) {
                                    puts.incrementAndGet();
                                }
                            }
                        }))
                        .build();
                S3Side side = new S3Side(proxy, endpoint, client, puts);
                side.createBucketIfMissing();
                return side;
            } catch (Exception e) {
                if (client != null) {
                    client.close();
                }
                proxy.stop();
                throw e;
            }
        }

        private void createBucketIfMissing() {
            try {
                client.headBucket(b -> b.bucket(BUCKET));
            } catch (S3Exception e) {
                if (e.statusCode() != 404) {
                    throw e;
                }
                client.createBucket(b -> b.bucket(BUCKET));
            }
        }

        void stop() {
            client.close();
            try {
                proxy.stop();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop s3proxy on " + endpoint, e);
            }
        }
    }

    private LocalStack(AmazonDynamoDBLocal dynamoDbLocal, S3Side s3Side) {
        this.dynamoDbLocal = dynamoDbLocal;
        this.dynamoDb = dynamoDbLocal.dynamoDbClient();
        this.s3Side = s3Side;
    }

    /**
     * The store in {@code dataDir}, made there if the directory is new or empty ({@link StoreDirectory#create});
     * a later open of the same directory sees the data.
     */
    public static LocalStack open(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        return open(StoreDirectory.create(dataDir, "LocalStack.open"));
    }

    /** The store in a directory this process holds; the stack releases it on {@link #close()} (or when it fails to start). */
    public static LocalStack open(StoreDirectory store) {
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
                    () -> new FilesystemNio2BlobStore(s3Dir.toAbsolutePath().toString()));
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
        return start(() -> DynamoDBEmbedded.create(DISABLE_TELEMETRY), TransientNio2BlobStore::new);
    }

    /** Starts the two servers side by side: each spends most of its ~1–2.5 s loading classes. */
    private static LocalStack start(Supplier<AmazonDynamoDBLocal> dynamo, Supplier<BlobStore> blobs) {
        FutureTask<S3Side> s3Start = new FutureTask<>(() -> S3Side.start(blobs.get()));
        Thread starter = new Thread(s3Start, "local-stack-s3-start");
        starter.setDaemon(true);
        starter.start();
        AmazonDynamoDBLocal dynamoDbLocal = null;
        try {
            dynamoDbLocal = dynamo.get();
            ArticleIndex.createTable(dynamoDbLocal.dynamoDbClient(), TABLE);
            return new LocalStack(dynamoDbLocal, s3Start.get());
        } catch (RuntimeException | ExecutionException | InterruptedException e) {
            if (dynamoDbLocal != null) {
                dynamoDbLocal.shutdownNow();
            }
            stopWhenStarted(s3Start);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw cause instanceof RuntimeException re ? re : new IllegalStateException("cannot start the local store", cause);
        }
    }

    /** Waits for the S3 side to finish starting (successfully or not) and stops it if it did start. */
    private static void stopWhenStarted(FutureTask<S3Side> s3Start) {
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

    /** An S3 client for the embedded s3proxy (path-style, dummy credentials, thread-safe). */
    public S3Client s3() {
        return s3Side.client();
    }

    /** PutObject calls made through {@link #s3()} since this stack opened (the demo and tests show "no PUT"). */
    public long s3Puts() {
        return s3Side.puts().get();
    }

    public String table() {
        return TABLE;
    }

    public String bucket() {
        return BUCKET;
    }

    /** {@code http://127.0.0.1:PORT}, for other S3 clients (with {@link #credentials()}, path-style). */
    public URI s3Endpoint() {
        return s3Side.endpoint();
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
        try {
            s3Side.stop();
        } catch (RuntimeException e) {
            failures.add(e);
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
