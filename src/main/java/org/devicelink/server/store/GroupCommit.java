package org.devicelink.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Durable before acknowledged, on an H2 file: a request that wrote waits, before its answer goes out, until a
 * checkpoint that began after its commit has put it on disk (with {@code sync}, through to the device: it survives a
 * power cut). One checkpoint serves every commit made before it began, so concurrent requests share its cost (group
 * commit) rather than each paying for a write of their own.
 */
public final class GroupCommit implements AutoCloseable {

    private static final Duration GIVE_UP = Duration.ofSeconds(10);

    private final DataSource dataSource;
    private final String checkpoint;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread flusher;
    private long requested;
    private long completed;
    private SQLException failure;
    private volatile boolean running = true;

    /** @param sync whether a checkpoint also forces the file to the device (fsync), or only writes it to the OS */
    public GroupCommit(DataSource dataSource, boolean sync) {
        this.dataSource = dataSource;
        this.checkpoint = sync ? "CHECKPOINT SYNC" : "CHECKPOINT";
        this.flusher = Thread.ofPlatform().name("group-commit").daemon().start(this::flushWhenAsked);
    }

    /** Returns once everything this thread committed is on disk; throws when the disk could not be written. */
    public void awaitDurable() {
        lock.lock();
        try {
            long ticket = ++requested;
            changed.signalAll();
            long deadline = System.nanoTime() + GIVE_UP.toNanos();
            while (completed < ticket) {
                if (failure != null) {
                    throw new Sql.StoreException(failure);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new Sql.StoreException(new SQLException("the database did not reach the disk within " + GIVE_UP.toSeconds()
                            + " s"));
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Sql.StoreException(new SQLException("interrupted while waiting for the disk", e));
        } finally {
            lock.unlock();
        }
    }

    private void flushWhenAsked() {
        while (running) {
            long upTo;
            lock.lock();
            try {
                while (requested == completed && running) {
                    changed.await(1, TimeUnit.SECONDS);
                }
                upTo = requested;
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            SQLException failed = null;
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(checkpoint);
            } catch (SQLException e) {
                failed = e;
            }
            lock.lock();
            try {
                failure = failed;
                if (failed == null) {
                    completed = upTo;
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            if (failed != null) {
                try {
                    Thread.sleep(100); // the disk is failing: answer the waiters, try again shortly
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        flusher.interrupt();
    }
}
