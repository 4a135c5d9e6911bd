package org.devicelink.server.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.devicelink.server.store.AttemptCounters;
import org.devicelink.server.store.Sql;

/**
 * Guessing limits (RFC 8628 §5.1 for user codes, and the local provider's passwords). Each attempt is counted against
 * its subjects (an account, an address block, a username) as in flight before it is judged, then given back when it
 * succeeds or kept when it fails, so only failures count and no concurrency overshoots a limit. A subject whose
 * failures reach its limit is locked out until its window ends: however short the lockout is set, a window never
 * allows more than its limit. Attempts in flight that fill the limit only hold new ones back for a second.
 */
public final class AttemptLimiter {

    /** What is counted, and how many failures it may have per window. */
    public record Subject(String key, int limit, Duration window) {
        public static Subject of(String kind, String id, int limit, Duration window) {
            return new Subject(kind + ":" + id, limit, window);
        }
    }

    /**
     * An attempt's verdict.
     *
     * @param refusedFor the wait, when a subject is locked out; empty when the attempt may go ahead
     * @param lockedNow  the subjects this attempt locked out
     * @param crowded    refused only while other attempts of the same subject are being judged
     */
    public record Attempt(Optional<Duration> refusedFor, List<Subject> lockedNow, boolean crowded) {
        public boolean refused() {
            return refusedFor.isPresent();
        }
    }

    private final Sql sql;
    private final AttemptCounters counters;
    private final Duration minLockout;

    public AttemptLimiter(Sql sql, AttemptCounters counters, Duration minLockout) {
        this.sql = sql;
        this.counters = counters;
        this.minLockout = minLockout;
    }

    /** Counts an attempt against every subject, or against none when one of them is locked out. */
    public Attempt attempt(List<Subject> subjects) {
        return sql.inTransaction(() -> {
            var counted = new ArrayList<Subject>();
            for (Subject subject : subjects) {
                var reservation = counters.reserve(subject.key(), subject.limit(), subject.window(), minLockout);
                if (reservation.lockedFor().isPresent()) {
                    counted.forEach(s -> counters.refund(s.key())); // refused: this attempt counts against nobody
                    return new Attempt(reservation.lockedFor(), reservation.lockedNow() ? List.of(subject) : List.of(),
                            reservation.crowded());
                }
                counted.add(subject);
            }
            return new Attempt(Optional.empty(), List.of(), false);
        });
    }

    /** The attempt succeeded: it does not count against its subjects. */
    public void succeeded(List<Subject> subjects) {
        sql.inTransaction(() -> {
            subjects.forEach(s -> counters.refund(s.key()));
            return null;
        });
    }

    /** The attempt failed: it counts against every subject for the rest of their windows. */
    public void failed(List<Subject> subjects) {
        sql.inTransaction(() -> {
            subjects.forEach(s -> counters.fail(s.key()));
            return null;
        });
    }

    /** Forgets a subject's failures (a successful sign-in), unless it is locked out. */
    public void reset(Subject subject) {
        counters.reset(subject.key());
    }

    /** Counts a failure of any subject toward a deployment-wide tally (wrong codes across all accounts). */
    public void tally(String key, Duration window) {
        counters.tally(key, window);
    }

    /** How many failures the tally has counted in its current window. */
    public int tallied(String key, Duration window) {
        return counters.count(key, window);
    }
}
