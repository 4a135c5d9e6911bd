package org.devicelink.server.issuer;

import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devicelink.protocol.LocalSignIn;
import org.devicelink.protocol.OAuthError;
import org.devicelink.protocol.Pkce;
import org.devicelink.server.http.OAuthProblem;
import org.devicelink.server.store.KeyedHash;
import org.devicelink.server.store.LocalUserStore;
import org.devicelink.server.store.SignInStore;
import org.devicelink.server.store.Sql;
import org.devicelink.server.tokens.SigningKey;
import org.devicelink.server.tokens.TokenRotation;

/**
 * The local provider's grants: one-time authorization codes (60 s, PKCE-bound) and the sign-ins they start, with
 * rotating refresh tokens; and the tokens MSAL expects back: an access token for the link server's API, an ID token,
 * and {@code client_info}.
 */
final class IssuerGrants {

    static final Duration CODE_LIFETIME = Duration.ofSeconds(60);

    private final Sql sql;
    private final SignInStore store;
    private final LocalUsers users;
    private final SigningKey key;
    private final TokenRotation rotation;
    private final KeyedHash hash;
    private final String issuer;
    private final Duration accessLifetime;
    private final Duration refreshLifetime;
    private final Clock clock;
    private final SecureRandom random;

    IssuerGrants(Sql sql, SignInStore store, LocalUsers users, SigningKey key, TokenRotation rotation, KeyedHash hash,
                 String issuer, Duration accessLifetime, Duration refreshLifetime, Clock clock, SecureRandom random) {
        this.sql = sql;
        this.store = store;
        this.users = users;
        this.key = key;
        this.rotation = rotation;
        this.hash = hash;
        this.issuer = issuer;
        this.accessLifetime = accessLifetime;
        this.refreshLifetime = refreshLifetime;
        this.clock = clock;
        this.random = random;
    }

    String issueCode(LocalUserStore.User user, AuthorizationRequest request) {
        String code = KeyedHash.newToken(random);
        store.insertCode(hash.of(KeyedHash.Kind.SIGN_IN_CODE, code), new SignInStore.Code(user.id(), request.clientId(),
                request.redirectUri(), request.codeChallenge(), request.scope(), request.nonce(), clock.instant().plus(CODE_LIFETIME),
                null, UUID.randomUUID().toString()));
        return code;
    }

    Map<String, Object> exchangeCode(String clientId, String code, String redirectUri, String verifier) {
        require(clientId, "client_id");
        require(code, "code");
        String codeHash = hash.of(KeyedHash.Kind.SIGN_IN_CODE, code);
        Instant now = clock.instant();
        SignInStore.Code stored = store.findCode(codeHash)
                .orElseThrow(() -> new OAuthProblem(OAuthError.INVALID_GRANT, "Unknown authorization code."));
        if (stored.usedAt() != null) {
            // RFC 6749 §4.1.2: a replayed code revokes what the first use obtained
            store.endGrant(stored.grantId(), now);
            throw new OAuthProblem(OAuthError.INVALID_GRANT, "This authorization code was already used.");
        }
        if (!now.isBefore(stored.expiresAt())) {
            throw new OAuthProblem(OAuthError.INVALID_GRANT, "The authorization code has expired: sign in again.");
        }
        if (!stored.clientId().equals(clientId) || !stored.redirectUri().equals(redirectUri)) {
            throw new OAuthProblem(OAuthError.INVALID_GRANT, "The code was issued to another client or redirect_uri.");
        }
        if (verifier == null || !verifier.matches("[A-Za-z0-9._~-]{43,128}")) {
            throw new OAuthProblem(OAuthError.INVALID_GRANT, "A PKCE code_verifier of 43 to 128 characters is required.");
        }
        if (!MessageDigest.isEqual(Pkce.challenge(verifier).getBytes(StandardCharsets.US_ASCII),
                stored.challenge().getBytes(StandardCharsets.US_ASCII))) {
            throw new OAuthProblem(OAuthError.INVALID_GRANT, "The code_verifier does not match the code_challenge.");
        }
        return sql.inTransaction(() -> {
            if (!store.useCode(codeHash, now)) {
                throw new OAuthProblem(OAuthError.INVALID_GRANT, "This authorization code was already used.");
            }
            var grant = new SignInStore.Grant(stored.grantId(), stored.userId(), clientId, stored.scope());
            store.startGrant(grant, now);
            return tokens(grant, stored.nonce());
        });
    }

