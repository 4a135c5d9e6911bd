package org.devicelink.server.http;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;

/**
 * A connection whose first request has not arrived whole within the deadline is closed: a sender that dribbles its
 * headers a byte at a time (slowloris) cannot hold connections open. Idle timeouts cannot do this, since the sender
 * is never idle for long.
 */
public final class HeaderDeadline implements Connection.Listener {

    private final Duration deadline;
    private final ScheduledExecutorService timer;

    public HeaderDeadline(Duration deadline, ScheduledExecutorService timer) {
        this.deadline = deadline;
        this.timer = timer;
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection.getMessagesIn() < 0) {
            return; // a layer that does not count requests (TLS beneath HTTP): its HTTP connection is watched instead
        }
        timer.schedule(() -> {
            if (connection.getMessagesIn() == 0 && connection.getEndPoint().isOpen()) {
                connection.getEndPoint().close();
            }
        }, deadline.toMillis(), TimeUnit.MILLISECONDS);
    }
}
