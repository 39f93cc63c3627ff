package dev.newsharvester.eval;

import java.nio.file.Path;
import java.util.List;

/**
 * One news page of a fundus-style set: {@code COUNTRY/PUBLISHER/NAME.html} and the expected values
 * from {@code NAME.json}.
 *
 * @param published ISO-8601 as recorded, with or without an offset; null when the record has none
 */
public record FundusPage(String id, Path html, String url, String title, List<String> authors, String published,
        String body) implements DatasetPage {

    public FundusPage {
        authors = authors == null ? List.of() : List.copyOf(authors);
    }
}
