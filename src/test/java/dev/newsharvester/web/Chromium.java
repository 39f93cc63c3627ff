package dev.newsharvester.web;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real browser for the web page's tests: Debian's {@code chromium}, headless, driven over the DevTools protocol
 * (a WebSocket of the JDK's {@code java.net.http}; no Selenium): one browser for all tests, one tab that loads a page,
 * waits for its load event (the page's deferred script has run by then), reads the DOM as it then stands, runs a
 * line of script (a click) or takes a screenshot. Missing, it fails the test with what to install ({@code .ci/run}
 * installs it): a browser test never skips.
 */
final class Chromium implements AutoCloseable {

    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_S = 30;

    private final Process process;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final AtomicInteger ids = new AtomicInteger();
    private String session;

    private Chromium(Process process, URI endpoint) {
        this.process = process;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(endpoint, new Listener()).join();
    }

    /** Starts the browser (on PATH, or {@code CHROMIUM}) with a fresh profile under {@code tmp}; fails the test if absent. */
    static Chromium start(Path tmp) {
        Path binary = binary();
        List<String> cmd = List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--mute-audio", "--hide-scrollbars",
                "--user-data-dir=" + tmp.resolve("chromium-profile"), "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "about:blank");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            CompletableFuture<URI> endpoint = new CompletableFuture<>();
            List<String> said = new ArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = err.readLine()) != null; ) {
                        int at = line.indexOf("ws://");
                        if (line.startsWith("DevTools listening on ") && at >= 0) {
                            endpoint.complete(URI.create(line.substring(at).strip()));
                        } else if (said.size() < 50) {
                            said.add(line);
                        }
                    }
                } catch (IOException e) {
                    // the browser is gone
                }
                endpoint.completeExceptionally(new IllegalStateException("chromium exited: " + String.join("\n", said)));
            }, "chromium-stderr");
            reader.setDaemon(true);
            reader.start();
            Chromium c = new Chromium(p, endpoint.get(TIMEOUT_S, TimeUnit.SECONDS));
            String target = c.call(null, "Target.createTarget", JSON.createObjectNode().put("url", "about:blank"))
                    .path("targetId").asText();
            c.session = c.call(null, "Target.attachToTarget", JSON.createObjectNode().put("targetId", target).put("flatten", true))
                    .path("sessionId").asText();
            c.call("Page.enable", JSON.createObjectNode());
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + binary + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("chromium did not start within " + TIMEOUT_S + " s: " + e.getMessage(), e);
        }
    }

    private static Path binary() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("CHROMIUM");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            NAMES.forEach(n -> candidates.add(Path.of(dir, n)));
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().orElseGet(() -> {
            fail("chromium is not installed, and the web page's tests need a real browser: install it with"
                    + " `sudo apt-get install -y chromium` (Debian; .ci/run does this), or set CHROMIUM to a Chromium binary");
            return null;
        });
    }

    /** Loads the page in the tab and waits for its load event. */
    void open(URI page) {
        events.clear();
        JsonNode r = call("Page.navigate", JSON.createObjectNode().put("url", page.toString()));
        if (r.hasNonNull("errorText")) {
            fail("chromium could not load " + page + ": " + r.path("errorText").asText());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        try {
            while (System.nanoTime() < deadline) {
                JsonNode e = events.poll(200, TimeUnit.MILLISECONDS);
                if (e != null && e.path("method").asText().equals("Page.loadEventFired")) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        fail(page + " did not finish loading within " + TIMEOUT_S + " s");
    }

    /** The page's DOM after its scripts ran, as HTML. */
    String dom(URI page) {
        open(page);
        return eval("document.documentElement.outerHTML");
    }

    /** Runs a script expression in the page and returns its value as text. */
    String eval(String expression) {
        JsonNode r = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression).put("returnByValue", true));
        if (r.has("exceptionDetails")) {
            fail("script failed in the page: " + expression + ": " + r.path("exceptionDetails"));
        }
        return r.path("result").path("value").asText();
    }

    /** A screenshot of the page at this window size, written to {@code png}. */
    void screenshot(URI page, Path png, int width, int height) {
        call("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", width).put("height", height)
                .put("deviceScaleFactor", 1).put("mobile", false));
        open(page);
        String data = call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png")).path("data").asText();
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            Files.write(png, Base64.getDecoder().decode(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode call(String method, ObjectNode params) {
        return call(session, method, params);
    }

    private JsonNode call(String sessionId, String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        msg.set("params", params);
        if (sessionId != null) {
            msg.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(msg.toString(), true).join();
        try {
            JsonNode r = answer.get(TIMEOUT_S, TimeUnit.SECONDS);
            if (r.has("error")) {
                fail("DevTools " + method + " failed: " + r.path("error"));
            }
            return r.path("result");
        } catch (Exception e) {
            throw new IllegalStateException("DevTools " + method + " got no answer within " + TIMEOUT_S + " s", e);
        } finally {
            pending.remove(id);
        }
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            socket.abort();
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Gathers a message's parts; answers complete their call, the rest are events. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode msg = JSON.readTree(text.toString());
                    CompletableFuture<JsonNode> f = msg.has("id") ? pending.get(msg.path("id").asInt()) : null;
                    if (f != null) {
                        f.complete(msg);
                    } else if (!msg.has("id")) {
                        events.add(msg);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    text.setLength(0);
                }
            }
            ws.request(1);
            return null;
        }
    }
}
