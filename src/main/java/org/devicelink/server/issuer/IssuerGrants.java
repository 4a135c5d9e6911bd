package org.devicelink.server.issuer;

import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.devicelink.protocol.LocalSignIn;
import org.devicelink.protocol.OAuthError;
import org.devicelink.server.oauth.OAuthProblem;
import org.devicelink.server.store.KeyedHash;
import org.devicelink.server.store.Sql;

/**
 * The local provider's grants: one-time authorization codes (60 s, PKCE-bound) and rotating refresh tokens, and
 * the tokens MSAL expects back: an access token for the link server's API, an ID token, and {@code client_info}.
 */
final class IssuerGrants {

    static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    private static final String CODE_KIND = "idp-code";
    private static final String REFRESH_KIND = "idp-refresh-token";

    private final Sql sql;
    private final LocalUsers users;
    private final IssuerKeys keys;
    private final KeyedHash hash;
    private final String issuer;
    private final Duration accessLifetime;
    private final Duration refreshLifetime;
    private final Clock clock;
    private final SecureRandom random;

    IssuerGrants(Sql sql, LocalUsers users, IssuerKeys keys, KeyedHash hash, String issuer, Duration accessLifetime,
                 Duration refreshLifetime, Clock clock, SecureRandom random) {
        this.sql = sql;
        this.users = users;
        this.keys = keys;
        this.hash = hash;
        this.issuer = issuer;
        this.accessLifetime = accessLifetime;
        this.refreshLifetime = refreshLifetime;
        this.clock = clock;
        this.random = random;
    }

    String issueCode(LocalUser user, AuthorizationRequest request) {
        String code = KeyedHash.newToken(random);
        sql.update("INSERT INTO authorization_codes (code_hash, user_id, client_id, redirect_uri, code_challenge, scope, nonce, "
                        + "expires_at, grant_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                hash.of(CODE_KIND, code), user.id(), request.clientId(), request.redirectUri(), request.codeChallenge(),
                request.scope(), request.nonce(), clock.instant().plus(CODE_LIFETIME), UUID.randomUUID().toString());
        return code;
    }

    private record StoredCode(String userId, String clientId, String redirectUri, String challenge, String scope,
                              String nonce, Instant expiresAt, Instant usedAt, String grantId) {}

