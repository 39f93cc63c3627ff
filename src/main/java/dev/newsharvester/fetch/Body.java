package dev.newsharvester.fetch;

import java.io.IOException;
import java.io.InputStream;

/** A response body as read by {@link #read}, and how reading it ended. */
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
        CORRUPT
    }

    static final byte[] EMPTY = new byte[0];

    static Body rejected(Kind kind, String problem) {
        return new Body(EMPTY, kind, problem);
    }

    /**
     * Reads and decodes a body, stopping as soon as the decoded size passes the decoder's cap: a gzip bomb costs a few
     * kilobytes of transfer, not gigabytes. Network failures propagate as IOExceptions; a body that does not decode
     * is a {@link Kind#CORRUPT} result.
     *
     * @param truncateAtCap keep the first {@code cap} bytes (TRUNCATED) instead of failing with TOO_LARGE
     */
    static Body read(InputStream in, BodyDecoder decoder, boolean truncateAtCap) throws IOException {
        byte[] buf = new byte[16 * 1024];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                try {
                    decoder.write(buf, 0, n);
                } catch (BodyDecoder.LimitExceededException e) {
                    return truncateAtCap ? new Body(decoder.bytes(), Kind.TRUNCATED, null)
                            : rejected(Kind.TOO_LARGE, e.getMessage());
                } catch (IOException | RuntimeException e) {
                    return rejected(Kind.CORRUPT, e.getMessage());
                }
            }
            try {
                decoder.finish();
            } catch (IOException e) {
                return rejected(Kind.CORRUPT, e.getMessage());
            }
            return new Body(decoder.bytes(), Kind.COMPLETE, null);
        } finally {
            decoder.release();
        }
    }
}
