package org.devicelink.server.store;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Attempts counted per subject ("account:…", "address:…", "login:…") in fixed windows, in the database so every node
 * sees the same counts. An attempt is counted as in flight before it is judged (reserved), then given back when it
 * succeeds or kept as a failure; the check and the count are one locked step, so no number of concurrent attempts
 * gets past a limit.
 */
public final class AttemptCounters {

    private final Sql sql;
    private final Clock clock;

    public AttemptCounters(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /**
     * What a reservation found.
     *
     * @param lockedFor  how long the subject must still wait; empty when the attempt may go ahead (and is counted)
     * @param lockedNow  whether this reservation is the one that locked the subject out
     * @param crowded    refused only because attempts still being judged fill the limit (nothing is locked)
     */
    public record Reservation(Optional<Duration> lockedFor, boolean lockedNow, boolean crowded) {}

    /** While attempts still being judged fill the limit, a new one waits this long (nothing is locked for it). */
    static final Duration WHILE_OTHERS_ARE_JUDGED = Duration.ofSeconds(1);

    private record Counter(Instant windowStartedAt, int failures, int inFlight, Instant lockedUntil) {}

    /**
     * Counts one attempt against {@code subject} as in flight, unless it is locked out. A subject whose failures have
     * reached {@code limit} in its window is locked out until the window ends (at least {@code minLockout} from now).
     * While failures and attempts in flight together fill the limit, the attempt is refused for a second and nothing
     * is locked: attempts that then succeed (many lookups at once by one account) never lock anyone out.
     * Runs in the caller's transaction when there is one, so several subjects are reserved together or not at all.
     */
    public Reservation reserve(String subject, int limit, Duration window, Duration minLockout) {
        Instant now = clock.instant();
        return sql.inTransaction(() -> {
            if (sql.insertUnlessPresent("INSERT INTO attempt_limits (subject, window_started_at, failures, in_flight) VALUES (?, ?, 0, 1)",
                    subject, now)) {
                return new Reservation(Optional.empty(), false, false);
            }
            Counter c = lockedRow(subject).orElseThrow(); // there already (perhaps counted by another node a moment ago)
            if (c.lockedUntil() != null && now.isBefore(c.lockedUntil())) {
                return new Reservation(Optional.of(Duration.between(now, c.lockedUntil())), false, false);
            }
            boolean windowOver = !now.isBefore(c.windowStartedAt().plus(window)) || c.lockedUntil() != null;
            if (windowOver) {
                sql.update("UPDATE attempt_limits SET failures = 0, in_flight = 1, window_started_at = ?, locked_until = NULL WHERE "
                        + "subject = ?",
                        now, subject);
                return new Reservation(Optional.empty(), false, false);
            }
            if (c.failures() >= limit) {
                Instant windowEnd = c.windowStartedAt().plus(window);
                Instant until = windowEnd.isAfter(now.plus(minLockout)) ? windowEnd : now.plus(minLockout);
                sql.update("UPDATE attempt_limits SET locked_until = ? WHERE subject = ?", until, subject);
                return new Reservation(Optional.of(Duration.between(now, until)), true, false);
            }
            if (c.failures() + c.inFlight() >= limit) {
                return new Reservation(Optional.of(WHILE_OTHERS_ARE_JUDGED), false, true);
            }
            sql.update("UPDATE attempt_limits SET in_flight = in_flight + 1 WHERE subject = ?", subject);
            return new Reservation(Optional.empty(), false, false);
        });
    }

    /** A reserved attempt succeeded (or was not judged): it counts against nobody. */
    public void refund(String subject) {
        sql.update("UPDATE attempt_limits SET in_flight = in_flight - 1 WHERE subject = ? AND in_flight > 0", subject);
    }

    /** A reserved attempt failed: it counts, for the rest of the window. */
    public void fail(String subject) {
        sql.update("UPDATE attempt_limits SET in_flight = CASE WHEN in_flight > 0 THEN in_flight - 1 ELSE 0 END, "
                + "failures = failures + 1 WHERE subject = ?", subject);
    }

    /** How many failures {@code subject} has had in its current window (0 once the window is over). */
    public int count(String subject, Duration window) {
        Instant now = clock.instant();
        return sql.queryOne("SELECT window_started_at, failures, in_flight, locked_until FROM attempt_limits WHERE subject = ?",
                AttemptCounters::map, subject)
                .filter(c -> now.isBefore(c.windowStartedAt().plus(window)))
                .map(Counter::failures).orElse(0);
    }

    /** Counts one attempt without a limit (a tally, such as all wrong codes on this deployment). */
    public void tally(String subject, Duration window) {
        Instant now = clock.instant();
        sql.inTransaction(() -> {
            if (sql.insertUnlessPresent("INSERT INTO attempt_limits (subject, window_started_at, failures) VALUES (?, ?, 1)", subject,
                    now)) {
                return null;
            }
            if (!now.isBefore(lockedRow(subject).orElseThrow().windowStartedAt().plus(window))) {
                sql.update("UPDATE attempt_limits SET failures = 1, window_started_at = ? WHERE subject = ?", now, subject);
            } else {
                sql.update("UPDATE attempt_limits SET failures = failures + 1 WHERE subject = ?", subject);
            }
            return null;
        });
    }

    /** Forgets a subject's attempts (a successful sign-in), unless it is locked out. */
    public void reset(String subject) {
        sql.update("DELETE FROM attempt_limits WHERE subject = ? AND (locked_until IS NULL OR locked_until < ?)", subject, clock.instant());
    }

    /** The subject's row, locked for this transaction: the check and the count that follows cannot interleave. */
    private Optional<Counter> lockedRow(String subject) {
        return sql.queryOne("SELECT window_started_at, failures, in_flight, locked_until FROM attempt_limits WHERE subject = ? FOR UPDATE",
                AttemptCounters::map, subject);
    }

    private static Counter map(Sql.Row r) throws SQLException {
        return new Counter(r.instant("window_started_at"), r.integer("failures"), r.integer("in_flight"), r.instant("locked_until"));
    }
}
