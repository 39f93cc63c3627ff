package dev.newsharvester.web;

/** A request the page answers with an error page: 400 for a bad parameter, 404 for something not in the archive. */
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

    int status() {
        return status;
    }
}
