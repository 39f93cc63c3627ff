package dev.newsharvester.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * The {@code serve} server: the JDK's HTTP server on a loopback address only, one context that routes to the pages,
 * and the two bundled assets. Answers GET and HEAD; refuses a Host header other than its own address (so that a
 * web page elsewhere cannot reach the archive through a DNS name rebound to 127.0.0.1).
 */
public final class WebServer implements AutoCloseable {

    /** The port {@code serve} takes unless told otherwise. */
    public static final int DEFAULT_PORT = 8642;

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*");
    private static final Map<String, String> ASSETS = Map.of("/assets/app.css", "text/css; charset=utf-8",
            "/assets/app.js", "text/javascript; charset=utf-8");

    private final HttpServer server;
    private volatile boolean started;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "serve-http");
        t.setDaemon(true);
        return t;
    });

    private WebServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Binds the address (see {@link #loopback}) and port (0: a free one); serves nothing until {@link #start}. Binding
     * comes first so that a busy port is told before the store opens.
     *
     * @throws IllegalArgumentException naming the port and what to do
     */
    public static WebServer bind(InetAddress address, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not a TCP port: give 1 to 65535, or 0 for a free one");
        }
        try {
            return new WebServer(HttpServer.create(new InetSocketAddress(address, port), 0));
        } catch (BindException e) {
            throw new IllegalArgumentException("port " + port + " on " + address.getHostAddress()
                    + " is in use: stop what listens there or give another port (0 takes a free one)");
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on " + address.getHostAddress() + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * The address to listen on: an IP literal or {@code localhost}, loopback only (no name is looked up).
     *
     * @throws IllegalArgumentException naming the address and the ones allowed
     */
    public static InetAddress loopback(String host) {
        String h = host == null ? "127.0.0.1" : host.strip();
        boolean literal = IP_LITERAL.matcher(h).matches();
        if (!literal && !h.equalsIgnoreCase("localhost")) {
            throw new IllegalArgumentException("address '" + h + "' is not a loopback address: serve listens on 127.0.0.1,"
                    + " ::1 or localhost only (reach it from another machine through an SSH tunnel)");
        }
        try {
            InetAddress a = InetAddress.getByName(h);
            if (!a.isLoopbackAddress()) {
                throw new IllegalArgumentException("address '" + h + "' is not a loopback address: serve listens on 127.0.0.1,"
                        + " ::1 or localhost only, so that the archive is not published to the network (reach it from"
                        + " another machine through an SSH tunnel)");
            }
            return a;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address '" + h + "' is not an IP address: give 127.0.0.1, ::1 or localhost");
        }
    }

    /** Starts answering with pages read from {@code sources}. */
    public WebServer start(WebSources sources) {
        Pages pages = new Pages(sources);
        server.createContext("/", exchange -> handle(exchange, pages));
        server.setExecutor(executor);
        server.start();
        started = true;
        return this;
    }

    /** The address to open, e.g. {@code http://127.0.0.1:8642/}. */
    public URI uri() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/");
    }

    @Override
    public void close() {
        if (!started) {
            // the JDK's server closes its socket on its dispatcher thread, which only start() runs
            server.createContext("/", HttpExchange::close);
            server.start();
            started = true;
        }
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex, Pages pages) throws IOException {
        long started = System.nanoTime();
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getPath();
            Response r;
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                r = Response.error(405, "Method not allowed", "this page answers GET and HEAD only", pages.now());
            } else if (!ownHost(ex.getRequestHeaders().getFirst("Host"))) {
                r = Response.error(400, "Bad request", "the Host header must be this server's own address ("
                        + uri().getAuthority() + ")", pages.now());
            } else if (ASSETS.containsKey(path)) {
                r = new Response(200, ASSETS.get(path), asset(path));
            } else {
                r = pages.answer(path, ex.getRequestURI());
            }
            ex.getResponseHeaders().set("Content-Type", r.contentType());
            ex.getResponseHeaders().set("Content-Security-Policy", CSP);
            ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.getResponseHeaders().set("Server-Timing", "app;dur=" + (System.nanoTime() - started) / 1_000_000);
            boolean head = method.equals("HEAD");
            ex.sendResponseHeaders(r.status(), head ? -1 : r.body().length);
            if (!head) {
                ex.getResponseBody().write(r.body());
            }
        } catch (IOException e) {
            // the browser went away: nothing to answer
        }
    }

    private boolean ownHost(String host) {
        if (host == null) {
            return false;
        }
        int port = server.getAddress().getPort();
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals(uri().getAuthority()) || h.equals("localhost:" + port);
    }

    private static byte[] asset(String path) throws IOException {
        try (InputStream in = WebServer.class.getResourceAsStream("/web" + path.substring("/assets".length()))) {
            if (in == null) {
                throw new IOException("bundled asset missing from the jar: " + path);
            }
            return in.readAllBytes();
        }
    }

    /** A response: status, content type and body. */
    record Response(int status, String contentType, byte[] body) {
        static Response html(int status, String html) {
            return new Response(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
        }

        static Response error(int status, String title, String message, java.time.Instant now) {
            return html(status, Html.page(status + " " + title, "", now, "<h1>" + status + " " + Html.esc(title)
                    + "</h1>\n<p class=\"error\">" + Html.esc(message) + "</p>"));
        }
    }
}
