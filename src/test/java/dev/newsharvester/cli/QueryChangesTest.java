package dev.newsharvester.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsharvester.change.ChangeEvent;
import dev.newsharvester.change.ChangeJournal;
import dev.newsharvester.change.ChangeKind;
import dev.newsharvester.change.Changes;
import dev.newsharvester.local.LocalStack;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.ChangeLog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code query changes} on an embedded store whose change log holds events of two outlets over three days. */
class QueryChangesTest {

    @TempDir
    static Path data;

    @BeforeAll
    static void logChanges() {
        try (LocalStack stack = LocalStack.open(data)) {
            ChangeJournal journal = new ChangeJournal(new ChangeLog(new Archive(stack.s3(), stack.bucket())));
            journal.record(event(ChangeKind.NEW, "kyiv-post", "https://kyiv-post.example/news/bridge", "2025-08-21T07:00:00Z"));
            journal.record(event(ChangeKind.REVISED, "kyiv-post", "https://kyiv-post.example/news/bridge", "2025-08-22T09:30:00Z"));
            journal.record(event(ChangeKind.DELETED, "kyiv-post", "https://kyiv-post.example/news/bridge", "2025-08-23T10:00:00Z"));
            journal.record(event(ChangeKind.REVISED, "odesa-journal", "https://odesa-journal.example/port", "2025-08-23T11:00:00Z"));
        }
    }

    private static ChangeEvent event(ChangeKind kind, String outlet, String url, String at) {
        String before = kind == ChangeKind.NEW ? null : "a".repeat(64);
        String after = kind == ChangeKind.DELETED ? null : (kind == ChangeKind.NEW ? "a" : "b").repeat(64);
        Changes changes = kind == ChangeKind.REVISED
                ? new Changes("Bridge reopens", "Bridge reopens to trucks", List.of(), List.of(), 300, 310, 1) : Changes.NONE;
        return new ChangeEvent(ChangeEvent.idOf(kind, url, before, after, null), kind, outlet, url, Instant.parse(at), before,
                after, kind == ChangeKind.NEW ? null : "Bridge reopens", kind == ChangeKind.DELETED ? null : "Bridge reopens to trucks",
                null, null, changes, null, false);
    }

    private static CliRun query(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "query";
        all[1] = "changes";
        all[2] = "--data";
        all[3] = data.toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return CliRun.of(all);
    }

    @Test
    void filtersByOutletKindAndTimeNewestFirst() throws Exception {
        CliRun all = query("--json");
        assertEquals(0, all.code(), all.err());
        JsonNode rows = Json.MAPPER.readTree(all.out());
        assertEquals(4, rows.size());
        assertEquals("odesa-journal", rows.get(0).path("outlet").asText());
        assertEquals("NEW", rows.get(3).path("kind").asText());

        JsonNode revised = Json.MAPPER.readTree(query("--json", "--outlet", "kyiv-post", "--kind", "revised,deleted",
                "--since", "2025-08-22").out());
        assertEquals(List.of("DELETED", "REVISED"), List.of(revised.get(0).path("kind").asText(), revised.get(1).path("kind").asText()));
        assertEquals(2, revised.size());
        assertEquals("Bridge reopens to trucks", revised.get(1).path("changes").path("headlineAfter").asText());

        CliRun table = query("--since", "2025-08-23T10:30:00Z");
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().contains("odesa-journal") && !table.out().contains("kyiv-post"), table.out());
        assertTrue(table.out().endsWith("1 change(s)\n"), table.out());
    }

    @Test
    void badKindsAndTimesAreOneLineErrors() {
        CliRun kind = query("--kind", "revised,moved");
        assertEquals(1, kind.code());
        assertEquals("error: --kind: 'moved' is not a change kind: give one or more of"
                + " new,revised,deleted,redirected,restored (comma-separated)\n", kind.err());
        CliRun time = query("--since", "yesterday");
        assertEquals(1, time.code());
        assertEquals("error: --since: 'yesterday' is not an ISO date (2025-08-23) or instant (2025-08-23T08:00:00Z)\n",
                time.err());
    }
}
