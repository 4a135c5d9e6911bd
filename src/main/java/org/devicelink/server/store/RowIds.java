package org.devicelink.server.store;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Row ids for tables written on the hot path: time-ordered UUIDs (RFC 9562 version 7, 74 random bits), so that each new
 * row lands at the end of its primary key's index rather than on a random page. With random ids every insert dirtied a
 * page of its own that the next durable write had to serialise again.
 */
public final class RowIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RowIds() {}

    public static String next(Instant now) {
        long millis = now.toEpochMilli();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFF);
        long low = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
