package dev.newsharvester.cli;

import dev.newsharvester.local.LocalStack;
import dev.newsharvester.pipeline.Wiring;
import dev.newsharvester.store.AwsClients;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
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

    /** An open store: clients plus the environment a harvester or handler is wired with. */
    record Store(S3Client s3, DynamoDbClient dynamoDb, Map<String, String> env, AutoCloseable closer) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (closer != null) {
                closer.close();
            }
        }
    }

    Store open() {
        Map<String, String> env = new HashMap<>(System.getenv());
        if (aws) {
            return new Store(AwsClients.s3(env), AwsClients.dynamoDb(env), env, null);
        }
        LocalStack stack = LocalStack.open(data);
        env.put(Wiring.ARTICLES_TABLE, stack.table());
        env.put(Wiring.ARCHIVE_BUCKET, stack.bucket());
        env.remove(Wiring.TASK_QUEUE_URL);  // the embedded default always processes inline
        return new Store(stack.s3(), stack.dynamoDb(), env, stack);
    }
}
