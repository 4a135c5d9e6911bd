package org.devicelink.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Stored digests outlive releases: these are HMAC-SHA-256(key, label NUL secret), computed outside Java. */
class KeyedHashTest {

    private final KeyedHash hash = new KeyedHash(key());

    @Test
    void digestsStayWhatTheDatabaseHolds() {
        assertThat(hash.of(KeyedHash.Kind.DEVICE_CODE, "abc")).isEqualTo("fe78cf78927c1d015bc74d58a7555a51");
        assertThat(hash.of(KeyedHash.Kind.REFRESH_TOKEN, "tök"))
                .isEqualTo("8a759d81edc2444d2c605a765f6c045316f26e0d6a58dce80c7a018c29206d9b");
        // every copy starts from the labelled prototype, not from what the last digest left in it
        assertThat(hash.of(KeyedHash.Kind.DEVICE_CODE, "abc")).isEqualTo("fe78cf78927c1d015bc74d58a7555a51");
    }

    private static byte[] key() {
        var key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        return key;
    }
}
