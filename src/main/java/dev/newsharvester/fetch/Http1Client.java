package dev.newsharvester.fetch;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.net.SocketFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A minimal HTTP/1.1 client: one GET per connection ({@code Connection: close}), to addresses given by the caller.
 * It exists because {@link java.net.http.HttpClient} resolves host names itself, so the address it connects to is
 * not necessarily the one the {@link AddressGuard} checked. Here the socket is connected to a checked address, and
 * the name stays what TLS sees: SNI and certificate verification ({@code HTTPS} endpoint identification) use the
 * URL's host, exactly as with a resolving client.
 *
 * <p>This class owns the connection: connecting to the checked addresses, TLS, and writing the request. Reading is
 * defensive and lives in two classes of its own: {@link ResponseReader} reads the response head (capped at
 * {@value ResponseReader#MAX_HEAD_BYTES} bytes), and {@link BodyFraming} frames the body by chunked encoding,
 * Content-Length or connection close (RFC 9112 section 6.3), where a body shorter than announced is an error, not a
 * short page.
 */
final class Http1Client {

    private final SocketFactory sockets;
    private final SSLSocketFactory tls;
    private final Duration connectTimeout;

    Http1Client(SocketFactory sockets, SSLSocketFactory tls, Duration connectTimeout) {
        this.sockets = sockets;
        this.tls = tls;
        this.connectTimeout = connectTimeout;
    }

    /** Thrown when no address accepted a connection within the connect timeout. */
    static final class ConnectTimeoutException extends SocketTimeoutException {
        ConnectTimeoutException(String message) {
            super(message);
        }
    }

    /** A response whose head has been read; the body is read from {@link #body()}. Close it to drop the connection. */
    record Response(int status, HttpHeaders headers, InputStream body, Closeable connection) implements Closeable {
        @Override
        public void close() throws IOException {
            connection.close();
        }
    }

    /**
     * Sends a GET and reads the response head.
     *
     * @param addresses checked addresses of {@code target.host()}, tried in order
     * @param headers   request headers as name/value pairs (Host and Connection are added here)
     */
    Response get(Target target, List<InetAddress> addresses, List<String[]> headers, Deadline deadline)
            throws IOException {
        Socket socket = connect(target, addresses, deadline);
        boolean ok = false;
        try {
            if (target.https()) {
                socket = startTls(socket, target, deadline);
            }
            // A backstop only: the deadline closes the socket when time is up, however the server spaces its bytes.
            socket.setSoTimeout(deadline.remainingMillis() + 250);
            OutputStream out = socket.getOutputStream();
            out.write(request(target, headers));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            Response response = ResponseReader.read(in, socket);
            ok = true;
            return response;
        } finally {
            if (!ok) {
                socket.close();
            }
        }
    }

    private Socket connect(Target target, List<InetAddress> addresses, Deadline deadline) throws IOException {
        IOException last = null;
        boolean timedOut = false;
        for (InetAddress address : addresses) {
            Socket s = sockets.createSocket();
            deadline.guard(s);
            try {
                int timeout = (int) Math.min(connectTimeout.toMillis(), deadline.remainingMillis());
                s.connect(new InetSocketAddress(address, target.port()), Math.max(1, timeout));
                s.setTcpNoDelay(true);
                return s;
            } catch (SocketTimeoutException e) {
                timedOut = true;
                last = e;
                s.close();
            } catch (IOException e) {
                last = e;
                s.close();
            }
            if (deadline.expired()) {
                break;
            }
        }
        if (timedOut) {
            throw new ConnectTimeoutException("no connection to " + target.hostHeader());
        }
        throw last instanceof ConnectException ? last
                : new ConnectException(last == null ? "no address" : last.getMessage());
    }

    private Socket startTls(Socket plain, Target target, Deadline deadline) throws IOException {
        SSLSocket ssl = (SSLSocket) tls.createSocket(plain, target.host(), target.port(), true);
        deadline.guard(ssl);
        SSLParameters p = ssl.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the URL's host
        if (!target.hostIsLiteral()) {
            try {
                p.setServerNames(List.of(new SNIHostName(target.host())));
            } catch (IllegalArgumentException e) {
                // not a valid SNI name (e.g. an underscore): send none; the certificate check still applies
            }
        }
        p.setApplicationProtocols(new String[] {"http/1.1"});
        ssl.setSSLParameters(p);
        ssl.setSoTimeout(deadline.remainingMillis() + 250);
        ssl.startHandshake();
        return ssl;
    }

    private static byte[] request(Target target, List<String[]> headers) {
        StringBuilder sb = new StringBuilder(512);
        sb.append("GET ").append(target.requestTarget()).append(" HTTP/1.1\r\n");
        sb.append("Host: ").append(target.hostHeader()).append("\r\n");
        for (String[] h : headers) {
            sb.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        sb.append("Connection: close\r\n\r\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** True when the value can be sent as a header value: no control characters that could split the header. */
    static boolean isSafeHeaderValue(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f || c > 0xff) {
                return false;
            }
        }
        return true;
    }
}
