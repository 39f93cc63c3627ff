package dev.newsharvester.search;

/** How many matching articles fall in one group: a day or week ({@code yyyy-MM-dd}) or an outlet id. */
public record Count(String key, long count) {
}
