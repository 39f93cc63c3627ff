package dev.newsharvester.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.local.LocalStack;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class AwsClientsTest {

    @Test
    void regionDefaultsAndEndpointsFollowTheSdkVariables() {
        try (var s3 = AwsClients.s3(AwsEndpoints.fromEnvironment(Map.of()));
                var ddb = AwsClients.dynamoDb(AwsEndpoints.fromEnvironment(Map.of("AWS_REGION", "eu-central-1",
                        "AWS_ENDPOINT_URL", "http://127.0.0.1:8000",
                        "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9000")))) {
            assertEquals(Region.US_EAST_1, s3.serviceClientConfiguration().region());
            assertEquals(Optional.empty(), s3.serviceClientConfiguration().endpointOverride());
            assertEquals(Region.EU_CENTRAL_1, ddb.serviceClientConfiguration().region());
            // the general variable applies where no service-specific one is given
            assertEquals(Optional.of(URI.create("http://127.0.0.1:8000")), ddb.serviceClientConfiguration().endpointOverride());
        }
        assertEquals(URI.create("http://127.0.0.1:9000"),
                AwsEndpoints.endpoint(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:8000", "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9000"),
                        "AWS_ENDPOINT_URL_S3"));
        var e = assertThrows(IllegalArgumentException.class,
                () -> AwsEndpoints.endpoint(Map.of("AWS_ENDPOINT_URL_S3", "localhost:9000"), "AWS_ENDPOINT_URL_S3"));
        assertTrue(e.getMessage().contains("AWS_ENDPOINT_URL_S3") && e.getMessage().contains("localhost:9000"), e.getMessage());
    }

    /** The client built from environment variables works against the embedded s3proxy (path-style, plain bodies). */
    @Test
    void s3ClientFromEnvironmentTalksToTheLocalStack() {
        String oldId = System.getProperty("aws.accessKeyId");
        String oldSecret = System.getProperty("aws.secretAccessKey");
        System.setProperty("aws.accessKeyId", LocalStack.ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", LocalStack.SECRET_ACCESS_KEY);
        try (LocalStack stack = LocalStack.inMemory();
                var s3 = AwsClients.s3(AwsEndpoints.fromEnvironment(Map.of("AWS_ENDPOINT_URL_S3", stack.s3Endpoint().toString())))) {
            Archive archive = new Archive(s3, stack.bucket());
            String key = Archive.cleanKey("kyiv-daily", "https://kyiv-daily.example/a", "0123456789abcdef0123", LocalDate.of(2024, 5, 1));
            byte[] json = "{\"schemaVersion\":1}".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 10; i++) { // repeated refusals on one kept-alive connection stay exact
                assertEquals(i == 0, archive.putClean(key, json));
            }
            assertArrayEquals(json, new Archive(stack.s3(), stack.bucket()).getClean(key));
            assertFalse(archive.exists(key + ".missing"));
        } finally {
            restore("aws.accessKeyId", oldId);
            restore("aws.secretAccessKey", oldSecret);
        }
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }
}
