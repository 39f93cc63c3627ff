package dev.newsharvester.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;

/**
 * The health of every evaluated outlet at one instant; the counts of flagged outlets are what the health gauges
 * ({@code OutletsDrifting}, {@code OutletsSilent}, {@code OutletsFailing}) report. Its JSON ({@link #toJson()}) is
 * the health object of a run in S3 and the {@code status --json} output.
 */
public record HealthReport(Instant at, HealthThresholds thresholds, List<OutletHealth> outlets) {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public HealthReport {
        outlets = List.copyOf(outlets);
    }

    /** Outlets flagged {@link Flag#DRIFT}. */
    @JsonProperty
    public int drifting() {
        return count(Flag.DRIFT);
    }

    /** Outlets flagged {@link Flag#SILENT}. */
    @JsonProperty
    public int silent() {
        return count(Flag.SILENT);
    }

    /** Outlets flagged {@link Flag#FAILING}. */
    @JsonProperty
    public int failing() {
        return count(Flag.FAILING);
    }

    public int count(Flag flag) {
        return (int) outlets.stream().filter(o -> o.has(flag)).count();
    }

    /** The report as indented JSON (instants as ISO strings). */
    public String toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("health report not serialisable: " + e.getMessage(), e);
        }
    }
}
