package dev.newsharvester.cli;

import dev.newsharvester.pipeline.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config FILE}: the outlets YAML, for commands that read outlet profiles. */
final class OutletsOption {

    @Option(names = "--config", paramLabel = "FILE", description = "Outlets YAML file (default: OUTLETS_URI, else the"
            + " data directory's outlets.yaml if the demo left one, else the bundled profiles).")
    Path config;

    /**
     * The settings with their outlets file replaced by the one given, if any; else, when OUTLETS_URI is not set, by
     * the embedded store's own {@code outlets.yaml} (the demo writes its outlets there, the loopback site's address
     * included), so reading a demo's store needs no {@code --config}.
     */
    Settings applyTo(Settings settings, StoreOptions store) {
        if (config != null) {
            return settings.withOutletsUri(config.toString());
        }
        if (settings.outletsUri() == null && !store.aws && store.data != null) {
            Path kept = store.data.resolve("outlets.yaml");
            if (Files.isRegularFile(kept)) {
                return settings.withOutletsUri(kept.toString());
            }
        }
        return settings;
    }
}
