package dev.newsharvester.it;

import dev.newsharvester.lambda.ArticleHandler;
import dev.newsharvester.lambda.HarvestHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Run by {@link LambdaArtifactIT} in a separate JVM on the Lambda jar alone: constructs both handlers
 * the way Lambda does (no-argument constructors, configuration from the environment) and handles
 * events that need no network, printing what they return.
 */
public final class LambdaSmoke {

    public static void main(String[] args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ArticleHandler().handleRequest(new ByteArrayInputStream(
                "{\"outlet\":\"unn\",\"url\":\"https://example.com/not-unn\"}".getBytes(StandardCharsets.UTF_8)), out, null);
        System.out.println("article: " + out.toString(StandardCharsets.UTF_8));
        try {
            new HarvestHandler().handleRequest(new ByteArrayInputStream("{\"outlets\": 5}".getBytes(StandardCharsets.UTF_8)),
                    new ByteArrayOutputStream(), null);
        } catch (RuntimeException e) {
            System.out.println("harvest: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
