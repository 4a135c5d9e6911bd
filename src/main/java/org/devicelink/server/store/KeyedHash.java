package org.devicelink.server.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 under the server's secret key: how user codes, device codes and refresh tokens are stored and
 * looked up. Without the key, a database dump cannot be turned back into a live code, and a 34-bit user code
 * cannot be brute-forced offline.
 */
public final class KeyedHash {

    private final SecretKeySpec key;
    /**
     * Per kind, a MAC keyed once and fed its label; each digest works on a copy, which is cheaper than looking the
     * algorithm up, keying it and labelling it again (a pending poll hashes its device code).
     */
    private final Map<Kind, Mac> prototypes = new EnumMap<>(Kind.class);

    public KeyedHash(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the hashing key needs at least 256 bits");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
        for (Kind kind : Kind.values()) {
            prototypes.put(kind, labelled(kind));
        }
    }

    /** A new secret to hand out and store only hashed: 256 random bits, base64url (device codes, refresh tokens). */
    public static String newToken(SecureRandom random) {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What a secret is; its label goes into the digest, so a user code never matches a token of the same text. */
    public enum Kind {
        // a waiting code's two keys are 128 bits: it lives minutes, and shorter keys keep it under 1 KB on disk
        USER_CODE("user-code", 16),
        DEVICE_CODE("device-code", 16),
        REFRESH_TOKEN("refresh-token", 32),
        SIGN_IN_CODE("idp-code", 32),
        SIGN_IN_REFRESH_TOKEN("idp-refresh-token", 32),
        /** The local provider's login form carries its authorization request signed with this. */
        SIGNED_REQUEST("authorization-request", 32),
        /** The approval page's session cookie, as {@code web_sessions} keeps it. */
        WEB_SESSION("web-session", 32),
        /** A session's CSRF token: derived from the session, so it needs no storage and fits no other session. */
        WEB_CSRF("web-csrf", 32),
        /** The approval page's sign-in state (PKCE verifier, state, return), signed into its cookie. */
        WEB_SIGN_IN("web-sign-in", 32),
        /** The local provider's mark on a browser a person has signed in from before, for one username. */
        KNOWN_BROWSER("known-browser", 32),
        /** The signature of a "This wasn't me" link's id: a link that was not ours is refused before any lookup. */
        UNWANTED_LINK("unwanted-link", 16);

        private final String label; // never change one: stored digests are computed with it
        private final int bytes;

        Kind(String label, int bytes) {
            this.label = label;
            this.bytes = bytes;
        }
    }

    /** Hex digest of {@code secret}, labelled by its kind (the first bytes of the HMAC, as many as the kind keeps). */
    public String of(Kind kind, String secret) {
        Mac mac = copy(kind);
        return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)), 0, kind.bytes);
    }

    private Mac copy(Kind kind) {
        try {
            return (Mac) prototypes.get(kind).clone();
        } catch (CloneNotSupportedException e) {
            return labelled(kind); // a provider that cannot copy
        }
    }

    private Mac labelled(Kind kind) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(kind.label.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
