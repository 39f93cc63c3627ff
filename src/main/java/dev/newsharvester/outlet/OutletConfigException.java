package dev.newsharvester.outlet;

/** An outlets file that cannot be used; the message names the outlet and the field. */
public final class OutletConfigException extends RuntimeException {

    public OutletConfigException(String message) {
        super(message);
    }

    public OutletConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
