package org.devicelink.server.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts failed attempts per subject ("account:…", "address:…", "login:…") in a fixed window and locks a subject
 * out once it reaches its limit. The counters live in the database, so every node sees the same count.
 */
public final class AttemptCounters {

    private final Sql sql;
    private final Clock clock;
    private final Duration window;
    private final Duration lockout;

    public AttemptCounters(Sql sql, Clock clock, Duration window, Duration lockout) {
        this.sql = sql;
        this.clock = clock;
        this.window = window;
        this.lockout = lockout;
    }

    /** How long {@code subject} must still wait, when it is locked out. */
    public Optional<Duration> lockedFor(String subject) {
        Instant now = clock.instant();
        return sql.queryOne("SELECT locked_until FROM attempt_limits WHERE subject = ?", r -> r.instant("locked_until"), subject)
                .filter(now::isBefore)
                .map(until -> Duration.between(now, until));
    }

    /** Counts one failure; true when it is the one that locks the subject out. */
    public boolean recordFailure(String subject, int limit) {
        Instant now = clock.instant();
        Instant windowOpen = now.minus(window);
        return sql.inTransaction(() -> {
            int updated = sql.update("UPDATE attempt_limits SET failures = failures + 1 WHERE subject = ? AND window_started_at > ?",
                    subject, windowOpen);
            if (updated == 0) {
                updated = sql.update("UPDATE attempt_limits SET failures = 1, window_started_at = ?, locked_until = NULL "
                        + "WHERE subject = ? AND window_started_at <= ?", now, subject, windowOpen);
            }
            if (updated == 0) {
                try {
                    sql.update("INSERT INTO attempt_limits (subject, window_started_at, failures) VALUES (?, ?, 1)", subject, now);
                } catch (Sql.StoreException e) {
                    if (!Sql.isDuplicateKey(e)) {
                        throw e;
                    }
                    sql.update("UPDATE attempt_limits SET failures = failures + 1 WHERE subject = ?", subject);
                }
            }
            return sql.update("UPDATE attempt_limits SET locked_until = ? WHERE subject = ? AND failures >= ? AND locked_until IS NULL",
                    now.plus(lockout), subject, limit) == 1;
        });
    }

    /** Forgets a subject's failures (a successful sign-in). */
    public void reset(String subject) {
        sql.update("DELETE FROM attempt_limits WHERE subject = ? AND (locked_until IS NULL OR locked_until < ?)", subject, clock.instant());
    }
}
