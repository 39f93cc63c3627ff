package dev.newsharvester.pipeline;

import dev.newsharvester.change.AtomFeeds;
import dev.newsharvester.change.ChangeJournal;
import dev.newsharvester.change.ChangePublisher;
import dev.newsharvester.change.ChangeSink;
import dev.newsharvester.change.EventBridgeSink;
import dev.newsharvester.change.FeedTarget;
import dev.newsharvester.extract.ArticleExtractor;
import dev.newsharvester.fetch.AddressGuard;
import dev.newsharvester.fetch.HttpFetcher;
import dev.newsharvester.outlet.OutletConfigException;
import dev.newsharvester.outlet.Outlets;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.DueIndex;
import dev.newsharvester.store.AwsClients;
import dev.newsharvester.store.ChangeLog;
import dev.newsharvester.store.HealthCounters;
import dev.newsharvester.store.HealthObjects;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import dev.newsharvester.fleet.DiscoveryClaims;
import dev.newsharvester.fleet.Frontier;
import dev.newsharvester.fleet.HostLeases;
import dev.newsharvester.fleet.SharedRobots;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the harvest's parts from its {@link Settings}, the same for Lambda and local runs (DESIGN.md
 * "Configuration"): the harvester, the fleet worker, the planner and the reprocessor.
 */
public final class Wiring {

    /**
     * A host lease lasts as long as one request may take (connect 5 s + whole request 20 s) and a little more: a
     * worker that dies mid-request blocks its host for at most this long.
     */
    static final Duration LEASE = Duration.ofSeconds(30);
    /** Two discovery runs of one outlet are at least this far apart (overlapping or repeated schedules). */
    static final Duration DISCOVERY_INTERVAL = Duration.ofMinutes(2);

    private Wiring() {
    }

    /** A harvester on the AWS clients the settings describe (Lambda's own environment, or --aws). */
    public static Harvester fromSettings(Settings settings) {
        return publishingHarvester(settings, AwsClients.s3(settings.aws()), AwsClients.dynamoDb(settings.aws()),
                sqsIfQueued(settings));
    }

    /** An SQS client when the settings have a task queue, else null. */
    public static SqsClient sqsIfQueued(Settings settings) {
        return settings.queued() ? AwsClients.sqs(settings.aws()) : null;
    }

    /** A harvester on given clients (the embedded store, tests); {@code sqs} is used only with a task queue. */
    public static Harvester harvester(Settings settings, S3Client s3, DynamoDbClient ddb, SqsClient sqs) {
        return harvester(settings, s3, ddb, sqs, ChangeSink.NONE);
    }

    /** A harvester that publishes its changes through {@link #changeSink(Settings, S3Client)}: the entry points'. */
    public static Harvester publishingHarvester(Settings settings, S3Client s3, DynamoDbClient ddb, SqsClient sqs) {
        return harvester(settings, s3, ddb, sqs, changeSink(settings, s3));
    }

    /** The same, also publishing each change logged to {@code alsoTo} (the embedded store's search index). */
    public static Harvester publishingHarvester(Settings settings, S3Client s3, DynamoDbClient ddb, SqsClient sqs,
            ChangeSink alsoTo) {
        return harvester(settings, s3, ddb, sqs, changeSink(settings, s3,
                settings.eventBusName() == null ? null : AwsClients.eventBridge(settings.aws()), alsoTo));
    }

    /** The same, publishing every change (NEW, REVISED, DELETED, REDIRECTED, RESTORED) to {@code changes} once indexed. */
    public static Harvester harvester(Settings settings, S3Client s3, DynamoDbClient ddb, SqsClient sqs,
            ChangeSink changes) {
        return harvester(settings, s3, ddb, sqs, changes, Lifecycle.DEFAULT_CONFIRM_AFTER);
    }

