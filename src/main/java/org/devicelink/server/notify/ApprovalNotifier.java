package org.devicelink.server.notify;

/**
 * Between approve/deny and the token grant: tells whoever waits on a pending link (a device's held token poll, a
 * node's memory of pending codes) that it has been decided, on whichever node the decision was made. A link is named
 * by its device-code key.
 */
public interface ApprovalNotifier extends AutoCloseable {

    /**
     * A pending link was approved or denied. Called inside the deciding transaction: everyone is told once it commits
     * (so a listener that reads the link again sees the decision), and no one if it rolls back.
     */
    void decided(String key);

    /** Calls {@code listener} once, off the caller's thread, when the link is decided; closing the subscription stops that. */
    Subscription onDecided(String key, Runnable listener);

    /** Tells {@code observer} of every decision, before the link's own listeners. */
    void observe(Observer observer);

    /** Whether decisions are being heard right now; while not, nothing about a pending link may be answered from memory. */
    boolean tracking();

    @Override
    default void close() {}

    /** Hears of decisions on every link. */
    interface Observer {

        void decided(String key);

        /** Decisions may have been missed (a connection was lost or has just come back): forget what was remembered. */
        void lostTrack();
    }

    /** A listener's registration. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
