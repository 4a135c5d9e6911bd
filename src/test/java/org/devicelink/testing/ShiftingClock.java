package org.devicelink.testing;

import java.time.Duration;
import java.time.Instant;

/** Real time plus a jump the test decides: codes can expire without the test sleeping ten minutes. */
public final class ShiftingClock extends UtcClock {

    private volatile Duration shift = Duration.ZERO;

    public void advance(Duration by) {
        shift = shift.plus(by);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift);
    }
}
