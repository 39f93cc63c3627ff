package dev.newsharvester.bench;

import dev.newsharvester.local.LocalStack;
import dev.newsharvester.local.StoreDirectory;
import dev.newsharvester.query.ArticleQueries;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.StoredVersion;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

/**
 * Run in a fresh JVM by {@link FastAnswersBench}: opens the store in {@code args[0]} the way a read command does and
 * prints one {@code PHASE name ms classes} line per step (time since the step before, classes loaded by then): the
 * JVM up to main, the store lock, DynamoDB Local (with its log4j, Jackson, SQLite), the table check, a first index
 * Query, s3proxy (Jetty, blob store, SDK S3 client), a first clean-copy read, and close.
 */
public final class StartupPhases {

    private static long last;

    private StartupPhases() {
    }

    public static void main(String[] args) {
        long jvmStartMs = ManagementFactory.getRuntimeMXBean().getStartTime();
        last = System.nanoTime();
        phase("JVM start to main", System.currentTimeMillis() - jvmStartMs);
        Path dir = Path.of(args[0]);
        StoreDirectory store = StoreDirectory.open(dir, "bench");
        phase("store lock");
        try (LocalStack stack = LocalStack.open(store, LocalStack.S3Start.ON_FIRST_USE)) {
            phase("DynamoDB Local + table check");
            ArticleQueries q = new ArticleQueries(new ArticleIndex(stack.dynamoDb(), stack.table()),
                    () -> new Archive(stack.s3(), stack.bucket()));
            List<StoredVersion> rows = q.byOutlet(GeneratedStore.OUTLETS.get(0), null, null);
            phase("first Query (" + rows.size() + " rows)");
            stack.s3();
            phase("s3proxy + S3 client");
            q.text(rows.get(0));
            phase("first clean copy read");
        }
        phase("close");
        System.exit(0);
    }

    private static void phase(String name) {
        long now = System.nanoTime();
        phase(name, (now - last) / 1_000_000);
        last = now;
    }

    private static void phase(String name, long ms) {
        System.out.println("PHASE\t" + name + "\t" + ms + "\t" + ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
        last = System.nanoTime();
    }
}
