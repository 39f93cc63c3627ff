package dev.newsharvester.fetch;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** A response body as collected by {@link Collector}, and how collecting it ended. */
record Body(byte[] bytes, Kind kind, String problem) {

    enum Kind {
        /** The whole body, decoded. */
        COMPLETE,
        /** The first {@code cap} decoded bytes; the rest was not read (error pages, robots.txt). */
        TRUNCATED,
        /** Over the cap; reading stopped. */
        TOO_LARGE,
        /** Not read because the Content-Type is not wanted. */
        UNSUPPORTED_TYPE,
        /** Not decodable (unsupported or corrupt Content-Encoding). */
        CORRUPT,
        /** The time limit passed while the body was still arriving. */
        TIMED_OUT
    }

    static final byte[] EMPTY = new byte[0];

    /** A subscriber that reads nothing: it cancels at once, which closes the connection. */
    static HttpResponse.BodySubscriber<Body> rejecting(Kind kind, String problem) {
        Body body = new Body(EMPTY, kind, problem);
        CompletableFuture<Body> done = CompletableFuture.completedFuture(body);
        return new HttpResponse.BodySubscriber<>() {
            @Override
            public CompletionStage<Body> getBody() {
                return done;
            }

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.cancel();
            }

            @Override
            public void onNext(List<ByteBuffer> item) {
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        };
    }

    /**
     * Decodes the body while it streams in and cancels the download as soon as the decoded size passes the cap:
     * a gzip bomb costs a few kilobytes of transfer, not gigabytes.
     */
    static final class Collector implements HttpResponse.BodySubscriber<Body> {
        private final BodyDecoder decoder;
        private final boolean truncateAtCap;
        private final CompletableFuture<Body> result = new CompletableFuture<>();
        private volatile Flow.Subscription subscription;
        private byte[] chunk = new byte[16384];

        Collector(BodyDecoder decoder, boolean truncateAtCap) {
            this.decoder = decoder;
            this.truncateAtCap = truncateAtCap;
        }

        @Override
        public CompletionStage<Body> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (result.isDone()) { // aborted before the body started
                s.cancel();
            } else {
                s.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            try {
                for (ByteBuffer bb : buffers) {
                    int n = bb.remaining();
                    if (chunk.length < n) {
                        chunk = new byte[n];
                    }
                    bb.get(chunk, 0, n);
                    decoder.write(chunk, 0, n);
                }
            } catch (BodyDecoder.LimitExceededException e) {
                stop(truncateAtCap ? new Body(decoder.bytes(), Kind.TRUNCATED, null)
                        : new Body(EMPTY, Kind.TOO_LARGE, e.getMessage()));
                return;
            } catch (java.io.IOException | RuntimeException e) {
                stop(new Body(EMPTY, Kind.CORRUPT, e.getMessage()));
                return;
            }
            subscription.request(1);
        }

        /** Stops the download from another thread (time limit reached); safe to call at any time. */
        void abort() {
            if (result.complete(new Body(EMPTY, Kind.TIMED_OUT, "time limit reached while reading the body"))) {
                Flow.Subscription s = subscription;
                if (s != null) {
                    s.cancel();
                }
            }
        }

        private void stop(Body body) {
            subscription.cancel();
            decoder.release();
            result.complete(body);
        }

        @Override
        public void onError(Throwable throwable) {
            decoder.release();
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            if (result.isDone()) {
                decoder.release();
                return;
            }
            try {
                decoder.finish();
                result.complete(new Body(decoder.bytes(), Kind.COMPLETE, null));
            } catch (java.io.IOException e) {
                result.complete(new Body(EMPTY, Kind.CORRUPT, e.getMessage()));
            } finally {
                decoder.release();
            }
        }
    }
}
