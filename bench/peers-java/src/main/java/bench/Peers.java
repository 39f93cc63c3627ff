package bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import net.dankito.readability4j.Readability4J;

/**
 * Runs one JVM peer over an AEB-style folder (ID.html + ID.json with url) in this one process and
 * writes ID.txt per page into OUTDIR. Timing covers extraction alone (parse + extraction), after
 * warm-up passes, like {@code news-harvester eval} (seconds per timed pass). Last line: {@code timing pages=N seconds=S}.
 *
 * <p>usage: {@code java -jar peers-java.jar readability4j|boilerpipe DATASET_DIR OUTDIR}
 */
public final class Peers {

    private record Page(String id, String url, String html) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            usage();
        }
        BiFunction<String, String, String> tool = switch (args[0]) {
            case "readability4j" -> Peers::readability4j;
            case "boilerpipe" -> Peers::boilerpipe;
            default -> usage();
        };
        Path data = Path.of(args[1]);
        Path out = Path.of(args[2]);
        List<Page> pages = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(data)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String id = f.getFileName().toString().replaceFirst("\\.json$", "");
                String url = json.readTree(f.toFile()).path("url").asText("");
                pages.add(new Page(id, url, Files.readString(data.resolve(id + ".html"), StandardCharsets.UTF_8)));
            }
        }
        // The same passes as `news-harvester eval`: WARMUP untimed, then PASSES timed.
        int warmup = Integer.parseInt(System.getenv().getOrDefault("WARMUP", "2"));
        int passes = Integer.parseInt(System.getenv().getOrDefault("PASSES", "2"));
        for (int w = 0; w < warmup; w++) {
            for (Page p : pages) {
                tool.apply(p.html(), p.url());
            }
        }
        String[] texts = new String[pages.size()];
        long start = System.nanoTime();
        for (int t = 0; t < passes; t++) {
            for (int i = 0; i < texts.length; i++) {
                texts[i] = tool.apply(pages.get(i).html(), pages.get(i).url());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9 / passes;
        Files.createDirectories(out);
        for (int i = 0; i < texts.length; i++) {
            Files.writeString(out.resolve(pages.get(i).id() + ".txt"), texts[i], StandardCharsets.UTF_8);
        }
        System.out.printf(java.util.Locale.ROOT, "timing pages=%d seconds=%.6f%n", pages.size(), seconds);
    }

    private static String readability4j(String html, String url) {
        try {
            String text = new Readability4J(url, html).parse().getTextContent();
            return text == null ? "" : text;
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String boilerpipe(String html, String url) {
        try {
            String text = de.l3s.boilerpipe.extractors.ArticleExtractor.INSTANCE.getText(html);
            return text == null ? "" : text;
        } catch (Exception e) {
            return "";
        }
    }

    private static <T> T usage() {
        System.err.println("usage: java -jar peers-java.jar readability4j|boilerpipe DATASET_DIR OUTDIR");
        System.exit(2);
        return null;
    }
}
