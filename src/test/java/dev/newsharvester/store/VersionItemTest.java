package dev.newsharvester.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsharvester.fingerprint.MinHash;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The version item read into {@link StoredVersion}'s parts and written back, without a table. */
class VersionItemTest {

    private static final String BODY = "9c1f0e2d3b4a59687766554433221100ffeeddccbbaa99887766554433221100";
    private static final MinHash SIGNATURE = MinHash.of("Міст через Русанівську протоку відкрили після ремонту");

    /** An item as versions before issue 11 wrote it: no bodyHash, no access; the sketch keys of a new text. */
    private static Map<String, AttributeValue> itemBeforeIssue11() {
        Map<String, AttributeValue> item = new HashMap<>(Map.ofEntries(
                Map.entry("url", s("https://kyiv-daily.example/news/bridge")),
                Map.entry("hash", s(BODY)),
                Map.entry("outlet", s("kyiv-daily")),
                Map.entry("ts", s("2024-05-01T09:30:00.000Z")),
                Map.entry("firstSeen", s("2024-05-01T09:31:07Z")),
                Map.entry("lastSeen", s("2024-05-02T06:00:00Z")),
                Map.entry("lastFetched", s("2024-05-02T06:00:00Z")),
                Map.entry("title", s("У Києві відкрили оновлений міст")),
                Map.entry("authors", AttributeValue.fromL(List.of(s("Олена Коваль"), s("Андрій Бойко")))),
                Map.entry("published", s("2024-05-01T12:30:00+03:00")),
                Map.entry("language", s("uk")),
                Map.entry("rawKey", s("raw/outlet=kyiv-daily/dt=2024-05-01/0123456789abcdef-9c1f0e2d3b4a5968.html.gz")),
                Map.entry("cleanKey", s("clean/outlet=kyiv-daily/dt=2024-05-01/0123456789abcdef-9c1f0e2d3b4a5968.json")),
                Map.entry("etag", s("W/\"5e1f-18f3a\"")),
                Map.entry("lastModified", s("Wed, 01 May 2024 11:05:00 GMT")),
                Map.entry("simhash", s("f0e1d2c3b4a59687")),
                Map.entry("minhash", AttributeValue.fromB(SdkBytes.fromByteArray(SIGNATURE.toBytes()))),
                Map.entry("extractorVersion", s("extract-1.0")),
                Map.entry("wordCount", AttributeValue.fromN("412")),
                Map.entry("sh0", s("f0e1")), Map.entry("sh1", s("d2c3")), Map.entry("sh2", s("b4a5")),
                Map.entry("sh3", s("9687"))));
        List<String> bands = SIGNATURE.bandKeys();
        for (int i = 0; i < bands.size(); i++) {
            item.put("lsh" + i, s(bands.get(i)));
        }
        return item;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    @Test
    void anItemWrittenBeforeReadsIntoItsPartsAndWritesBackAttributeForAttribute() {
        Map<String, AttributeValue> item = itemBeforeIssue11();

        StoredVersion v = VersionItem.fromItem(item);

        assertEquals(new VersionId("https://kyiv-daily.example/news/bridge", BODY, null, "kyiv-daily"), v.id());
        assertEquals(BODY, v.body());
        assertTrue(v.id().firstOfBody());
        assertEquals(Instant.parse("2024-05-01T09:31:07Z"), v.firstSeen());
        assertEquals(new LastVisit(Instant.parse("2024-05-02T06:00:00Z"), Instant.parse("2024-05-02T06:00:00Z"),
                "W/\"5e1f-18f3a\"", "Wed, 01 May 2024 11:05:00 GMT"), v.lastVisit());
        assertEquals(new ReaderFacts("У Києві відкрили оновлений міст", List.of("Олена Коваль", "Андрій Бойко"),
                "2024-05-01T12:30:00+03:00", null, "uk", null), v.reader());
        assertNull(v.reader().access(), "unknown access: items written before it was read");
        assertEquals(new TextSketch("f0e1d2c3b4a59687", SIGNATURE, 412, "extract-1.0"), v.sketch());
        assertNull(v.duplicateOf());
        assertEquals(item, VersionItem.toItem(v), "the item format is unchanged: no attribute added, dropped or retyped");
    }

    @Test
    void theListingViewIsWhatTheListingIndexesProject() {
        Map<String, AttributeValue> item = VersionItem.toItem(VersionItem.fromItem(itemBeforeIssue11()));
        Map<String, AttributeValue> projected = item.entrySet().stream()
                .filter(e -> IndexSchema.LISTING.contains(e.getKey()) || e.getKey().equals("url") || e.getKey().equals("hash"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        StoredVersion row = VersionItem.fromItem(projected);

        assertEquals(VersionItem.fromItem(item).listingView(), row);
        assertEquals(LastVisit.NONE, row.lastVisit());
        assertNull(row.sketch().minhash());
        var e = assertThrows(IllegalArgumentException.class, () -> VersionItem.toItem(row));
        assertTrue(e.getMessage().contains("has no lastSeen: a listing view cannot be written"), e.getMessage());
    }

    @Test
    void aHeadlineEditsListingRowTakesItsBodyHashFromTheKey() {
        Map<String, AttributeValue> item = itemBeforeIssue11();
        String edit = BODY + StoredVersion.VIEW_SEPARATOR + "0123456789abcdef";
        item.put("hash", s(edit));
        item.remove("lastSeen");

        StoredVersion row = VersionItem.fromItem(item);

        assertEquals(BODY, row.id().bodyHash());
        assertEquals(BODY, row.body());
        assertEquals(false, row.id().firstOfBody());
    }

    @Test
    void anIdentityKeepsItsChecksAndTheirMessages() {
        var blank = assertThrows(IllegalArgumentException.class,
                () -> VersionId.of(" ", BODY, "kyiv-daily"));
        assertEquals("url must not be blank: ' '", blank.getMessage());
        var noOutlet = assertThrows(IllegalArgumentException.class,
                () -> VersionId.of("https://kyiv-daily.example/news/bridge", BODY, null));
        assertEquals("outlet must not be blank: 'null'", noOutlet.getMessage());
        var other = assertThrows(IllegalArgumentException.class, () -> new VersionId(
                "https://kyiv-daily.example/news/bridge", BODY + ":0123456789abcdef", "ab".repeat(32), "kyiv-daily"));
        assertTrue(other.getMessage().startsWith("hash '" + BODY + ":0123456789abcdef' names a headline/byline edit,"
                + " so bodyHash must be its prefix before ':'"), other.getMessage());
        var noFirstSeen = assertThrows(NullPointerException.class, () -> new StoredVersion(
                VersionId.of("https://kyiv-daily.example/news/bridge", BODY, "kyiv-daily"), null, null, null, null, null,
                null));
        assertEquals("firstSeen", noFirstSeen.getMessage());
    }
}
