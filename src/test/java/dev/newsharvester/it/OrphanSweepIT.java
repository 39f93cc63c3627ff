package dev.newsharvester.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsharvester.cli.CliRun;
import dev.newsharvester.local.DemoSite;
import dev.newsharvester.local.LocalStack;
import dev.newsharvester.pipeline.ArticleOutcome;
import dev.newsharvester.pipeline.HarvestReport;
import dev.newsharvester.pipeline.Outcome;
import dev.newsharvester.pipeline.ProgressListener;
import dev.newsharvester.pipeline.Settings;
import dev.newsharvester.pipeline.Wiring;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.StoredVersion;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * A run dies between its archive writes and its index write; the page changes before the rerun, which stores the new
 * version under new keys. The first run's raw and clean copies are then known to no index item: {@code sweep} finds
 * exactly those, leaves them while younger than {@code --min-age}, lists them with {@code --dry-run}, and deletes
 * them, after which the archive holds only what the index knows (and everything it knows).
 */
class OrphanSweepIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void theSweepLeavesTheArchiveHoldingOnlyWhatTheIndexKnows() throws Exception {
        Path data = tmp.resolve("store");
        Set<String> orphans;
        String heating;
        try (LocalStack stack = LocalStack.open(data); DemoSite site = DemoSite.start()) {
            Path outlets = Files.writeString(tmp.resolve("outlets.yaml"), site.outletsYaml());
            Settings settings = Settings.store(stack.table(), stack.bucket()).withOutletsUri(outlets.toString())
                    .withAllowPrivateNetworks("127.0.0.1/32");
            heating = site.origin("unn") + PipelineIT.HEATING;
            AtomicBoolean crashed = new AtomicBoolean();
            DynamoDbClient dying = indexWriteFailsOnce(stack.dynamoDb(), heating, crashed);

            HarvestReport round1 = Wiring.harvester(settings, stack.s3(), dying, null).harvest(List.of("unn"), ProgressListener.NONE);
            assertTrue(crashed.get(), "the index write of " + heating + " was never attempted");
            assertEquals(Outcome.FAILED, outcome(round1, heating).outcome(), round1.outcomes().toString());
            Set<String> afterCrash = unindexed(stack);
            assertEquals(2, afterCrash.size(), "the raw and the clean copy of the crashed version: " + afterCrash);

            site.setRound(2); // the page is edited before the rerun
            HarvestReport round2 = Wiring.harvester(settings, stack.s3(), stack.dynamoDb(), null).harvest(List.of("unn"),
                    ProgressListener.NONE);
            ArticleOutcome rerun = outcome(round2, heating);
            assertEquals(Outcome.NEW, rerun.outcome(), round2.outcomes().toString());
            orphans = unindexed(stack);
            assertEquals(afterCrash, orphans, "the rerun stored the edited page under new keys; the old copies stay unindexed");
            StoredVersion stored = new ArticleIndex(stack.dynamoDb(), stack.table()).latest(heating).orElseThrow();
            assertFalse(orphans.contains(stored.copies().rawKey()) || orphans.contains(stored.copies().cleanKey()));
        }

        JsonNode young = sweep("--data", data.toString(), "--json");
        assertEquals(0, young.path("orphans").size(), "objects younger than the default PT1H are left alone: " + young);
        assertEquals(2, young.path("tooYoung").asInt(), young.toString());

        JsonNode dry = sweep("--data", data.toString(), "--min-age", "PT0S", "--dry-run", "--json");
        assertEquals(orphans, keys(dry), dry.toString());
        assertFalse(dry.path("deleted").asBoolean());
        try (LocalStack stack = LocalStack.open(data)) {
            assertEquals(orphans, unindexed(stack), "a dry run deletes nothing");
        }

        JsonNode swept = sweep("--data", data.toString(), "--min-age", "PT0S", "--json");
        assertEquals(orphans, keys(swept), swept.toString());
        try (LocalStack stack = LocalStack.open(data)) {
            assertEquals(Set.of(), unindexed(stack), "the archive holds only what the index knows");
            Archive archive = new Archive(stack.s3(), stack.bucket());
            for (String key : known(stack)) {
                assertTrue(archive.exists(key), "an indexed object was deleted: " + key);
            }
            assertEquals(orphans.size(), swept.path("orphans").size());
        }
        assertEquals(0, sweep("--data", data.toString(), "--min-age", "PT0S", "--json").path("orphans").size(),
                "a second sweep finds nothing");
    }

    private static JsonNode sweep(String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = "sweep";
        System.arraycopy(args, 0, all, 1, args.length);
        CliRun r = CliRun.of(all);
        assertEquals(0, r.code(), r.err());
        return JSON.readTree(r.out());
    }

    private static Set<String> keys(JsonNode result) {
        Set<String> out = new TreeSet<>();
        result.path("orphans").forEach(o -> out.add(o.path("key").asText()));
        return out;
    }

    private static ArticleOutcome outcome(HarvestReport report, String url) {
        return report.outcomes().stream().filter(o -> o.url().equals(url)).findFirst()
                .orElseThrow(() -> new AssertionError(url + " not harvested: " + report.outcomes()));
    }

    /** Archived objects that no index item names. */
    private static Set<String> unindexed(LocalStack stack) {
        Archive archive = new Archive(stack.s3(), stack.bucket());
        Set<String> out = new TreeSet<>();
        for (String prefix : List.of("raw/", "clean/")) {
            archive.list(prefix).forEach(e -> out.add(e.key()));
        }
        out.removeAll(known(stack));
        return out;
    }

    /** Every raw and clean key the index names (all versions of every URL the demo's outlets have). */
    private static Set<String> known(LocalStack stack) {
        ArticleIndex index = new ArticleIndex(stack.dynamoDb(), stack.table());
        Set<String> out = new HashSet<>();
        for (String outlet : DemoSite.OUTLETS) {
            for (StoredVersion listed : index.byOutlet(outlet, null, null)) {
                for (StoredVersion v : index.versions(listed.url())) {
                    out.add(v.copies().rawKey());
                    out.add(v.copies().cleanKey());
                }
            }
        }
        out.remove(null);
        return out;
    }

    /**
     * The real client, except that the first PutItem of a version of {@code url} fails as a process dying at that
     * point would: after the raw and clean copies were written, before the index knows them.
     */
    private static DynamoDbClient indexWriteFailsOnce(DynamoDbClient real, String url, AtomicBoolean crashed) {
        return (DynamoDbClient) Proxy.newProxyInstance(OrphanSweepIT.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("putItem") && args != null && args.length == 1) {
                        PutItemRequest request = request(args[0]);
                        AttributeValue itemUrl = request.item().get("url");
                        if (itemUrl != null && url.equals(itemUrl.s()) && crashed.compareAndSet(false, true)) {
                            throw DynamoDbException.builder().statusCode(500)
                                    .message("simulated crash between the archive writes and the index write").build();
                        }
                        return real.putItem(request);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @SuppressWarnings("unchecked")
    private static PutItemRequest request(Object arg) {
        if (arg instanceof PutItemRequest r) {
            return r;
        }
        PutItemRequest.Builder b = PutItemRequest.builder();
        ((Consumer<PutItemRequest.Builder>) arg).accept(b);
        return b.build();
    }
}
