package dev.newsharvester.web;

/**
 * A request the page answers with an error page: 400 for a bad parameter, 404 for something not in the archive, 502
 * when the engine behind the page (Athena) failed.
 */
final class WebException extends RuntimeException {

    private final int status;

    private WebException(int status, String message) {
        super(message);
        this.status = status;
    }

    static WebException badRequest(String message) {
        return new WebException(400, message);
    }

    static WebException notFound(String message) {
        return new WebException(404, message);
    }

    static WebException badGateway(String message) {
        return new WebException(502, message);
    }

    /** The status line's words. */
    String title() {
        return switch (status) {
            case 404 -> "Not found";
            case 502 -> "Bad gateway";
            default -> "Bad request";
        };
    }

    int status() {
        return status;
    }
}
