package dev.newsharvester.cli;

import dev.newsharvester.local.Demo;
import dev.newsharvester.pipeline.ProgressListener;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Harvest the bundled snapshot site (UNN, Ukrainska Pravda, an aggregator) twice on loopback and show what changed.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = ".harvester",
            description = "The demo's own store directory, cleared on each run if an earlier demo made it (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--quiet", description = "No per-article progress on stderr.")
    boolean quiet;

    @Option(names = "--log-format", paramLabel = "text|json", defaultValue = "text",
            description = "Progress on stderr as readable text (default), or as the functions' JSON log lines and EMF"
                    + " metrics (LOG_LEVEL filters them).")
    LogFormat logFormat;

    @Override
    public Integer call() throws Exception {
        if (logFormat == LogFormat.json) {
            ProgressListener listener = logFormat.listener(System.err, false);
            Demo.run(data, System.out, listener, report -> LogFormat.finished(listener, report));
        } else {
            Demo.run(data, System.out, quiet ? null : System.err);
        }
        return 0;
    }
}
