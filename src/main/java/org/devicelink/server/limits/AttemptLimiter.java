package org.devicelink.server.limits;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.devicelink.server.store.AttemptCounters;

/**
 * Guessing limits (RFC 8628 §5.1 for user codes, and the local provider's passwords): failed attempts are counted per
 * subject (an account, a client address, a username), and a subject past its limit is locked out for a while. The
 * counts live in the database, so every node sees the same ones.
 */
public final class AttemptLimiter {

    /** What is counted, and how many failures it may have within the window. */
    public record Subject(String key, int limit) {
        public static Subject of(String kind, String id, int limit) {
            return new Subject(kind + ":" + id, limit);
        }
    }

    private final AttemptCounters counters;

    public AttemptLimiter(AttemptCounters counters) {
        this.counters = counters;
    }

    /** How long the longest lockout among the subjects still lasts; empty when none is locked out. */
    public Optional<Duration> lockedFor(List<Subject> subjects) {
        return subjects.stream().map(s -> counters.lockedFor(s.key())).flatMap(Optional::stream).max(Duration::compareTo);
    }

    /** Counts a failure against every subject; returns those it locked out just now. */
    public List<Subject> recordFailure(List<Subject> subjects) {
        var lockedNow = new java.util.ArrayList<Subject>();
        for (Subject subject : subjects) {
            if (counters.recordFailure(subject.key(), subject.limit())) {
                lockedNow.add(subject);
            }
        }
        return List.copyOf(lockedNow);
    }

    /** Forgets a subject's failures (a successful sign-in), unless it is locked out. */
    public void reset(Subject subject) {
        counters.reset(subject.key());
    }
}
