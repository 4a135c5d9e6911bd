package org.devicelink.server.limits;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How many device codes may be given out (RFC 10027's issuance limits): per address block and per app, counted in
 * this node's memory over one code lifetime, so that the count per block also bounds the codes waiting per block and
 * a flood writes a bounded number of rows. A block a device was reported from ("I didn't start this") gets a tenth of
 * its allowance for a day, on every node (the report is counted in the database).
 *
 * <p>Counting in memory keeps issuance free of extra writes; the price is that each node allows the limits on its own.
 * This computer's own address (loopback: the embedded default's simulator, a local proxy) is no network of strangers and
 * has no block limit; the app's still holds.
 */
public final class CodeIssuance {

    static final Duration REPORTED_FOR = Duration.ofDays(1);
    static final int REPORTED_CUT = 10;
    private static final String REPORTED = "reported-block:";

    /** Codes per block and per app within {@code window} (the code lifetime). */
    public record Limits(int perBlock, int perApp, Duration window) {}

    /** A count within the window that began at {@code startedAt}. */
    private static final class Count {
        long startedAt;
        int n;
    }

    private final Limits limits;
    private final AddressBlocks blocks;
    private final AttemptLimiter reports;
    private final Clock clock;
    private final Map<String, Count> counts = new HashMap<>(); // guarded by this

    public CodeIssuance(Limits limits, AddressBlocks blocks, AttemptLimiter reports, Clock clock) {
        this.limits = limits;
        this.blocks = blocks;
        this.reports = reports;
        this.clock = clock;
    }

    /** Counts a code for this app and address; empty when it may be given, else how long until one may. */
    public Optional<Duration> admit(String clientId, String address) {
        String block = blocks.blockOf(address);
        int perBlock = blocks.isLoopback(address) ? Integer.MAX_VALUE
                : reports.tallied(REPORTED + block, REPORTED_FOR) > 0 ? Math.max(1, limits.perBlock() / REPORTED_CUT) : limits.perBlock();
        long now = clock.millis();
        synchronized (this) {
            Count ofBlock = current("block " + block, now);
            Count ofApp = current("app " + clientId, now);
            Count full = ofBlock.n >= perBlock ? ofBlock : ofApp.n >= limits.perApp() ? ofApp : null;
            if (full != null) {
                return Optional.of(Duration.ofMillis(Math.max(1000, full.startedAt + limits.window().toMillis() - now)));
            }
            ofBlock.n++;
            ofApp.n++;
            return Optional.empty();
        }
    }

    /** A device from this address was reported by the person it asked: its block gets less for a day. */
    public void reported(String address) {
        reports.tally(REPORTED + blocks.blockOf(address), REPORTED_FOR);
    }

    /** Drops the counts whose window has passed (called every minute): memory follows the blocks of one window. */
    public synchronized void forgetPast() {
        long cutoff = clock.millis() - limits.window().toMillis();
        counts.values().removeIf(c -> c.startedAt <= cutoff);
    }

    private Count current(String key, long now) {
        Count count = counts.computeIfAbsent(key, k -> new Count());
        if (count.n == 0 || now - count.startedAt >= limits.window().toMillis()) {
            count.startedAt = now;
            count.n = 0;
        }
        return count;
    }
}
