package dev.newsharvester.web;

import dev.newsharvester.store.TimeRange;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A request's query parameters, read with checks: a bad or unknown one is a 400 that names it and the fix. */
final class Params {

    private final Map<String, String> values = new LinkedHashMap<>();

    Params(URI uri, Set<String> allowed) {
        String raw = uri.getRawQuery();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (!allowed.contains(name)) {
                    throw WebException.badRequest("unknown parameter '" + name + "': this page takes " + String.join(", ",
                            allowed.stream().sorted().toList()));
                }
                values.put(name, value);
            }
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw WebException.badRequest("a parameter is not URL-encoded properly: " + s);
        }
    }

    /** The value, stripped, or null when absent or blank. */
    String get(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    String required(String name, String what) {
        String v = get(name);
        if (v == null) {
            throw WebException.badRequest("parameter '" + name + "' is missing: give " + what);
        }
        return v;
    }

    /** An integer in [min, max], or {@code dflt} when absent. */
    int integer(String name, int dflt, int min, int max) {
        String v = get(name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw WebException.badRequest("parameter '" + name + "': '" + v + "' is not a whole number from " + min + " to " + max);
    }

    /**
     * An ISO instant or date, or null when absent, read as the command line reads {@code --since}/{@code --until}
     * ({@link TimeRange}): a date is its day's first millisecond, or for {@code until} its last.
     */
    Instant time(String name) {
        try {
            return TimeRange.bound(get(name), name.equals("until"), "parameter '" + name + "'");
        } catch (IllegalArgumentException e) {
            throw WebException.badRequest(e.getMessage());
        }
    }
}
