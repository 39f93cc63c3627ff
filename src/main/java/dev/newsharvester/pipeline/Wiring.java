package dev.newsharvester.pipeline;

import dev.newsharvester.extract.ArticleExtractor;
import dev.newsharvester.fetch.AddressGuard;
import dev.newsharvester.fetch.HttpFetcher;
import dev.newsharvester.outlet.OutletConfigException;
import dev.newsharvester.outlet.Outlets;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.AwsClients;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import dev.newsharvester.fleet.DiscoveryClaims;
import dev.newsharvester.fleet.Frontier;
import dev.newsharvester.fleet.HostLeases;
import dev.newsharvester.fleet.SharedRobots;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * Builds a {@link Harvester} from the configuration variables shared by Lambda and local runs
 * (DESIGN.md "Configuration"): ARTICLES_TABLE, ARCHIVE_BUCKET, TASK_QUEUE_URL, OUTLETS_URI,
 * ALLOW_PRIVATE_NETWORKS, USER_AGENT and the SDK's AWS_ENDPOINT_URL* variables.
 */
public final class Wiring {

    public static final String ARTICLES_TABLE = "ARTICLES_TABLE";
    public static final String ARCHIVE_BUCKET = "ARCHIVE_BUCKET";
    public static final String TASK_QUEUE_URL = "TASK_QUEUE_URL";
    public static final String OUTLETS_URI = "OUTLETS_URI";
    public static final String ALLOW_PRIVATE_NETWORKS = "ALLOW_PRIVATE_NETWORKS";
    public static final String USER_AGENT = "USER_AGENT";
    /** The fleet table (host leases, frontier, turn tokens, shared robots.txt); with TASK_QUEUE_URL, a fleet. */
    public static final String FLEET_TABLE = "FLEET_TABLE";

    private Wiring() {
    }

    /** A harvester on the AWS clients the environment describes (Lambda's own environment, or --aws). */
    public static Harvester fromEnvironment(Map<String, String> env) {
        return harvester(env, AwsClients.s3(env), AwsClients.dynamoDb(env), sqsIfQueued(env));
    }

    /** An SQS client when TASK_QUEUE_URL is set, else null. */
    public static SqsClient sqsIfQueued(Map<String, String> env) {
        return queueUrl(env) == null ? null : sqs(env);
    }

    /** A harvester on given clients (the embedded store, tests); {@code sqs} is used only when TASK_QUEUE_URL is set. */
    public static Harvester harvester(Map<String, String> env, S3Client s3, DynamoDbClient ddb, SqsClient sqs) {
        String table = required(env, ARTICLES_TABLE);
        String bucket = required(env, ARCHIVE_BUCKET);
        S3Client s3Client = s3;
        HttpFetcher.Builder fetcher = fetcherBuilder(env);
        String fleetTable = fleetTable(env);
        if (fleetTable != null) {
            fetcher.robotsStore(new SharedRobots(ddb, fleetTable));
        }
        Harvester.Builder b = Harvester.builder()
                .outlets(outlets(env, s3Client))
                .fetcher(fetcher.build())
                .archive(new Archive(s3Client, bucket))
                .index(new ArticleIndex(ddb, table));
        String queue = queueUrl(env);
        if (queue != null) {
            if (sqs == null) {
                throw new IllegalStateException(TASK_QUEUE_URL + " is set but no SQS client was given");
            }
            b.dispatcher(new SqsTaskDispatcher(sqs, queue));
        }
        return b.build();
    }

    /** Whether the environment describes a fleet: a task queue and a fleet table. */
    public static boolean isFleet(Map<String, String> env) {
        return queueUrl(env) != null && fleetTable(env) != null;
    }

