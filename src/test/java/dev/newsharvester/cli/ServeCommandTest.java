package dev.newsharvester.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import dev.newsharvester.pipeline.Settings;
import dev.newsharvester.web.SearchBackend;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve}'s refusals, each one line before any store is opened: a non-loopback address, a busy port. */
class ServeCommandTest {

    @TempDir
    Path tmp;

    @Test
    void refusesToListenBeyondThisMachine() {
        for (String address : new String[] {"0.0.0.0", "192.168.1.20", "::", "example.com"}) {
            CliRun run = CliRun.of("serve", "--bind", address, "--data", tmp.resolve("none").toString());
            assertEquals(1, run.code(), run.err());
            assertTrue(run.err().startsWith("error: --bind: address '" + address + "' is not "), run.err());
            assertTrue(run.err().contains("127.0.0.1, ::1 or localhost"), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertEquals("", run.out());
        }
    }

    @Test
    void aBusyPortIsOneLine() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CliRun run = CliRun.of("serve", "--port", String.valueOf(busy.getLocalPort()), "--data", tmp.resolve("none").toString());
            assertEquals(1, run.code(), run.err());
            assertEquals("error: --port: port " + busy.getLocalPort() + " on 127.0.0.1 is in use: stop what listens there or"
                    + " give another port (0 takes a free one)\n", run.err());
        }
        CliRun bad = CliRun.of("serve", "--port", "70000", "--data", tmp.resolve("none").toString());
        assertEquals("error: --port: port 70000 is not a TCP port: give 1 to 65535, or 0 for a free one\n", bad.err());
    }

    @Test
    void aStoreThatIsNotThereIsOneLineAndFreesThePort() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        CliRun run = CliRun.of("serve", "--port", String.valueOf(port), "--data", tmp.resolve("none").toString());
        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().startsWith("error: ") && run.err().lines().count() == 1, run.err());
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, again.getLocalPort(), "serve let the port go when it could not open the store");
        }
    }

    /** With --aws but no workgroup or database, the search page says what to set instead of failing to start. */
    @Test
    void onAwsWithoutAthenaTheSearchPageSaysWhatToSet() {
        ServeCommand serve = new ServeCommand();
        serve.store = new StoreOptions();
        serve.store.aws = true;
        SearchBackend none = serve.searchBackend(Settings.fromEnvironment(Map.of("AWS_REGION", "eu-central-1",
                Settings.GLUE_DATABASE, "news_harvester")));
        assertEquals("Search on AWS runs on Athena, which is not set up here: environment variable ATHENA_WORKGROUP is"
                + " not set: set it to the stack's Athena workgroup (output AthenaWorkGroupName)", none.unavailable());
        SearchBackend noDatabase = serve.searchBackend(Settings.fromEnvironment(Map.of("AWS_REGION", "eu-central-1",
                Settings.ATHENA_WORKGROUP, "news-archive")));
        assertTrue(noDatabase.unavailable().contains("GLUE_DATABASE is not set"), noDatabase.unavailable());
    }
}
