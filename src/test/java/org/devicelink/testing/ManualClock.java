package org.devicelink.testing;

import java.time.Duration;
import java.time.Instant;

/** A clock that stands still until the test moves it: view models count down without a test waiting. */
public final class ManualClock extends UtcClock {

    private volatile Instant now;

    public ManualClock(Instant now) {
        this.now = now;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
