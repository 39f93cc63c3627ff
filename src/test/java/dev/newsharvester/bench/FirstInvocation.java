package dev.newsharvester.bench;

import dev.newsharvester.lambda.ArticleHandler;
import dev.newsharvester.lambda.Priming;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.crac.Core;

/**
 * Run by {@link SnapStartBench} in a fresh JVM on the Lambda jar: constructs ArticleFunction's handler as Lambda
 * does (configuration from the environment), then, with {@code primed}, runs the SnapStart hooks it registered
 * (before the checkpoint, then after the restore) as a snapshot would have, and times the first invocation: one
 * direct article event, fetched from the loopback site and stored in the loopback emulators. Prints one line:
 * {@code mode initMs firstMs classesLoadedByFirst outcome}.
 *
 * <pre>  FirstInvocation primed|cold EVENT_JSON</pre>
 */
public final class FirstInvocation {

    private FirstInvocation() {
    }

    public static void main(String[] args) throws Exception {
        boolean primed = args[0].equals("primed");
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        long start = System.nanoTime();
        ArticleHandler handler = new ArticleHandler();
        if (primed) {
            for (Priming p : Priming.registered()) {
                p.beforeCheckpoint(Core.getGlobalContext());
                p.afterRestore(Core.getGlobalContext());
            }
        }
        long init = System.nanoTime() - start;
        long before = classes.getTotalLoadedClassCount();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long t = System.nanoTime();
        handler.handleRequest(new ByteArrayInputStream(args[1].getBytes(StandardCharsets.UTF_8)), out, null);
        long first = System.nanoTime() - t;
        long loaded = classes.getTotalLoadedClassCount() - before;
        String answer = out.toString(StandardCharsets.UTF_8);
        String outcome = answer.replaceAll("(?s).*\"outcome\":\"([A-Z]+)\".*", "$1");
        System.out.printf("RESULT %s %.1f %.1f %d %s%n", args[0], init / 1e6, first / 1e6, loaded,
                outcome.length() < 20 ? outcome : answer);
    }
}
