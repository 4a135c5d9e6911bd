package org.devicelink.server.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Forgets what no one needs any more: device requests a week past their expiry (kept that long so support can say
 * what happened to a code), spent refresh tokens past their expiry, and attempt counters whose window closed long
 * ago. Every node may run it; the deletes are idempotent.
 */
public final class Housekeeping {

    static final Duration KEEP_EXPIRED_REQUESTS = Duration.ofDays(7);

    private final Sql sql;
    private final Clock clock;

    public Housekeeping(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** Returns how many rows were removed. */
    public int run() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(KEEP_EXPIRED_REQUESTS);
        new LinkedDeviceStore(sql).endUncollected(null, now);
        return sql.update("DELETE FROM pending_links WHERE expires_at < ?", cutoff)
                + sql.update("DELETE FROM refresh_tokens WHERE expires_at < ?", cutoff)
                + sql.update("DELETE FROM attempt_limits WHERE window_started_at < ? AND (locked_until IS NULL OR locked_until < ?)",
                        cutoff, now);
    }
}
