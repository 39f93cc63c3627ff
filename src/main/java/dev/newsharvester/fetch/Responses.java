package dev.newsharvester.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * The response side of {@link HttpFetcher}: how much of a body is read (caps for pages, error pages and robots.txt),
 * what an answer means as a {@link FetchResult} (304, anti-bot pages, type checks, charset, HTTP errors), what a
 * failed exchange's exception means, and {@code Retry-After}.
 */
final class Responses {

    private static final int ERROR_PAGE_BYTES = 64 * 1024;   // enough to recognise a challenge page
    private static final int ROBOTS_BYTES = 512 * 1024;      // RFC 9309: parse at least 500 KiB
    private static final int SNIFF_BYTES = 1024;

    private final Clock clock;
    private final int maxBodyBytes;
    private final Duration connectTimeout;
    private final Duration totalTimeout;

    Responses(Clock clock, int maxBodyBytes, Duration connectTimeout, Duration totalTimeout) {
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
        this.connectTimeout = connectTimeout;
        this.totalTimeout = totalTimeout;
    }

    /** Reads as much of the body as the status, type and mode call for. */
    Body readBody(Http1Client.Response response, FetchMode mode) throws IOException {
        int status = response.status();
        HttpHeaders headers = response.headers();
        boolean success = status >= 200 && status < 300;
        MediaType type = MediaType.parse(headers.firstValue("content-type").orElse(null));
        if (success && mode == FetchMode.ARTICLE && type != null && !type.isUninformative() && !type.isHtml()) {
            return Body.rejected(Body.Kind.UNSUPPORTED_TYPE, "Content-Type " + type.mimeType() + " is not HTML");
        }
        boolean truncate = !success || mode == FetchMode.ROBOTS;   // error pages and robots.txt: the head is enough
        int cap = mode == FetchMode.ROBOTS ? ROBOTS_BYTES : success ? maxBodyBytes : ERROR_PAGE_BYTES;
        String encoding = headers.firstValue("content-encoding").orElse(null);
        long declared = contentLength(headers);
        boolean identity = encoding == null || encoding.isBlank() || encoding.strip().equalsIgnoreCase("identity");
        if (!truncate && identity && declared > cap) {
            return Body.rejected(Body.Kind.TOO_LARGE, "Content-Length " + declared + " exceeds " + cap + " bytes");
        }
        BodyDecoder decoder;
        try {
            decoder = BodyDecoder.forEncoding(encoding, cap);
        } catch (IOException e) {
            return Body.rejected(Body.Kind.CORRUPT, e.getMessage());
        }
        return Body.read(response.body(), decoder, truncate);
    }

    /** The declared length, or -1 when absent or junk (the body is then read with the cap as usual). */
    private static long contentLength(HttpHeaders headers) {
        String v = headers.firstValue("content-length").orElse("").strip();
        return v.matches("\\d{1,18}") ? Long.parseLong(v) : -1;
    }

