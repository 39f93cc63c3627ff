package dev.newsharvester.export;

import dev.newsharvester.extract.Access;
import dev.newsharvester.extract.Article;
import dev.newsharvester.fingerprint.Fingerprint;
import dev.newsharvester.query.VersionChange;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.CleanCopy;
import dev.newsharvester.store.Copies;
import dev.newsharvester.store.HistoryEvent;
import dev.newsharvester.store.ReaderFacts;
import dev.newsharvester.store.StoredVersion;
import dev.newsharvester.store.TextSketch;
import dev.newsharvester.store.VersionId;
import java.io.OutputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

/**
 * Run in a JVM with a small heap ({@code -Xmx64m}): writes ROWS generated rows of about 5.5 kB of varied text each in
 * FORMAT to a stream that only counts, and prints {@code rows= text= bytes= heap=}. It finishes only if the sinks hold
 * no more than a bounded part of what they write.
 */
public final class HeapProbe {

    private static final String[] WORDS = ("the city council said on tuesday that trams buses repairs shelter district"
            + " school library power generators winter heating budget million hryvnias residents complained queue"
            + " mayor deputy volunteers opened closed damaged restored minister region front line evacuation water")
            .split(" ");

    public static void main(String[] args) throws Exception {
        Format format = Format.parse(args[0]);
        int rows = Integer.parseInt(args[1]);
        long[] count = {0};
        OutputStream nowhere = new OutputStream() {
            @Override
            public void write(int b) {
                count[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                count[0] += len;
            }
        };
        Random random = new Random(42);
        long text = 0;
        try (RowSink sink = format.open(nowhere, ExportColumns.all())) {
            for (int r = 0; r < rows; r++) {
                ExportRow row = row(r, random);
                text += row.copy().article().text().length();
                sink.write(ExportColumns.values(row));
            }
        }
        System.out.println("rows=" + rows + " text=" + text + " bytes=" + count[0] + " heap=" + Runtime.getRuntime().maxMemory());
    }

    static ExportRow row(int r, Random random) {
        StringBuilder body = new StringBuilder();
        while (body.length() < 5500) {
            body.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(12) == 0 ? ".\n\n" : " ");
        }
        String url = "https://paper.example/news/2025/11/" + r;
        Instant seen = Instant.parse("2025-11-10T08:00:00Z").plusSeconds(r * 60L);
        String hash = String.format("%064x", r);
        StoredVersion v = StoredVersion.seenAt(VersionId.of(url, hash, "paper"), seen,
                new ReaderFacts("Story " + r, List.of("Author " + r % 17), null, null, null, null),
                new Copies("raw/" + r, "clean/" + r),
                new TextSketch(String.format("%016x", random.nextLong()), null, body.length() / 6, "x1"));
        Article a = new Article(url, url, "Story " + r, v.reader().authors(), OffsetDateTime.of(2025, 11, 10, 7, 15, 0, 0,
                ZoneOffset.ofHours(2)), null, "en", "City", List.of("city", "trams"), null, "A story", body.toString(),
                Access.UNKNOWN);
        CleanCopy.Document copy = new CleanCopy.Document(2, a, new Fingerprint(hash, random.nextLong(), null),
                new CleanCopy.Capture("paper", "raw/" + r, seen, "x1"));
        VersionChange.Change change = r % 3 == 0 ? null
                : new VersionChange.Change(hash, 12, 3, 1, 1, 2, false, "Old story " + r, List.of("Author 0"));
        HistoryEvent gone = r % 10 == 0 ? new HistoryEvent(url, "paper", seen.plusSeconds(3600), HistoryEvent.Kind.DELETED,
                410, null, false, hash, "HTTP 410") : null;
        return new ExportRow(v, copy, change, 2, 2, true, gone, Archive.urlKey(url));
    }
}
