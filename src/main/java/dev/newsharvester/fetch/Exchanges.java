package dev.newsharvester.fetch;

import static dev.newsharvester.fetch.Responses.format;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import javax.net.ssl.SSLContext;

/**
 * The request side of {@link HttpFetcher}: one URL's exchange after pacing, with one DNS resolution checked by the
 * guard, the request headers, the whole-request deadline, and the retries of 429 and 5xx answers. Owns the
 * connections ({@link Http1Client}) and the deadline timer; the pacer is the caller's.
 */
final class Exchanges implements AutoCloseable {

    private final String userAgent;
    private final Duration totalTimeout;
    private final AddressGuard guard;
    private final HostResolver resolver;
    private final int maxRetries;
    private final Duration retryBackoff;
    private final Duration maxRetryWait;
    private final Http1Client http;
    private final ScheduledThreadPoolExecutor timeouts;
    private final Responses responses;

    Exchanges(HttpFetcher.Builder b, Responses responses) {
        this.userAgent = b.userAgent;
        this.totalTimeout = b.totalTimeout;
        this.guard = b.addressGuard;
        this.resolver = b.resolver;
        this.maxRetries = b.maxRetries;
        this.retryBackoff = b.retryBackoff;
        this.maxRetryWait = b.maxRetryWait;
        SSLContext tls = b.sslContext;
        if (tls == null) {
            try {
                tls = SSLContext.getDefault();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("no default TLS context in this JVM", e);
            }
        }
        this.http = new Http1Client(b.socketFactory, tls.getSocketFactory(), b.connectTimeout);
        this.timeouts = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "http-fetcher-timeouts");
            t.setDaemon(true);
            return t;
        });
        this.timeouts.setRemoveOnCancelPolicy(true);
        this.responses = responses;
    }

    /** Stops the deadline timer. */
    @Override
    public void close() {
        timeouts.shutdownNow();
    }

    /** The response to one URL after up to {@code maxRetries} retries of 429 and 5xx answers. */
    Exchange withRetries(Pacer pacer, Target target, Validators v, Duration delay, FetchMode mode) {
        String previous = null;
        for (int attempt = 1; ; attempt++) {
            Exchange ex = exchange(pacer, target, v, delay, mode);
            if (ex.notBefore() != null) {
                return previous == null ? ex : ex.withReason(previous + "; " + ex.reason());
            }
            boolean retryable = ex.failure() == null && (ex.status() == 429 || ex.status() >= 500);
            if (!retryable || mode == FetchMode.ROBOTS) {
                return ex;
            }
            if (AntiBot.detect(ex.status(), ex.headers(), ex.body().bytes()) != null) {
                return ex;  // a challenge page will not go away by asking again
            }
            if (attempt > maxRetries) {
                return ex.withNote("after " + attempt + " attempts");
            }
            Duration retryAfter = responses.retryAfter(ex.headers());
            if (retryAfter != null && retryAfter.compareTo(maxRetryWait) > 0) {
                return ex.withNote("Retry-After of " + retryAfter.toSeconds() + " s exceeds the "
                        + format(maxRetryWait) + " this fetcher waits; not retried");
            }
            Duration wait = retryAfter != null ? retryAfter : backoff(attempt);
            pacer.defer(target.host(), wait);
            previous = "HTTP " + ex.status() + (retryAfter != null ? " with Retry-After " + format(retryAfter) : "");
        }
    }

    /**
     * One HTTP request and its (decoded, capped) body, after pacing. The host is resolved once, here, right before
     * the request; the guard checks every address of that answer and the connection goes to one of them, so a DNS
     * answer that changes in between (rebinding) cannot lead anywhere unchecked.
     */
    private Exchange exchange(Pacer pacer, Target target, Validators v, Duration delay, FetchMode mode) {
        Pacer.Slot permit;
        try {
            permit = pacer.acquire(target.host(), delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Exchange.failed(FetchStatus.IO_ERROR, "interrupted while waiting for the host's crawl delay");
        }
        if (!permit.granted()) {
            return Exchange.deferred(permit.notBefore(), "host " + target.host() + " may not be asked before "
                    + permit.notBefore());
        }
        try (permit) {
            List<InetAddress> addresses;
            try {
                addresses = guard.resolve(target, resolver);
            } catch (AddressRefusedException e) {
                return Exchange.failed(FetchStatus.ADDRESS_REFUSED, e.getMessage());
            } catch (UnknownHostException e) {
                return Exchange.failed(FetchStatus.IO_ERROR, "host does not resolve: " + target.host());
            }
            boolean[] headReceived = new boolean[1];
            try (Deadline deadline = new Deadline(timeouts, totalTimeout)) {
                try (Http1Client.Response response = http.get(target, addresses, requestHeaders(v, mode), deadline)) {
                    headReceived[0] = true;
                    Body body = responses.readBody(response, mode);
                    if (deadline.expired() && body.kind() != Body.Kind.COMPLETE) {
                        return Exchange.failed(FetchStatus.TIMEOUT, "no complete response within " + format(totalTimeout));
                    }
                    return new Exchange(response.status(), response.headers(), body, null, null, null, null);
                } catch (IOException | RuntimeException e) {
                    boolean readTimeout = e instanceof SocketTimeoutException
                            && !(e instanceof Http1Client.ConnectTimeoutException);
                    if (deadline.expired() || readTimeout) {
                        return Exchange.failed(FetchStatus.TIMEOUT, (headReceived[0] ? "no complete response within "
                                : "no response within ") + format(totalTimeout));
                    }
                    return responses.classify(e);
                }
            }
        }
    }

    /** Null when the URL's host may be contacted, else why not. */
    Exchange guardCheck(Target target) {
        try {
            guard.resolve(target, resolver);
            return null;
        } catch (AddressRefusedException e) {
            return Exchange.failed(FetchStatus.ADDRESS_REFUSED, e.getMessage());
        } catch (UnknownHostException e) {
            return Exchange.failed(FetchStatus.IO_ERROR, "host does not resolve: " + target.host());
        }
    }

    private List<String[]> requestHeaders(Validators v, FetchMode mode) {
        List<String[]> h = new ArrayList<>(6);
        h.add(new String[] {"User-Agent", userAgent});
        h.add(new String[] {"Accept", switch (mode) {
            case ARTICLE -> "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";
            case ANY -> "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.8";
            case ROBOTS -> "text/plain,*/*;q=0.8";
        }});
        h.add(new String[] {"Accept-Encoding", "gzip, deflate"});
        // Validators come from earlier responses, i.e. from servers: never let one split the request.
        if (v.etag() != null && Http1Client.isSafeHeaderValue(v.etag())) {
            h.add(new String[] {"If-None-Match", v.etag()});
        }
        if (v.lastModified() != null && Http1Client.isSafeHeaderValue(v.lastModified())) {
            h.add(new String[] {"If-Modified-Since", v.lastModified()});
        }
        return h;
    }

    /** base, 2 × base, … doubled per attempt, with ±50 % jitter so that many clients do not retry in step. */
    private Duration backoff(int attempt) {
        long base = retryBackoff.toMillis() << Math.min(attempt - 1, 10);
        long jittered = (long) (base * Jitter.factor());
        return Duration.ofMillis(Math.min(jittered, maxRetryWait.toMillis()));
    }
}
