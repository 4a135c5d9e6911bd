package org.devicelink.server.links;

import java.time.Duration;
import java.util.Optional;
import org.devicelink.protocol.ProblemType;
import org.devicelink.server.ApiProblem;
import org.devicelink.server.store.AttemptCounters;

/**
 * RFC 8628 §5.1: a user code has ~34.5 bits, so wrong guesses are counted per account and per client address;
 * past the limit the account or address is locked out and told when to come back.
 */
public final class AttemptLimiter {

    private final AttemptCounters counters;
    private final int accountLimit;
    private final int addressLimit;

    public AttemptLimiter(AttemptCounters counters, int accountLimit, int addressLimit) {
        this.counters = counters;
        this.accountLimit = accountLimit;
        this.addressLimit = addressLimit;
    }

    /** Refuses with {@code too-many-attempts} and the wait while the account or the address is locked out. */
    public void checkNotLocked(String accountId, String address) {
        Optional<Duration> wait = counters.lockedFor(accountSubject(accountId)).or(() -> counters.lockedFor(addressSubject(address)));
        if (wait.isPresent()) {
            throw new ApiProblem(ProblemType.TOO_MANY_ATTEMPTS, "Too many wrong codes. Wait " + AttemptCounters.waitText(wait.get())
                    + " before trying again, and check the code on your device.", AttemptCounters.retryAfterSeconds(wait.get()));
        }
    }

    public void recordFailure(String accountId, String address) {
        counters.recordFailure(accountSubject(accountId), accountLimit);
        counters.recordFailure(addressSubject(address), addressLimit);
    }

    private static String accountSubject(String accountId) {
        return "account:" + accountId;
    }

    private static String addressSubject(String address) {
        return "address:" + address;
    }
}