    Map<String, Object> exchangeCode(String clientId, String code, String redirectUri, String verifier) {
        require(clientId, "client_id");
        require(code, "code");
        String codeHash = hash.of(CODE_KIND, code);
        Instant now = clock.instant();
        StoredCode stored = sql.queryOne("SELECT user_id, client_id, redirect_uri, code_challenge, scope, nonce, expires_at, used_at, grant_id "
                        + "FROM authorization_codes WHERE code_hash = ?",
                r -> new StoredCode(r.string("user_id"), r.string("client_id"), r.string("redirect_uri"), r.string("code_challenge"),
                        r.string("scope"), r.string("nonce"), r.instant("expires_at"), r.instant("used_at"), r.string("grant_id")),
                codeHash).orElseThrow(() -> new OAuthProblem(OAuthError.INVALID_GRANT, "Unknown authorization code."));
        if (stored.usedAt() != null) {
            // RFC 6749 §4.1.2: a replayed code revokes what the first use obtained
            sql.update("UPDATE idp_refresh_tokens SET revoked = TRUE WHERE grant_id = ?", stored.grantId());
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
        if (!MessageDigest.isEqual(s256(verifier).getBytes(StandardCharsets.US_ASCII), stored.challenge().getBytes(StandardCharsets.US_ASCII))) {
            throw new OAuthProblem(OAuthError.INVALID_GRANT, "The code_verifier does not match the code_challenge.");
        }
        if (sql.update("UPDATE authorization_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL", now, codeHash) != 1) {
            throw new OAuthProblem(OAuthError.INVALID_GRANT, "This authorization code was already used.");
        }
        LocalUser user = users.findById(stored.userId())
                .orElseThrow(() -> new OAuthProblem(OAuthError.INVALID_GRANT, "The account no longer exists."));
        return tokens(user, clientId, stored.scope(), stored.nonce(), stored.grantId());
    }

    private record StoredRefresh(String grantId, String userId, String clientId, String scope, Instant expiresAt,
                                 Instant rotatedAt, boolean revoked) {}

    Map<String, Object> refresh(String clientId, String refreshToken) {
        require(clientId, "client_id");
        require(refreshToken, "refresh_token");
        String tokenHash = hash.of(REFRESH_KIND, refreshToken);
        Instant now = clock.instant();
        Optional<Map<String, Object>> issued = sql.inTransaction(() -> {
            StoredRefresh stored = sql.queryOne("SELECT grant_id, user_id, client_id, scope, expires_at, rotated_at, revoked "
                            + "FROM idp_refresh_tokens WHERE token_hash = ?",
                    r -> new StoredRefresh(r.string("grant_id"), r.string("user_id"), r.string("client_id"), r.string("scope"),
                            r.instant("expires_at"), r.instant("rotated_at"), r.bool("revoked")), tokenHash)
                    .orElseThrow(() -> new OAuthProblem(OAuthError.INVALID_GRANT, "Unknown refresh token: sign in again."));
            if (stored.revoked() || !stored.clientId().equals(clientId)) {
                throw new OAuthProblem(OAuthError.INVALID_GRANT, "This sign-in has ended: sign in again.");
            }
            if (stored.rotatedAt() != null
                    || sql.update("UPDATE idp_refresh_tokens SET rotated_at = ? WHERE token_hash = ? AND rotated_at IS NULL", now, tokenHash) != 1) {
                sql.update("UPDATE idp_refresh_tokens SET revoked = TRUE WHERE grant_id = ?", stored.grantId());
                return Optional.empty();
            }
            if (!now.isBefore(stored.expiresAt())) {
                throw new OAuthProblem(OAuthError.INVALID_GRANT, "The sign-in has expired: sign in again.");
            }
            LocalUser user = users.findById(stored.userId())
                    .orElseThrow(() -> new OAuthProblem(OAuthError.INVALID_GRANT, "The account no longer exists."));
            return Optional.of(tokens(user, clientId, stored.scope(), null, stored.grantId()));
        });
        return issued.orElseThrow(() -> new OAuthProblem(OAuthError.INVALID_GRANT,
                "This refresh token was already used, so the sign-in was ended for safety: sign in again."));
    }

    /** The token response MSAL reads: tokens, scope (as granted, so its cache finds them), expiry, client_info. */
    private Map<String, Object> tokens(LocalUser user, String clientId, String scope, String nonce, String grantId) {
        Instant now = clock.instant();
        var access = new JWTClaimsSet.Builder()
                .issuer(issuer).subject(user.id()).audience(LocalSignIn.API_AUDIENCE)
                .claim("scp", scope.contains(LocalSignIn.API_SCOPE) ? LocalSignIn.API_SCOPE : "")
                .claim("azp", clientId).claim("oid", user.id()).claim("tid", LocalSignIn.TENANT)
                .claim("name", user.displayName()).claim("preferred_username", user.username())
                .claim("roles", List.of(user.role()))
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plus(accessLifetime)))
                .jwtID(UUID.randomUUID().toString());
        if (user.familyId() != null) {
            access.claim("family", user.familyId());
        }
        var id = new JWTClaimsSet.Builder()
                .issuer(issuer).subject(user.id()).audience(clientId)
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
        response.put("access_token", keys.sign(access.build(), "at+jwt"));
        response.put("id_token", keys.sign(id.build(), "JWT"));
        if (scope.contains("offline_access")) {
            String refreshToken = KeyedHash.newToken(random);
            sql.update("INSERT INTO idp_refresh_tokens (token_hash, grant_id, user_id, client_id, scope, issued_at, expires_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", hash.of(REFRESH_KIND, refreshToken), grantId, user.id(), clientId, scope,
                    now, now.plus(refreshLifetime));
            response.put("refresh_token", refreshToken);
        }
        // MSAL keys its account cache on client_info: {"uid","utid"} as base64url JSON
        String clientInfo = "{\"uid\":\"" + user.id() + "\",\"utid\":\"" + LocalSignIn.TENANT + "\"}";
        response.put("client_info", Base64.getUrlEncoder().withoutPadding().encodeToString(clientInfo.getBytes(StandardCharsets.UTF_8)));
        return response;
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }


    private static void require(String value, String name) {
        if (value == null || value.isBlank() || value.length() > 256) {
            throw new OAuthProblem(OAuthError.INVALID_REQUEST, "Missing or oversized parameter " + name + ".");
        }
    }
}
