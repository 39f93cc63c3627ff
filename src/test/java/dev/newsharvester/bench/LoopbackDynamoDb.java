package dev.newsharvester.bench;

import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import java.net.URI;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * DynamoDB Local, in memory, served over HTTP on 127.0.0.1 only, for a handler in another JVM. Its own server mode
 * listens on every interface; here its request handler is mounted on a Jetty connector bound to loopback.
 */
final class LoopbackDynamoDb implements AutoCloseable {

    private final Server jetty;
    private final LocalDynamoDBRequestHandler requests;
    private final URI endpoint;

    private LoopbackDynamoDb(Server jetty, LocalDynamoDBRequestHandler requests, URI endpoint) {
        this.jetty = jetty;
        this.requests = requests;
        this.endpoint = endpoint;
    }

    static LoopbackDynamoDb start() throws Exception {
        // (port unused, in memory, no db path, one shared database, no delayed table statuses) as ServerRunner does
        LocalDynamoDBRequestHandler requests = new LocalDynamoDBRequestHandler(0, true, null, true, false);
        LocalDynamoDBServerHandler handler = new LocalDynamoDBServerHandler(requests, null);
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        jetty.setHandler(new DynamoDBProxyServer(0, handler).setUpHandler(handler));
        jetty.start();
        return new LoopbackDynamoDb(jetty, requests, URI.create("http://127.0.0.1:" + connector.getLocalPort()));
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
        requests.shutdown();
    }
}