    FetchResult interpret(URI requested, URI finalUrl, Exchange ex, Validators sent, FetchMode mode) {
        int status = ex.status();
        HttpHeaders h = ex.headers();
        String contentType = h.firstValue("content-type").orElse(null);
        String etag = h.firstValue("etag").orElse(null);
        String lastModified = h.firstValue("last-modified").orElse(null);
        Body body = ex.body();
        if (status == 304) {
            return new FetchResult(requested, finalUrl, FetchStatus.NOT_MODIFIED, status, contentType, null,
                    etag != null ? etag : sent.etag(), lastModified != null ? lastModified : sent.lastModified(),
                    Body.EMPTY, clock.instant(), "not modified since the stored copy", null);
        }
        if (status >= 200 && status < 300) {
            switch (body.kind()) {
                case TOO_LARGE -> {
                    return failure(requested, finalUrl, FetchStatus.TOO_LARGE, status, "body too large: " + body.problem());
                }
                case UNSUPPORTED_TYPE -> {
                    return failure(requested, finalUrl, FetchStatus.UNSUPPORTED_TYPE, status, body.problem());
                }
                case CORRUPT -> {
                    return failure(requested, finalUrl, FetchStatus.IO_ERROR, status, "undecodable body: " + body.problem());
                }
                default -> { }
            }
            byte[] bytes = body.bytes();
            if (bytes.length == 0 && mode != FetchMode.ROBOTS) {
                // An empty page or feed is a server glitch, not content (an empty robots.txt is valid: no rules).
                return failure(requested, finalUrl, FetchStatus.HTTP_ERROR, status, "empty body");
            }
            if (mode != FetchMode.ROBOTS) {
                String bot = AntiBot.detect(status, h, bytes);
                if (bot != null) {
                    return failure(requested, finalUrl, FetchStatus.BLOCKED, status, "anti-bot page: " + bot);
                }
            }
            MediaType type = MediaType.parse(contentType);
            if (mode == FetchMode.ARTICLE && (type == null || type.isUninformative()) && !looksLikeHtml(bytes)) {
                return failure(requested, finalUrl, FetchStatus.UNSUPPORTED_TYPE, status,
                        "no usable Content-Type and the body does not look like HTML");
            }
            Charset charset = CharsetDetector.detect(type == null ? null : type.charset(), bytes);
            return new FetchResult(requested, finalUrl, FetchStatus.OK, status, contentType, charset, etag,
                    lastModified, bytes, clock.instant(), null, null);
        }
        String statusText = "HTTP " + status + (ex.note() == null ? "" : " " + ex.note());
        String bot = mode == FetchMode.ROBOTS ? null : AntiBot.detect(status, h, body.bytes());
        if (status == 401 || status == 403 || status == 451 || bot != null) {
            return failure(requested, finalUrl, FetchStatus.BLOCKED, status, statusText + (bot == null ? "" : ": " + bot));
        }
        if (status == 404 || status == 410) {
            return failure(requested, finalUrl, FetchStatus.NOT_FOUND, status, statusText);
        }
        return failure(requested, finalUrl, FetchStatus.HTTP_ERROR, status, statusText);
    }

    FetchResult failure(URI requested, URI finalUrl, FetchStatus status, int http, String reason) {
        return new FetchResult(requested, finalUrl, status, http, null, null, null, null, Body.EMPTY,
                clock.instant(), reason, null);
    }

    FetchResult deferred(URI requested, URI finalUrl, Instant retryAt, String reason) {
        return new FetchResult(requested, finalUrl, FetchStatus.DEFERRED, 0, null, null, null, null, Body.EMPTY,
                clock.instant(), reason, retryAt);
    }

    Exchange classify(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof Http1Client.ConnectTimeoutException) {
            return Exchange.failed(FetchStatus.TIMEOUT, message + " within " + format(connectTimeout));
        }
        if (e instanceof SocketTimeoutException) {
            return Exchange.failed(FetchStatus.TIMEOUT, "no response within " + format(totalTimeout));
        }
        if (e instanceof ConnectException) {
            return Exchange.failed(FetchStatus.IO_ERROR, "connection failed: " + message);
        }
        if (e instanceof SSLException) {
            return Exchange.failed(FetchStatus.IO_ERROR, "TLS failure: " + message);
        }
        if (e instanceof ProtocolException) {
            return Exchange.failed(FetchStatus.IO_ERROR, "malformed response: " + message);
        }
        return Exchange.failed(FetchStatus.IO_ERROR, (e instanceof IOException ? "" : e.getClass().getSimpleName() + ": ")
                + message);
    }

    /** Retry-After as delta-seconds or an HTTP-date; null when absent or unreadable. */
    Duration retryAfter(HttpHeaders headers) {
        String value = headers.firstValue("retry-after").orElse("").strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(clock.instant(), at);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean looksLikeHtml(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        return head.contains("<!doctype html") || head.contains("<html") || head.contains("<head")
                || head.contains("<body");
    }

    static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
