package dev.newsharvester.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import software.amazon.awssdk.regions.Region;

/**
 * Where the SDK clients connect: the region and, for local S3/DynamoDB/SQS-compatible servers, endpoint overrides.
 * Read once from the SDK's own variables ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL_S3},
 * {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code AWS_ENDPOINT_URL_SQS}, {@code AWS_ENDPOINT_URL_EVENTBRIDGE}, then {@code AWS_ENDPOINT_URL}); a null endpoint
 * means the service's public one.
 */
public record AwsEndpoints(Region region, URI s3, URI dynamoDb, URI sqs, URI eventBridge) {

    static final String DEFAULT_REGION = "us-east-1";

    /** The public endpoints of the default region. */
    public static final AwsEndpoints DEFAULT = new AwsEndpoints(Region.of(DEFAULT_REGION), null, null, null, null);

    public AwsEndpoints {
        if (region == null) {
            throw new IllegalArgumentException("region must not be null: give a region such as us-east-1");
        }
    }

    /** Endpoints without an EventBridge override. */
    public AwsEndpoints(Region region, URI s3, URI dynamoDb, URI sqs) {
        this(region, s3, dynamoDb, sqs, null);
    }

    /** The endpoints the given environment variables describe. */
    public static AwsEndpoints fromEnvironment(Map<String, String> env) {
        String region = env.get("AWS_REGION");
        return new AwsEndpoints(Region.of(region == null || region.isBlank() ? DEFAULT_REGION : region.trim()),
                endpoint(env, "AWS_ENDPOINT_URL_S3"), endpoint(env, "AWS_ENDPOINT_URL_DYNAMODB"),
                endpoint(env, "AWS_ENDPOINT_URL_SQS"), endpoint(env, "AWS_ENDPOINT_URL_EVENTBRIDGE"));
    }

    /** The service-specific endpoint variable, else the general one, else null. */
    static URI endpoint(Map<String, String> env, String serviceVariable) {
        for (String name : new String[] {serviceVariable, "AWS_ENDPOINT_URL"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                try {
                    URI uri = new URI(value.trim());
                    if (uri.getScheme() == null || uri.getHost() == null) {
                        throw new IllegalArgumentException(name + " is not an absolute URL: " + value
                                + " (give e.g. http://127.0.0.1:4566)");
                    }
                    return uri;
                } catch (URISyntaxException e) {
                    throw new IllegalArgumentException(name + " is not a valid URL: " + value, e);
                }
            }
        }
        return null;
    }
}
