package org.devicelink.server.links;

import java.time.Duration;
import java.util.List;
import org.devicelink.server.limits.AddressBlocks;
import org.devicelink.server.limits.AttemptLimiter;

/**
 * RFC 8628 §5.1 for user codes: which counts a code lookup goes against. An account and an address block each have a
 * short window (against bursts) and a day (against patient guessing); all wrong codes on the deployment are tallied,
 * and while they surge past the hourly budget each account's day allows a third as many.
 */
public final class CodeAttempts {

    static final Duration DAY = Duration.ofDays(1);
    static final Duration HOUR = Duration.ofHours(1);
    private static final String ALL_WRONG_CODES = "all-wrong-codes";

    private final AttemptLimiter limiter;
    private final AddressBlocks blocks;
    private final CodeLimits limits;

    public CodeAttempts(AttemptLimiter limiter, AddressBlocks blocks, CodeLimits limits) {
        this.limiter = limiter;
        this.blocks = blocks;
        this.limits = limits;
    }

    /** The counts one lookup by this account from this address goes against; the first is the account's own. */
    List<AttemptLimiter.Subject> subjects(String accountId, String address) {
        boolean surge = limiter.tallied(ALL_WRONG_CODES, HOUR) >= limits.allAccountsHourly();
        int accountDaily = surge ? Math.max(1, limits.perAccountDaily() / 3) : limits.perAccountDaily();
        String block = blocks.blockOf(address);
        return List.of(
                AttemptLimiter.Subject.of("account", accountId, limits.perAccount(), limits.window()),
                AttemptLimiter.Subject.of("account-day", accountId, accountDaily, DAY),
                AttemptLimiter.Subject.of("address", block, limits.perAddress(), limits.window()),
                AttemptLimiter.Subject.of("address-day", block, limits.perAddressDaily(), DAY));
    }

    AttemptLimiter.Attempt attempt(List<AttemptLimiter.Subject> subjects) {
        return limiter.attempt(subjects);
    }

    /** The code was a real one: the lookup counts against nobody. */
    void found(List<AttemptLimiter.Subject> subjects) {
        limiter.succeeded(subjects);
    }

    /** The code was wrong: it counts against its subjects, and goes into the deployment's tally. */
    void wrong(List<AttemptLimiter.Subject> subjects) {
        limiter.failed(subjects);
        limiter.tally(ALL_WRONG_CODES, HOUR);
    }
}
