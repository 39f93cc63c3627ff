package dev.newsharvester.bench;

import dev.newsharvester.extract.Access;
import dev.newsharvester.extract.Article;
import dev.newsharvester.extract.ArticleExtractor;
import dev.newsharvester.fingerprint.Fingerprint;
import dev.newsharvester.fingerprint.Fingerprinter;
import dev.newsharvester.local.LocalStack;
import dev.newsharvester.local.StoreDirectory;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.CleanCopy;
import dev.newsharvester.store.Copies;
import dev.newsharvester.store.ReaderFacts;
import dev.newsharvester.store.StoredVersion;
import dev.newsharvester.store.TextSketch;
import dev.newsharvester.store.VersionId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * An embedded store of N generated articles, written through the store's own writers ({@link ArticleIndex#putVersion},
 * {@link Archive#putClean} with a {@link CleanCopy}) rather than by harvesting N pages: 8 outlets, 90 days, varied
 * text (sentences drawn from a news vocabulary, so SimHash and MinHash differ from article to article), and every
 * 10th article revised once (two versions, so {@code query versions} reads two clean copies). Deterministic.
 */
final class GeneratedStore {

    static final List<String> OUTLETS = List.of("unn", "up", "kyiv-post", "ukrinform", "suspilne", "nv", "lb", "zn");
    static final Instant START = Instant.parse("2025-06-01T06:00:00Z");
    /** Written into a finished store with its article count; a store without it is made again. */
    static final String DONE = "generated-articles";

    private static final String[] SUBJECTS = {"The government", "Kyiv city council", "The energy ministry", "Ukrenergo",
        "The central bank", "Farmers in Poltava region", "The national police", "Regional authorities", "Rail operator Ukrzaliznytsia",
        "The parliament's budget committee", "Local volunteers", "Doctors in Lviv", "The state emergency service",
        "Exporters of grain", "Teachers in Kharkiv", "The prosecutor general's office", "Residents of Odesa", "Naftogaz"};
    private static final String[] VERBS = {"announced", "approved", "rejected", "postponed", "expanded", "reviewed",
        "criticised", "confirmed", "prepared", "launched", "suspended", "completed", "proposed", "investigated"};
    private static final String[] OBJECTS = {"a new heating plan", "repairs to the damaged substation", "the harvest forecast",
        "a programme of school meals", "the bridge reconstruction", "emergency power schedules", "the draft budget for next year",
        "an audit of public procurement", "grain shipments through the Danube ports", "the evacuation of frontline villages",
        "support payments to displaced families", "new bomb shelters in schools", "tariffs for household electricity",
        "the reform of customs offices", "a corruption case against two officials", "the reopening of a maternity hospital"};
    private static final String[] TAILS = {"after weeks of talks", "despite objections from the opposition",
        "according to a statement published on Tuesday", "ahead of the heating season", "with funding from European partners",
        "following overnight shelling", "as prices continued to rise", "under pressure from local businesses",
        "for the third time this year", "in a vote that surprised observers", "while inspectors checked the sites",
        "citing a shortage of equipment"};
    private static final String[] QUOTES = {"\"We expect the work to be finished before winter,\" an official said.",
        "\"Nobody told us anything in advance,\" one resident complained.",
        "The figures will be published at the end of the month.",
        "Critics say the plan does not go far enough.",
        "The decision still has to be signed by the president.",
        "About 1,200 households are affected, the operator said.",
        "Similar measures were tried in 2023 with mixed results.",
        "The ministry did not respond to a request for comment."};

    private static final Access FREE = new Access(Access.Free.TRUE, false, false, List.of());
    private static final Access PAYWALLED = new Access(Access.Free.FALSE, true, false, List.of("isAccessibleForFree"));

    private GeneratedStore() {
    }

    /** Articles of a store of {@code count}: outlet, URL, text and dates of article {@code i}. */
    record Generated(String outlet, String url, Article article, Instant seen) {
    }

    /** Article {@code i} (0-based), revision {@code revision} (0 = first version). */
    static Generated article(int i, int revision) {
        Random r = new Random(31L * i + 7);
        String outlet = OUTLETS.get(i % OUTLETS.size());
        Instant seen = START.plusSeconds(13L * 60 * i % (90L * 24 * 3600) + r.nextInt(600)); // 13 minutes apart over 90 days
        String url = "https://" + outlet + ".example/news/" + LocalDate.ofInstant(seen, ZoneOffset.UTC) + "/story-" + i;
        StringBuilder text = new StringBuilder();
        int paragraphs = 4 + r.nextInt(6);
        for (int p = 0; p < paragraphs; p++) {
            int sentences = 2 + r.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                text.append(pick(r, SUBJECTS)).append(' ').append(pick(r, VERBS)).append(' ').append(pick(r, OBJECTS))
                        .append(' ').append(pick(r, TAILS)).append(". ");
                if (r.nextInt(3) == 0) {
                    text.append(pick(r, QUOTES)).append(' ');
                }
            }
            text.setLength(text.length() - 1);
            text.append("\n\n");
        }
        if (revision > 0) {
            text.append("Update: ").append(pick(r, SUBJECTS)).append(" later ").append(pick(r, VERBS)).append(" the figures.\n\n");
        }
        String title = pick(r, SUBJECTS) + " " + pick(r, VERBS) + " " + pick(r, OBJECTS) + " (" + i + ")";
        OffsetDateTime published = seen.minusSeconds(600).atOffset(ZoneOffset.ofHours(3));
        Article a = new Article(url, url, title, List.of("Staff writer " + (i % 17)), published, null, "en", "news",
                List.of(), null, null, text.toString().strip(), r.nextInt(5) == 0 ? PAYWALLED : FREE);
        return new Generated(outlet, url, a, revision == 0 ? seen : seen.plusSeconds(6 * 3600));
    }

    private static String pick(Random r, String[] words) {
        return words[r.nextInt(words.length)];
    }

    /** Whether article {@code i} has a second version. */
    static boolean revised(int i) {
        return i % 10 == 3;
    }

    /**
     * The store of {@code count} articles in {@code dir}: made (in a new directory) unless an earlier call finished one of
     * the same count there. Returns the seconds spent writing (0 when reused).
     */
    static double ensure(Path dir, int count) throws Exception {
        Path done = dir.resolve(DONE);
        if (Files.exists(done) && Files.readString(done).strip().equals(Integer.toString(count))) {
            return 0;
        }
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        long start = System.nanoTime();
        try (LocalStack stack = LocalStack.open(StoreDirectory.create(dir, "bench"))) {
            ArticleIndex index = new ArticleIndex(stack.dynamoDb(), stack.table());
            Archive archive = new Archive(stack.s3(), stack.bucket());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> writes = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    int n = i;
                    writes.add(pool.submit(() -> {
                        write(index, archive, article(n, 0));
                        if (revised(n)) {
                            write(index, archive, article(n, 1));
                        }
                        return null;
                    }));
                }
                for (Future<?> w : writes) {
                    w.get();
                }
            } finally {
                pool.shutdown();
            }
        }
        Files.writeString(done, count + "\n", StandardCharsets.UTF_8);
        return (System.nanoTime() - start) / 1e9;
    }

    private static void write(ArticleIndex index, Archive archive, Generated g) {
        Fingerprint fp = Fingerprinter.of(g.article().text());
        LocalDate day = g.article().published().atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        String rawKey = Archive.rawKey(g.outlet(), g.url(), fp.sha256(), day);
        String cleanKey = Archive.cleanKey(g.outlet(), g.url(), fp.sha256(), day);
        archive.putClean(cleanKey, CleanCopy.toJson(g.article(), fp,
                new CleanCopy.Capture(g.outlet(), rawKey, g.seen(), ArticleExtractor.VERSION)));
        index.putVersion(StoredVersion.seenAt(new VersionId(g.url(), fp.sha256(), fp.sha256(), g.outlet()), g.seen(),
                new ReaderFacts(g.article().title(), g.article().authors(), g.article().published().toString(), null, "en",
                        g.article().access().code()),
                new Copies(rawKey, cleanKey),
                new TextSketch(fp.simhashHex(), fp.minhash(), g.article().wordCount(), ArticleExtractor.VERSION)));
    }
}
