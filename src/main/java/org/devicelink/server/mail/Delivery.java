package org.devicelink.server.mail;

import jakarta.mail.MessagingException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.devicelink.server.store.OutboxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds, on a thread of its own: at once when a commit wrote a message ({@link #nudge}), and
 * every little while for messages whose retry is due or that another node's crash left behind. A failed send is
 * tried again after {@link MailSettings#firstRetry}, doubled at each failure up to an hour; nothing is dropped.
 */
public final class Delivery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);
    /** How long a node holds a message it is sending: past it, a node that died mid-send has its message sent by another. */
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final int BATCH = 50;

    private final OutboxStore store;
    private final Transport transport;
    private final Duration firstRetry;
    private final Duration look;
    private final Clock clock;
    private final Semaphore cue = new Semaphore(0);
    private volatile boolean closed;
    private final Thread thread;

    private Delivery(OutboxStore store, Transport transport, Duration firstRetry, Clock clock) {
        this.store = store;
        this.transport = transport;
        this.firstRetry = firstRetry;
        this.look = firstRetry.compareTo(Duration.ofSeconds(30)) < 0 ? firstRetry : Duration.ofSeconds(30);
        this.clock = clock;
        this.thread = Thread.ofVirtual().name("mail-delivery").start(this::run);
    }

    /**
     * Delivers through SMTP when {@code settings} name a server, else into the data folder's outbox folder.
     *
     * @param soleNode whether this is the only node there can be (H2): what a killed predecessor held is let go at once
     */
    public static Delivery start(OutboxStore store, MailSettings settings, Path dataDir, boolean soleNode, Clock clock) {
        if (soleNode) {
            store.releaseAll();
        }
        Transport transport = settings.smtp() ? new SmtpTransport(settings) : new OutboxFolder(dataDir);
        return new Delivery(store, transport, settings.firstRetry(), clock);
    }

    /** A commit wrote a message: send it now rather than at the next look. */
    public void nudge() {
        cue.release();
    }

    private void run() {
        while (!closed) {
            try {
                while (!closed && deliverDue() == BATCH) {
                    // a full batch: there may be more
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not read the outbox (the database?); trying again shortly", e);
            }
            try {
                cue.tryAcquire(look.toMillis(), TimeUnit.MILLISECONDS);
                cue.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Sends every due message this node can take; returns how many were due. */
    int deliverDue() {
        List<OutboxStore.Entry> due = store.due(clock.instant(), BATCH);
        for (var entry : due) {
            if (closed || !store.take(entry.id(), clock.instant(), clock.instant().plus(LEASE))) {
                continue; // another node has it
            }
            try {
                transport.send(Outbox.read(entry.message()));
                store.sent(entry.id(), clock.instant());
            } catch (MessagingException e) {
                Instant retry = clock.instant().plus(retryAfter(entry.attempts() + 1));
                store.failed(entry.id(), retry, e.getMessage());
                LOG.warn("Could not send a {} notice (attempt {}); trying again at {}: {}", entry.kind(), entry.attempts() + 1, retry,
                        e.getMessage());
            }
        }
        return due.size();
    }

    /** The wait after the {@code failures}th failure: the first retry, doubled each time, at most an hour. */
    Duration retryAfter(int failures) {
        Duration wait = firstRetry;
        for (int i = 1; i < failures && wait.compareTo(LONGEST_WAIT) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** Finishes the message being sent (a few seconds at most), then stops; what is left is sent at the next start. */
    @Override
    public void close() {
        closed = true;
        cue.release();
        try {
            if (!thread.join(Duration.ofSeconds(5))) {
                thread.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
