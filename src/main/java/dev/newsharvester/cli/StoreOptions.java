package dev.newsharvester.cli;

import dev.newsharvester.local.LocalStack;
import dev.newsharvester.local.LocalStack.S3Start;
import dev.newsharvester.local.StoreDirectory;
import dev.newsharvester.pipeline.Settings;
import dev.newsharvester.store.AwsClients;
import dev.newsharvester.change.ChangeSink;
import dev.newsharvester.search.IndexUpdater;
import dev.newsharvester.store.Archive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Where the index and archive live: the embedded store in a data directory (default) or AWS (--aws). */
final class StoreOptions {

    @Option(names = "--data", paramLabel = "DIR", description = "Embedded store directory (default: ${DEFAULT-VALUE}); only harvest and invoke make one, in a new or empty directory.",
            defaultValue = ".harvester")
    Path data;

    @Option(names = "--aws", description = "Use the real AWS account (default credential chain, ARTICLES_TABLE and ARCHIVE_BUCKET from the environment) instead of the embedded store.")
    boolean aws;

    /** Whether {@link #create()} made the store now (so its search index, made with it, misses nothing). */
    private boolean made;

    /** The command this mixin belongs to: its name is written into the store's lock file. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * An open store: clients plus the settings a harvester or handler is wired with. The S3 client is asked for
     * through {@link #s3()}: on the embedded store that starts s3proxy, which a command answered from the index
     * alone never needs.
     */
    record Store(Supplier<S3Client> s3Client, DynamoDbClient dynamoDb, Settings settings, AutoCloseable closer)
            implements AutoCloseable {
        /** The archive's client (on the embedded store: s3proxy started on the first call). */
        S3Client s3() {
            return s3Client.get();
        }

        /**
         * The S3 client that reading the outlet profiles of {@code settings} needs: only for an outlets file kept in
         * S3; null otherwise, so nothing starts for it (the bundled profiles and local files need none).
         */
        S3Client s3ForOutlets(Settings settings) {
            return settings.outletsUri() != null && settings.outletsUri().startsWith("s3://") ? s3() : null;
        }

        /** Reads archived objects by key from the embedded store's files (no S3 server); null on AWS. */
        java.util.function.Function<String, byte[]> objectFiles() {
            return closer instanceof LocalStack stack ? stack::readObjectFile : null;
        }

        @Override
        public void close() throws Exception {
            if (closer != null) {
                closer.close();
            }
        }
    }

    /** The data directory, for a command that works on the embedded store only ({@code what} says why not with --aws). */
    Path embeddedOnly(String what) {
        if (aws) {
            throw new IllegalArgumentException("--aws: " + what + "; drop --aws and give --data DIR");
        }
        return data;
    }

    /**
     * An existing store (refused, untouched, when {@code --data} is not one); for commands that only use a store.
     * The embedded store's s3proxy starts when the command first reads the archive.
     */
    Store open() {
        return open(false, S3Start.ON_FIRST_USE);
    }

    /** {@link #open()} for commands that read or write the archive at once: s3proxy starts alongside DynamoDB Local. */
    Store openWithArchive() {
        return open(false, S3Start.WITH_THE_STORE);
    }

    /** The store, made in {@code --data} if that directory is new or empty; for the commands that harvest. */
    Store create() {
        return open(true, S3Start.WITH_THE_STORE);
    }

    private Store open(boolean create, S3Start s3) {
        Settings settings = Settings.fromEnvironment();
        if (aws) {
            S3Client client = AwsClients.s3(settings.aws());
            return new Store(() -> client, AwsClients.dynamoDb(settings.aws()), settings, null);
        }
        String name = command == null ? "news-harvester" : command.qualifiedName();
        made = create && isNewOrEmpty(data);
        LocalStack stack = LocalStack.open(create ? StoreDirectory.create(data, name) : StoreDirectory.open(data, name), s3);
        // the embedded store always processes inline: no task queue, no fleet; its change feeds also go to <data>/feeds
        return new Store(stack::s3, stack.dynamoDb(),
                settings.withStore(stack.table(), stack.bucket()).withFleet(null, null)
                        .withFeedsDirectory(data.resolve("feeds").toString()), stack);
    }

    /** The search index's live updates for a store: a change sink, committed on close. */
    record SearchUpdates(IndexUpdater updater) implements AutoCloseable {
        ChangeSink sink() {
            return updater == null ? ChangeSink.NONE : updater;
        }

        @Override
        public void close() {
            if (updater != null) {
                updater.close();
            }
        }
    }

    /**
     * Keeps the embedded store's search index ({@code <data>/search}) in step with what {@code s} stores: made with a
     * new store; for an older store without one, nothing (and a note saying how to build it). None with --aws.
     */
    SearchUpdates searchUpdates(Store s) {
        if (aws) {
            return new SearchUpdates(null);
        }
        Optional<IndexUpdater> updater = IndexUpdater.forDataDirectory(data,
                new Archive(s.s3(), s.settings().archiveBucketRequired()), made, System.err::println);
        if (updater.isEmpty()) {
            System.err.println("note: " + data + " has no search index, so search will not see this run; build one with"
                    + " `reindex --data " + data + "` (harvests keep it up to date after that)");
        }
        return new SearchUpdates(updater.orElse(null));
    }

    private static boolean isNewOrEmpty(Path dir) {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
