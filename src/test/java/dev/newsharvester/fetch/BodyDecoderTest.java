package dev.newsharvester.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class BodyDecoderTest {

    private static final byte[] PAGE = HttpFetcherTest.fixture("article-en.html").getBytes(StandardCharsets.UTF_8);

    private static byte[] decode(String encoding, byte[] body, int chunk, int cap) throws IOException {
        BodyDecoder d = BodyDecoder.forEncoding(encoding, cap);
        try {
            for (int i = 0; i < body.length; i += chunk) {
                d.write(body, i, Math.min(chunk, body.length - i));
            }
            d.finish();
            return d.bytes();
        } finally {
            d.release();
        }
    }

    @Test
    void gzipInAnyChunkingGivesTheOriginal() throws IOException {
        byte[] gz = HttpFetcherTest.gzip(PAGE);
        for (int chunk : new int[] {1, 3, 7, 10, 11, 512, gz.length}) {
            assertArrayEquals(PAGE, decode("gzip", gz, chunk, 1 << 20), "chunk " + chunk);
        }
        assertArrayEquals(PAGE, decode("x-gzip", gz, 100, 1 << 20));
    }

    @Test
    void gzipHeaderFieldsAreSkipped() throws IOException {
        byte[] plain = HttpFetcherTest.gzip(PAGE);
        // FEXTRA (4 bytes), FNAME "page.html", FCOMMENT "c", FHCRC: flags 4|8|16|2
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(plain, 0, 3);
        b.write(4 | 8 | 16 | 2);
        b.write(plain, 4, 6);
        b.write(new byte[] {4, 0, 'a', 'b', 'c', 'd'});
        b.write("page.html\0c\0".getBytes(StandardCharsets.ISO_8859_1));
        b.write(new byte[] {0x12, 0x34});
        b.write(plain, 10, plain.length - 10);
        byte[] withFields = b.toByteArray();
        for (int chunk : new int[] {1, 5, withFields.length}) {
            assertArrayEquals(PAGE, decode("gzip", withFields, chunk, 1 << 20), "chunk " + chunk);
        }
    }

    @Test
    void concatenatedGzipMembersAreJoined() throws IOException {
        byte[] a = HttpFetcherTest.gzip("<html><body>first ".getBytes(StandardCharsets.UTF_8));
        byte[] c = HttpFetcherTest.gzip("second</body></html>".getBytes(StandardCharsets.UTF_8));
        byte[] both = Arrays.copyOf(a, a.length + c.length);
        System.arraycopy(c, 0, both, a.length, c.length);
        assertEquals("<html><body>first second</body></html>",
                new String(decode("gzip", both, 4, 1024), StandardCharsets.UTF_8));
    }

    @Test
    void truncatedOrCorruptGzipFails() {
        byte[] gz = HttpFetcherTest.gzip(PAGE);
        assertThrows(ZipException.class, () -> decode("gzip", Arrays.copyOf(gz, gz.length - 5), 64, 1 << 20));
        byte[] flipped = gz.clone();
        flipped[gz.length - 6] ^= 0x55; // inside the CRC
        assertThrows(ZipException.class, () -> decode("gzip", flipped, 64, 1 << 20));
        assertThrows(ZipException.class, () -> decode("gzip", "plain text".getBytes(StandardCharsets.UTF_8), 64, 1024));
    }

    @Test
    void emptyBodyLabelledGzipIsEmpty() throws IOException {
        assertEquals(0, decode("gzip", new byte[0], 1, 1024).length);
    }

    @Test
    void capStopsDecodingOfABomb() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                gz.write(zeros); // 64 MiB of zeros, ~64 KB compressed
            }
        }
        byte[] bomb = bytes.toByteArray();
        BodyDecoder d = BodyDecoder.forEncoding("gzip", 100_000);
        int fed = 0;
        BodyDecoder.LimitExceededException e = null;
        try {
            for (; fed < bomb.length && e == null; fed += 512) {
                try {
                    d.write(bomb, fed, Math.min(512, bomb.length - fed));
                } catch (BodyDecoder.LimitExceededException x) {
                    e = x;
                }
            }
        } finally {
            d.release();
        }
        assertTrue(e != null, "limit must trip");
        assertEquals(100_000, d.size());
        assertTrue(fed < 4096, "stopped after " + fed + " compressed bytes");
    }

    @Test
    void identityCapsToo() throws IOException {
        BodyDecoder d = BodyDecoder.forEncoding(null, 10);
        d.write(new byte[6], 0, 6);
        assertThrows(BodyDecoder.LimitExceededException.class, () -> d.write(new byte[6], 0, 6));
        assertEquals(10, d.bytes().length);
    }

    @Test
    void unrequestedEncodingsAreRefused() {
        IOException e = assertThrows(IOException.class, () -> BodyDecoder.forEncoding("br", 10));
        assertTrue(e.getMessage().contains("br"));
        assertThrows(IOException.class, () -> BodyDecoder.forEncoding("gzip, gzip", 10));
    }
}
