package dev.newsharvester.observe;

import java.io.PrintStream;

/** Where log lines and EMF documents go, one whole line per call (safe to call from several threads). */
@FunctionalInterface
public interface LineSink {

    void line(String line);

    /** Standard output as it is when a line is written (Lambda ships it to CloudWatch Logs). */
    LineSink STDOUT = line -> System.out.println(line);

    /** Standard error as it is when a line is written (the CLI, whose stdout holds its report). */
    LineSink STDERR = line -> System.err.println(line);

    static LineSink of(PrintStream out) {
        return line -> {
            synchronized (out) {
                out.println(line);
            }
        };
    }
}
