package dev.newsharvester.it;

import dev.newsharvester.local.DemoSite;
import dev.newsharvester.local.LocalStack;
import dev.newsharvester.pipeline.Harvester;
import dev.newsharvester.pipeline.Settings;
import dev.newsharvester.pipeline.Wiring;
import dev.newsharvester.query.ArticleQueries;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.Archive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The real parts wired together for integration tests: the demo site, the embedded store, a harvester. */
final class DemoHarness implements AutoCloseable {

    final DemoSite site;
    final LocalStack stack;
    final Archive archive;
    final ArticleIndex index;
    final ArticleQueries queries;
    final Settings settings;

    DemoHarness(Path tmp) throws IOException {
        site = DemoSite.start();
        stack = LocalStack.inMemory();
        Path outlets = tmp.resolve("outlets.yaml");
        Files.writeString(outlets, site.outletsYaml(), StandardCharsets.UTF_8);
        settings = Settings.store(stack.table(), stack.bucket()).withOutletsUri(outlets.toString())
                .withAllowPrivateNetworks("127.0.0.1/32");
        archive = new Archive(stack.s3(), stack.bucket());
        index = new ArticleIndex(stack.dynamoDb(), stack.table());
        queries = new ArticleQueries(index, archive);
    }

    /** A harvester processing inline (no queue). */
    Harvester harvester() {
        return Wiring.harvester(settings, stack.s3(), stack.dynamoDb(), null);
    }

    /** A harvester that sends tasks to the queue. */
    Harvester queueingHarvester(SqsClient sqs, String queueUrl) {
        return Wiring.harvester(settings.withFleet(queueUrl, null), stack.s3(), stack.dynamoDb(), sqs);
    }

    /** A real outlet URL from events/ mapped onto the demo site's origin for that outlet. */
    String local(String text) {
        return text.replace("https://unn.ua", site.origin("unn").toString())
                .replace("https://www.pravda.com.ua", site.origin("up").toString());
    }

    String url(String outlet, String path) {
        return site.origin(outlet) + path;
    }

    @Override
    public void close() {
        site.close();
        stack.close();
    }
}
