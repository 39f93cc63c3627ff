package dev.newsharvester.cli;

import dev.newsharvester.pipeline.Settings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config FILE}: the outlets YAML, for commands that read outlet profiles. */
final class OutletsOption {

    @Option(names = "--config", paramLabel = "FILE", description = "Outlets YAML file (default: OUTLETS_URI, else the bundled profiles).")
    Path config;

    /** The settings with their outlets file replaced by the one given, if any. */
    Settings applyTo(Settings settings) {
        return config == null ? settings : settings.withOutletsUri(config.toString());
    }
}
