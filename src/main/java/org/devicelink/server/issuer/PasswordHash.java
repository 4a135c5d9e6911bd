package org.devicelink.server.issuer;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Slow salted password hashes: PBKDF2-HMAC-SHA256 at 600,000 iterations (OWASP's 2023 figure), stored as
 * {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} so the cost can rise later without breaking old hashes.
 */
public final class PasswordHash {

    static final int ITERATIONS = 600_000;
    private static final String PREFIX = "pbkdf2-sha256";
    /**
     * The hash of a random password nobody knows: checked against when a username does not exist, so that a wrong
     * username costs the same time as a wrong password and timing does not reveal which names exist.
     */
    static final String NOBODY = "pbkdf2-sha256$600000$e8BbUpI7naWTRlqL5Orlcw$ZeE1MEbsvuNaRoiHFBP565sNzrm7shlS8HmJKTi3bqo";

    private PasswordHash() {}

    public static String of(char[] password, SecureRandom random) {
        var salt = new byte[16];
        random.nextBytes(salt);
        return PREFIX + "$" + ITERATIONS + "$" + b64(salt) + "$" + b64(derive(password, salt, ITERATIONS));
    }

    public static boolean matches(char[] password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password, salt, Integer.parseInt(parts[1])));
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            var spec = new PBEKeySpec(password, salt, iterations, 256);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }
}
