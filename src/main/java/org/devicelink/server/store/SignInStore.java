package org.devicelink.server.store;

import java.time.Instant;
import java.util.Optional;

/**
 * The local provider's sign-ins: one-time authorization codes ({@code authorization_codes}), and the grants they
 * start ({@code sign_in_grants}) with their rotating refresh tokens ({@code idp_refresh_tokens}). Codes and tokens
 * are kept as digests only.
 */
public final class SignInStore {

    private final Sql sql;

    public SignInStore(Sql sql) {
        this.sql = sql;
    }

    /** A code handed to the app, bound to its client, redirect URI and PKCE challenge, and to the grant it starts. */
    public record Code(String userId, String clientId, String redirectUri, String challenge, String scope, String nonce,
                       Instant expiresAt, Instant usedAt, String grantId) {}

    public record Grant(String id, String userId, String clientId, String scope) {}

    public void insertCode(String codeHash, Code code) {
        sql.update("INSERT INTO authorization_codes (code_hash, user_id, client_id, redirect_uri, code_challenge, scope, nonce, "
                        + "expires_at, grant_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                codeHash, code.userId(), code.clientId(), code.redirectUri(), code.challenge(), code.scope(), code.nonce(),
                code.expiresAt(), code.grantId());
    }

    public Optional<Code> findCode(String codeHash) {
        return sql.queryOne("SELECT user_id, client_id, redirect_uri, code_challenge, scope, nonce, expires_at, used_at, grant_id "
                        + "FROM authorization_codes WHERE code_hash = ?",
                r -> new Code(r.string("user_id"), r.string("client_id"), r.string("redirect_uri"), r.string("code_challenge"),
                        r.string("scope"), r.string("nonce"), r.instant("expires_at"), r.instant("used_at"), r.string("grant_id")),
                codeHash);
    }

    /** Exactly-once use of a code: only one caller gets true. */
    public boolean useCode(String codeHash, Instant now) {
        return sql.update("UPDATE authorization_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL", now, codeHash) == 1;
    }

    public void startGrant(Grant grant, Instant now) {
        sql.update("INSERT INTO sign_in_grants (id, user_id, client_id, scope, started_at) VALUES (?, ?, ?, ?, ?)",
                grant.id(), grant.userId(), grant.clientId(), grant.scope(), now);
    }

    public Optional<Grant> findGrant(String id) {
        return sql.queryOne("SELECT id, user_id, client_id, scope FROM sign_in_grants WHERE id = ?",
                r -> new Grant(r.string("id"), r.string("user_id"), r.string("client_id"), r.string("scope")), id);
    }

    /** Whether a sign-in still stands: not ended, and its account not removed (which removes its sign-ins). */
    public boolean active(String id) {
        return sql.queryOne("SELECT id FROM sign_in_grants WHERE id = ? AND ended_at IS NULL", r -> r.string("id"), id).isPresent();
    }

    /** Ends a sign-in: its refresh tokens stop working, and its access tokens with them. */
    public void endGrant(String id, Instant now) {
        sql.update("UPDATE sign_in_grants SET ended_at = ? WHERE id = ? AND ended_at IS NULL", now, id);
    }

    /** The sign-ins' refresh tokens, in chains per grant. */
    public TokenChains refreshTokens() {
        return new TokenChains.Table(sql, "idp_refresh_tokens", "grant_id") {
            @Override
            public Optional<Token> find(String tokenHash) {
                return sql.queryOne("SELECT t.grant_id, g.client_id, t.expires_at, t.rotated_at, g.ended_at FROM idp_refresh_tokens t "
                                + "JOIN sign_in_grants g ON g.id = t.grant_id WHERE t.token_hash = ?",
                        r -> new Token(r.string("grant_id"), r.string("client_id"), r.instant("expires_at"), r.instant("rotated_at"),
                                r.instant("ended_at") != null), tokenHash);
            }

            @Override
            public void endChain(String grantId, Instant now) {
                endGrant(grantId, now);
            }
        };
    }
}
