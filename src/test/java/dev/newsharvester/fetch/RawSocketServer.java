package dev.newsharvester.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP server on 127.0.0.1 that answers with whatever bytes a test scripts, for responses no HTTP server library
 * would send (endless headers, lying Content-Length, broken chunking, silence). It reads each request head, answers
 * {@code /robots.txt} with a 404, and hands every other request to the script. Never bind it anywhere but loopback.
 */
public final class RawSocketServer implements AutoCloseable {

    /** Writes the response for one request; may block (the server closes the socket when it returns). */
    @FunctionalInterface
    public interface Script {
        void respond(String requestHead, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final Script script;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private RawSocketServer(Script script) throws IOException {
        this.script = script;
        this.socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
        Thread acceptor = new Thread(this::accept, "raw-socket-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static RawSocketServer start(Script script) {
        try {
            return new RawSocketServer(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    /** The request heads received, robots.txt included. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "raw-socket-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            String head = readHead(s.getInputStream());
            requests.add(head);
            OutputStream out = s.getOutputStream();
            if (head.startsWith("GET /robots.txt ")) {
                out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                script.respond(head, out);
            }
            out.flush();
        } catch (IOException e) {
            // the client hung up (time limit, size cap): expected in these tests
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(s);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4 && head.size() < 65536) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
