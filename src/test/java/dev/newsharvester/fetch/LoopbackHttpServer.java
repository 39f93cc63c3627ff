package dev.newsharvester.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on a loopback address for tests: routes by exact path, records every request, answers 404
 * for unknown paths. Never bind it anywhere but 127.0.0.0/8.
 */
public final class LoopbackHttpServer implements AutoCloseable {

    /** A request as the server saw it. */
    public record Hit(String method, String path, String query, Map<String, List<String>> headers, long nanoTime) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-http");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final List<Hit> hits = new CopyOnWriteArrayList<>();

    private LoopbackHttpServer(String address) throws IOException {
        InetAddress loopback = InetAddress.getByName(address);
        if (!loopback.isLoopbackAddress()) {
            throw new IllegalArgumentException("tests only serve on loopback: " + address);
        }
        server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    public static LoopbackHttpServer start() {
        return start("127.0.0.1");
    }

    public static LoopbackHttpServer start(String loopbackAddress) {
        try {
            return new LoopbackHttpServer(loopbackAddress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "http://127.0.0.1:PORT" (IPv6 in brackets: "http://[0:0:0:0:0:0:0:1]:PORT") */
    public String base() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    public URI uri(String pathAndQuery) {
        return URI.create(base() + pathAndQuery);
    }

    public LoopbackHttpServer route(String path, Handler handler) {
        routes.put(path, handler);
        return this;
    }

    /** Serves fixed content with status 200. */
    public LoopbackHttpServer content(String path, String contentType, String body) {
        return route(path, ex -> respond(ex, 200, contentType, body.getBytes(StandardCharsets.UTF_8)));
    }

    public List<Hit> hits() {
        return List.copyOf(hits);
    }

    public List<Hit> hits(String path) {
        return hits.stream().filter(h -> h.path().equals(path)).toList();
    }

    private void dispatch(HttpExchange ex) throws IOException {
        URI u = ex.getRequestURI();
        hits.add(new Hit(ex.getRequestMethod(), u.getRawPath(), u.getRawQuery(), Map.copyOf(ex.getRequestHeaders()),
                System.nanoTime()));
        try (ex) {
            Handler h = routes.get(u.getRawPath());
            if (h == null) {
                respond(ex, 404, "text/html; charset=utf-8",
                        "<!DOCTYPE html><html><head><title>Not found</title></head><body><h1>404</h1></body></html>"
                                .getBytes(StandardCharsets.UTF_8));
            } else {
                h.handle(ex);
            }
        } catch (IOException e) {
            // the client went away (cancelled download, timeout): nothing to do
        }
    }

    /** Sends a complete response with a Content-Length; contentType may be null (no header). */
    public static void respond(HttpExchange ex, int status, String contentType, byte[] body, String... headers)
            throws IOException {
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            ex.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        boolean noBody = status == 304 || status == 204 || body.length == 0;
        ex.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    public static void redirect(HttpExchange ex, int status, String location) throws IOException {
        respond(ex, status, null, new byte[0], "Location", location);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
