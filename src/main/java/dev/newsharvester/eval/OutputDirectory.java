package dev.newsharvester.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an extractor's existing outputs (ours or a peer's) for scoring: one file per page, named
 * after the page's id. A page without a readable file is left out of the map (a missing output).
 */
public final class OutputDirectory {

    private OutputDirectory() {
    }

    /** {@code ID.txt} per page, UTF-8 (undecodable bytes replaced, as the scorer reads them). */
    public static Map<String, Prediction> texts(List<? extends DatasetPage> pages, Path dir) {
        Datasets.requireDirectory(dir);
        Map<String, Prediction> out = new HashMap<>();
        for (DatasetPage page : pages) {
            Path file = dir.resolve(page.id() + ".txt");
            try {
                out.put(page.id(), Prediction.text(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)));
            } catch (NoSuchFileException e) {
                // missing output
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** {@code NAME.json} per page as {@code extract --json} writes it; unreadable or invalid JSON counts as missing. */
    public static Map<String, Prediction> json(List<? extends DatasetPage> pages, Path dir) {
        Datasets.requireDirectory(dir);
        Map<String, Prediction> out = new HashMap<>();
        for (DatasetPage page : pages) {
            try {
                JsonNode o = Datasets.JSON.readTree(dir.resolve(page.id() + ".json").toFile());
                if (o != null && o.isObject()) {
                    out.put(page.id(), Prediction.ofJson(o));
                }
            } catch (IOException e) {
                // missing or not JSON: a missing output, as for the scorer
            }
        }
        return out;
    }
}
