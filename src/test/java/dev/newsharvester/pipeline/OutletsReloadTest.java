package dev.newsharvester.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.newsharvester.outlet.Outlet;
import dev.newsharvester.outlet.Outlets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outlets from OUTLETS_URI follow edits of the file once their TTL has passed (a long-lived Lambda environment). */
class OutletsReloadTest {

    @TempDir
    Path dir;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-04T10:00:00Z"));

    /** Outlets read from {@code outlets.yaml} (written now with {@code first}) on the step clock. */
    private Outlets reloading(String first, Duration ttl) throws IOException {
        Files.writeString(dir.resolve("outlets.yaml"), "outlets:\n" + first);
        return Wiring.outlets(Settings.store("t", "b").withOutletsUri(dir.resolve("outlets.yaml").toString())
                .withOutletsTtl(ttl), null, clock);
    }

    private static String outlet(String id, String feed) {
        return "  - id: " + id + "\n    name: " + id.toUpperCase() + "\n    language: uk\n    timezone: Europe/Kyiv\n"
                + "    feeds: [" + feed + "]\n";
    }

    private static List<String> ids(Outlets outlets) {
        return outlets.all().stream().map(Outlet::id).toList();
    }

    @Test
    void anEditedOutletsFileIsReadAgainOnceTheTtlHasPassed() throws IOException {
        Path file = dir.resolve("outlets.yaml");
        Files.writeString(file, "outlets:\n" + outlet("unn", "https://unn.ua/rss/news_uk.xml"));
        Settings settings = Settings.fromEnvironment(Map.of(Settings.OUTLETS_URI, file.toString(),
                Settings.OUTLETS_TTL_SECONDS, "300"));
        assertEquals(Duration.ofSeconds(300), settings.outletsTtl());
        Outlets outlets = Wiring.outlets(settings, null, clock);
        assertEquals(List.of("unn"), ids(outlets));

        Files.writeString(file, "outlets:\n" + outlet("unn", "https://unn.ua/rss/news_uk.xml")
                + outlet("up", "https://www.pravda.com.ua/rss/"));
        clock.advance(Duration.ofSeconds(299));
        assertEquals(List.of("unn"), ids(outlets), "within the TTL the outlets read last are used");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of("unn", "up"), ids(outlets), "after the TTL the edited file is read");
        assertEquals("https://www.pravda.com.ua/rss/", outlets.get("up").feeds().get(0).toString());
    }

    @Test
    void aBrokenEditKeepsTheLastGoodOutletsUntilItIsFixed() throws IOException {
        Outlets outlets = reloading(outlet("unn", "https://unn.ua/rss/news_uk.xml"), Duration.ofMinutes(1));
        Path file = dir.resolve("outlets.yaml");
        Outlet before = outlets.get("unn");

        Files.writeString(file, "outlets:\n  - id: unn\n    feeds: [ftp://unn.ua/rss]\n");
        clock.advance(Duration.ofMinutes(1));
        assertSame(before, outlets.get("unn"), "a broken file must not stop a running harvest");
        assertFalse(outlets.refresh(), "a forced read of the broken file reports that it failed");

        Files.writeString(file, "outlets:\n" + outlet("up", "https://www.pravda.com.ua/rss/"));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(List.of("up"), ids(outlets), "the fixed file is read at the next TTL");
    }

    @Test
    void aZeroTtlReadsAgainOnlyWhenRefreshed() throws IOException {
        Outlets outlets = reloading(outlet("unn", "https://unn.ua/rss/news_uk.xml"), Duration.ZERO);
        Files.writeString(dir.resolve("outlets.yaml"), "outlets:\n" + outlet("up", "https://www.pravda.com.ua/rss/"));
        clock.advance(Duration.ofDays(1));
        assertEquals(List.of("unn"), ids(outlets));
        outlets.refresh();
        assertEquals(List.of("up"), ids(outlets));
    }
}