    /** The same, confirming a deletion {@code deletionConfirmAfter} after its first sign (the demo: zero). */
    public static Harvester harvester(Settings settings, S3Client s3, DynamoDbClient ddb, SqsClient sqs,
            ChangeSink changes, Duration deletionConfirmAfter) {
        HttpFetcher.Builder fetcher = fetcherBuilder(settings);
        if (settings.fleetTable() != null) {
            fetcher.robotsStore(new SharedRobots(ddb, settings.fleetTable()));
        }
        Harvester.Builder b = Harvester.builder()
                .outlets(outlets(settings, s3))
                .fetcher(fetcher.build())
                .archive(new Archive(s3, settings.archiveBucketRequired()))
                .index(new ArticleIndex(ddb, settings.articlesTableRequired()))
                .changeSink(changes)
                .deletionConfirmAfter(deletionConfirmAfter)
                .health(new HealthCounters(ddb, settings.articlesTableRequired()), settings.health(),
                        new HealthObjects(s3, settings.archiveBucketRequired()))
                .dueIndex(dueIndex(settings, ddb));
        if (settings.queued()) {
            if (sqs == null) {
                throw new IllegalStateException(Settings.TASK_QUEUE_URL + " is set but no SQS client was given");
            }
            b.dispatcher(new SqsTaskDispatcher(sqs, settings.taskQueueUrl()));
        }
        return b.build();
    }

    /**
     * Where a harvest's change events go (the processor publishes each once its entry is indexed): the change log in
     * the archive bucket, then, only for the call that logged the event, EventBridge (with {@link
     * Settings#eventBusName()}) and the Atom feeds with their diff pages (the bucket's {@code feeds/}, and {@link
     * Settings#feedsDirectory()} locally). See {@link ChangePublisher} for what is delivered how often.
     */
    public static ChangeSink changeSink(Settings settings, S3Client s3) {
        return changeSink(settings, s3, settings.eventBusName() == null ? null : AwsClients.eventBridge(settings.aws()));
    }

    /** {@link #changeSink(Settings, S3Client)} on a given EventBridge client (tests, the local stack); null for none. */
    public static ChangeSink changeSink(Settings settings, S3Client s3, EventBridgeClient events) {
        return changeSink(settings, s3, events, ChangeSink.NONE);
    }

    /** {@link #changeSink(Settings, S3Client, EventBridgeClient)} with one more downstream sink, last. */
    public static ChangeSink changeSink(Settings settings, S3Client s3, EventBridgeClient events, ChangeSink alsoTo) {
        Archive archive = new Archive(s3, settings.archiveBucketRequired());
        ChangeJournal journal = new ChangeJournal(new ChangeLog(archive));
        List<ChangeSink> sinks = new ArrayList<>();
        if (settings.eventBusName() != null && events != null) {
            sinks.add(new EventBridgeSink(events, settings.eventBusName()));
        }
        List<FeedTarget> targets = new ArrayList<>(List.of(FeedTarget.s3(archive)));
        if (settings.feedsDirectory() != null) {
            targets.add(FeedTarget.directory(Path.of(settings.feedsDirectory())));
        }
        sinks.add(new AtomFeeds(journal, archive, targets));
        if (alsoTo != ChangeSink.NONE) {
            sinks.add(alsoTo);
        }
        return new ChangePublisher(journal, sinks);
    }

    /** The fleet worker of {@code harvester} (its parts), on the fleet table and task queue of the settings. */
    public static FleetWorker fleetWorker(Settings settings, Harvester harvester, DynamoDbClient ddb, SqsClient sqs) {
        String table = settings.fleetTableRequired();
        HostLeases leases = new HostLeases(ddb, table, Clock.systemUTC(), LEASE);
        return harvester.fleetWorker(leases, new Frontier(ddb, table),
                new DiscoveryClaims(ddb, table, DISCOVERY_INTERVAL),
                new TaskQueue(sqs, settings.taskQueueUrlRequired()));
    }

    /**
     * Where the revisit schedule lives: the fleet table in a fleet (no secondary indexes: one write unit a write),
     * else the Articles table.
     */
    public static DueIndex dueIndex(Settings settings, DynamoDbClient ddb) {
        return settings.fleetTable() != null ? DueIndex.inFleetTable(ddb, settings.fleetTable(), DueIndex.DEFAULT_SHARDS)
                : DueIndex.inArticlesTable(ddb, settings.articlesTableRequired(), DueIndex.DEFAULT_SHARDS);
    }

