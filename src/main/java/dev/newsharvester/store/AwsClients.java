package dev.newsharvester.store;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the SDK clients the same way in Lambda and locally: the URL-connection HTTP client (no
 * Apache/Netty, small and quick to start), and the region and endpoint overrides of an
 * {@link AwsEndpoints} (read once from the SDK's own variables, or given by tests and the local invoker).
 */
public final class AwsClients {

    /**
     * For S3-compatible servers: send plain bodies (Content-Length, checksum as a header) instead
     * of aws-chunked ones with a trailing checksum. s3proxy 4.1.0 answers before reading the
     * trailer and the connection then breaks; the SDK retries a PUT that in fact succeeded, and
     * the retry's If-None-Match then fails with 412 (measured: ~1 in 4 PUTs after warm-up).
     */
    public static final S3Configuration LOCAL_S3 = S3Configuration.builder().chunkedEncodingEnabled(false).build();

    private AwsClients() {}

    /**
     * An S3 client. With an endpoint override (a local S3-compatible server): path-style
     * addressing (no bucket DNS there) and no aws-chunked request bodies, see {@link #LOCAL_S3}.
     */
    public static S3Client s3(AwsEndpoints aws) {
        return s3(aws, UrlConnectionHttpClient.create(), DefaultCredentialsProvider.builder().build());
    }

    /** {@link #s3(AwsEndpoints)} on another HTTP client and credentials (SnapStart priming's canned client). */
    public static S3Client s3(AwsEndpoints aws, SdkHttpClient http, AwsCredentialsProvider credentials) {
        var builder = S3Client.builder()
                .httpClient(http)
                .region(aws.region())
                .credentialsProvider(credentials);
        if (aws.s3() != null) {
            builder.endpointOverride(aws.s3()).forcePathStyle(true).serviceConfiguration(LOCAL_S3);
        }
        return builder.build();
    }

    /** A DynamoDB client. */
    public static DynamoDbClient dynamoDb(AwsEndpoints aws) {
        return dynamoDb(aws, UrlConnectionHttpClient.create(), DefaultCredentialsProvider.builder().build());
    }

    /** {@link #dynamoDb(AwsEndpoints)} on another HTTP client and credentials. */
    public static DynamoDbClient dynamoDb(AwsEndpoints aws, SdkHttpClient http, AwsCredentialsProvider credentials) {
        return build(DynamoDbClient.builder(), aws.dynamoDb(), aws, http, credentials);
    }

    /** An SQS client. */
    public static SqsClient sqs(AwsEndpoints aws) {
        return sqs(aws, UrlConnectionHttpClient.create(), DefaultCredentialsProvider.builder().build());
    }

    /** {@link #sqs(AwsEndpoints)} on another HTTP client and credentials. */
    public static SqsClient sqs(AwsEndpoints aws, SdkHttpClient http, AwsCredentialsProvider credentials) {
        return build(SqsClient.builder(), aws.sqs(), aws, http, credentials);
    }

    /** An EventBridge client (the change events). */
    public static EventBridgeClient eventBridge(AwsEndpoints aws) {
        return eventBridge(aws, UrlConnectionHttpClient.create(), DefaultCredentialsProvider.builder().build());
    }

    /** {@link #eventBridge(AwsEndpoints)} on another HTTP client and credentials. */
    public static EventBridgeClient eventBridge(AwsEndpoints aws, SdkHttpClient http, AwsCredentialsProvider credentials) {
        return build(EventBridgeClient.builder(), aws.eventBridge(), aws, http, credentials);
    }

    /** A client on the URL-connection HTTP client, the region and credentials, and the endpoint override if any. */
    private static <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C build(B builder, URI endpoint,
            AwsEndpoints aws, SdkHttpClient http, AwsCredentialsProvider credentials) {
        builder.httpClient(http).region(aws.region()).credentialsProvider(credentials);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }
}
