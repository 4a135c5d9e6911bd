package org.devicelink.server.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Refresh tokens kept as chains (a linked device's session, a sign-in at the local provider), each token stored only
 * as its digest: what rotation with reuse detection needs of the table that holds them.
 */
public interface TokenChains {

    /**
     * @param chainId  the session the token belongs to (a device id, a sign-in grant)
     * @param clientId the client it was issued to
     * @param ended    whether the session has ended (unlinked, revoked, signed out)
     */
    record Token(String chainId, String clientId, Instant expiresAt, Instant rotatedAt, boolean ended) {}

    Optional<Token> find(String tokenHash);

    /** Marks a token used; false when it already was (a copy came back, or two uses raced). */
    boolean markRotated(String tokenHash, Instant now);

    /** Ends the whole session: a used token came back, so someone holds a copy. */
    void endChain(String chainId, Instant now);

    /** Adds the next token of a chain. */
    void add(String tokenHash, String chainId, Instant now, Instant expiresAt);

    /**
     * The part every token table shares: {@code token_hash}, the chain's column, {@code issued_at}, {@code expires_at},
     * {@code rotated_at}. What a chain is, and how it ends, is the table's own.
     */
    abstract class Table implements TokenChains {
        private final Sql sql;
        private final String table;
        private final String chainColumn;

        Table(Sql sql, String table, String chainColumn) {
            this.sql = sql;
            this.table = table;
            this.chainColumn = chainColumn;
        }

        @Override
        public boolean markRotated(String tokenHash, Instant now) {
            return sql.update("UPDATE " + table + " SET rotated_at = ? WHERE token_hash = ? AND rotated_at IS NULL", now, tokenHash) == 1;
        }

        @Override
        public void add(String tokenHash, String chainId, Instant now, Instant expiresAt) {
            sql.update("INSERT INTO " + table + " (token_hash, " + chainColumn + ", issued_at, expires_at) VALUES (?, ?, ?, ?)",
                    tokenHash, chainId, now, expiresAt);
        }
    }
}
