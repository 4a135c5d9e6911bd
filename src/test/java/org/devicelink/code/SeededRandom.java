package org.devicelink.code;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A SecureRandom that gives the same bytes on every run, for tests that must see the same codes each time:
 * {@code new SecureRandom(seed)} ignores the seed on Linux (NativePRNG mixes in /dev/urandom); SHA1PRNG seeded before
 * its first use does not.
 */
public final class SeededRandom {

    private SeededRandom() {}

    public static SecureRandom of(long seed) {
        try {
            var random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is part of every JDK", e);
        }
    }
}
