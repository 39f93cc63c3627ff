package dev.newsharvester.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.extract.ArticleExtractor;
import dev.newsharvester.fetch.Jitter;
import dev.newsharvester.fingerprint.Fingerprinter;
import dev.newsharvester.outlet.Outlet;
import dev.newsharvester.outlet.Outlets;
import dev.newsharvester.pipeline.FleetWorker;
import dev.newsharvester.pipeline.Harvester;
import dev.newsharvester.pipeline.Settings;
import dev.newsharvester.pipeline.Wiring;
import dev.newsharvester.store.AwsClients;
import dev.newsharvester.store.AwsEndpoints;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.crac.Core;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SnapStart's hooks as Lambda runs them, through the CRaC API: before the checkpoint one article's path runs (the
 * bundled page extracted and fingerprinted, the store and queue calls marshalled by real SDK clients) without a
 * single connection; after the restore the outlets file is read again, the jitter re-seeded and the worker renamed.
 */
class PrimingIT {

    /** Every endpoint points here: a connection to it would mean the priming went to the network. */
    private ServerSocket trap;
    private final AtomicInteger connections = new AtomicInteger();
    @TempDir
    Path dir;

    @BeforeEach
    void openTrap() throws IOException {
        trap = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!trap.isClosed()) {
                try (Socket s = trap.accept()) {
                    connections.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }, "priming-trap");
        t.setDaemon(true);
        t.start();
    }

    @AfterEach
    void closeTrap() throws IOException {
        trap.close();
    }

    private static String outlet(String id) {
        return "  - id: " + id + "\n    name: " + id.toUpperCase() + "\n    language: uk\n    timezone: Europe/Kyiv\n"
                + "    feeds: [https://" + id + ".example/rss.xml]\n";
    }

    @Test
    void theHooksPrimeWithoutNetworkAndRenewWhatASnapshotFreezes() throws IOException {
        URI endpoint = URI.create("http://127.0.0.1:" + trap.getLocalPort());
        AwsEndpoints aws = new AwsEndpoints(Region.EU_CENTRAL_1, endpoint, endpoint, endpoint);
        Path outletsFile = dir.resolve("outlets.yaml");
        Files.writeString(outletsFile, "outlets:\n" + outlet("unn"));
        // An hour's TTL: only the restore hook can make the edit below visible within this test.
        Settings settings = Settings.store("Articles", "archive").withOutletsUri(outletsFile.toString())
                .withOutletsTtl(Duration.ofHours(1)).withFleet(endpoint + "/000000000000/tasks", "Fleet").withAws(aws);
        DynamoDbClient ddb = AwsClients.dynamoDb(aws);
        SqsClient sqs = AwsClients.sqs(aws);
        Harvester harvester = Wiring.harvester(settings, AwsClients.s3(aws), ddb, sqs);
        FleetWorker fleet = Wiring.fleetWorker(settings, harvester, ddb, sqs);
        Outlets outlets = harvester.outlets();

        Priming priming = Priming.register(aws, outlets, fleet);
        assertNull(priming.primed());
        priming.beforeCheckpoint(Core.getGlobalContext());

        Priming.Primed primed = priming.primed();
        assertEquals(expectedHash(), primed.hash(), "the bundled page's text, extracted as a real invocation would");
        assertTrue(primed.words() >= 80, "a full article, not a stub: " + primed.words() + " words");
        for (String op : List.of("s3:PUT", "s3:GET", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem",
                "sqs:SendMessage", "sqs:SendMessageBatch")) {
            assertTrue(primed.operations().contains(op), op + " not marshalled; did: " + primed.operations());
        }
        assertEquals(0, connections.get(), "priming opened a connection to an endpoint");

        Files.writeString(outletsFile, "outlets:\n" + outlet("unn") + outlet("up"));
        assertEquals(List.of("unn"), outlets.all().stream().map(Outlet::id).toList(), "frozen until the restore");
        long seed = Jitter.seed();
        String instance = fleet.instance();

        priming.afterRestore(Core.getGlobalContext());

        assertEquals(List.of("unn", "up"), outlets.all().stream().map(Outlet::id).toList(),
                "the outlets file is read again after a restore");
        assertNotEquals(seed, Jitter.seed(), "the jitter is re-seeded");
        assertNotEquals(instance, fleet.instance(), "each restored environment names its leases anew");
        assertEquals(0, connections.get());
    }

    @Test
    void primesOnThePublicEndpointsAsTheFunctionsUseThem() {
        Priming priming = new Priming(AwsEndpoints.DEFAULT, Outlets.bundled(), null);
        Priming.Primed primed = priming.prime();
        assertTrue(primed.operations().containsAll(List.of("s3:PUT", "s3:GET", "dynamodb:PutItem",
                "sqs:SendMessageBatch")), primed.operations().toString());
        priming.refresh();  // bundled outlets and no fleet: nothing to fail on
    }

    private static String expectedHash() throws IOException {
        try (InputStream in = PrimingIT.class.getResourceAsStream("/extract/herald-night-train-en.html")) {
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Fingerprinter.of(new ArticleExtractor().extract(html, Priming.PAGE_URL).article().text()).sha256();
        }
    }
}
