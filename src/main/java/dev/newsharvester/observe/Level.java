package dev.newsharvester.observe;

import java.util.Locale;

/** Log levels, lowest first; a line is written when its level is at least the configured one. */
public enum Level {
    DEBUG, INFO, WARN, ERROR;

    /**
     * The level a variable names: DEBUG, INFO, WARN or ERROR in any case (also TRACE as DEBUG, WARNING as WARN, FATAL
     * as ERROR, the names Lambda's log-level settings use); blank means {@code dflt}.
     *
     * @throws IllegalArgumentException naming the variable and the values it takes
     */
    public static Level parse(String value, String variable, Level dflt) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        return switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "TRACE", "DEBUG" -> DEBUG;
            case "INFO" -> INFO;
            case "WARN", "WARNING" -> WARN;
            case "ERROR", "FATAL" -> ERROR;
            default -> throw new IllegalArgumentException("environment variable " + variable
                    + " must be DEBUG, INFO, WARN or ERROR (default " + dflt + "), was '" + value + "'");
        };
    }
}
