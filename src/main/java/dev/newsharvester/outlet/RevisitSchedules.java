package dev.newsharvester.outlet;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads an outlet's {@code revisitSchedule}: a list of increasing, positive ISO-8601 durations after first sight. */
final class RevisitSchedules {

    private static final String FIELD = "field 'revisitSchedule'";

    private RevisitSchedules() {
    }

    /** The schedule given, or the default when the field is absent; {@code at} names the outlet in errors. */
    static List<Duration> parse(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            return Outlet.DEFAULT_REVISIT_SCHEDULE;
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new OutletConfigException(at + ": " + FIELD + " must be a non-empty list of ISO-8601 durations after"
                    + " first sight, e.g. [PT15M, PT1H, P1D, P7D, P30D]");
        }
        List<Duration> out = new ArrayList<>();
        for (JsonNode n : node) {
            String s = n.isValueNode() ? n.asText().strip() : n.toString();
            Duration d;
            try {
                d = Duration.parse(s);
            } catch (DateTimeParseException e) {
                throw new OutletConfigException(at + ": " + FIELD + ": '" + s + "' is not an ISO-8601 duration (e.g. PT15M, P1D)");
            }
            if (d.isZero() || d.isNegative()) {
                throw new OutletConfigException(at + ": " + FIELD + ": '" + s + "' must be longer than zero");
            }
            if (!out.isEmpty() && d.compareTo(out.get(out.size() - 1)) <= 0) {
                throw new OutletConfigException(at + ": " + FIELD + ": '" + s + "' must come after "
                        + out.get(out.size() - 1) + " (list the revisits in increasing order)");
            }
            out.add(d);
        }
        return List.copyOf(out);
    }
}
