package dev.newsharvester.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The Lambda artifact (template.yaml's CodeUri) holds what the handlers need, and nothing of the local stack. */
class LambdaArtifactIT {

    private static final Path JAR = Path.of("target", "news-harvester-lambda.jar");

    @Test
    void templatePointsAtTheLambdaJar() throws Exception {
        assertTrue(Files.readString(Path.of("template.yaml")).contains("CodeUri: " + JAR.toString().replace(File.separatorChar, '/')));
    }

    @Test
    void jarLeavesOutTheLocalStackAndTheCli() throws Exception {
        try (ZipFile zip = new ZipFile(JAR.toFile())) {
            assertTrue(zip.getEntry("dev/newsharvester/lambda/HarvestHandler.class") != null);
            assertTrue(zip.getEntry("outlets.yaml") != null, "bundled profiles");
            List<String> local = zip.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("com/amazonaws/services/dynamodbv2/local/") || n.startsWith("org/gaul/")
                            || n.startsWith("org/eclipse/jetty/") || n.startsWith("dev/newsharvester/local/")
                            || n.startsWith("software/amazon/awssdk/http/apache") || n.startsWith("io/netty/"))
                    .limit(5).toList();
            assertEquals(List.of(), local);
        }
    }

    @Test
    void handlersStartAndAnswerFromTheLambdaJarAlone() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", JAR + File.pathSeparator + Path.of("target", "test-classes"),
                LambdaSmoke.class.getName()).redirectErrorStream(true);
        pb.environment().put("ARTICLES_TABLE", "Articles");
        pb.environment().put("ARCHIVE_BUCKET", "news-harvester-archive");
        pb.environment().put("AWS_REGION", "eu-central-1");
        pb.environment().put("AWS_ACCESS_KEY_ID", "test");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "test");
        pb.environment().remove("TASK_QUEUE_URL");
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "smoke run finished");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("\"outcome\":\"SKIPPED\"") && out.contains("out of scope"), out);
        assertTrue(out.contains("harvest: BadEventException: 'outlets' must be a list of outlet ids"), out);
    }
}
