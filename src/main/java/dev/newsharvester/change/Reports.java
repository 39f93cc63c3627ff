package dev.newsharvester.change;

import java.util.function.Consumer;

/** Where a sink reports a failure of its own (it never throws it): one JSON line, on standard error by default. */
final class Reports {

    /** Lambda and local runs alike: a JSON log line on standard error (the function's log group in AWS). */
    static final Consumer<String> STDERR = System.err::println;

    private Reports() {
    }

    /** The line for a failure to publish {@code event} through {@code sink}. */
    static String line(String sink, ChangeEvent event, String problem) {
        return "{\"level\":\"WARN\",\"message\":\"change event not published to " + sink + "\",\"changeId\":\""
                + event.id() + "\",\"kind\":\"" + event.kind() + "\",\"problem\":\"" + escape(problem) + "\"}";
    }

    private static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
