package dev.newsharvester.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval} agrees with the python scorers of {@code ../shared/eval} on the same outputs. Runs
 * only where {@code ../shared} (beside the repository) and {@code python3} exist; copies a few
 * pages of each shared dataset into a temporary folder at run time (never into the repository),
 * always including pages in non-Latin scripts, since tokenisation is where the two could differ.
 */
class EvalPythonAgreementTest {

    private static final Path SHARED = Path.of("").toAbsolutePath().getParent().resolve("shared");
    private static final double TOLERANCE = 0.002;

    @TempDir
    Path tmp;

    @BeforeAll
    static void needsSharedDataAndPython() {
        assumeTrue(Files.isDirectory(SHARED.resolve("datasets")) && Files.isDirectory(SHARED.resolve("eval")),
                "no ../shared/datasets and ../shared/eval beside the repository");
        assumeTrue(python("--version").code == 0, "no python3 on PATH");
    }

    private record Result(int code, String out) {
    }

    private static Result python(String... args) {
        List<String> cmd = new ArrayList<>(List.of("python3"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, out);
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, e.toString());
        }
    }

    /** The script most letters of a text are written in. */
    private static Character.UnicodeScript script(String text) {
        Map<Character.UnicodeScript, Long> counts = text.codePoints().filter(Character::isLetter)
                .mapToObj(Character.UnicodeScript::of).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(Character.UnicodeScript.COMMON);
    }

    /** {@code n} of the records (in path order): one per non-Latin script first, then Latin ones. */
    private static List<Path> pick(List<Path> records, String bodyField, int n) throws IOException {
        List<Path> picked = new ArrayList<>();
        Set<Character.UnicodeScript> seen = new HashSet<>();
        for (Path r : records) {
            Character.UnicodeScript s = script(Json.MAPPER.readTree(r.toFile()).path(bodyField).asText(""));
            if (s != Character.UnicodeScript.LATIN && seen.add(s) && picked.size() < n / 2) {
                picked.add(r);
            }
        }
        for (Path r : records) {
            if (picked.size() < n && !picked.contains(r)) {
                picked.add(r);
            }
        }
        return picked;
    }

    private static List<Path> records(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> Files.isRegularFile(p.resolveSibling(p.getFileName().toString().replace(".json", ".html"))))
                    .sorted().toList();
        }
    }

    /** Copies the picked pages (record and HTML) keeping their place in the folder tree. */
    private static void copy(Path from, List<Path> picked, Path to) throws IOException {
        for (Path json : picked) {
            Path html = json.resolveSibling(json.getFileName().toString().replace(".json", ".html"));
            for (Path f : List.of(json, html)) {
                Path target = to.resolve(from.relativize(f));
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
    }

    private static void assertAgree(JsonNode python, JsonNode ours, List<String> fields) {
        for (String f : fields) {
            assertTrue(python.has(f) && ours.has(f), f + " in both: " + python + " / " + ours);
            assertEquals(python.path(f).asDouble(), ours.path(f).asDouble(), TOLERANCE, f + ": python " + python + " / ours " + ours);
        }
    }

    /**
     * Copies {@code n} pages of a shared dataset, runs {@code eval} on them with {@code --out}, the
     * python scorer on that output, and {@code eval --score-only} on it too; all figures agree.
     */
    private void agree(String kind, String dataset, String bodyField, int n, String script, List<String> fields) throws IOException {
        Path source = SHARED.resolve("datasets").resolve(dataset);
        Path data = tmp.resolve(kind);
        copy(source, pick(records(source), bodyField, n), data);
        Path out = tmp.resolve(kind + "-out");
        CliRun ours = CliRun.of("eval", kind, data.toString(), "--out", out.toString(), "--json");
        assertEquals(0, ours.code(), ours.err());
        Result py = python(SHARED.resolve("eval").resolve(script).toString(), out.toString(), "--gt", data.toString(), "--json");
        assertEquals(0, py.code(), py.out());
        JsonNode p = Json.MAPPER.readTree(py.out());
        assertEquals(n, p.path("pages").asInt());
        assertAgree(p, Json.MAPPER.readTree(ours.out()), fields);
        CliRun scored = CliRun.of("eval", kind, data.toString(), "--score-only", out.toString(), "--json");
        assertAgree(p, Json.MAPPER.readTree(scored.out()), fields);
    }

    @Test
    void aebFiguresAgreeWithAebEvalPy() throws IOException {
        agree("aeb", "aeb", "articleBody", 15, "aeb_eval.py", List.of("precision", "recall", "f1", "accuracy", "precision_std",
                "recall_std", "f1_std", "accuracy_std", "pages", "missing", "empty"));
    }

    @Test
    void fundusFiguresAgreeWithFundusEvalPy() throws IOException {
        agree("fundus", "fundus-dev", "body_text", 10, "fundus_eval.py", List.of("body_precision", "body_recall", "body_f1",
                "title", "authors", "published", "pages", "missing", "authors_pages", "published_pages"));
    }
}
