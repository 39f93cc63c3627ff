package dev.newsharvester.lambda;

import dev.newsharvester.extract.Article;
import dev.newsharvester.extract.ArticleExtractor;
import dev.newsharvester.extract.Extraction;
import dev.newsharvester.fetch.Jitter;
import dev.newsharvester.fingerprint.Fingerprint;
import dev.newsharvester.fingerprint.Fingerprinter;
import dev.newsharvester.outlet.Outlets;
import dev.newsharvester.pipeline.ArticleOutcome;
import dev.newsharvester.pipeline.ArticleTask;
import dev.newsharvester.pipeline.FleetMessage;
import dev.newsharvester.pipeline.FleetWorker;
import dev.newsharvester.pipeline.Outcome;
import dev.newsharvester.pipeline.SqsTaskDispatcher;
import dev.newsharvester.pipeline.TaskQueue;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.AwsClients;
import dev.newsharvester.store.AwsEndpoints;
import dev.newsharvester.store.CleanCopy;
import dev.newsharvester.store.Copies;
import dev.newsharvester.store.RawMetadata;
import dev.newsharvester.store.ReaderFacts;
import dev.newsharvester.store.StoredVersion;
import dev.newsharvester.store.TextSketch;
import dev.newsharvester.store.VersionId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SnapStart's hooks for both functions (registered by their constructors through the CRaC API that Lambda calls).
 *
 * <p>{@link #beforeCheckpoint}: one article's whole path runs once before the snapshot, so that the classes of the
 * first real invocation are loaded and initialised in it: a bundled page with its site chrome is extracted and
 * fingerprinted, its clean copy written and read back, its outcome serialised, and the archive, index and queue
 * calls of a version go through real SDK clients (the functions' region, endpoints and signing) on a
 * {@link CannedHttpClient} that answers them in-process: nothing is sent, no connection opened.
 *
 * <p>{@link #afterRestore}: what must not be shared by every environment restored from one snapshot is renewed:
 * the outlets are read again (an edited outlets file takes effect without publishing a version; they are also
 * read again on their TTL), the retry jitter is re-seeded, and the fleet worker's instance id is renewed.
 */
public final class Priming implements Resource {

    /**
     * The bundled page: a full article page with navigation, teasers and footer (the extractor tests' fixture
     * {@code src/test/resources/extract/herald-night-train-en.html}, copied into the jar by the build).
     */
    static final String PAGE = "priming/herald-night-train-en.html";
    static final String PAGE_URL = "https://www.uherald.example/eng/news/2025/09/12/7524410/";
    private static final String OUTLET = "priming";
    private static final String BUCKET = "priming-archive";
    private static final String TABLE = "PrimingArticles";
    /** Held here: the CRaC context may hold its resources weakly, and a handler lives as long as its environment. */
    private static final List<Priming> REGISTERED = new CopyOnWriteArrayList<>();

    /** What a priming run did: the page's text hash and words, and the SDK operations it marshalled. */
    public record Primed(String hash, int words, List<String> operations, Duration took) {
    }

    private final AwsEndpoints aws;
    private final Outlets outlets;
    private final FleetWorker fleet;
    private volatile Primed primed;

    Priming(AwsEndpoints aws, Outlets outlets, FleetWorker fleet) {
        this.aws = aws;
        this.outlets = outlets;
        this.fleet = fleet;
    }

    /**
     * Registers the hooks of a handler: {@code outlets} are re-read after a restore, {@code fleet} (null without a
     * fleet) gets a new instance id. Outside SnapStart the hooks never run and cost nothing.
     */
    public static Priming register(AwsEndpoints aws, Outlets outlets, FleetWorker fleet) {
        Priming priming = new Priming(aws, outlets, fleet);
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /** The hooks registered so far in this process (a restore simulated outside Lambda runs them in turn). */
    public static List<Priming> registered() {
        return List.copyOf(REGISTERED);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        primed = prime();
    }

    /** What the last {@link #beforeCheckpoint} did, or null before one. */
    public Primed primed() {
        return primed;
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        refresh();
    }

    /** Runs one article's path in-process (see the class comment). */
    public Primed prime() {
        long start = System.nanoTime();
        String html = page();
        Extraction extraction = new ArticleExtractor().extract(html, PAGE_URL);
        if (!extraction.isArticle()) {
            throw new IllegalStateException("priming page " + PAGE + " is not read as an article ("
                    + extraction.notArticleReason() + "): bundle a full article page");
        }
        Article article = extraction.article();
        Fingerprint fp = Fingerprinter.of(article.text());
        Instant now = Instant.now();
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String rawKey = Archive.rawKey(OUTLET, PAGE_URL, fp.sha256(), day);
        String cleanKey = Archive.cleanKey(OUTLET, PAGE_URL, fp.sha256(), day);
        byte[] clean = CleanCopy.toJson(article, fp, new CleanCopy.Capture(OUTLET, rawKey, now, ArticleExtractor.VERSION));
        CannedHttpClient http = new CannedHttpClient();
        http.serve(clean);
        ArticleTask task = new ArticleTask(OUTLET, PAGE_URL);
        store(http, html, new Version(article, fp, rawKey, cleanKey, clean, now), task);
        try {
            String outcome = Events.JSON.writeValueAsString(ArticleOutcome.of(task, Outcome.NEW, fp.sha256(), null));
            Events.read(new ByteArrayInputStream(sqsEvent(outcome)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Primed(fp.sha256(), article.wordCount(), http.operations(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** A version to store: the extracted article, its fingerprint, object keys and clean copy. */
    private record Version(Article article, Fingerprint fp, String rawKey, String cleanKey, byte[] clean, Instant now) {
    }

    /** The calls of one stored version and its queue messages, through SDK clients on the canned client. */
    private void store(CannedHttpClient http, String html, Version v, ArticleTask task) {
        Article article = v.article();
        Fingerprint fp = v.fp();
        Instant now = v.now();
        String rawKey = v.rawKey();
        String cleanKey = v.cleanKey();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("PRIMING", "PRIMING"));
        String queueUrl = "https://sqs." + aws.region().id() + ".amazonaws.com/000000000000/priming";
        try (S3Client s3 = AwsClients.s3(aws, http, credentials);
                DynamoDbClient ddb = AwsClients.dynamoDb(aws, http, credentials);
                SqsClient sqs = AwsClients.sqs(aws, http, credentials)) {
            Archive archive = new Archive(s3, BUCKET);
            archive.putRaw(rawKey, html.getBytes(StandardCharsets.UTF_8),
                    new RawMetadata(PAGE_URL, 200, "text/html; charset=utf-8", "\"primed\"", null, now));
            archive.putClean(cleanKey, v.clean());
            CleanCopy.read(archive.getClean(cleanKey));
            ArticleIndex index = new ArticleIndex(ddb, TABLE);
            index.latest(PAGE_URL);
            index.byHash(fp.sha256());
            index.nearDuplicates(fp.simhash(), 3);
            index.storyCandidates(fp.minhash(), now.minus(Duration.ofDays(2)), now);
            index.putVersion(StoredVersion.seenAt(VersionId.of(PAGE_URL, fp.sha256(), OUTLET), now,
                    new ReaderFacts(article.title(), article.authors(), null, null, article.language(), null),
                    new Copies(rawKey, cleanKey),
                    new TextSketch(fp.simhashHex(), fp.minhash(), article.wordCount(), ArticleExtractor.VERSION)));
            index.markSeen(PAGE_URL, fp.sha256(), now, "\"primed\"", null);
            new TaskQueue(sqs, queueUrl).send(new FleetMessage.Article(task), Duration.ZERO);
            new SqsTaskDispatcher(sqs, queueUrl).dispatch(List.of(task));
        }
    }

    /** Renews what a snapshot must not freeze (see the class comment). */
    public void refresh() {
        outlets.refresh();
        Jitter.reseed();
        if (fleet != null) {
            fleet.renewInstance();
        }
    }

    private static byte[] sqsEvent(String body) {
        var event = Events.JSON.createObjectNode();
        event.putArray("Records").addObject().put("messageId", "primed-0").put("body", body)
                .put("eventSource", "aws:sqs");
        try {
            return Events.JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String page() {
        try (InputStream in = Priming.class.getClassLoader().getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new IllegalStateException("priming page " + PAGE + " is missing from the jar: the pom's <resources>"
                        + " copy it from src/test/resources/extract");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