    /** The planner of a fleet: one discovery task per outlet on the task queue. */
    public static Planner planner(Settings settings, Outlets outlets, SqsClient sqs) {
        return new Planner(outlets, new TaskQueue(sqs, settings.taskQueueUrlRequired()), Clock.systemUTC());
    }

    /**
     * The same planner evaluating the outlets' health at the start of each run from the counters in the index table,
     * and storing the health object in the archive bucket (without a table and bucket in the settings: no health).
     */
    public static Planner planner(Settings settings, Outlets outlets, SqsClient sqs, S3Client s3, DynamoDbClient ddb) {
        return new Planner(outlets, new TaskQueue(sqs, settings.taskQueueUrlRequired()), Clock.systemUTC(),
                settings.articlesTable() == null || settings.archiveBucket() == null ? null
                        : healthMonitor(settings, s3, ddb),
                settings.fleetTable() == null && settings.articlesTable() == null ? null : dueIndex(settings, ddb));
    }

    /** Outlet health on the index table and archive bucket of the settings (for the planner and {@code status}). */
    public static HealthMonitor healthMonitor(Settings settings, S3Client s3, DynamoDbClient ddb) {
        return new HealthMonitor(new HealthCounters(ddb, settings.articlesTableRequired()), settings.health(),
                new HealthObjects(s3, settings.archiveBucketRequired()), null, Clock.systemUTC());
    }

    /** A reprocessor on the AWS clients the settings describe. */
    public static Reprocessor reprocessorFromSettings(Settings settings) {
        return reprocessor(settings, AwsClients.s3(settings.aws()), AwsClients.dynamoDb(settings.aws()));
    }

    /** A reprocessor on given clients: the configured outlets (for their selectors and time zones), the archive and the index. */
    public static Reprocessor reprocessor(Settings settings, S3Client s3, DynamoDbClient ddb) {
        return new Reprocessor(outlets(settings, s3), new ArticleExtractor(),
                new Archive(s3, settings.archiveBucketRequired()),
                new ArticleIndex(ddb, settings.articlesTableRequired()), Clock.systemUTC());
    }

    /** The HTTP client configured by the User-Agent and the private networks allowed. */
    public static HttpFetcher fetcher(Settings settings) {
        return fetcherBuilder(settings).build();
    }

    private static HttpFetcher.Builder fetcherBuilder(Settings settings) {
        // No global floor on pacing: each outlet's crawlDelay (default 1 s) and robots.txt set it per host.
        HttpFetcher.Builder f = HttpFetcher.builder()
                .addressGuard(AddressGuard.fromSpec(settings.allowPrivateNetworks()))
                .minDelay(Duration.ZERO);
        if (settings.userAgent() != null) {
            f.userAgent(settings.userAgent());
        }
        return f;
    }

    /**
     * The outlets of the settings: the bundled profiles, or an {@code s3://bucket/key} object or a file, read again
     * when older than {@link Settings#outletsTtl()} (and after a SnapStart restore, {@link Outlets#refresh()}).
     */
    public static Outlets outlets(Settings settings, S3Client s3) {
        return outlets(settings, s3, Clock.systemUTC());
    }

    /** {@link #outlets(Settings, S3Client)} on a given clock (tests). */
    public static Outlets outlets(Settings settings, S3Client s3, Clock clock) {
        if (settings.outletsUri() == null) {
            return Outlets.bundled();  // inside the jar: nothing to reload
        }
        return Outlets.reloading(() -> readOutlets(settings.outletsUri(), s3), settings.outletsTtl(), clock);
    }

    private static Outlets readOutlets(String uri, S3Client s3) {
        if (uri.startsWith("s3://")) {
            URI u = URI.create(uri);
            String key = u.getPath().startsWith("/") ? u.getPath().substring(1) : u.getPath();
            try {
                String yaml = s3.getObjectAsBytes(r -> r.bucket(u.getHost()).key(key)).asString(StandardCharsets.UTF_8);
                return Outlets.parse(yaml, uri);
            } catch (SdkException e) {
                throw new OutletConfigException("cannot read outlets file " + uri + ": " + e.getMessage(), e);
            }
        }
        return Outlets.load(Path.of(uri.startsWith("file:") ? URI.create(uri).getPath() : uri));
    }
}
