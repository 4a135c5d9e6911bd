package org.devicelink.server.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A socket bound before the server is built, so that its port (any free one, for port 0) is known to the addresses
 * the server publishes, and nothing else can take it in between: picking a free port and binding it later raced with
 * other processes.
 */
public final class Listener implements AutoCloseable {

    /**
     * How many new connections may wait to be accepted: a crowd of devices that connect at once (a launch, a node
     * coming back) queues rather than being reset, as the default of 50 was.
     */
    private static final int ACCEPT_QUEUE = 4096;

    private final ServerSocketChannel channel;
    private final int port;

    private Listener(ServerSocketChannel channel) {
        this.channel = channel;
        this.port = channel.socket().getLocalPort();
    }

    /** Binds {@code host:port} now; port 0 takes any free port. */
    public static Listener bind(String host, int port) {
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open();
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(new InetSocketAddress(host, port), ACCEPT_QUEUE);
            channel.configureBlocking(true); // as Jetty's own accept channels are
            return new Listener(channel);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** Jetty's connector on this socket, speaking through {@code factories}; stopping the server closes the socket. */
    public ServerConnector connector(Server server, ConnectionFactory... factories) {
        var connector = new ServerConnector(server, factories);
        connector.setShutdownIdleTimeout(100); // a stopping node closes idle keep-alive connections at once, not after 1 s
        try {
            connector.open(channel);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return connector;
    }

    /** For a server that failed to start: its sockets are let go. */
    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(ServerSocketChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // closing a socket that is going away anyway
        }
    }
}
