package dev.newsharvester.local;

import dev.newsharvester.store.Archive;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.Copies;
import dev.newsharvester.store.ReaderFacts;
import dev.newsharvester.store.StoredVersion;
import dev.newsharvester.store.TextSketch;
import dev.newsharvester.store.VersionId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Run in a fresh JVM by {@link LocalStackTest}: opens the store in {@code args[0]}, writes one
 * version and one object (or, with {@code check}, verifies them), and writes the open time in
 * milliseconds to {@code args[1]}. It must print nothing: the CLI's output has to stay clean.
 */
public final class LocalStackProbe {
    static final String URL = "https://kyiv-daily.example/uk/news/2024/05/01/probe";
    static final String HASH = "ab".repeat(32);
    static final String KEY = "clean/outlet=kyiv-daily/dt=2024-05-01/probe.json";

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        try (LocalStack stack = LocalStack.open(Path.of(args[0]))) {
            long openNanos = System.nanoTime() - start;
            ArticleIndex index = new ArticleIndex(stack.dynamoDb(), stack.table());
            Archive archive = new Archive(stack.s3(), stack.bucket());
            boolean check = args.length > 2 && args[2].equals("check");
            if (check) {
                if (index.get(URL, HASH).isEmpty() || !new String(archive.getClean(KEY), StandardCharsets.UTF_8).equals("{\"probe\":true}")) {
                    throw new IllegalStateException("data written by the first process is missing");
                }
            } else {
                Instant t = Instant.parse("2024-05-01T09:00:00Z");
                index.putVersion(StoredVersion.seenAt(VersionId.of(URL, HASH, "kyiv-daily"), t,
                        new ReaderFacts("Probe", List.of(), null, null, "uk", null), new Copies(null, KEY),
                        new TextSketch(null, null, 1, null)));
                archive.putClean(KEY, "{\"probe\":true}".getBytes(StandardCharsets.UTF_8));
            }
            Files.writeString(Path.of(args[1]), Long.toString(openNanos / 1_000_000));
        }
    }
}
