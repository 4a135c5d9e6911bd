package org.devicelink.server.links;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.devicelink.protocol.ProblemType;
import org.devicelink.server.ApiProblem;
import org.devicelink.server.store.Sql;

/**
 * RFC 8628 §5.1: a user code has ~34.5 bits, so wrong guesses are counted per account and per client address in
 * a fixed window; past the limit the account or address is locked out and told when to come back. Counters live in
 * the database so every node sees the same count.
 */
public final class AttemptLimiter {

    private final Sql sql;
    private final Clock clock;
    private final int accountLimit;
    private final int addressLimit;
    private final Duration window;
    private final Duration lockout;

    public AttemptLimiter(Sql sql, Clock clock, int accountLimit, int addressLimit, Duration window, Duration lockout) {
        this.sql = sql;
        this.clock = clock;
        this.accountLimit = accountLimit;
        this.addressLimit = addressLimit;
        this.window = window;
        this.lockout = lockout;
    }

    /** Refuses with {@code too-many-attempts} and the wait while the account or the address is locked out. */
    public void checkNotLocked(String accountId, String address) {
        Instant now = clock.instant();
        for (String subject : new String[] {accountSubject(accountId), addressSubject(address)}) {
            var lockedUntil = sql.queryOne("SELECT locked_until FROM attempt_limits WHERE subject = ?",
                    r -> r.instant("locked_until"), subject).orElse(null);
            if (lockedUntil != null && now.isBefore(lockedUntil)) {
                long seconds = Math.max(1, Duration.between(now, lockedUntil).toSeconds() + 1);
                throw new ApiProblem(ProblemType.TOO_MANY_ATTEMPTS, "Too many wrong codes. Wait "
                        + waitText(seconds) + " before trying again, and check the code on your device.", seconds);
            }
        }
    }

    public void recordFailure(String accountId, String address) {
        count(accountSubject(accountId), accountLimit);
        count(addressSubject(address), addressLimit);
    }

    private void count(String subject, int limit) {
        Instant now = clock.instant();
        Instant windowOpen = now.minus(window);
        sql.inTransaction(() -> {
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
            sql.update("UPDATE attempt_limits SET locked_until = ? WHERE subject = ? AND failures >= ? AND locked_until IS NULL",
                    now.plus(lockout), subject, limit);
            return null;
        });
    }

    private static String accountSubject(String accountId) {
        return "account:" + accountId;
    }

    private static String addressSubject(String address) {
        return "address:" + address;
    }

    private static String waitText(long seconds) {
        return seconds < 90 ? seconds + " seconds" : ((seconds + 59) / 60) + " minutes";
    }
}
