package org.devicelink.server.oauth;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.devicelink.server.notify.ApprovalNotifier;
import org.devicelink.server.store.PendingLinkStore;

/**
 * This node's memory of the device codes still waiting to be approved, and of each one's pace: a pending poll is
 * answered from here with no database read and no write. An entry is forgotten the moment its code is decided (the
 * approval notifier tells every node), when it expires, and all of them when the notifier may have missed decisions.
 *
 * <p>Pace ({@code slow_down}) is kept per node, in memory only: a poll too early writes nothing, so a device that
 * hurries costs no more than one on time. A device that spreads its polls over N nodes can be answered at most N times
 * per interval, never more; each node lengthens the interval it tells by its own count.
 */
public final class PendingPolls implements ApprovalNotifier.Observer {

    /** A decision this recent may have been missed by a poll that read its row just before: it is not remembered. */
    private static final long RECENT_MILLIS = 60_000;

    /** What a poll needs to know of a waiting device code, in a few dozen bytes. */
    static final class Waiting {
        final String linkId;
        final String clientId;
        final long expiresAtMillis;
        private int interval;
        private long lastPollMillis = Long.MIN_VALUE;

        Waiting(PendingLinkStore.Row row) {
            this.linkId = row.id();
            this.clientId = row.clientId().intern(); // a handful of apps: one string each
            this.expiresAtMillis = row.expiresAt().toEpochMilli();
            this.interval = row.pollInterval();
        }

        boolean expiredAt(Instant now) {
            return now.toEpochMilli() >= expiresAtMillis;
        }

        /**
         * RFC 8628 §3.5: a poll closer to the previous one than the interval (less a fifth, for network jitter) is told
         * to slow down, for good: 5 s more, but never past what is left of the code's life (a device that keeps
         * hurrying is told to wait out its code, not hours). Returns the new interval then, or 0 when the poll is in time.
         */
        synchronized int pace(Instant now) {
            long millis = now.toEpochMilli();
            long soonest = lastPollMillis == Long.MIN_VALUE ? Long.MIN_VALUE : lastPollMillis + interval * 800L;
            lastPollMillis = millis;
            if (millis < soonest) {
                long left = Math.max(1, (expiresAtMillis - millis + 999) / 1000);
                interval = (int) Math.max(interval, Math.min(interval + 5L, left));
                return interval;
            }
            return 0;
        }
    }

    private final Map<String, Waiting> byKey = new ConcurrentHashMap<>();
    private final Map<String, Long> recentlyDecided = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();
    private volatile int pruneAt = 4096;
    private final ApprovalNotifier notifier;
    private final int maxEntries;
    private final Clock clock;

    /** @param maxEntries past this many, codes are not remembered (their polls read the database) */
    public PendingPolls(ApprovalNotifier notifier, int maxEntries, Clock clock) {
        this.notifier = notifier;
        this.maxEntries = maxEntries;
        this.clock = clock;
        notifier.observe(this);
    }

    /**
     * A fifth of the heap at 250 bytes a code (234 measured): 268,000 codes in the launcher's 320 MB, more than a launch
     * day keeps waiting on one node. Past it, polls read the database: a fiftieth had held 33,000, and a bench of 100,000
     * waiting codes then ran at half the rate.
     */
    public static int defaultMaxEntries() {
        return (int) Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / 5 / 250);
    }

    /** Taken before reading a row, handed to {@link #remember}: a row read before decisions were missed is not kept. */
    long epoch() {
        return epoch.get();
    }

    /**
     * Remembers a code that is waiting (just issued, or just read from its row since {@code epoch}) and returns what
     * its polls consult. A code decided meanwhile is not kept: the returned entry is then this poll's alone.
     */
    Waiting remember(PendingLinkStore.Row row, long epoch) {
        var fresh = new Waiting(row);
        String key = row.deviceCodeHash();
        if (!notifier.tracking() || byKey.size() >= maxEntries) {
            return fresh;
        }
        Waiting kept = byKey.putIfAbsent(key, fresh);
        // checked after the put, as decided() removes after noting: one of the two sees the other
        if (recentlyDecided.containsKey(key) || epoch != this.epoch.get()) {
            byKey.remove(key);
        }
        return kept != null ? kept : fresh;
    }

    Optional<Waiting> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    @Override
    public void decided(String key) {
        long now = clock.millis();
        recentlyDecided.put(key, now);
        byKey.remove(key);
        if (recentlyDecided.size() > pruneAt) { // grows with the rate of decisions, so pruning stays occasional
            recentlyDecided.values().removeIf(at -> at < now - RECENT_MILLIS);
            pruneAt = Math.max(4096, 2 * recentlyDecided.size());
        }
    }

    @Override
    public void lostTrack() {
        epoch.incrementAndGet();
        byKey.clear();
    }

    /** Drops the codes past their time (called every minute). Returns how many. */
    public int forgetExpired() {
        Instant now = clock.instant();
        int before = byKey.size();
        byKey.values().removeIf(w -> w.expiredAt(now));
        long cutoff = now.toEpochMilli() - RECENT_MILLIS;
        recentlyDecided.values().removeIf(at -> at < cutoff);
        return before - byKey.size();
    }

    public int size() {
        return byKey.size();
    }
}
