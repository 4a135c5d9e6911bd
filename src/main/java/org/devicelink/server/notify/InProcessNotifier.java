package org.devicelink.server.notify;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The approval notifier of one node: listeners and decisions meet in this process's memory. */
public final class InProcessNotifier implements ApprovalNotifier {

    private final Map<String, Set<Runnable>> listeners = new ConcurrentHashMap<>();

    @Override
    public void decided(String pendingLinkId) {
        Set<Runnable> waiting = listeners.remove(pendingLinkId);
        if (waiting != null) {
            waiting.forEach(Runnable::run);
        }
    }

    @Override
    public Subscription onDecided(String pendingLinkId, Runnable listener) {
        listeners.computeIfAbsent(pendingLinkId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(pendingLinkId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }
}
