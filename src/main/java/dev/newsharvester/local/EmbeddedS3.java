package dev.newsharvester.local;

import dev.newsharvester.store.AwsClients;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** s3proxy on a free loopback port, with an SDK client for it; the S3 side of {@link LocalStack}. */
record EmbeddedS3(S3Proxy proxy, URI endpoint, S3Client client) {
    /** s3proxy starts in this JVM (any stack). */
    static final AtomicLong STARTS = new AtomicLong();

    /** Starts s3proxy on {@code blobs}, creates the bucket when missing, and counts PutObject calls in {@code puts}. */
    static EmbeddedS3 start(BlobStore blobs, AtomicLong puts) throws Exception {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobs)
                .endpoint(URI.create("http://127.0.0.1:0")) // loopback only, any free port
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, LocalStack.ACCESS_KEY_ID, LocalStack.SECRET_ACCESS_KEY)
                .build();
        proxy.start();
        STARTS.incrementAndGet();
        S3Client client = null;
        try {
            URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
            client = S3Client.builder()
                    .httpClient(UrlConnectionHttpClient.create())
                    .endpointOverride(endpoint)
                    .forcePathStyle(true)
                    .serviceConfiguration(AwsClients.LOCAL_S3)
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(LocalStack.credentials()))
                    .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                        @Override
                        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                            if (context.request() instanceof PutObjectRequest) {
                                puts.incrementAndGet();
                            }
                        }
                    }))
                    .build();
            EmbeddedS3 side = new EmbeddedS3(proxy, endpoint, client);
            side.createBucketIfMissing();
            return side;
        } catch (Exception e) {
            if (client != null) {
                client.close();
            }
            proxy.stop();
            throw e;
        }
    }

    private void createBucketIfMissing() {
        try {
            client.headBucket(b -> b.bucket(LocalStack.BUCKET));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            client.createBucket(b -> b.bucket(LocalStack.BUCKET));
        }
    }

    void stop() {
        client.close();
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop s3proxy on " + endpoint, e);
        }
    }
}
