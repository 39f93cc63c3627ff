package dev.newsharvester.pipeline;

import dev.newsharvester.health.HealthThresholds;
import dev.newsharvester.store.AwsEndpoints;
import java.time.Duration;
import java.util.Map;

/**
 * What a harvest is configured with, read once (from Lambda's environment, the CLI's options, a test) and then
 * passed around whole: the one configuration value of a run (DESIGN.md "Configuration").
 *
 * <p>Blank values are absent (null). Only the storage names are required, and only where they are used
 * ({@link #articlesTableRequired()}, {@link #archiveBucketRequired()}), so a planner needs no table.
 *
 * @param articlesTable        ARTICLES_TABLE: the DynamoDB index
 * @param archiveBucket        ARCHIVE_BUCKET: the S3 archive
 * @param taskQueueUrl         TASK_QUEUE_URL: the SQS task queue; without it articles are processed inline
 * @param fleetTable           FLEET_TABLE: host leases, frontiers, turn tokens; with the queue, a fleet
 * @param outletsUri           OUTLETS_URI: blank for the bundled profiles, {@code s3://bucket/key}, or a file
 * @param allowPrivateNetworks ALLOW_PRIVATE_NETWORKS: CIDRs the address guard lets through (local sites only)
 * @param userAgent            USER_AGENT: the crawler's User-Agent, else the built-in one
 * @param aws                  region and endpoint overrides (the SDK's AWS_REGION and AWS_ENDPOINT_URL* variables)
 * @param outletsTtl           OUTLETS_TTL_SECONDS: how old the outlets read from OUTLETS_URI may get before they are
 *                             read again in a long-lived process (default 300 s; 0 = only at start and after a
 *                             SnapStart restore)
 * @param health               when outlet health raises its flags: HEALTH_SILENT_RUNS, HEALTH_FAILING_SHARE,
 *                             HEALTH_FAILING_MIN, HEALTH_DRIFT_DROP, HEALTH_DRIFT_MIN_RECENT, HEALTH_DRIFT_MIN_BASELINE
 * @param eventBusName         EVENT_BUS_NAME: the EventBridge bus the change events go to; absent = none published
 *                             there (the change log and the Atom feeds are written either way)
 * @param feedsDirectory       a local directory that receives the same Atom feeds and diff pages as the bucket's
 *                             {@code feeds/} (the embedded store's {@code <data>/feeds}); not from the environment
 * @param athenaWorkgroup      ATHENA_WORKGROUP: the stack's Athena workgroup (output AthenaWorkGroupName), for
 *                             {@code search --aws} and {@code export --aws}
 * @param glueDatabase         GLUE_DATABASE: the Glue database of the archive's tables (output GlueDatabaseName)
 */
