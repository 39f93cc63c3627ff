package dev.newsharvester.eval;

import dev.newsharvester.extract.ArticleExtractor;
import dev.newsharvester.extract.Extraction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one extractor over a dataset's pages and times the extraction alone: pages are read into
 * memory first, then extracted {@value #WARMUP_PASSES} times to warm the JIT up, then
 * {@value #TIMED_PASSES} times under the clock (the peers in {@code bench/} do the same).
 *
 * @param extractions page id to result of the timed pass, in page order
 * @param threads     threads of the timed pass
 * @param nanos       wall time of the timed pass
 * @param cpuNanos    CPU time the extracting threads spent in the timed pass (excludes JIT and GC
 *                    threads); on a busy machine it shows what one core does when it is not shared
 */
public record ExtractionRun(Map<String, Extraction> extractions, int threads, long nanos, long cpuNanos) {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Passes before the clock starts: one pass leaves the hottest code in the first JIT tier. */
    public static final int WARMUP_PASSES = 2;
    /** Timed passes; the figures are per page over all of them. */
    public static final int TIMED_PASSES = 2;

    /** Pages per second of wall time in the timed pass. */
    public double pagesPerSecond() {
        return nanos == 0 ? 0 : extractions.size() * (double) TIMED_PASSES / (nanos / 1e9);
    }

    /** Pages per second of the extracting threads' CPU time; 0 where the JVM cannot measure thread CPU time. */
    public double pagesPerCpuSecond() {
        return cpuNanos <= 0 ? 0 : extractions.size() * (double) TIMED_PASSES / (cpuNanos / 1e9);
    }

    /** Seconds of one timed pass (the mean over the timed passes). */
    public double seconds() {
        return nanos / 1e9 / TIMED_PASSES;
    }

    /**
     * @param threads 1 for the single-core figure; more share the pages between threads
     */
    public static ExtractionRun of(ArticleExtractor extractor, List<? extends DatasetPage> pages, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        String[] html = new String[pages.size()];
        String[] urls = new String[pages.size()];
        for (int i = 0; i < html.length; i++) {
            try {
                // UTF-8 whatever the page's meta charset says: the datasets store decoded text as UTF-8.
                html[i] = new String(Files.readAllBytes(pages.get(i).html()), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + pages.get(i).html() + ": " + e.getMessage(), e);
            }
            urls[i] = pages.get(i).url();
        }
        Extraction[] out = new Extraction[html.length];
        for (int w = 0; w < WARMUP_PASSES; w++) {
            pass(extractor, html, urls, out, threads);
        }
        long start = System.nanoTime();
        long cpu = 0;
        for (int t = 0; t < TIMED_PASSES; t++) {
            long c = pass(extractor, html, urls, out, threads);
            cpu = c < 0 || cpu < 0 ? -1 : cpu + c;
        }
        long nanos = System.nanoTime() - start;
        Map<String, Extraction> byId = new LinkedHashMap<>();
        for (int i = 0; i < out.length; i++) {
            byId.put(pages.get(i).id(), out[i]);
        }
        return new ExtractionRun(byId, threads, nanos, cpu);
    }

    /** One pass over all pages; returns the CPU time of the threads that extracted (-1 if unmeasurable). */
    private static long pass(ArticleExtractor extractor, String[] html, String[] urls, Extraction[] out, int threads) {
        AtomicInteger next = new AtomicInteger();
        AtomicLong cpu = new AtomicLong();
        boolean measured = THREADS.isCurrentThreadCpuTimeSupported();
        Runnable worker = () -> {
            long before = measured ? THREADS.getCurrentThreadCpuTime() : 0;
            for (int i = next.getAndIncrement(); i < html.length; i = next.getAndIncrement()) {
                out[i] = extractor.extract(html[i], urls[i]);
            }
            cpu.addAndGet(measured ? THREADS.getCurrentThreadCpuTime() - before : 0);
        };
        if (threads == 1) {
            worker.run();
            return measured ? cpu.get() : -1;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(worker));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("extraction failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return measured ? cpu.get() : -1;
    }
}
