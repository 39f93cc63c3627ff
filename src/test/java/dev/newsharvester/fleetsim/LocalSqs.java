package dev.newsharvester.fleetsim;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SQS clients of the fleet simulation for its local ElasticMQ: fixed region and keys, optionally counted. */
final class LocalSqs {

    private LocalSqs() {
    }

    /** A client of the ElasticMQ at {@code endpoint}; its requests count in {@code counters} unless that is null. */
    static SqsClient client(URI endpoint, AwsCounters counters) {
        var b = SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).endpointOverride(endpoint)
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        if (counters != null) {
            b.overrideConfiguration(o -> o.addExecutionInterceptor(counters));
        }
        return b.build();
    }
}
