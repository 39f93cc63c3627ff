package dev.newsharvester.cli;

import dev.newsharvester.local.Demo;
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

    @Override
    public Integer call() throws Exception {
        Demo.run(data, System.out, quiet ? null : System.err);
        return 0;
    }
}
