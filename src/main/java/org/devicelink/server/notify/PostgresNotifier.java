package org.devicelink.server.notify;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.devicelink.server.store.Sql;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The approval notifier of nodes that share one PostgreSQL: a decision is a {@code NOTIFY} inside the deciding
 * transaction, so it reaches every node once it commits (and never if it rolls back), within milliseconds; each node
 * {@code LISTEN}s on a connection of its own and delivers to its own listeners. While that connection is lost, the node
 * says it is not tracking (nothing is answered from memory) and, once it is back, forgets what it remembered, since
 * decisions made in between were missed.
 */
public final class PostgresNotifier implements ApprovalNotifier {

    static final String CHANNEL = "devicelink_decided";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresNotifier.class);
    /** How often a quiet listening connection is checked: a dead one is noticed within this. */
    private static final int HEARTBEAT_MILLIS = 5_000;

    /** Opens the listener's own connection. */
    @FunctionalInterface
    public interface Connector {
        Connection open() throws SQLException;
    }

    private final Sql sql;
    private final InProcessNotifier local;
    private final Connector connector;
    private final Thread listener;
    private final CountDownLatch firstListen = new CountDownLatch(1);
    private volatile boolean tracking;
    private volatile boolean closed;
    private volatile Connection current;

    private PostgresNotifier(Sql sql, Connector connector) {
        this.sql = sql;
        this.local = new InProcessNotifier(sql);
        this.connector = connector;
        this.listener = Thread.ofPlatform().name("approval-listener").daemon().unstarted(this::listen);
    }

    /** Starts listening, and waits a few seconds for the first {@code LISTEN} (without it, nothing is answered from memory). */
    public static PostgresNotifier start(Sql sql, Connector connector) {
        var notifier = new PostgresNotifier(sql, connector);
        notifier.listener.start();
        try {
            notifier.firstListen.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return notifier;
    }

    @Override
    public void decided(String key) {
        sql.query("SELECT pg_notify(?, ?)", r -> null, CHANNEL, key);
        local.decided(key); // this node at once, on commit; its own NOTIFY, a moment later, finds nothing left to tell
    }

    @Override
    public Subscription onDecided(String key, Runnable listener) {
        return local.onDecided(key, listener);
    }

    @Override
    public void observe(Observer observer) {
        local.observe(observer);
    }

    @Override
    public boolean tracking() {
        return tracking;
    }

    private void listen() {
        long backoff = 100;
        while (!closed) {
            try (Connection connection = connector.open()) {
                current = connection;
                try (var statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                local.lostTrack(); // whatever was decided while not listening was missed
                tracking = true;
                firstListen.countDown();
                backoff = 100;
                var notifications = connection.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] received = notifications.getNotifications(HEARTBEAT_MILLIS);
                    if (received == null || received.length == 0) {
                        try (var statement = connection.createStatement()) {
                            statement.execute("SELECT 1"); // a quiet connection may be a dead one
                        }
                        continue;
                    }
                    for (PGNotification notification : received) {
                        local.deliver(notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (tracking) {
                    tracking = false;
                    local.lostTrack();
                    LOG.warn("Lost the connection that hears of approvals from other nodes ({}); polls read the database "
                            + "until it is back", e.getMessage());
                }
                if (!closed) {
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, 5_000);
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        tracking = false;
        Connection connection = current;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing to stop the listener; it is going anyway
            }
        }
        listener.interrupt();
        local.close();
    }
}
