package dev.newsharvester.eval;

import java.nio.file.Path;

/** A saved page of a dataset: what the extractor is run on. */
public sealed interface DatasetPage permits AebPage, FundusPage {

    /** The name its output file takes ({@code ID.txt}, {@code NAME.json}). */
    String id();

    /** The saved HTML (UTF-8, whatever its meta charset says). */
    Path html();

    /** The page's URL as recorded with it; null when the record has none. */
    String url();
}
