package org.devicelink.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits on a condition, never on time: asks again every few milliseconds until it holds, and fails with what was last
 * seen once a wide guard (30 s) has passed. The guard only catches a hang; no test is timed by it.
 */
public final class Eventually {

    private static final Duration GUARD = Duration.ofSeconds(30);

    private Eventually() {}

    /** The first value of {@code call} that is {@code done}. */
    public static <T> T until(Supplier<T> call, Predicate<T> done) {
        Instant guard = Instant.now().plus(GUARD);
        T last = call.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(guard)) {
                throw new AssertionError("still not so after " + GUARD.toSeconds() + " s: " + last);
            }
            pause();
            last = call.get();
        }
        return last;
    }

    public static void until(String what, BooleanSupplier condition) {
        until(() -> condition.getAsBoolean() ? what : "not yet: " + what, seen -> seen.equals(what));
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
