package dev.newsharvester.it;

import dev.newsharvester.store.AwsClients;
import dev.newsharvester.store.AwsEndpoints;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;

/** An ElasticMQ server in-process on loopback and an SQS client of it, as the deployed functions build theirs. */
final class ElasticMq implements AutoCloseable {

    private final SQSRestServer server;
    final SqsClient sqs;

    ElasticMq() {
        server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        int port = server.waitUntilStarted().localAddress().getPort();
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        sqs = AwsClients.sqs(AwsEndpoints.fromEnvironment(Map.of("AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:" + port,
                "AWS_REGION", "us-east-1")));
    }

    @Override
    public void close() {
        sqs.close();
        server.stopAndWait();
    }
}
