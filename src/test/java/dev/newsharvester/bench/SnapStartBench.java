package dev.newsharvester.bench;

import dev.newsharvester.local.DemoSite;
import dev.newsharvester.local.LocalStack;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.AwsClients;
import dev.newsharvester.store.AwsEndpoints;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SnapStart priming, measured: the first invocation of ArticleFunction in a fresh JVM on the Lambda jar, without
 * priming (a cold start, or a snapshot taken without hooks) and after the priming hooks ran (a snapshot taken after
 * them, then restored). Each run is its own JVM ({@link FirstInvocation}) with Lambda's JIT setting
 * ({@code -XX:TieredStopAtLevel=1}), storing one demo-site article in its own table and bucket of loopback emulators
 * (DynamoDB Local over HTTP on 127.0.0.1, s3proxy). Prints each run and the medians.
 *
 * <pre>
 *   mvn -B -q -o package -DskipTests &amp;&amp; mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
 *   java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) dev.newsharvester.bench.SnapStartBench 7
 * </pre>
 */
public final class SnapStartBench {

    private static final Path LAMBDA_JAR = Path.of("target", "news-harvester-lambda.jar");

    private SnapStartBench() {
    }

    private record Run(String mode, double initMs, double firstMs, long classes, String outcome) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        if (!Files.exists(LAMBDA_JAR)) {
            throw new IllegalStateException(LAMBDA_JAR + " is missing: run mvn -B -q -o package -DskipTests first");
        }
        Path dir = Files.createTempDirectory("snapstart-bench");
        List<Run> results = new ArrayList<>();
        try (DemoSite site = DemoSite.start(); LocalStack stack = LocalStack.inMemory();
                LoopbackDynamoDb dynamo = LoopbackDynamoDb.start()) {
            Path outlets = dir.resolve("outlets.yaml");
            Files.writeString(outlets, site.outletsYaml(), StandardCharsets.UTF_8);
            AwsEndpoints aws = new AwsEndpoints(Region.US_EAST_1, stack.s3Endpoint(), dynamo.endpoint(), null);
            String event = "{\"outlet\":\"up\",\"url\":\"" + site.origin("up") + "/eng/news/2025/08/23/7528162/\"}";
            System.out.printf("%-7s %8s %9s %8s  %s%n", "mode", "init ms", "first ms", "classes", "outcome");
            try (DynamoDbClient ddb = AwsClients.dynamoDb(aws, software.amazon.awssdk.http.urlconnection
                    .UrlConnectionHttpClient.create(), software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
                    .create(LocalStack.credentials()))) {
                for (int i = 0; i < runs; i++) {
                    for (String mode : List.of("cold", "primed")) {
                        String table = "Articles" + mode + i;
                        String bucket = "archive-" + mode + "-" + i;
                        ArticleIndex.createTable(ddb, table);
                        stack.s3().createBucket(b -> b.bucket(bucket));
                        Run r = run(mode, event, Map.of("ARTICLES_TABLE", table, "ARCHIVE_BUCKET", bucket,
                                "OUTLETS_URI", outlets.toString(), "ALLOW_PRIVATE_NETWORKS", "127.0.0.1/32",
                                "AWS_ENDPOINT_URL_S3", stack.s3Endpoint().toString(),
                                "AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString()));
                        results.add(r);
                        System.out.printf("%-7s %8.0f %9.0f %8d  %s%n", r.mode(), r.initMs(), r.firstMs(), r.classes(),
                                r.outcome());
                    }
                }
            }
        }
        System.out.println();
        System.out.printf("median of %d fresh JVMs each (first invocation: one article fetched, extracted, stored)%n", runs);
        for (String mode : List.of("cold", "primed")) {
            List<Run> of = results.stream().filter(r -> r.mode().equals(mode)).toList();
            System.out.printf("%-7s init %6.0f ms   first invocation %6.0f ms   classes loaded by it %5.0f%n", mode,
                    median(of.stream().map(Run::initMs).toList()), median(of.stream().map(Run::firstMs).toList()),
                    median(of.stream().map(r -> (double) r.classes()).toList()));
        }
        System.exit(0);  // DynamoDB Local leaves non-daemon threads behind
    }

    private static Run run(String mode, String event, Map<String, String> env) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp",
                LAMBDA_JAR + File.pathSeparator + Path.of("target", "test-classes"), FirstInvocation.class.getName(),
                mode, event).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("AWS_REGION", "us-east-1");
        pb.environment().put("AWS_ACCESS_KEY_ID", LocalStack.ACCESS_KEY_ID);
        pb.environment().put("AWS_SECRET_ACCESS_KEY", LocalStack.SECRET_ACCESS_KEY);
        pb.environment().remove("TASK_QUEUE_URL");
        pb.environment().remove("FLEET_TABLE");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("the " + mode + " run failed:\n" + out);
        }
        String line = out.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no RESULT line from the " + mode + " run:\n" + out));
        String[] f = line.split(" ", 6);
        return new Run(f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]), Long.parseLong(f[4]), f[5]);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
