package dev.newsharvester.fetch;

import java.net.http.HttpHeaders;
import java.time.Instant;

/** One request's answer in {@link HttpFetcher}, or why there is none. */
record Exchange(int status, HttpHeaders headers, Body body, FetchStatus failure, String reason, String note,
              Instant notBefore) {
    static Exchange failed(FetchStatus status, String reason) {
        return new Exchange(0, null, null, status, reason, null, null);
    }

    /** The pacer refused: no request was sent. */
    static Exchange deferred(Instant notBefore, String reason) {
        return new Exchange(0, null, null, null, reason, null, notBefore);
    }

    Exchange withNote(String note) {
        return new Exchange(status, headers, body, failure, reason, note, notBefore);
    }

    Exchange withReason(String reason) {
        return new Exchange(status, headers, body, failure, reason, note, notBefore);
    }
}