    boolean active(String grantId) {
        return store.active(grantId);
    }

    Map<String, Object> refresh(String clientId, String refreshToken) {
        require(clientId, "client_id");
        require(refreshToken, "refresh_token");
        var result = rotation.rotate(store.refreshTokens(), hash.of(KeyedHash.Kind.SIGN_IN_REFRESH_TOKEN, refreshToken), clientId,
                clock.instant(), grantId -> tokens(store.findGrant(grantId).orElseThrow(), null), grantId -> { });
        return switch (result) {
            case TokenRotation.Result.Rotated<Map<String, Object>>(var issued) -> issued;
            case TokenRotation.Result.Refused<Map<String, Object>>(var refusal, var token) -> throw switch (refusal) {
                case UNKNOWN -> new OAuthProblem(OAuthError.INVALID_GRANT, "Unknown refresh token: sign in again.");
                case OTHER_CLIENT, ENDED -> new OAuthProblem(OAuthError.INVALID_GRANT, "This sign-in has ended: sign in again.");
                case EXPIRED -> new OAuthProblem(OAuthError.INVALID_GRANT, "The sign-in has expired: sign in again.");
                case REUSED -> new OAuthProblem(OAuthError.INVALID_GRANT,
                        "This refresh token was already used, so the sign-in was ended for safety: sign in again.");
            };
        };
    }

    /** The token response MSAL reads: tokens, scope (as granted, so its cache finds them), expiry, client_info. */
    private Map<String, Object> tokens(SignInStore.Grant grant, String nonce) {
        LocalUserStore.User user = users.findById(grant.userId())
                .orElseThrow(() -> new OAuthProblem(OAuthError.INVALID_GRANT, "The account no longer exists."));
        Instant now = clock.instant();
        String scope = grant.scope();
        var access = new JWTClaimsSet.Builder()
                .issuer(issuer).subject(user.id()).audience(LocalSignIn.API_AUDIENCE)
                .claim("scp", scope.contains(LocalSignIn.API_SCOPE) ? LocalSignIn.API_SCOPE : "")
                .claim("azp", grant.clientId()).claim("oid", user.id()).claim("tid", LocalSignIn.TENANT)
                .claim("name", user.displayName()).claim("preferred_username", user.username())
                .claim("roles", List.of(user.role().wire()))
                .claim("sid", grant.id()) // the sign-in: when it ends, this token stops (BearerTokens.SignIns)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plus(accessLifetime)))
                .jwtID(UUID.randomUUID().toString());
        if (user.familyId() != null) {
            access.claim("family", user.familyId());
        }
        if (user.email() != null) {
            access.claim("email", user.email());
        }
        var id = new JWTClaimsSet.Builder()
                .issuer(issuer).subject(user.id()).audience(grant.clientId())
                .claim("oid", user.id()).claim("tid", LocalSignIn.TENANT)
                .claim("name", user.displayName()).claim("preferred_username", user.username())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(accessLifetime)));
        if (nonce != null) {
            id.claim("nonce", nonce);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("token_type", "Bearer");
        response.put("scope", scope);
        response.put("expires_in", accessLifetime.toSeconds());
        response.put("ext_expires_in", accessLifetime.toSeconds());
        response.put("access_token", key.sign(access.build(), "at+jwt"));
        response.put("id_token", key.sign(id.build(), "JWT"));
        if (scope.contains("offline_access")) {
            String refreshToken = KeyedHash.newToken(random);
            store.refreshTokens().add(hash.of(KeyedHash.Kind.SIGN_IN_REFRESH_TOKEN, refreshToken), grant.id(), now,
                    now.plus(refreshLifetime));
            response.put("refresh_token", refreshToken);
        }
        // MSAL keys its account cache on client_info: {"uid","utid"} as base64url JSON
        String clientInfo = "{\"uid\":\"" + user.id() + "\",\"utid\":\"" + LocalSignIn.TENANT + "\"}";
        response.put("client_info", Base64.getUrlEncoder().withoutPadding().encodeToString(clientInfo.getBytes(StandardCharsets.UTF_8)));
        return response;
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank() || value.length() > 256) {
            throw new OAuthProblem(OAuthError.INVALID_REQUEST, "Missing or oversized parameter " + name + ".");
        }
    }
}
