package org.devicelink.server.notify;

/**
 * Between approve/deny and the token grant: tells whoever waits on a pending link (a device's held token poll) that
 * it has been decided. Told after the decision is committed, so a listener that reads the link again sees it.
 */
public interface ApprovalNotifier {

    /** A pending link was approved or denied. */
    void decided(String pendingLinkId);

    /** Calls {@code listener} once when the link is decided; closing the subscription stops that. */
    Subscription onDecided(String pendingLinkId, Runnable listener);

    /** A listener's registration. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
