package dev.newsharvester.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsharvester.athena.AthenaSearch;
import dev.newsharvester.change.ChangeJournal;
import dev.newsharvester.health.HealthEvaluator;
import dev.newsharvester.outlet.Outlet;
import dev.newsharvester.outlet.Outlets;
import dev.newsharvester.pipeline.Settings;
import dev.newsharvester.pipeline.Wiring;
import dev.newsharvester.query.ArticleQueries;
import dev.newsharvester.store.ArticleIndex;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.ChangeLog;
import dev.newsharvester.store.HealthCounters;
import dev.newsharvester.web.AthenaBackend;
import dev.newsharvester.web.SearchBackend;
import dev.newsharvester.web.SearchIndexBackend;
import dev.newsharvester.web.WebServer;
import dev.newsharvester.web.WebSources;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "A web page over the archive on this machine only (127.0.0.1): outlets and their articles per day,"
                + " an article's history with side-by-side diffs, the same story across outlets, recent changes, search."
                + " Prints its URL; Ctrl-C stops it.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + WebServer.DEFAULT_PORT,
            description = "TCP port (default: ${DEFAULT-VALUE}; 0 takes a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Loopback address to listen on: 127.0.0.1 (default), ::1 or localhost; nothing else.")
    String bind;

    @Option(names = "--json", description = "Print the URL as JSON ({\"url\": ...}).")
    boolean json;

    @Mixin
    OutletsOption outletsFile;

    @Mixin
    StoreOptions store;

    /** How long the search page waits for an Athena query before stopping it (a browser waits about as long). */
    static final Duration ATHENA_TIMEOUT = Duration.ofMinutes(2);

    /**
     * The search page's engine: the embedded store's search index, or with --aws Athena as `search --aws` asks it (the
     * page says why not when ATHENA_WORKGROUP or GLUE_DATABASE is missing).
     */
    SearchBackend searchBackend(Settings settings) {
        if (!store.aws) {
            return SearchIndexBackend.forDataDirectory(store.data);
        }
        try {
            return new AthenaBackend(AthenaSearch.fromSettings(settings, ATHENA_TIMEOUT));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return SearchBackend.none("Search on AWS runs on Athena, which is not set up here: " + e.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        InetAddress address;
        try {
            address = WebServer.loopback(bind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--bind: " + e.getMessage());
        }
        WebServer server;
        try {
            server = WebServer.bind(address, port);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--port: " + e.getMessage());
        }
        StoreOptions.Store s;
        try {
            s = store.open();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        Settings settings = outletsFile.applyTo(s.settings(), store);
        String table = settings.articlesTableRequired();
        Archive archive = new Archive(s.s3(), settings.archiveBucketRequired());
        Outlets outlets = Wiring.outlets(settings, s.s3());
        SearchBackend search = searchBackend(settings);
        WebSources sources = new WebSources(new ArticleQueries(new ArticleIndex(s.dynamoDb(), table), archive),
                new ChangeJournal(new ChangeLog(archive)), new HealthEvaluator(new HealthCounters(s.dynamoDb(), table),
                settings.health()), () -> outlets.select(List.of()).stream().map(Outlet::id).toList(),
                search, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            if (search instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    System.err.println("error: closing the search engine: " + e.getMessage());
                }
            }
            try {
                s.close();
            } catch (Exception e) {
                System.err.println("error: closing the store: " + e.getMessage());
            }
            stopped.countDown();
        }, "serve-stop"));
        server.start(sources);
        if (json) {
            ObjectNode o = Json.MAPPER.createObjectNode().put("url", server.uri().toString());
            System.out.println(o.toString());
        } else {
            System.out.println("serving the archive at " + server.uri() + " (this machine only; Ctrl-C stops it)");
        }
        System.out.flush();
        stopped.await();
        return 0;
    }
}
