package org.devicelink.server.accounts;

import java.util.concurrent.atomic.AtomicReference;
import org.devicelink.server.notify.ApprovalNotifier;

/**
 * Tells the open companions of a family (or of one account outside any) that something of theirs changed: a child's
 * request arrived or was decided, a device was linked, renamed or unlinked. It rides the approval notifier, so it
 * reaches every node the same way, and only once the change commits. What changed is not said: a companion reads
 * again what it shows, so an event can neither leak another family's data nor go stale on the way.
 */
public final class AccountChanges {

    private final ApprovalNotifier notifier;

    public AccountChanges(ApprovalNotifier notifier) {
        this.notifier = notifier;
    }

    /** Inside the changing transaction: {@code actor} (the owner, or the owner's parent) and their family are told. */
    public void changed(Account actor) {
        notifier.decided(key(actor));
    }

    /** Calls {@code listener}, off the caller's thread, after every change of {@code account}'s, until closed. */
    public ApprovalNotifier.Subscription onChange(Account account, Runnable listener) {
        var repeating = new Repeating(key(account), listener);
        repeating.subscribe();
        return repeating;
    }

    /** One name for everyone who sees the same devices and requests: the family, or the lone account. */
    static String key(Account account) {
        return account.familyRole() != null ? "family " + account.issuer() + " " + account.familyId() : "account " + account.id();
    }

    /** The notifier calls a listener once: this one subscribes again before it tells, so no change falls in between. */
    private final class Repeating implements ApprovalNotifier.Subscription {
        private final String key;
        private final Runnable listener;
        private final AtomicReference<ApprovalNotifier.Subscription> current = new AtomicReference<>();
        private volatile boolean closed;

        Repeating(String key, Runnable listener) {
            this.key = key;
            this.listener = listener;
        }

        void subscribe() {
            current.set(notifier.onDecided(key, () -> {
                if (!closed) {
                    subscribe();
                    listener.run();
                }
            }));
        }

        @Override
        public void close() {
            closed = true;
            var subscription = current.get();
            if (subscription != null) {
                subscription.close();
            }
        }
    }
}
