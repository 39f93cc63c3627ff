package dev.newsharvester.store;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Builds the SDK clients the same way in Lambda and locally: the URL-connection HTTP client (no
 * Apache/Netty, small and quick to start), region from {@code AWS_REGION}, and the SDK's own
 * endpoint variables ({@code AWS_ENDPOINT_URL_S3}, {@code AWS_ENDPOINT_URL_DYNAMODB}, then
 * {@code AWS_ENDPOINT_URL}) read from the given map rather than the process environment, so
 * callers (tests, the local invoker) can supply their own.
 */
public final class AwsClients {
    static final String DEFAULT_REGION = "us-east-1";

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
    public static S3Client s3(Map<String, String> env) {
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(region(env))
                .credentialsProvider(DefaultCredentialsProvider.builder().build());
        URI endpoint = endpoint(env, "AWS_ENDPOINT_URL_S3");
        if (endpoint != null) {
            builder.endpointOverride(endpoint).forcePathStyle(true).serviceConfiguration(LOCAL_S3);
        }
        return builder.build();
    }

    /** A DynamoDB client. */
    public static DynamoDbClient dynamoDb(Map<String, String> env) {
        var builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(region(env))
                .credentialsProvider(DefaultCredentialsProvider.builder().build());
        URI endpoint = endpoint(env, "AWS_ENDPOINT_URL_DYNAMODB");
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    static Region region(Map<String, String> env) {
        String region = env.get("AWS_REGION");
        return Region.of(region == null || region.isBlank() ? DEFAULT_REGION : region.trim());
    }

    /** The service-specific endpoint variable, else the general one, else null. */
    static URI endpoint(Map<String, String> env, String serviceVariable) {
        for (String name : new String[] {serviceVariable, "AWS_ENDPOINT_URL"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                try {
                    URI uri = new URI(value.trim());
                    if (uri.getScheme() == null || uri.getHost() == null) {
                        throw new IllegalArgumentException(name + " is not an absolute URL: " + value);
                    }
                    return uri;
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalArgumentException(name + " is not a valid URL: " + value, e);
                }
            }
        }
        return null;
    }
}
