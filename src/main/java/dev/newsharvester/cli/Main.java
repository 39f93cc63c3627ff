package dev.newsharvester.cli;

import dev.newsharvester.lambda.BadEventException;
import dev.newsharvester.outlet.OutletConfigException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code news-harvester} command line (see DESIGN.md "Command line"). */
@Command(name = "news-harvester", mixinStandardHelpOptions = true, version = "news-harvester 0.1.0",
        description = "Harvest news outlets into an archive and an index; query them.",
        subcommands = {DemoCommand.class, HarvestCommand.class, InvokeCommand.class, ExtractCommand.class,
                EvalCommand.class, QueryCommand.class, ReprocessCommand.class, SweepCommand.class, StatusCommand.class,
                SearchCommand.class, ReindexCommand.class, ExportCommand.class,
                ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code: 0 done, 1 failed, 2 bad usage. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // Known input mistakes get one clear line, not a stack trace.
            if (e instanceof OutletConfigException || e instanceof BadEventException || e instanceof IllegalArgumentException
                    || e instanceof IllegalStateException || e instanceof UncheckedIOException) {
                cmd.getErr().println("error: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return cli.execute(args);
    }
}
