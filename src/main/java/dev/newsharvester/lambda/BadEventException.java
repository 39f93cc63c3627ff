package dev.newsharvester.lambda;

/**
 * An event of the wrong shape. It carries no stack trace on purpose: the caller needs the message,
 * which says what was expected, not our call stack.
 */
public final class BadEventException extends RuntimeException {

    public BadEventException(String message) {
        super(message, null, false, false);
    }
}