    /** The fleet worker of {@code harvester} (its parts), on the fleet table and task queue of {@code env}. */
    public static FleetWorker fleetWorker(Map<String, String> env, Harvester harvester, DynamoDbClient ddb,
            SqsClient sqs) {
        String table = required(env, FLEET_TABLE);
        HostLeases leases = new HostLeases(ddb, table, Clock.systemUTC(), LEASE);
        return harvester.fleetWorker(leases, new Frontier(ddb, table),
                new DiscoveryClaims(ddb, table, DISCOVERY_INTERVAL), new TaskQueue(sqs, required(env, TASK_QUEUE_URL)));
    }

    /** The planner of a fleet: one discovery task per outlet on the task queue. */
    public static Planner planner(Map<String, String> env, Outlets outlets, SqsClient sqs) {
        return new Planner(outlets, new TaskQueue(sqs, required(env, TASK_QUEUE_URL)), Clock.systemUTC());
    }

    /**
     * A host lease lasts as long as one request may take (connect 5 s + whole request 20 s) and a little more: a
     * worker that dies mid-request blocks its host for at most this long.
     */
    static final Duration LEASE = Duration.ofSeconds(30);
    /** Two discovery runs of one outlet are at least this far apart (overlapping or repeated schedules). */
    static final Duration DISCOVERY_INTERVAL = Duration.ofMinutes(2);

    static String fleetTable(Map<String, String> env) {
        String t = env.get(FLEET_TABLE);
        return t == null || t.isBlank() ? null : t;
    }

    /** A reprocessor on the AWS clients the environment describes. */
    public static Reprocessor reprocessorFromEnvironment(Map<String, String> env) {
        return reprocessor(env, AwsClients.s3(env), AwsClients.dynamoDb(env));
    }

    /** A reprocessor on given clients: the configured outlets (for their selectors and time zones), the archive and the index. */
    public static Reprocessor reprocessor(Map<String, String> env, S3Client s3, DynamoDbClient ddb) {
        return new Reprocessor(outlets(env, s3), new ArticleExtractor(), new Archive(s3, required(env, ARCHIVE_BUCKET)),
                new ArticleIndex(ddb, required(env, ARTICLES_TABLE)), java.time.Clock.systemUTC());
    }

    /** The HTTP client configured by USER_AGENT and ALLOW_PRIVATE_NETWORKS. */
    public static HttpFetcher fetcher(Map<String, String> env) {
        return fetcherBuilder(env).build();
    }

    private static HttpFetcher.Builder fetcherBuilder(Map<String, String> env) {
        // No global floor on pacing: each outlet's crawlDelay (default 1 s) and robots.txt set it per host.
        HttpFetcher.Builder f = HttpFetcher.builder().addressGuard(AddressGuard.fromSpec(env.get(ALLOW_PRIVATE_NETWORKS)))
                .minDelay(Duration.ZERO);
        String ua = env.get(USER_AGENT);
        if (ua != null && !ua.isBlank()) {
            f.userAgent(ua);
        }
        return f;
    }

    /** OUTLETS_URI: blank for the bundled profiles, {@code s3://bucket/key}, or a file path. */
    public static Outlets outlets(Map<String, String> env, S3Client s3) {
        String uri = env.get(OUTLETS_URI);
        if (uri == null || uri.isBlank()) {
            return Outlets.bundled();
        }
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

    static String queueUrl(Map<String, String> env) {
        String q = env.get(TASK_QUEUE_URL);
        return q == null || q.isBlank() ? null : q;
    }

    /** An SQS client honouring AWS_ENDPOINT_URL_SQS / AWS_ENDPOINT_URL. */
    public static SqsClient sqs(Map<String, String> env) {
        SqsClientBuilder b = SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(env.getOrDefault("AWS_REGION", "us-east-1")));
        String endpoint = env.getOrDefault("AWS_ENDPOINT_URL_SQS", env.get("AWS_ENDPOINT_URL"));
        if (endpoint != null && !endpoint.isBlank()) {
            b.endpointOverride(URI.create(endpoint));
        }
        return b.build();
    }

    private static String required(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return v;
    }
}
