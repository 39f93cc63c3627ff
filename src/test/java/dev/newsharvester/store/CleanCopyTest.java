package dev.newsharvester.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsharvester.extract.Access;
import dev.newsharvester.extract.Article;
import dev.newsharvester.fingerprint.Fingerprint;
import dev.newsharvester.fingerprint.Fingerprinter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CleanCopyTest {

    private static final String TEXT = """
            The city council voted on Tuesday to extend the night bus network to the left-bank districts, \
            after a year of petitions from shift workers at the river port.

            The new lines start in March and will run every twenty minutes between midnight and five.""";

    @Test
    void whatIsWrittenReadsBackWhole() {
        Article a = new Article("https://kyiv-daily.example/news/night-buses", "https://kyiv-daily.example/news/night-buses",
                "Night buses reach the left bank", List.of("Olena Koval", "Petro Bondar"),
                OffsetDateTime.parse("2026-11-30T18:40+02:00"), null, "en", "City", List.of("transport", "Kyiv"),
                "https://kyiv-daily.example/img/bus.jpg", "Night buses from March.", TEXT);
        Fingerprint fp = Fingerprinter.of(a.text());
        CleanCopy.Capture capture = new CleanCopy.Capture("kyiv-daily", "raw/kyiv-daily/2026/11/30/x.html.gz",
                Instant.parse("2026-11-30T17:00:00Z"), "extract-7");
        CleanCopy.Document d = CleanCopy.read(CleanCopy.toJson(a, fp, capture));
        assertEquals(CleanCopy.SCHEMA_VERSION, d.schemaVersion());
        assertEquals(a, d.article());
        assertEquals(capture, d.capture());
        assertEquals(fp.sha256(), d.fingerprint().sha256());
        assertEquals(fp.simhash(), d.fingerprint().simhash());
        assertEquals(fp.minhash(), d.fingerprint().minhash());
    }

    @Test
    void accessIsWrittenAndReadBackAndOldCopiesReadUnknown() throws Exception {
        Access access = new Access(Access.Free.FALSE, true, true, List.of("jsonld:free=false", "ends:at-paywall"));
        Article a = new Article("https://kyiv-daily.example/news/tariffs", null, "Tariffs", List.of(), null, null, "en",
                null, List.of(), null, null, TEXT, access);
        CleanCopy.Capture capture = new CleanCopy.Capture("kyiv-daily", "raw/x.html.gz", Instant.parse("2026-11-30T17:00:00Z"), "3");
        byte[] json = CleanCopy.toJson(a, Fingerprinter.of(a.text()), capture);
        JsonNode o = new ObjectMapper().readTree(json);
        assertEquals("FALSE", o.path("access").path("free").asText());
        assertTrue(o.path("access").path("paywalled").asBoolean() && o.path("access").path("truncated").asBoolean());
        assertEquals("ends:at-paywall", o.path("access").path("signals").get(1).asText());
        assertEquals(access, CleanCopy.read(json).article().access());

        ((ObjectNode) o).remove("access"); // a copy written before access was read
        assertEquals(Access.UNKNOWN, CleanCopy.read(new ObjectMapper().writeValueAsBytes(o)).article().access());
    }

    @Test
    void somethingElseIsRefusedWithTheReason() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> CleanCopy.read("{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("\"text\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CleanCopy.read("<html>".getBytes(StandardCharsets.UTF_8)));
    }
}
