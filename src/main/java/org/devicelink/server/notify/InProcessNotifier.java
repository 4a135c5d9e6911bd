package org.devicelink.server.notify;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.devicelink.server.store.Sql;

/**
 * The approval notifier of one node: decisions and listeners meet in this process's memory (the embedded default,
 * and every node's own delivery). Listeners run on virtual threads of their own, never on the deciding request's.
 */
public final class InProcessNotifier implements ApprovalNotifier {

    private final Sql sql;
    private final Map<String, Set<Runnable>> listeners = new ConcurrentHashMap<>();
    private final List<Observer> observers = new CopyOnWriteArrayList<>();
    private final ExecutorService delivery = Executors.newVirtualThreadPerTaskExecutor();

    public InProcessNotifier(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void decided(String key) {
        sql.afterCommit(() -> deliver(key));
    }

    /** Tells this node's observers and listeners of a committed decision. */
    void deliver(String key) {
        observers.forEach(o -> o.decided(key));
        Set<Runnable> waiting = listeners.remove(key);
        if (waiting != null) {
            waiting.forEach(delivery::execute);
        }
    }

    /** Decisions may have been missed: observers forget, and every listener is told (it reads its link again). */
    void lostTrack() {
        observers.forEach(Observer::lostTrack);
        for (String key : listeners.keySet()) {
            Set<Runnable> waiting = listeners.remove(key);
            if (waiting != null) {
                waiting.forEach(delivery::execute);
            }
        }
    }

    @Override
    public Subscription onDecided(String key, Runnable listener) {
        listeners.compute(key, (k, set) -> { // atomic with deliver's remove: a listener is never added to a delivered set
            Set<Runnable> added = set != null ? set : ConcurrentHashMap.newKeySet();
            added.add(listener);
            return added;
        });
        return () -> listeners.computeIfPresent(key, (k, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    @Override
    public void observe(Observer observer) {
        observers.add(observer);
    }

    @Override
    public boolean tracking() {
        return true;
    }

    /** How many links have a listener on this node. */
    public int waiting() {
        return listeners.size();
    }

    @Override
    public void close() {
        delivery.shutdownNow();
    }
}