public record Settings(String articlesTable, String archiveBucket, String taskQueueUrl, String fleetTable,
        String outletsUri, String allowPrivateNetworks, String userAgent, AwsEndpoints aws, Duration outletsTtl,
        HealthThresholds health, String eventBusName, String feedsDirectory, String athenaWorkgroup,
        String glueDatabase) {

    public static final String EVENT_BUS_NAME = "EVENT_BUS_NAME";
    public static final String ATHENA_WORKGROUP = "ATHENA_WORKGROUP";
    public static final String GLUE_DATABASE = "GLUE_DATABASE";
    public static final String ARTICLES_TABLE = "ARTICLES_TABLE";
    public static final String ARCHIVE_BUCKET = "ARCHIVE_BUCKET";
    public static final String TASK_QUEUE_URL = "TASK_QUEUE_URL";
    public static final String FLEET_TABLE = "FLEET_TABLE";
    public static final String OUTLETS_URI = "OUTLETS_URI";
    public static final String ALLOW_PRIVATE_NETWORKS = "ALLOW_PRIVATE_NETWORKS";
    public static final String USER_AGENT = "USER_AGENT";
    public static final String OUTLETS_TTL_SECONDS = "OUTLETS_TTL_SECONDS";
    public static final Duration DEFAULT_OUTLETS_TTL = Duration.ofMinutes(5);
    public static final String HEALTH_SILENT_RUNS = "HEALTH_SILENT_RUNS";
    public static final String HEALTH_FAILING_SHARE = "HEALTH_FAILING_SHARE";
    public static final String HEALTH_FAILING_MIN = "HEALTH_FAILING_MIN";
    public static final String HEALTH_DRIFT_DROP = "HEALTH_DRIFT_DROP";
    public static final String HEALTH_DRIFT_MIN_RECENT = "HEALTH_DRIFT_MIN_RECENT";
    public static final String HEALTH_DRIFT_MIN_BASELINE = "HEALTH_DRIFT_MIN_BASELINE";

    public Settings {
        articlesTable = blankToNull(articlesTable);
        archiveBucket = blankToNull(archiveBucket);
        taskQueueUrl = blankToNull(taskQueueUrl);
        fleetTable = blankToNull(fleetTable);
        outletsUri = blankToNull(outletsUri);
        allowPrivateNetworks = blankToNull(allowPrivateNetworks);
        userAgent = blankToNull(userAgent);
        aws = aws == null ? AwsEndpoints.DEFAULT : aws;
        outletsTtl = outletsTtl == null ? DEFAULT_OUTLETS_TTL : outletsTtl;
        if (outletsTtl.isNegative()) {
            throw new IllegalArgumentException(OUTLETS_TTL_SECONDS + " must be 0 or more seconds, got " + outletsTtl);
        }
        health = health == null ? HealthThresholds.DEFAULT : health;
        eventBusName = blankToNull(eventBusName);
        feedsDirectory = blankToNull(feedsDirectory);
        athenaWorkgroup = blankToNull(athenaWorkgroup);
        glueDatabase = blankToNull(glueDatabase);
    }

    /** Settings without the Athena workgroup and Glue database. */
    public Settings(String articlesTable, String archiveBucket, String taskQueueUrl, String fleetTable,
            String outletsUri, String allowPrivateNetworks, String userAgent, AwsEndpoints aws, Duration outletsTtl,
            HealthThresholds health, String eventBusName, String feedsDirectory) {
        this(articlesTable, archiveBucket, taskQueueUrl, fleetTable, outletsUri, allowPrivateNetworks, userAgent, aws,
                outletsTtl, health, eventBusName, feedsDirectory, null, null);
    }

    /** Settings without change publishing to EventBridge or a local feeds directory. */
    public Settings(String articlesTable, String archiveBucket, String taskQueueUrl, String fleetTable,
            String outletsUri, String allowPrivateNetworks, String userAgent, AwsEndpoints aws, Duration outletsTtl,
            HealthThresholds health) {
        this(articlesTable, archiveBucket, taskQueueUrl, fleetTable, outletsUri, allowPrivateNetworks, userAgent, aws,
                outletsTtl, health, null, null);
    }

    /** Settings with the default outlets TTL and health thresholds. */
    public Settings(String articlesTable, String archiveBucket, String taskQueueUrl, String fleetTable,
            String outletsUri, String allowPrivateNetworks, String userAgent, AwsEndpoints aws) {
        this(articlesTable, archiveBucket, taskQueueUrl, fleetTable, outletsUri, allowPrivateNetworks, userAgent, aws,
                null, null);
    }

    /** The settings the process environment describes (Lambda, {@code --aws}). */
    public static Settings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** The settings the given variables describe (the local invoker's template environment, tests). */
    public static Settings fromEnvironment(Map<String, String> env) {
        return new Settings(env.get(ARTICLES_TABLE), env.get(ARCHIVE_BUCKET), env.get(TASK_QUEUE_URL),
                env.get(FLEET_TABLE), env.get(OUTLETS_URI), env.get(ALLOW_PRIVATE_NETWORKS), env.get(USER_AGENT),
                AwsEndpoints.fromEnvironment(env), seconds(env.get(OUTLETS_TTL_SECONDS), OUTLETS_TTL_SECONDS),
                healthThresholds(env), env.get(EVENT_BUS_NAME), null, env.get(ATHENA_WORKGROUP), env.get(GLUE_DATABASE));
    }

    /** The health thresholds the variables set, each defaulting to {@link HealthThresholds#DEFAULT}'s. */
    static HealthThresholds healthThresholds(Map<String, String> env) {
        HealthThresholds d = HealthThresholds.DEFAULT;
        return new HealthThresholds(whole(env, HEALTH_SILENT_RUNS, d.silentRuns()),
                fraction(env, HEALTH_FAILING_SHARE, d.failingShare()), whole(env, HEALTH_FAILING_MIN, d.failingMin()),
                fraction(env, HEALTH_DRIFT_DROP, d.driftDrop()), whole(env, HEALTH_DRIFT_MIN_RECENT, d.driftMinRecent()),
                whole(env, HEALTH_DRIFT_MIN_BASELINE, d.driftMinBaseline()));
    }

    private static int whole(Map<String, String> env, String name, int dflt) {
        String v = blankToNull(env.get(name));
        try {
            return v == null ? dflt : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("environment variable " + name + " must be a whole number (default "
                    + dflt + "), was '" + v + "'");
        }
    }

    private static double fraction(Map<String, String> env, String name, double dflt) {
        String v = blankToNull(env.get(name));
        try {
            return v == null ? dflt : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("environment variable " + name + " must be a fraction such as " + dflt
                    + ", was '" + v + "'");
        }
    }

    private static Duration seconds(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long s = Long.parseLong(value.trim());
            if (s >= 0) {
                return Duration.ofSeconds(s);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("environment variable " + name + " must be a whole number of seconds, 0 or"
                + " more, got '" + value + "': e.g. " + name + "=300");
    }

    /** An embedded or test store: the table and bucket, the bundled outlets, nothing else. */
    public static Settings store(String articlesTable, String archiveBucket) {
        return new Settings(articlesTable, archiveBucket, null, null, null, null, null, null);
    }

    /** These settings on another table and bucket (the embedded store). */
    public Settings withStore(String table, String bucket) {
        return new Settings(table, bucket, taskQueueUrl, fleetTable, outletsUri, allowPrivateNetworks, userAgent, aws,
                outletsTtl, health, eventBusName, feedsDirectory, athenaWorkgroup, glueDatabase);
    }

    public Settings withOutletsUri(String uri) {
        return new Settings(articlesTable, archiveBucket, taskQueueUrl, fleetTable, uri, allowPrivateNetworks,
                userAgent, aws, outletsTtl, health, eventBusName, feedsDirectory, athenaWorkgroup, glueDatabase);
    }

    public Settings withAllowPrivateNetworks(String cidrs) {
        return new Settings(articlesTable, archiveBucket, taskQueueUrl, fleetTable, outletsUri, cidrs, userAgent, aws,
                outletsTtl, health, eventBusName, feedsDirectory, athenaWorkgroup, glueDatabase);
    }

    /** These settings with a task queue and a fleet table (null for none). */
    public Settings withFleet(String queueUrl, String fleet) {
        return new Settings(articlesTable, archiveBucket, queueUrl, fleet, outletsUri, allowPrivateNetworks,
                userAgent, aws, outletsTtl, health, eventBusName, feedsDirectory, athenaWorkgroup, glueDatabase);
    }

    public Settings withAws(AwsEndpoints endpoints) {
        return new Settings(articlesTable, archiveBucket, taskQueueUrl, fleetTable, outletsUri, allowPrivateNetworks,
                userAgent, endpoints, outletsTtl, health, eventBusName, feedsDirectory, athenaWorkgroup, glueDatabase);
    }

    /** These settings with another outlets TTL. */
    public Settings withOutletsTtl(Duration ttl) {
        return new Settings(articlesTable, archiveBucket, taskQueueUrl, fleetTable, outletsUri, allowPrivateNetworks,
                userAgent, aws, ttl, health, eventBusName, feedsDirectory, athenaWorkgroup, glueDatabase);
    }

    /** These settings with other health thresholds. */
    public Settings withHealth(HealthThresholds thresholds) {
        return new Settings(articlesTable, archiveBucket, taskQueueUrl, fleetTable, outletsUri, allowPrivateNetworks,
                userAgent, aws, outletsTtl, thresholds, eventBusName, feedsDirectory, athenaWorkgroup, glueDatabase);
    }

    /** These settings with another EventBridge bus for the change events (null: none). */
    public Settings withEventBus(String busName) {
        return new Settings(articlesTable, archiveBucket, taskQueueUrl, fleetTable, outletsUri, allowPrivateNetworks,
                userAgent, aws, outletsTtl, health, busName, feedsDirectory, athenaWorkgroup, glueDatabase);
    }

    /** These settings with a local directory for the Atom feeds and diff pages (null: the bucket only). */
    public Settings withFeedsDirectory(String dir) {
        return new Settings(articlesTable, archiveBucket, taskQueueUrl, fleetTable, outletsUri, allowPrivateNetworks,
                userAgent, aws, outletsTtl, health, eventBusName, dir, athenaWorkgroup, glueDatabase);
    }

    /** These settings with another Athena workgroup and Glue database (null: unset). */
    public Settings withAthena(String workgroup, String database) {
        return new Settings(articlesTable, archiveBucket, taskQueueUrl, fleetTable, outletsUri, allowPrivateNetworks,
                userAgent, aws, outletsTtl, health, eventBusName, feedsDirectory, workgroup, database);
    }

    /** Whether articles go to a task queue rather than being processed inline. */
    public boolean queued() {
        return taskQueueUrl != null;
    }

    /** Whether these settings describe a fleet: a task queue and a fleet table. */
    public boolean isFleet() {
        return taskQueueUrl != null && fleetTable != null;
    }

    public String articlesTableRequired() {
        return required(articlesTable, ARTICLES_TABLE, "the DynamoDB index table's name");
    }

    public String archiveBucketRequired() {
        return required(archiveBucket, ARCHIVE_BUCKET, "the S3 archive bucket's name");
    }

    public String taskQueueUrlRequired() {
        return required(taskQueueUrl, TASK_QUEUE_URL, "the SQS task queue's URL");
    }

    public String athenaWorkgroupRequired() {
        return required(athenaWorkgroup, ATHENA_WORKGROUP, "the stack's Athena workgroup (output AthenaWorkGroupName)");
    }

    public String glueDatabaseRequired() {
        return required(glueDatabase, GLUE_DATABASE, "the stack's Glue database (output GlueDatabaseName)");
    }

    public String fleetTableRequired() {
        return required(fleetTable, FLEET_TABLE, "the fleet table's name");
    }

    private static String required(String value, String name, String what) {
        if (value == null) {
            throw new IllegalStateException("environment variable " + name + " is not set: set it to " + what);
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
