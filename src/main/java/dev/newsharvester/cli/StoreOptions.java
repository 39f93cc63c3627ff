package dev.newsharvester.cli;

import dev.newsharvester.local.LocalStack;
import dev.newsharvester.pipeline.Settings;
import dev.newsharvester.store.AwsClients;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Where the index and archive live: the embedded store in a data directory (default) or AWS (--aws). */
final class StoreOptions {

    @Option(names = "--data", paramLabel = "DIR", description = "Embedded store directory (default: ${DEFAULT-VALUE}).",
            defaultValue = ".harvester")
    Path data;

    @Option(names = "--aws", description = "Use the real AWS account (default credential chain, ARTICLES_TABLE and ARCHIVE_BUCKET from the environment) instead of the embedded store.")
    boolean aws;

    /** An open store: clients plus the settings a harvester or handler is wired with. */
    record Store(S3Client s3, DynamoDbClient dynamoDb, Settings settings, AutoCloseable closer) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (closer != null) {
                closer.close();
            }
        }
    }

    Store open() {
        Settings settings = Settings.fromEnvironment();
        if (aws) {
            return new Store(AwsClients.s3(settings.aws()), AwsClients.dynamoDb(settings.aws()), settings, null);
        }
        LocalStack stack = LocalStack.open(data);
        // the embedded store always processes inline: no task queue, no fleet
        return new Store(stack.s3(), stack.dynamoDb(),
                settings.withStore(stack.table(), stack.bucket()).withFleet(null, null), stack);
    }
}
