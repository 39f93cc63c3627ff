package dev.newsharvester.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.newsharvester.health.HealthThresholds;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The health thresholds are read once with the other settings, each variable on its own. */
class HealthSettingsTest {

    @Test
    void defaultsWithoutVariables() {
        assertEquals(HealthThresholds.DEFAULT, Settings.fromEnvironment(Map.of()).health());
        assertEquals(HealthThresholds.DEFAULT, Settings.store("t", "b").health());
    }

    @Test
    void eachVariableSetsItsThreshold() {
        Settings s = Settings.fromEnvironment(Map.of(Settings.HEALTH_SILENT_RUNS, "5", Settings.HEALTH_FAILING_SHARE, "0.3",
                Settings.HEALTH_FAILING_MIN, "10", Settings.HEALTH_DRIFT_DROP, " 0.4 ", Settings.HEALTH_DRIFT_MIN_RECENT, "8",
                Settings.HEALTH_DRIFT_MIN_BASELINE, ""));
        assertEquals(new HealthThresholds(5, 0.3, 10, 0.4, 8, 20), s.health());
        assertEquals(s.health(), s.withStore("x", "y").withFleet("q", "f").withOutletsUri("o").health(),
                "kept by every with*");
    }

    @Test
    void aBadValueNamesTheVariableAndTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Settings.fromEnvironment(Map.of(Settings.HEALTH_SILENT_RUNS, "three")));
        assertEquals("environment variable HEALTH_SILENT_RUNS must be a whole number (default 3), was 'three'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Settings.fromEnvironment(Map.of(Settings.HEALTH_DRIFT_DROP, "50%")));
        assertEquals("environment variable HEALTH_DRIFT_DROP must be a fraction such as 0.5, was '50%'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Settings.fromEnvironment(Map.of(Settings.HEALTH_FAILING_SHARE, "2")));
        assertEquals("HEALTH_FAILING_SHARE (share of FAILED outcomes before FAILING) must be a fraction between 0 and 1"
                + " exclusive (e.g. 0.5), was 2.0", e.getMessage());
    }
}
