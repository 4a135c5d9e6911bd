package org.devicelink.server.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 under the server's secret key: how user codes, device codes and refresh tokens are stored and
 * looked up. Without the key, a database dump cannot be turned back into a live code, and a 34-bit user code
 * cannot be brute-forced offline.
 */
public final class KeyedHash {

    private final SecretKeySpec key;

    public KeyedHash(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the hashing key needs at least 256 bits");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** A new secret to hand out and store only hashed: 256 random bits, base64url (device codes, refresh tokens). */
    public static String newToken(java.security.SecureRandom random) {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What a secret is; its label goes into the digest, so a user code never matches a token of the same text. */
    public enum Kind {
        USER_CODE("user-code"),
        DEVICE_CODE("device-code"),
        REFRESH_TOKEN("refresh-token"),
        SIGN_IN_CODE("idp-code"),
        SIGN_IN_REFRESH_TOKEN("idp-refresh-token"),
        /** The local provider's login form carries its authorization request signed with this. */
        SIGNED_REQUEST("authorization-request");

        private final String label; // never change one: stored digests are computed with it

        Kind(String label) {
            this.label = label;
        }
    }

    /** Hex digest of {@code secret}, labelled by its kind. */
    public String of(Kind kind, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(kind.label.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
