package dev.newsharvester.cli;

import dev.newsharvester.pipeline.Wiring;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --config FILE}: the outlets YAML, for commands that read outlet profiles. */
final class OutletsOption {

    @Option(names = "--config", paramLabel = "FILE", description = "Outlets YAML file (default: OUTLETS_URI, else the bundled profiles).")
    Path config;

    /** Points OUTLETS_URI at the file when one was given. */
    void applyTo(Map<String, String> env) {
        if (config != null) {
            env.put(Wiring.OUTLETS_URI, config.toString());
        }
    }
}
