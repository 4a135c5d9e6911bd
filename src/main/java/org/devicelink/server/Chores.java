package org.devicelink.server;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/** A node's periodic work (sweeps, rebuilt metadata), one at a time on a thread of its own, apart from requests. */
final class Chores implements AutoCloseable {

    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("housekeeping").factory());

    /** Runs {@code chore} every so many minutes, the first time a minute from now; a failure is logged and tried again. */
    void every(int minutes, String whenFailed, Runnable chore) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                chore.run();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(Chores.class).warn(whenFailed, e);
            }
        }, 1, minutes, TimeUnit.MINUTES);
    }

    /** Stops at once: a chore cut short runs again at the next start, on whichever node. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
