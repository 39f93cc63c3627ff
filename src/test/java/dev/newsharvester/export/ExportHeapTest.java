package dev.newsharvester.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Memory stays flat with the size of an export: {@link HeapProbe} writes 40,000 rows (about 220 MB of article text) in
 * each format inside a JVM limited to a 64 MB heap. A sink that collected rows, or a row group without a bound, would
 * run out of memory there.
 */
class ExportHeapTest {

    static final int ROWS = 40_000;
    static final long HEAP = 64L << 20;

    @ParameterizedTest
    @EnumSource(Format.class)
    void aLargeExportRunsInASmallHeap(Format format) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx" + (HEAP >> 20) + "m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), HeapProbe.class.getName(), format.name(), Integer.toString(ROWS))
                .redirectErrorStream(true).start();
        String out = output(p);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "probe still running: " + out);
        assertEquals(0, p.exitValue(), out);
        Map<String, Long> figures = new HashMap<>();
        for (String kv : out.trim().lines().reduce((a, b) -> b).orElseThrow().split(" ")) {
            figures.put(kv.substring(0, kv.indexOf('=')), Long.parseLong(kv.substring(kv.indexOf('=') + 1)));
        }
        assertEquals(ROWS, figures.get("rows"));
        assertTrue(figures.get("heap") <= HEAP, out);
        assertTrue(figures.get("text") > 3 * figures.get("heap"), "the rows hold over three heaps of text: " + out);
        long minimum = format == Format.PARQUET ? figures.get("text") / 10 : figures.get("text");
        assertTrue(figures.get("bytes") > minimum, "and all of it was written: " + out);
        System.out.println("export heap probe " + format + ": " + out.trim());
    }

    private static String output(Process p) throws IOException {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

}
