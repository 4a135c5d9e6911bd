package org.devicelink.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A load balancer for tests, at the TCP level: each new connection goes to the first node still up. {@link #kill}
 * makes a node vanish as a crashed machine does: its connections cut mid-request, new ones sent to the next node.
 */
public final class TcpProxy implements AutoCloseable {

    private volatile List<Integer> nodePorts = List.of();
    private final Set<Integer> dead = ConcurrentHashMap.newKeySet();
    private final Set<Socket[]> open = ConcurrentHashMap.newKeySet();
    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    public TcpProxy() throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    /** The nodes behind it, in the order they are tried. */
    public void nodes(List<Integer> ports) {
        nodePorts = List.copyOf(ports);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The node on {@code nodePort} is gone: its connections are cut, and no new one reaches it. */
    public void kill(int nodePort) {
        dead.add(nodePort);
        for (Socket[] pair : open) {
            if (pair[1].getPort() == nodePort) {
                closeQuietly(pair[0]);
                closeQuietly(pair[1]);
            }
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                threads.execute(() -> connect(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void connect(Socket client) {
        for (int port : nodePorts) {
            if (dead.contains(port)) {
                continue;
            }
            try {
                var node = new Socket();
                node.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
                Socket[] pair = {client, node};
                open.add(pair);
                threads.execute(() -> pump(client, node, pair));
                threads.execute(() -> pump(node, client, pair));
                return;
            } catch (IOException e) {
                // that node is down: try the next
            }
        }
        closeQuietly(client);
    }

    private void pump(Socket from, Socket to, Socket[] pair) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side went away
        } finally {
            open.remove(pair);
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        open.forEach(pair -> {
            closeQuietly(pair[0]);
            closeQuietly(pair[1]);
        });
        threads.shutdownNow();
    }
}
