package dev.newsharvester.web;

import dev.newsharvester.athena.AthenaSearch;
import dev.newsharvester.athena.SearchRequest;
import dev.newsharvester.athena.SnippetMarks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@link SearchBackend} on Athena ({@code serve --aws}): the question {@code search --aws} asks, results and counts
 * from one query ({@link AthenaSearch#searchAndCount}), since each query takes seconds and is billed by the bytes it
 * reads. Athena does not rank (results come newest first) and has no highlighter (the query's words are marked here,
 * {@link SnippetMarks}). The same question asked again within {@link #KEEP} is answered from memory. A query that
 * failed, was cancelled or could not be sent is a {@link SearchBackend.Failed} with a one-line message.
 */
public final class AthenaBackend implements SearchBackend, AutoCloseable {

    static final Duration KEEP = Duration.ofMinutes(5);
    private static final int KEPT = 32;
    private static final int MAX_MESSAGE = 400;

    private record Kept(AthenaSearch.Answer answer, long at) {
    }

    private final AthenaSearch athena;
    private final Map<SearchRequest, Kept> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SearchRequest, Kept> eldest) {
            return size() > KEPT;
        }
    };

    public AthenaBackend(AthenaSearch athena) {
        this.athena = athena;
    }

    @Override
    public String unavailable() {
        return null;
    }

    @Override
    public String about() {
        return "Searching on Athena (workgroup " + athena.workgroup() + "), as `search --aws` does: each search takes"
                + " seconds and is billed by the bytes it reads (narrow it with outlets, since and until); results come"
                + " newest first, as Athena does not rank.";
    }

    @Override
    public Results search(Request r) {
        SearchRequest q = request(r);
        SnippetMarks marks = SnippetMarks.of(r.query());
        AthenaSearch.Answer answer = answer(q);
        List<Count> counts = answer.counts().stream().map(c -> new Count(c.bucket(), c.articles())).toList();
        List<Hit> hits = answer.hits().stream().map(h -> new Hit(h.url(), h.outlet(), date(h.published(), h.day()),
                h.title(), marks.mark(h.snippet()).stream().map(p -> new Fragment(p.text(), p.match())).toList())).toList();
        return new Results(answer.total(), counts, hits);
    }

    private AthenaSearch.Answer answer(SearchRequest q) {
        synchronized (recent) {
            Kept k = recent.get(q);
            if (k != null && System.nanoTime() - k.at() < KEEP.toNanos()) {
                return k.answer();
            }
        }
        AthenaSearch.Answer answer;
        try {
            answer = athena.searchAndCount(q);
        } catch (IllegalStateException | SdkException e) {
            throw new Failed(oneLine(e), e);
        }
        synchronized (recent) {
            recent.put(q, new Kept(answer, System.nanoTime()));
        }
        return answer;
    }

    /** The page's question as Athena's: days are its partitions, so an exclusive end at midnight is the day before. */
    static SearchRequest request(Request r) {
        LocalDate from = r.since() == null ? null : r.since().atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate to = r.until() == null ? null : r.until().atZone(ZoneOffset.UTC).toLocalDate();
        return SearchRequest.of(r.query()).withOutlets(r.outlets()).withDays(from, to).withLimit(r.limit())
                .withCountBy(SearchRequest.CountBy.valueOf(r.countBy().name()));
    }

    /** The published time as stored (an ISO instant or offset time), else the start of the partition's day. */
    static Instant date(String published, String day) {
        if (published != null && !published.isBlank()) {
            try {
                return OffsetDateTime.parse(published).toInstant();
            } catch (DateTimeParseException e) {
                // not an offset time: the day below
            }
        }
        try {
            return day == null ? null : LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A failure as one line: its message (the SDK's may span lines), whitespace collapsed, cut at a length. */
    private static String oneLine(RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.strip().replaceAll("\\s+", " ");
        String line = e instanceof SdkException ? "Athena could not be asked: " + m : m;
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE - 1) + "…" : line;
    }

    @Override
    public void close() {
        athena.close();
    }
}
